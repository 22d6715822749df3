"""Filters: what a user asks for (query string, CLI options) as a SQL condition.

The one place where user input meets SQL. Every value is checked (one clear sentence
per mistake) and bound as a `?` parameter; column names come from this file only.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from thucydides.errors import UserError

POLARITIES = ("asserted", "negated")
MODALITIES = ("actual", "intended", "hypothetical", "reported_possible")

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CODE = re.compile(r"^[A-Za-z0-9]{1,40}$")
_CAMEO = re.compile(r"^\d{2,4}$")
_PLOVER = re.compile(r"^[A-Za-z_]{2,40}$")


@dataclass(slots=True)
class Filters:
    """Which events to count. Every field is optional; all given ones must hold."""

    start: str | None = None  # first day, YYYY[-MM[-DD]], inclusive
    end: str | None = None  # last day, YYYY[-MM[-DD]], inclusive (2011-10 = to Oct 31)
    actor: str | None = None  # source or target actor code
    source: str | None = None
    target: str | None = None
    country: str | None = None  # source or target actor's country (ISO3)
    code: str | None = None  # CAMEO code or a prefix of it ("04" = all consultations)
    root: str | None = None
    quad: int | None = None
    plover: str | None = None
    place: str | None = None  # location name, exactly as stored
    polarity: str | None = None
    modality: str | None = None
    q: str | None = None  # words in the sentence, case-insensitive
    min_confidence: float | None = None
    doc_id: str | None = None
    undated: bool | None = None  # True: only events without a date; False: only dated ones

    @classmethod
    def parse(cls, params: dict[str, Any]) -> Filters:
        """Filters from user input (query string, CLI options); one clear UserError per bad value."""
        f = cls()
        for fld in fields(cls):
            raw = params.get(fld.name)
            if raw is None or (isinstance(raw, str) and raw.strip() == ""):
                continue
            setattr(f, fld.name, _check(fld.name, str(raw).strip()))
        if f.start and f.end and f.start > f.end:
            raise UserError(f"The start date {f.start} is after the end date {f.end}.")
        return f

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition over `events` (alias-free) and its parameters."""
        sql: list[str] = []
        params: list[Any] = []

        def add(cond: str, *values: Any) -> None:
            sql.append(cond)
            params.extend(values)

        if self.start:
            add("date >= ?", self.start)
        if self.end:
            add("date <= ?", self.end)
        if self.actor:
            add("(source_code = ? OR target_code = ?)", self.actor, self.actor)
        for col in ("source", "target"):
            if getattr(self, col):
                add(f"{col}_code = ?", getattr(self, col))
        if self.country:
            add("(source_country = ? OR target_country = ?)", self.country, self.country)
        if self.code:
            add("starts_with(cameo_code, ?)", self.code)
        if self.root:
            add("cameo_root = ?", self.root)
        if self.quad is not None:
            add("cameo_quad_class = ?", self.quad)
        if self.plover:
            add("plover_event_type = ?", self.plover)
        if self.place:
            add("location_name = ?", self.place)
        if self.polarity:
            add("polarity = ?", self.polarity)
        if self.modality:
            add("modality = ?", self.modality)
        if self.doc_id:
            add("doc_id = ?", self.doc_id)
        if self.q:
            add("sentence ILIKE ? ESCAPE '\\'", "%" + _escape_like(self.q) + "%")
        if self.min_confidence is not None:
            add("confidence >= ?", self.min_confidence)
        if self.undated is not None:
            sql.append(f"TRY_CAST(date AS DATE) IS {'' if self.undated else 'NOT '}NULL")
        return (" AND ".join(sql) or "TRUE"), params

    def as_params(self) -> dict[str, str]:
        """The non-empty filters as strings: for URLs and reports."""
        out = {f.name: str(v) for f in fields(self) if (v := getattr(self, f.name)) is not None}
        if self.undated is not None:
            out["undated"] = "1" if self.undated else "0"
        return out


def _check(name: str, value: str) -> Any:
    if len(value) > 200:
        raise UserError(f"The {name} filter is too long (200 characters at most).")
    if name in ("start", "end"):
        return _date_bound(value, name == "end")
    if name in ("actor", "source", "target", "country"):
        if not _CODE.match(value):
            raise UserError(f"{name} must be an actor code of letters and digits, like USAGOV.")
        return value.upper()
    if name in ("code", "root"):
        if not _CAMEO.match(value) or (name == "root" and len(value) != 2):
            raise UserError(
                f"{name} must be a CAMEO code of digits, like {'04' if name == 'root' else '042'}."
            )
        return value
    if name == "quad":
        if value not in ("1", "2", "3", "4"):
            raise UserError("quad must be a quad class: 1, 2, 3 or 4.")
        return int(value)
    if name == "plover":
        if not _PLOVER.match(value):
            raise UserError("plover must be a PLOVER event type, like CONSULT.")
        return value.upper()
    if name in ("polarity", "modality"):
        allowed = POLARITIES if name == "polarity" else MODALITIES
        if value not in allowed:
            raise UserError(f"{name} must be one of: {', '.join(allowed)}.")
        return value
    if name == "min_confidence":
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not 0.0 <= number <= 1.0:
            raise UserError("min_confidence must be a number from 0 to 1.")
        return number
    if name == "undated":
        if value.lower() not in ("1", "true", "yes", "0", "false", "no"):
            raise UserError("undated must be 1 (only undated events) or 0 (only dated ones).")
        return value.lower() in ("1", "true", "yes")
    return value  # q, place, doc_id: only ever bound as parameters


def _date_bound(value: str, end: bool) -> str:
    m = _DATE.match(value)
    try:
        if not m:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
        last = calendar.monthrange(year, month)[1]
        return date(year, month, int(day) if day else (last if end else 1)).isoformat()
    except ValueError:
        raise UserError(
            f"Dates must look like 2011-10-24 (or 2011-10, 2011), not {value!r}."
        ) from None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
