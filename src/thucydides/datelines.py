"""Wire-story datelines, cut off from the sentence they open, and the date they carry.

"BERLIN -- A court in Saxony has found..." parses with BERLIN as the subject of the
conviction. Before parsing, a dateline at the start of a paragraph ("BERLIN --",
"THE HAGUE, Netherlands --", "KABUL (Pajhwok):", "Tehran, March 15, IRNA -",
"WASHINGTON, March 3, 2025 (Reuters) -", or a date alone: "March 3, 2025 --") has its
separator replaced by a full stop and spaces, so the parser sees a short sentence of its
own (whose place still counts for the document) and the report's first sentence intact.
Every character keeps its offset; records show the text as written.

`dateline_date` reads the publication date a story's opening dateline carries, with the
same pattern: readers use it for documents that come without a date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from thucydides.dates import MONTHS

_PLACE = r"(?:[A-Z][A-Za-z'.-]*(?: [A-Z][A-Za-z'.-]*){0,3})"
_MONTH = r"[A-Z][a-z]{2,8}\.?"  # checked against the month names when the date is read
_MONTH_DAY = rf"{_MONTH} \d{{1,2}}(?:,? \d{{4}})?"  # March 15 / Feb. 24 / March 3, 2025
_DAY_MONTH = rf"\d{{1,2}} {_MONTH}(?: \d{{4}})?"  # 3 March / 3 March 2025
_DATELINE = re.compile(
    r"(?m)^(?:"
    rf"(?P<head>{_PLACE})"  # BERLIN, THE HAGUE, Tehran, LA PAZ
    rf"(?:, (?:{_MONTH_DAY}|{_DAY_MONTH}|{_PLACE}))*"  # , Netherlands / , March 15
    rf"|(?P<alone>{_MONTH_DAY})"  # a date alone: March 3, 2025 --
    r")"
    r"(?: ?\([^()\n]{1,30}\))?"  # (Pajhwok), (Sputnik)
    r"(?P<sep> ?(?:--|\u2014|\u2013| - |:) ?)"
    r"(?=[\"'\u201c]?[A-Z])"  # the report's first word
)
_DATE_IN = re.compile(
    r"\b(?:(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2})(?:,? (?P<year>\d{4}))?"
    r"|(?P<day2>\d{1,2}) (?P<month2>[A-Z][a-z]{2,8})\.?(?: (?P<year2>\d{4}))?)\b"
)
MAX_DATELINE = 60
OPENING = 400  # a story's dateline opens it, after at most a headline


@dataclass(frozen=True, slots=True)
class DatelineDate:
    """The date of an opening dateline; `year` is None when the dateline gives none."""

    month: int
    day: int
    year: int | None
    text: str  # as written, e.g. "Feb 24"


def _datelines(text: str) -> list[re.Match[str]]:
    return [m for m in _DATELINE.finditer(text) if m.end() - m.start() <= MAX_DATELINE]


class DatelineMarker:
    """`marker(text)` -> the same text with each dateline's separator made a full stop."""

    def __init__(self, is_place: Callable[[str], bool]) -> None:
        """`is_place(name)`: whether a name is a place the gazetteer knows; a dateline's
        head must be one, or be written in capitals ("WHITE HOUSE")."""
        self.is_place = is_place

    def __call__(self, text: str) -> str:
        out: list[str] | None = None
        for m in _datelines(text):
            head = m.group("head")
            if head is None:
                if _read_date(m.group("alone")) is None:
                    continue  # "Chapter 3 -", not a date
            elif not (head.isupper() and len(head) > 2) and not self.is_place(head):
                continue
            if out is None:
                out = list(text)
            a, b = m.span("sep")
            out[a:b] = "." + " " * (b - a - 1)
        return text if out is None else "".join(out)


def _read_date(fragment: str) -> DatelineDate | None:
    for m in _DATE_IN.finditer(fragment):
        month = MONTHS.get((m.group("month") or m.group("month2")).lower())
        day = int(m.group("day") or m.group("day2"))
        year_text = m.group("year") or m.group("year2")
        if month is None or not 1 <= day <= 31:
            continue
        return DatelineDate(month, day, int(year_text) if year_text else None, m.group(0))
    return None


def dateline_date(text: str) -> DatelineDate | None:
    """The date in the dateline that opens a story ("BRUSSELS, Feb 24 (AP) -",
    "March 3, 2025 --"), looked for in its first OPENING characters; None without one."""
    for m in _datelines(text[:OPENING]):
        found = _read_date(m.group(0)[: m.start("sep") - m.start()])
        if found is not None:
            return found
    return None
