"""Actor dictionaries in our own readable format, and the fast compiled form.

One actor per line, tab-separated, `#` starts a comment line:

    name <TAB> kind <TAB> codes <TAB> aliases
    Hillary Clinton	person	USAELI ..2000-01-01; USAGOV 2009-01-21..2013-02-01; USAELI	Secretary Clinton | Hillary Rodham Clinton

`codes` are CAMEO actor codes separated by `;`, each with an optional date range
`START..END` (start inclusive, end exclusive, either side may be open); an undated code
is the default for dates no range covers. `kind` is one of KINDS ("identity": an ethnic
or religious group, which composes with role nouns: "Kurdish fighters" -> KURREB). The name is matched
too; aliases are separated by `|`. Matching ignores case and punctuation, except that a
one-word alias that is an English function word (`US`, `IT`) matches only in capitals,
as written in the file.

Compiling tens of thousands of entries into a phrase index takes a second or two, so
the index is cached (marshal, keyed by the files' sizes and mtimes) and reloads in a
few tens of milliseconds.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as _date
from importlib import resources
from pathlib import Path

from thucydides.actors.codes import check_code, code_blocks
from thucydides.errors import UserError, read_user_text

KINDS = ("country", "person", "org", "group", "metonym", "agent", "identity")
# shipped files, lowest priority first: a later file's phrase overrides an earlier one's
PACKAGE_FILES = (
    "agents.tsv",
    "countries.tsv",
    "international.tsv",
    "nonstate.tsv",
    "identities.tsv",
    "organisations.tsv",
    "leaders.tsv",
    "additions.tsv",
)
CACHE_VERSION = 5
KEEP_CACHES = 8
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PIECE = re.compile(r"'s\b|[^\W_]+(?:\.[^\W_]+)*")
# one-word aliases that are also ordinary English words match only when written in capitals
FUNCTION_WORDS = frozenset(
    "a an and as at be by do for he her him his i if in is it me my no of on or our she "
    "so the they to up us we who car au".split()
)


class DictionaryError(ValueError):
    """One bad line in a dictionary file."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


@dataclass(frozen=True, slots=True)
class CodeSpan:
    code: str
    start: str | None = None  # ISO date, inclusive
    end: str | None = None  # ISO date, exclusive

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def __str__(self) -> str:
        if not self.dated:
            return self.code
        return f"{self.code} {self.start or ''}..{self.end or ''}"


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    kind: str
    codes: tuple[CodeSpan, ...]
    aliases: tuple[str, ...]
    where: str  # "file:line", for messages

    def to_line(self) -> str:
        codes = "; ".join(str(c) for c in self.codes)
        return "\t".join((self.name, self.kind, codes, " | ".join(self.aliases)))


# An undated mention is read as of the latest date the dictionary knows (README, "Undated
# documents"): the role still open-ended, else the undated default, else the last role.
UNDATED = "9999-12-31"


def code_on(codes: Sequence[CodeSpan], day: str | None) -> tuple[str | None, str]:
    """The code in force on `day` and why: a covering range, else the undated default,
    else the nearest range in time. No day: as of the latest date the dictionary knows."""
    default = next((c for c in codes if not c.dated), None)
    if default is not None and code_blocks().get(default.code[:3], ("",))[0] == "role":
        if any(c.dated for c in codes):  # a bare role ("ELI") says less than a dated code
            default = None
    when = day or "the latest date known (no date given)"
    day = day or UNDATED
    for c in codes:
        if c.dated and c.covers(day):
            return c.code, f"{c} covers {when}"
    if default:
        return default.code, f"default code (no dated role covers {when})"
    dated = [c for c in codes if c.dated]
    if dated:
        near = min(dated, key=lambda c: _distance(c, day))
        return near.code, f"nearest dated role {near} to {when}"
    return None, "no code"


def _distance(c: CodeSpan, day: str) -> int:
    d = _date.fromisoformat(day)
    if c.end and day >= c.end:
        return (d - _date.fromisoformat(c.end)).days
    if c.start and day < c.start:
        return (_date.fromisoformat(c.start) - d).days
    return 0


def parse_codes(text: str, where: str) -> tuple[CodeSpan, ...]:
    spans = []
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        bits = part.split()
        if len(bits) > 2 or (len(bits) == 2 and ".." not in bits[1]):
            raise DictionaryError(where, f"cannot read code {part!r}: use CODE or CODE START..END")
        start = end = None
        if len(bits) == 2:
            start, _, end = bits[1].partition("..")
            for day in (start, end):
                if day and not _valid_day(day):
                    raise DictionaryError(where, f"bad date {day!r} in {part!r}: use YYYY-MM-DD")
            start, end = start or None, end or None
            if start and end and start >= end:
                raise DictionaryError(where, f"date range {bits[1]!r} ends before it starts")
        spans.append(CodeSpan(bits[0], start, end))
    if not spans:
        raise DictionaryError(where, "no code given")
    return tuple(spans)


def _valid_day(day: str) -> bool:
    if not _DATE.match(day):
        return False
    try:
        _date.fromisoformat(day)
    except ValueError:
        return False
    return True


def read_text(path: Path) -> str:
    """A dictionary file's text, or a UserError saying in one sentence why it cannot be read."""
    return read_user_text(path, "Actor dictionary", "tab-separated text")


def parse_entries(text: str, label: str) -> tuple[list[Entry], list[DictionaryError]]:
    """Entries and the errors of the lines that could not be read (those are skipped)."""
    entries: list[Entry] = []
    errors: list[DictionaryError] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{label}:{number}"
        fields = line.rstrip("\r").split("\t")
        if len(fields) not in (3, 4):
            errors.append(
                DictionaryError(
                    where,
                    f"expected 3 or 4 tab-separated fields (name, kind, codes, aliases), "
                    f"found {len(fields)}",
                )
            )
            continue
        name, kind, codes = (f.strip() for f in fields[:3])
        aliases = (
            tuple(a.strip() for a in fields[3].split("|") if a.strip()) if len(fields) > 3 else ()
        )
        if not name:
            errors.append(DictionaryError(where, "empty name"))
            continue
        if kind not in KINDS:
            errors.append(
                DictionaryError(where, f"unknown kind {kind!r}: use one of {', '.join(KINDS)}")
            )
            continue
        try:
            spans = parse_codes(codes, where)
        except DictionaryError as exc:
            errors.append(exc)
            continue
        entries.append(Entry(name, kind, spans, aliases, where))
    return entries, errors


def check_entry(entry: Entry) -> list[DictionaryError]:
    """Semantic checks: every code valid, no overlapping dated roles, at most one default."""
    errors = []
    for span in entry.codes:
        why = check_code(span.code, agent=entry.kind == "agent")
        if why:
            errors.append(DictionaryError(entry.where, f"{entry.name}: {why}"))
    if sum(not s.dated for s in entry.codes) > 1:
        errors.append(DictionaryError(entry.where, f"{entry.name}: more than one undated code"))
    dated = sorted((s for s in entry.codes if s.dated), key=lambda s: s.start or "")
    for a, b in zip(dated, dated[1:], strict=False):
        if a.end is None or (b.start is not None and b.start < a.end) or b.start is None:
            errors.append(
                DictionaryError(entry.where, f"{entry.name}: overlapping date ranges {a} and {b}")
            )
    return errors


def package_texts() -> list[tuple[str, str]]:
    root = resources.files("thucydides.actors").joinpath("data")
    return [
        (f"actors/data/{n}", root.joinpath(n).read_text(encoding="utf-8")) for n in PACKAGE_FILES
    ]


# ---- the compiled phrase index ------------------------------------------------------


def pieces(text: str) -> list[tuple[str, int, int, bool]]:
    """Word pieces used for matching, as (key, start, end, written in capitals) with offsets
    into `text`: `U.S.` -> `us`, `Pakistan's` -> `pakistan`, `'s`; accents are ignored."""
    folded, where = _fold(text)
    out = []
    for m in _PIECE.finditer(folded):
        raw = m.group().replace(".", "")
        out.append((raw.lower(), where[m.start()], where[m.end() - 1] + 1, raw.isupper()))
    return out


# letters that Unicode does not decompose into a base letter and an accent
_PLAIN = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
          "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "ð": "d"}  # fmt: skip


def _fold(text: str) -> tuple[str, list[int]]:
    """Text without accents ("Erdoğan", "İmamoğlu", "Łukasz" match their plain spellings)
    and with straight apostrophes, and for each of its characters the offset of the
    character it came from."""
    if text.isascii():
        return text, list(range(len(text) + 1))
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch in "\u2019\u2018":
            rep = "'"
        elif ch.isascii():
            rep = ch
        elif ch in _PLAIN:
            rep = _PLAIN[ch]
        else:
            rep = "".join(
                c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
            )
        chars.append(rep)
        where.extend([i] * len(rep))
    where.append(len(text))
    return "".join(chars), where


def phrase_key(text: str) -> str:
    return " ".join(p[0] for p in pieces(text) if p[0] != "'s")


def compile_index(texts: Sequence[tuple[str, str]]) -> dict:
    """Entries as plain tuples plus a phrase -> entry index map, later files winning."""
    entries: list[tuple] = []
    phrases: dict[str, int] = {}
    upper_only: set[str] = set()
    cased: set[str] = set()  # names written with a capital, to be matched only so written
    errors: list[str] = []
    for label, text in texts:
        parsed, errs = parse_entries(text, label)
        errors += [str(e) for e in errs]
        level: dict[str, int] = {}
        for entry in parsed:
            idx = len(entries)
            codes = tuple((c.code, c.start, c.end) for c in entry.codes)
            entries.append((entry.name, entry.kind, codes, entry.where))
            for alias in (entry.name, *entry.aliases):
                key = phrase_key(alias)
                if not key or key in level:  # within one file the first entry wins
                    continue
                level[key] = idx
                if key in FUNCTION_WORDS:
                    upper_only.add(key)
                if entry.kind in ("person", "group", "org") and alias != alias.lower():
                    cased.add(key)
                else:
                    cased.discard(key)
        phrases.update(level)
    first_len: dict[str, int] = {}
    for key in phrases:
        words = key.split(" ")
        first_len[words[0]] = max(first_len.get(words[0], 0), len(words))
    return {
        "entries": entries,
        "phrases": phrases,
        "upper_only": sorted(upper_only),
        "cased": sorted(cased),
        "first_len": first_len,
        "errors": errors,
    }


def cache_dir() -> Path:
    base = os.environ.get("THUCYDIDES_CACHE") or os.environ.get("XDG_CACHE_HOME")
    return Path(base or Path.home() / ".cache") / (
        "" if os.environ.get("THUCYDIDES_CACHE") else "thucydides"
    )


def load_index(extra_paths: Sequence[Path] = ()) -> dict:
    """The compiled index of the package dictionaries plus the user's, from the cache when
    its key (file sizes and mtimes) still matches."""
    root = resources.files("thucydides.actors").joinpath("data")
    stamp = [str(CACHE_VERSION)]
    for name in PACKAGE_FILES:
        p = Path(str(root.joinpath(name)))
        st = p.stat()
        stamp.append(f"{p}:{st.st_size}:{st.st_mtime_ns}")
    user_texts = []
    for path in extra_paths:
        text = read_text(Path(path))
        user_texts.append((str(path), text))
        stamp.append(hashlib.sha1(text.encode()).hexdigest())
    key = hashlib.sha1("\n".join(stamp).encode()).hexdigest()[:16]
    cache = cache_dir() / f"actors-{key}.marshal"
    try:
        return marshal.loads(cache.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    index = compile_index(package_texts() + user_texts)
    if user_texts and index["errors"]:
        first = index["errors"][0]
        raise UserError(
            f"Actor dictionary has {len(index['errors'])} bad line(s), first {first}; "
            f"see `thucydides dict check --actors FILE`."
        )
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(index))
        tmp.replace(cache)
        old = sorted(cache.parent.glob("actors-*.marshal"), key=lambda p: p.stat().st_mtime)
        for stale in old[:-KEEP_CACHES]:  # dictionaries edited since: keep a few, not all
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home still works, only slower
    return index


@functools.cache
def first_names() -> dict[str, str]:
    """First names (lower case) -> "f" or "m": gender for pronouns, and where a name starts."""
    path = resources.files("thucydides.actors").joinpath("data", "first_names.tsv")
    rows = (ln.split("\t") for ln in path.read_text("utf-8").splitlines() if ln[:1] not in "#")
    return {r[0].lower(): r[1] for r in rows if len(r) == 2}
