"""RSS and Atom feeds with feedparser: each entry is one Document.

id = the entry's id (guid), else its link, else "PATH#N"; text = the fullest of content
and summary, HTML stripped to paragraphs; an entry with no body but a title is coded
from its headline (headline-only feeds are common). source = the feed's title.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from thucydides.ingest.common import BadInput, html_to_text, normalize_date
from thucydides.ingest.detect import read_whole
from thucydides.model import Document


def _clean(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _body(entry: Any) -> str:
    """The longest body the entry has, as plain text."""
    candidates = [c for c in entry.get("content") or [] if c.get("value")]
    if entry.get("summary"):
        candidates.append(entry.get("summary_detail") or {"value": entry["summary"]})
    best = ""
    for c in candidates:
        value = c.get("value") or ""
        kind = (c.get("type") or "text/html").lower()
        text = html_to_text(value) if "html" in kind else " ".join(value.split())
        if len(text) > len(best):
            best = text
    return best


def _date(entry: Any, where: str) -> str | None:
    """The date as written (the publisher's local day), else feedparser's UTC reading.

    dict.get: FeedParserDict maps a missing "updated" to "published" with a warning.
    """
    raw = [dict.get(entry, k) for k in ("published", "updated", "created")]
    for value in raw:
        if value and (iso := normalize_date(value, where, warn=False)):
            return iso
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if parsed := dict.get(entry, key):
            return time.strftime("%Y-%m-%d", parsed)
    for value in raw:
        if value:
            return normalize_date(value, where)  # unreadable: this logs the warning
    return None


def parse_feed(data: bytes, name: str) -> Iterator[Document | BadInput]:
    import feedparser  # only feeds need it

    parsed = feedparser.parse(data)  # bytes: feedparser never fetches a URL
    if parsed.bozo and not parsed.entries:
        yield BadInput(name, None, f"{name} is not a valid RSS or Atom feed.")
        return
    source = _clean(parsed.feed.get("title"))
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{name} entry {n}"
        title = _clean(entry.get("title"))
        text = _body(entry) or title or ""
        if not text:
            yield BadInput(name, None, f"{where} has no text and no title.")
            continue
        link = _clean(entry.get("link"))
        yield Document(
            id=_clean(entry.get("id")) or link or f"{name}#{n}",
            text=text,
            date=_date(entry, where),
            title=title,
            url=link,
            source=source,
        )


def read_feed(
    source: str | Path | BinaryIO, name: str | None = None, *, strict: bool = True
) -> Iterator[Document | BadInput]:
    """Each entry's Document; a file that is no feed at all is one BadInput."""
    yield from read_whole(source, name, strict, "a feed", parse_feed)
