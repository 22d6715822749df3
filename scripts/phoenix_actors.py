"""Reading the TABARI/PETRARCH2 `.actors` and agents format (used by
build_actor_dictionaries.py only).

Actors: a primary phrase line, `+synonym` lines, and `[CODE date]` code lines (on the
primary line or tab-indented below it); a phrase block without codes shares the codes of
the next block. Dates are YYMMDD (or YYYYMMDD): `[C 090121-130201]` a range, `[C >090301]`
from, `[C <090301]` until, `[C]` the default. Agents: `PHRASE {PLURALS} [~ROLE]`, with
`!PERSON!`/`!MINIST!` macros.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from pathlib import Path

Span = tuple[str, str | None, str | None]
_CODE = re.compile(r"\[([^\]]*)\]")
_SMALL = {"of", "the", "and", "for", "in", "on", "to", "at", "de", "du", "des", "la", "le"}
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "da", "di", "van", "von", "der", "den", "ben"}


@dataclass
class RawEntry:
    names: list[str]
    codes: list[tuple[str, str]]  # (code, phoenix date text)
    comment: str = ""
    where: str = ""
    pending: bool = field(default=False, repr=False)


def _split(line: str) -> tuple[str, list[tuple[str, str]], str]:
    """(phrase, codes, comment) of one line."""
    body, _, comment = line.partition("#")
    codes = []
    for m in _CODE.finditer(body):
        bits = m.group(1).split(None, 1)
        if bits:
            codes.append((bits[0].lstrip("~"), bits[1].strip() if len(bits) > 1 else ""))
    phrase = re.split(r"[\[{]", body, maxsplit=1)[0].strip()
    return re.sub(r"\s+", "_", phrase), codes, comment.strip()


def read_phoenix(path: Path, report: list[str]) -> list[RawEntry]:
    entries: list[RawEntry] = []
    pending: list[str] = []  # phrases of code-less blocks waiting for the next codes
    current: RawEntry | None = None
    label = f"petrarch2/{path.name}"
    for number, line in enumerate(
        path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
    ):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        phrase, codes, comment = _split(line)
        if line.startswith("+"):
            if current is None:
                continue
            for part in phrase.lstrip("+").split("+"):
                if part.strip("_"):
                    current.names.append(part)
            current.codes += codes
        elif line[0] in " \t" and not phrase:
            if current is not None:
                current.codes += codes
        else:
            if current is not None and not current.codes:
                entries.pop()
                pending += current.names
            current = RawEntry([phrase, *pending], codes, comment, f"{label}:{number}")
            pending = []
            entries.append(current)
    if current is not None and not current.codes:
        entries.pop()
        report.append(f"{label}: trailing phrases without codes dropped: {current.names}")
    return [e for e in entries if e.names and e.names[0].strip("_")]


def _day(text: str, where: str, report: list[str]) -> str | None:
    digits = text.strip()
    if len(digits) == 6:
        yy = int(digits[:2])
        year = (2000 if yy < 30 else 1900) + yy
        month, day = int(digits[2:4]), int(digits[4:6])
    elif len(digits) == 8:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    else:
        report.append(f"{where}: unreadable date {text!r}, range dropped")
        return None
    if not 1 <= month <= 12:
        report.append(f"{where}: bad month in {text!r}, range dropped")
        return None
    day = min(max(day, 1), calendar.monthrange(year, month)[1])
    return f"{year:04d}-{month:02d}-{day:02d}"


def to_spans(e: RawEntry, report: list[str]) -> list[Span]:
    spans: list[Span] = []
    for code, dates in e.codes:
        if not re.fullmatch(r"[A-Z]+", code):
            report.append(f"{e.where}: dropped code {code!r} of {e.names[0]}")
            continue
        dates = dates.replace(" ", "")
        if not dates:
            spans.append((code, None, None))
        elif dates.startswith(">"):
            start = _day(dates[1:], e.where, report)
            if start:
                spans.append((code, start, None))
        elif dates.startswith("<"):
            end = _day(dates[1:], e.where, report)
            if end:
                spans.append((code, None, end))
        elif "-" in dates:
            a, b = dates.split("-", 1)
            start, end = _day(a, e.where, report), _day(b, e.where, report)
            if start and end and start < end:
                spans.append((code, start, end))
            elif start and end:
                report.append(
                    f"{e.where}: range {dates} of {e.names[0]} ends before it starts, dropped"
                )
        else:
            report.append(f"{e.where}: unreadable dates {dates!r} of {e.names[0]}, dropped")
    return spans


def fix_spans(spans: list[Span], where: str, report: list[str]) -> list[Span]:
    """One default at most, and no overlapping dated ranges: overlaps of the same code are
    merged, otherwise the earlier range is cut where the later one starts."""
    defaults = [s for s in spans if s[1] is None and s[2] is None]
    if len(defaults) > 1:
        report.append(f"{where}: several undated codes {[d[0] for d in defaults]}, kept the first")
    dated = sorted(  # the code breaks ties: a set's order would make builds differ
        {s for s in spans if s[1] or s[2]}, key=lambda s: (s[1] or "0000", s[2] or "9999", s[0])
    )
    out: list[list] = []
    for code, start, end in dated:
        if out:
            prev = out[-1]
            p_end = prev[2] or "9999-99-99"
            if start is None or start < p_end:
                if prev[0] == code:
                    prev[2] = None if end is None or prev[2] is None else max(prev[2], end)
                    continue
                if start is None or (prev[1] and start <= prev[1]):
                    report.append(f"{where}: range {code} {start}..{end} overlaps {prev}, dropped")
                    continue
                report.append(f"{where}: cut {prev[0]} {prev[1]}..{prev[2]} at {start}")
                prev[2] = start
        out.append([code, start, end])
    return [tuple(x) for x in out] + defaults[:1]  # type: ignore[misc]


def display_name(phrase: str) -> str:
    """`HILLARY_RODHAM_CLINTON_` -> `Hillary Rodham Clinton`; short or vowel-less words
    (UN, US, NATO-like acronyms) stay in capitals."""
    words = [w for w in phrase.replace("_", " ").split() if w]
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if low in _SMALL and i:
            out.append(low)
        elif low in _NAME_PARTICLES:
            out.append(low if i else word.capitalize())
        elif "." in word or len(word) <= 2 or not re.search(r"[AEIOUY]", word):
            out.append(word)
        else:
            out.append(re.sub(r"[A-Za-z]+", lambda m: m.group().capitalize(), word))
    return " ".join(out)


def agent_entries(path: Path, report: list[str]) -> list[str]:
    """Agent lines (role nouns) in our TSV format: name, `agent`, role code, plurals."""
    macros: dict[str, list[str]] = {}
    seen: dict[str, str] = {}
    lines = []
    for number, line in enumerate(
        path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
    ):
        body = line.split("#")[0].strip()
        if not body:
            continue
        m = re.fullmatch(r"(!\w+!)\s*=\s*(.*)", body)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(body)
        if not codes:
            continue
        code = codes[0].replace("~", "").strip()
        plurals = re.findall(r"\{([^}]*)\}", body)
        phrase = re.split(r"[\[{]", body, maxsplit=1)[0].strip()
        forms = _expand(phrase, macros)
        forms += [f for p in plurals for f in _expand(p.strip(), macros) if p.strip()]
        forms = [display_name(f).lower() for f in forms if f.strip("_ ")]
        if not forms or not re.fullmatch(r"[A-Z]+", code):
            report.append(f"petrarch2/{path.name}:{number}: agent {phrase!r} skipped")
            continue
        forms = [f for f in dict.fromkeys(forms) if f not in seen]
        if not forms:
            continue
        for f in forms:
            seen[f] = code
        lines.append("\t".join((forms[0], "agent", code, " | ".join(forms[1:]))))
    return lines


def _expand(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!\w+!", phrase)
    if not m or m.group() not in macros:
        return [phrase]
    return [
        form
        for word in macros[m.group()]
        for form in _expand(phrase[: m.start()] + word + phrase[m.end() :], macros)
    ]
