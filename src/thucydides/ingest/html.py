"""HTML pages: the article's main text, title, date, URL and site name with trafilatura.

Boilerplate (menus, footers, comment widgets) is dropped. Paragraphs are separated by a
blank line so a headline or caption never runs into the next sentence. The headline,
when trafilatura puts it at the top of the text, moves to `title` only (no duplicate
events from headline and lead). The author is extracted but the record has no field
for it yet.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from thucydides.ingest.common import (
    BadInput,
    html_to_text,
    normalize_date,
    paragraphs,
)
from thucydides.ingest.detect import read_whole
from thucydides.model import Document

# trafilatura logs its own misgivings about odd pages; our BadInput already says it.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def extract_html(data: bytes | str, name: str) -> Document | BadInput:
    """One page -> Document (id = name), or BadInput when there is no main text."""
    import trafilatura  # imported here: a 0.1 s import that only HTML input needs

    try:
        result: Any = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # noqa: BLE001 - any parser failure is this page's problem
        return BadInput(name, None, f"{name} could not be parsed as HTML ({type(exc).__name__}).")
    meta: dict[str, Any] = {}
    if result is not None:
        meta = result if isinstance(result, dict) else result.as_dict()
    text = paragraphs((meta.get("text") or "").replace("\n", "\n\n"))
    title = " ".join((meta.get("title") or "").split()) or None
    if title and text.startswith(title):
        rest = text[len(title) :]
        if rest.startswith("\n\n"):
            text = rest.lstrip()
    if not text.strip():  # a bare fragment trafilatura declines: its visible text will do
        text = html_to_text(_decode(data))
    if not text.strip():
        return BadInput(name, None, f"{name} has no article text that could be extracted.")
    return Document(
        id=name,
        text=text,
        date=normalize_date(meta.get("date"), name),
        title=title,
        url=meta.get("url") or None,
        source=meta.get("sitename") or meta.get("hostname") or None,
    )


def read_html(
    source: str | Path | BinaryIO, name: str | None = None, *, strict: bool = True
) -> Iterator[Document | BadInput]:
    """The page's article as one Document; its encoding is detected from the bytes."""
    yield from read_whole(
        source, name, strict, "HTML", lambda data, where: iter([extract_html(data, where)])
    )
