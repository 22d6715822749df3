"""Finding a phrase of a parsed test sentence as a span, for the actor tests."""

from __future__ import annotations


def span_of(doc, text, nth=0):
    """The `nth` occurrence (from 0) of `text` in `doc` as a span of whole tokens."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    span = doc.char_span(start, start + len(text))
    assert span is not None, text
    return span
