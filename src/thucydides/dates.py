"""Event dates from a sentence and its publication date, by rules of our own.

Conventions (each pinned by tests/test_dates.py):
- Direction: a sentence in the future ("will", "is set to", "scheduled for") looks
  forward from publication, any other looks back. A bare weekday means the most recent
  such day on or before publication ("Monday" in a Monday story is that day); "last
  Monday" is strictly before it; "next Monday" strictly after. Month-day dates without a
  year and bare months ("in early April") take the year that keeps them on the right side
  of publication.
- Precision says how much of the ISO date is meant: "week" dates are the week's Monday
  ("last week" -> Monday of the previous week) or a weekend's Saturday ("over the
  weekend"); "month" dates are the 1st ("earlier this month", "in early April"); "year"
  dates are 1 January ("in 2009", "last year").
- Several expressions in one sentence: the most precise wins, then an absolute date over
  a relative one, then the first.
- No expression: the publication date, precision "publication"; no publication date
  and no absolute date: (None, None).
dateparser reads publication dates in odd formats; it is never used on sentences, where
it misreads bare weekdays and knows nothing of "over the weekend".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

from thucydides.errors import UserError

Resolved = tuple[str | None, str | None]

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
               "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})  # fmt: skip
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

_MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
)
_MONTH = r"(?P<month>" + _MONTH_NAMES + r")"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20|21)\d\d)"
# Order matters only for overlaps: the longer match at a position wins.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b" + _YEAR + r"-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("month_day", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?!:)(?:,?\s+" + _YEAR + r"\b)?")),
    ("day_month", re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r"\b)?")),
    ("month_year", re.compile(r"\b(?:(?:early|mid|late)[\s-]+)?" + _MONTH + r",?\s+" + _YEAR + r"\b")),
    ("month", re.compile(
        r"\b(?P<rel>in|during|last|this|next|early|mid|late)[\s-]+"
        r"(?:(?:early|mid|late)[\s-]+)?" + _MONTH + r"\b(?![\s.]*\d)")),
    ("year", re.compile(r"\b(?:in|during)\s+(?:(?:early|mid|late)[\s-]+)?" + _YEAR + r"\b(?![\d%-])")),
    ("year_rel", re.compile(r"\b(?:(?:earlier|later)\s+)?(?P<rel>last|this|next)\s+year\b", re.I)),
    ("month_rel", re.compile(
        r"\b(?:(?:earlier|later)\s+)?(?P<rel>last|this|next|the previous|the past)\s+month\b", re.I)),
    ("weekend", re.compile(r"\b(?P<rel>the|this|last|next|that)\s+weekend\b", re.I)),
    ("week_rel", re.compile(
        r"\b(?:(?:earlier|later)\s+)?(?P<rel>last|this|next|the previous|the past)\s+week\b", re.I)),
    ("day_before_yesterday", re.compile(r"\bthe day before yesterday\b", re.I)),
    ("yesterday", re.compile(r"\byesterday\b", re.I)),
    ("last_night", re.compile(r"\blast night\b", re.I)),
    ("today", re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I)),
    ("tomorrow", re.compile(r"\btomorrow\b", re.I)),
    ("weekday", re.compile(
        r"\b(?:(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+)?" + _WEEKDAY +
        r"(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?\b")),
]  # fmt: skip
# "Black Friday", "Super Tuesday", "the Mail on Sunday", "Monday Night Football".
NOT_A_DATE_BEFORE = re.compile(
    r"(?:Cyber|Black|Good|Ash|Super|Holy|Maundy|Easter|Bloody|Palm|Shrove|Fat|Blue|Mail on|"
    r"Giving|Small Business)\s+$"
)
NOT_A_DATE_AFTER = re.compile(r"^\s+(?!(?:" + _MONTH_NAMES + r")(?:\b|\s))[A-Z][a-z]")
FUTURE = re.compile(
    r"\b(?:will|shall|won't|wo n't|'ll|(?:is|are) (?:due|set|scheduled|expected|going) to|"
    r"scheduled for|planned for|plans? to|upcoming)\b",
    re.I,
)


RELATIVE_WORDS = {"yesterday", "today", "tomorrow"}


def _is_title_word(sentence: str, start: int) -> bool:
    """A capitalised word in mid-sentence is part of a name, not a date."""
    before = sentence[:start].rstrip()
    return sentence[start].isupper() and bool(before) and before[-1] not in ".!?:;\"'(\u201c\u2018-"


@dataclass(frozen=True, slots=True)
class DateExpression:
    start: int
    end: int
    text: str
    kind: str
    groups: dict[str, str | None]


# A word every pattern above needs (a digit, a month or weekday as the patterns spell
# it, or a relative word): a sentence without one has no date expression, and most
# sentences are skipped with one search instead of sixteen.
MAY_HOLD_DATE = re.compile(
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?i:year|month|week|yesterday|night|today|tonight|this|tomorrow)"
)


def _expressions(sentence: str) -> list[DateExpression]:
    if not MAY_HOLD_DATE.search(sentence):
        return []
    found: list[DateExpression] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(sentence):
            if kind == "weekday" and (
                NOT_A_DATE_BEFORE.search(sentence[: m.start()])
                or NOT_A_DATE_AFTER.match(sentence[m.end() :])
            ):
                continue
            if kind in RELATIVE_WORDS and _is_title_word(sentence, m.start()):
                continue  # "USA Today", "Russia Today"
            found.append(DateExpression(m.start(), m.end(), m.group(0), kind, m.groupdict()))
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[DateExpression] = []
    for expr in found:  # drop expressions inside (or overlapping) a longer earlier one
        if kept and expr.start < kept[-1].end:
            continue
        kept.append(expr)
    return kept


def find_date_expressions(sentence: str) -> list[tuple[int, int, str]]:
    """Character spans of the date expressions the rules understand, in order."""
    return [(e.start, e.end, e.text) for e in _expressions(sentence)]


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_day(text: str | None, option: str = "--date") -> str | None:
    """A date the user typed (`--date`, the config's default date, the API's `date`) as
    ISO YYYY-MM-DD, or UserError. Only the full ISO form: "06/01/2025" is June 1 to some
    readers and January 6 to others, and a bare year or month cannot anchor "yesterday"."""
    if text is None:
        return None
    value = text.strip()
    try:
        if ISO_DAY.fullmatch(value):
            return date.fromisoformat(value).isoformat()
    except ValueError:  # 2025-02-30
        pass
    raise UserError(
        f"{option} {text!r} is not a date: write a day as YYYY-MM-DD, such as 2025-06-01."
    )


def parse_pub_date(value: str | date | None) -> date | None:
    """A publication date from ISO 8601, RFC 822 (RSS), YYYYMMDD or a written date
    ("Oct. 25, 2011"); None for None or blank; ValueError for anything else."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"publication date must be a string or a date, not {type(value).__name__}")
    text = value.strip()
    if not text:
        return None
    parsed = _parse_known_formats(text)
    if parsed is None:
        raise ValueError(f"cannot read publication date {value!r}: use ISO 8601 such as 2011-10-25")
    if not 1800 <= parsed.year <= 2200:
        raise ValueError(f"publication date {value!r} is out of range (year {parsed.year})")
    return parsed


def _parse_known_formats(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text).date()  # local date as written, no UTC shift
    except ValueError:
        pass
    if re.fullmatch(r"\d{8}", text):
        try:
            return datetime.strptime(text, "%Y%m%d").date()
        except ValueError:
            return None
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return None  # bare numbers are not dates (a timestamp is too easy to misread)
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow to import; only odd formats get here

    settings = {
        "STRICT_PARSING": True,
        "PARSERS": ["absolute-time"],
        "DATE_ORDER": "MDY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _weekday(pub: date, weekday: int, future: bool, strict: bool) -> date:
    if future:
        delta = (weekday - pub.weekday()) % 7 or (7 if strict else 0)
        return pub + timedelta(days=delta)
    delta = (pub.weekday() - weekday) % 7 or (7 if strict else 0)
    return pub - timedelta(days=delta)


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month_number(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _infer_year(pub: date, month: int, day: int, future: bool, whole_month: bool = False) -> date:
    """The month-day (or month) in the year that puts it on the right side of publication."""
    candidate = date(pub.year, month, day)
    limit = pub.replace(day=1) if whole_month else pub
    if future and candidate < limit:
        return date(pub.year + 1, month, day)
    if not future and candidate > limit:
        return date(pub.year - 1, month, day)
    return candidate


def _resolve(expr: DateExpression, pub: date | None, future: bool) -> tuple[date, str] | None:
    g, kind = expr.groups, expr.kind
    rel = (g.get("rel") or "").lower()
    year = int(g["year"]) if g.get("year") else None
    if kind == "iso":
        return date(int(g["year"]), int(g["m"]), int(g["d"])), "day"
    if kind in ("month_day", "day_month"):
        month, day = _month_number(g["month"]), int(g["day"])
        if year is not None:
            return date(year, month, day), "day"
        return (_infer_year(pub, month, day, future), "day") if pub else None
    if kind == "month_year":
        return date(year, _month_number(g["month"]), 1), "month"
    if kind == "year":
        return date(year, 1, 1), "year"
    if pub is None:
        return None
    if kind == "month":
        return _month_only(pub, _month_number(g["month"]), rel, future)
    if kind == "year_rel":
        return date(pub.year + {"last": -1, "this": 0, "next": 1}[rel], 1, 1), "year"
    if kind == "month_rel":
        offset = {"last": -1, "the previous": -1, "the past": -1, "this": 0, "next": 1}[rel]
        return _add_months(pub, offset), "month"
    if kind == "week_rel":
        offset = {"last": -1, "the previous": -1, "the past": -1, "this": 0, "next": 1}[rel]
        monday = pub - timedelta(days=pub.weekday())
        return monday + timedelta(weeks=offset), "week"
    if kind == "weekend":
        if rel == "next" or (future and rel != "last"):
            return _weekday(pub, 5, future=True, strict=rel == "next"), "week"
        saturday = _weekday(pub, 5, future=False, strict=False)
        if rel == "last" and pub.weekday() >= 5:
            saturday -= timedelta(weeks=1)
        return saturday, "week"
    offsets = {
        "day_before_yesterday": -2,
        "yesterday": -1,
        "last_night": -1,
        "today": 0,
        "tomorrow": 1,
    }
    if kind in offsets:
        return pub + timedelta(days=offsets[kind]), "day"
    if kind == "weekday":
        weekday = WEEKDAYS.index(g["weekday"].lower())
        if rel == "last":
            return _weekday(pub, weekday, future=False, strict=True), "day"
        if rel == "next":
            return _weekday(pub, weekday, future=True, strict=True), "day"
        return _weekday(pub, weekday, future=future, strict=False), "day"
    return None


def _month_only(pub: date, month: int, rel: str, future: bool) -> tuple[date, str]:
    if rel == "next":
        future = True
    elif rel == "last":
        future = False
    return _infer_year(pub, month, 1, future, whole_month=True), "month"


def resolve_event_date(sentence: str, pub_date: str | date | None) -> Resolved:
    """(ISO date, precision) of the event a sentence reports; see the module docstring."""
    pub = parse_pub_date(pub_date)
    future = bool(FUTURE.search(sentence))
    best: tuple[tuple[int, int, int], date, str] | None = None
    for expr in _expressions(sentence):
        try:
            found = _resolve(expr, pub, future)
        except ValueError:  # "February 30"
            continue
        if found is None:
            continue
        absolute = 0 if expr.kind in ("iso", "month_day", "day_month", "month_year", "year") else 1
        key = (PRECISION_RANK[found[1]], absolute, expr.start)
        if best is None or key < best[0]:
            best = (key, found[0], found[1])
    if best is not None:
        return best[1].isoformat(), best[2]
    if pub is not None:
        return pub.isoformat(), "publication"
    return None, None
