"""Long texts in parser-sized pieces.

A document longer than CHUNK_CHARS is parsed in pieces cut at paragraph breaks, so
memory stays flat on huge inputs; every piece keeps its offset into the whole text, and
the coder shifts offsets back. Pieces are parsed in batches bounded by characters as well
as by count, since the parse's working memory grows with the characters it holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from thucydides.model import Document

# spaCy's parse of one piece costs about 3 KB of memory per character while it runs
# (100,000 characters: 300 MB), so pieces stay short: a news story (VOA's longest:
# 7,200) is one.
CHUNK_CHARS = 20_000
# Characters parsed together in one nlp.pipe batch (besides at most `batch_size` pieces):
# the parse's working memory grows with the batch's characters, not its document count.
PIPE_CHARS = 60_000


@dataclass(slots=True)
class Chunk:
    """One piece of a document, where it starts in the document, and whether it is the
    document's first (its headline) or last piece."""

    doc: Document
    offset: int
    first: bool
    last: bool
    text: str  # the piece as given; the parser reads it recased and with datelines set
    # apart (Coder.parse_text), never with a character moved


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def parseable(text: str) -> str:
    """Lone UTF-16 surrogates (JSON allows "\\ud800") crash spaCy; each becomes U+FFFD,
    one character for one, so every offset still points into the text as given."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def split_chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut text into pieces of at most `limit` chars at paragraph, line or space breaks."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        # the strongest break in the window's second half: paragraph, line, sentence, word
        found = (window.rfind(sep) for sep in ("\n\n", "\n", ". ", " "))
        cut = next((at + 1 for at in found if at > limit // 2), limit)
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def chunked(docs: Iterable[Document]) -> Iterator[tuple[Document, list[tuple[int, str]], int]]:
    """Each document with its pieces ((offset, text) pairs) and how many there are."""
    for d in docs:
        pieces = split_chunks(parseable(d.text))
        yield d, pieces, len(pieces)


def char_batches(
    stream: Iterable[tuple[str, Chunk]], size: int, chars: int
) -> Iterator[list[tuple[str, Chunk]]]:
    """Groups of at most `size` items and, past the first item, `chars` characters."""
    group: list[tuple[str, Chunk]] = []
    total = 0
    for item in stream:
        if group and (len(group) >= size or total + len(item[0]) > chars):
            yield group
            group, total = [], 0
        group.append(item)
        total += len(item[0])
    if group:
        yield group
