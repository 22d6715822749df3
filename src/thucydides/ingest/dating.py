"""Publication dates for documents that arrive without one, and a count of those left undated.

A document's own date (a record's `date`, a feed entry's, an HTML page's metadata, a
plain-text `Date:` line) comes first. Without one, the date of the dateline that opens
the story ("BRUSSELS, Feb 24 (AP) -", "March 3, 2025 --"); a dateline without a year
takes the year of the default date (`--date`, or `[documents] date` in thucydides.toml)
and without a default it is not guessed. Then the default date itself. Whatever is left
is undated, and `DateTally` counts it so that every run can say so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from thucydides.datelines import dateline_date
from thucydides.ingest.common import normalize_date
from thucydides.model import Document

# "Date: 2025-03-03" among the "Key: value" lines that open a plain-text file
_HEADER_LINE = re.compile(
    r"[ \t]*(?P<key>[A-Za-z][A-Za-z -]{0,20}?)[ \t]*:[ \t]*(?P<value>\S.*?)\s*"
)
MAX_HEADER_LINES = 10


def split_date_line(text: str, where: str) -> tuple[str, str | None]:
    """(text without its `Date:` header line, the ISO date it gives), looked for in the
    block of "Key: value" lines that opens the text; (text, None) when there is none or
    its date cannot be read (a warning says so, and the line stays as written)."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    for i in range(first, min(len(lines), first + MAX_HEADER_LINES)):
        m = _HEADER_LINE.fullmatch(lines[i])
        if m is None:
            break
        if m.group("key").lower() == "date":
            iso = normalize_date(m.group("value"), f"{where} Date: line")
            if iso is None:
                return text, None
            rest = lines[:i] + lines[i + 1 :]
            return "\n".join(rest).lstrip("\n") if i == first else "\n".join(rest), iso
    return text, None


@dataclass(slots=True)
class DateTally:
    """How many documents were read, and how many stayed undated (and why)."""

    documents: int = 0
    undated: int = 0
    yearless: list[str] = field(default_factory=list)  # undated: a dateline date without a year

    def warning(self) -> str | None:
        """One line for the run's summary, or None when every document has a date."""
        if not self.undated:
            return None
        n, of = self.undated, self.documents
        has, its = ("has", "its") if n == 1 else ("have", "their")
        line = (
            f"{n} of {of} document{'s' if of != 1 else ''} {has} no date; {its} events are "
            "undated (give --date or a Date: line)."
        )
        if self.yearless:
            k = len(self.yearless)
            which = "it has" if n == 1 else ("1 of them has" if k == 1 else f"{k} of them have")
            line += (
                f" {which} a dateline date without a year ({self.yearless[0]!r}); "
                "--date gives it the year."
            )
        return line


def fill_date(doc: Document, default: str | None, tally: DateTally | None = None) -> Document:
    """Give `doc` the best publication date it has (module docstring), in place."""
    if doc.date is None:
        found = dateline_date(doc.text)
        year = found.year if found is not None else None
        if found is not None and year is None and default is not None:
            year = int(default[:4])
        if found is not None and year is not None:
            try:
                doc.date = dt.date(year, found.month, found.day).isoformat()
            except ValueError:  # "Feb 30"
                pass
        if doc.date is None:
            doc.date = default
        if doc.date is None and tally is not None and found is not None:
            tally.yearless.append(found.text)
    if tally is not None:
        tally.documents += 1
        tally.undated += doc.date is None
    return doc
