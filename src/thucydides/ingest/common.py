"""What every reader shares: the BadInput report, record fields, dates and HTML-to-text.

A reader never raises for a bad document: it yields a `BadInput` and goes on, so one
broken record cannot stop a batch of millions. Only a missing path is a `UserError`.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from thucydides.model import Document

log = logging.getLogger("thucydides.ingest")

FIELDS = ("id", "text", "title", "date", "url", "source")


@dataclass(frozen=True, slots=True)
class BadInput:
    """A skipped file, line or entry. `reason` is one sentence naming the path (and line)."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        return self.reason


# --- binary and UTF-8 -------------------------------------------------------------------

_TEXT_CONTROLS = {7, 8, 9, 10, 11, 12, 13, 27}


def looks_binary(head: bytes) -> bool:
    """NUL bytes, or more than one byte in ten a control character or not UTF-8: not text.

    A Latin-1 article has a few bytes that are not UTF-8 (it is "not UTF-8 text"); an
    image or a zip file has them everywhere (it "looks binary").
    """
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if (b < 32 and b not in _TEXT_CONTROLS) or b == 127)
    invalid = head.decode("utf-8", "replace").count("\ufffd") - head.count("\ufffd".encode())
    return (controls + invalid) * 10 > len(head)


# --- records (JSONL and CSV rows) -----------------------------------------------------


def _optional_str(value: Any, field: str, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        log.warning("%s: %r is not text, so the field %r is left empty.", where, value, field)
        return None
    text = str(value).strip()
    return text or None


def record_to_document(record: Mapping[str, Any], path: str, line: int) -> Document | BadInput:
    """One JSONL object or CSV row -> Document.

    Only `text` is required. A missing id becomes "PATH:LINE" (unique and stable across
    runs). An unreadable date keeps the document with date None and logs a warning.
    """
    where = f"{path} line {line}"
    text = record.get("text")
    if text is None:
        return BadInput(path, line, f'{where} has no "text" field.')
    if not isinstance(text, str):
        kind = type(text).__name__
        return BadInput(path, line, f'{where}: "text" must be a string, not {kind}.')
    if not text.strip():
        return BadInput(path, line, f'{where}: "text" is empty.')
    raw_id = record.get("id")
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
        doc_id = f"{path}:{line}"
    elif isinstance(raw_id, str):
        doc_id = raw_id.strip()
    elif isinstance(raw_id, int) and not isinstance(raw_id, bool):
        doc_id = str(raw_id)
    else:
        kind = type(raw_id).__name__
        return BadInput(path, line, f'{where}: "id" must be a string or an integer, not {kind}.')
    return Document(
        id=doc_id,
        text=text,
        date=normalize_date(record.get("date"), where),
        title=_optional_str(record.get("title"), "title", where),
        url=_optional_str(record.get("url"), "url", where),
        source=_optional_str(record.get("source"), "source", where),
    )


# --- dates ------------------------------------------------------------------------------

_STRPTIME = (
    "%B %d, %Y", "%B %d %Y", "%d %B %Y", "%d %B, %Y", "%b %d, %Y", "%b %d %Y", "%d %b %Y",
    "%d %b, %Y", "%Y/%m/%d", "%Y.%m.%d", "%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S",
)  # fmt: skip
_WEEKDAY = re.compile(
    r"^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE
)
_ABBREV_DOT = re.compile(r"\b([A-Za-z]{3,4})\.")
_ORDINAL = re.compile(r"\b(\d{1,2})(st|nd|rd|th)\b", re.IGNORECASE)
_TRAILING_TIME = re.compile(r"\s*(,|at)?\s+\d{1,2}[:.]\d{2}.*$", re.IGNORECASE)
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def _parse_date(text: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(text.replace("z", "Z")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    plain = _WEEKDAY.sub("", text)
    plain = _ABBREV_DOT.sub(r"\1", plain)
    plain = _ORDINAL.sub(r"\1", plain)
    plain = re.sub(r"\bSept\b", "Sep", plain, flags=re.IGNORECASE)
    plain = " ".join(plain.split())
    for candidate in (plain, _TRAILING_TIME.sub("", plain)):
        for fmt in _STRPTIME:
            try:
                return dt.datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
    m = _NUMERIC.match(plain)
    if m:  # English news: month/day/year, unless the first number cannot be a month
        a, b, year = (int(g) for g in m.groups())
        month, day = (b, a) if a > 12 else (a, b)
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


def normalize_date(value: Any, where: str, *, warn: bool = True) -> str | None:
    """A publication date as ISO YYYY-MM-DD, or None (with a warning if it was garbage).

    Accepts ISO 8601 (with or without time), RFC 2822 ("Mon, 06 Mar 2023 10:00:00 GMT"),
    "March 6, 2023", "Oct. 3, 2011", "6 March 2023", "2023/03/06" and 3/6/2023 (US order;
    day first only when the first number exceeds 12). Never dateparser: a relative date
    such as "yesterday" would be read against today's clock, not the article's.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    parsed = _parse_date(value.strip()) if isinstance(value, str) else None
    if parsed is None:
        if not warn:
            return None
        log.warning(
            "%s: the date %r is not a date we can read; the document is kept without a date.",
            where,
            value,
        )
        return None
    return parsed.isoformat()


# --- HTML fragments (feed entries) ------------------------------------------------------

_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "blockquote", "section", "article", "pre", "hr", "figcaption", "dd", "dt",
}  # fmt: skip
# Never article text: scripts, and the page furniture of a whole page given as a fragment.
_SKIP = {
    "script", "style", "noscript", "template", "head", "nav", "footer", "aside", "form",
    "button", "select", "svg",
}  # fmt: skip


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def paragraphs(text: str) -> str:
    """Collapse spaces inside paragraphs; paragraphs are separated by one blank line."""
    paras = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paras if p)


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment, one paragraph per block element."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return paragraphs("".join(collector.parts))
