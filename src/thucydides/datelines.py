"""Wire-story datelines, cut off from the sentence they open.

"BERLIN -- A court in Bavaria has convicted..." parses with BERLIN as the subject of the
conviction. Before parsing, a dateline at the start of a paragraph ("BERLIN --",
"THE HAGUE, Netherlands --", "KABUL (Pajhwok):", "Tehran, March 15, IRNA -") has its
separator replaced by a full stop and spaces, so the parser sees a short sentence of its
own (whose place still counts for the document) and the report's first sentence intact.
Every character keeps its offset; records show the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_PLACE = r"(?:[A-Z][A-Za-z'.-]*(?: [A-Z][A-Za-z'.-]*){0,3})"
_DATELINE = re.compile(
    rf"(?m)^(?P<head>{_PLACE})"  # BERLIN, THE HAGUE, Tehran, LA PAZ
    rf"(?:, (?:{_PLACE}|[A-Z][a-z]{{2,8}}\.? \d{{1,2}}))*"  # , Netherlands / , March 15
    r"(?: ?\([^()\n]{1,30}\))?"  # (Pajhwok), (Sputnik)
    r"(?P<sep> ?(?:--|\u2014|\u2013| - |:) ?)"
    r"(?=[\"'\u201c]?[A-Z])"  # the report's first word
)
MAX_DATELINE = 60


class DatelineMarker:
    """`marker(text)` -> the same text with each dateline's separator made a full stop."""

    def __init__(self, is_place: Callable[[str], bool]) -> None:
        """`is_place(name)`: whether a name is a place the gazetteer knows; a dateline's
        head must be one, or be written in capitals ("WHITE HOUSE")."""
        self.is_place = is_place

    def __call__(self, text: str) -> str:
        out: list[str] | None = None
        for m in _DATELINE.finditer(text):
            head = m.group("head")
            if m.end() - m.start() > MAX_DATELINE:
                continue
            if not (head.isupper() and len(head) > 2) and not self.is_place(head):
                continue
            if out is None:
                out = list(text)
            a, b = m.span("sep")
            out[a:b] = "." + " " * (b - a - 1)
        return text if out is None else "".join(out)
