"""Load and compile the trigger pattern files (events/data/) into lemma-keyed dicts.

Parsing a few thousand YAML patterns takes about a second, so the compiled form is
pickled in the user cache (THUCYDIDES_CACHE, else $XDG_CACHE_HOME/thucydides, else
~/.cache/thucydides) under a name that hashes the data files' names, sizes and mtimes:
editing a pattern file invalidates it. An unwritable cache only costs the compile time.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import yaml

FORMAT_VERSION = 1
CODE_RE = re.compile(r"^(0[1-9]|1\d|20)\d{0,2}$")
VERB_KEYS = {"id", "verb", "prt", "obj", "preps", "subj", "passive", "code", "note"}
NOUN_KEYS = {"id", "noun", "mods", "code", "note"}


class PatternError(ValueError):
    """A pattern file is malformed; the message names the file and the pattern."""


class Term(NamedTuple):
    heads: frozenset[str]  # lemmas the noun-phrase head may have
    mods: tuple[frozenset[str], ...]  # each set: one required compound/amod modifier


class Frame(NamedTuple):
    preps: frozenset[str]
    terms: tuple[Term, ...] | None  # None: any object


class VerbPattern(NamedTuple):
    prt: str | None
    obj: tuple[Term, ...] | None
    preps: tuple[Frame, ...]
    subj: tuple[Term, ...] | None
    passive: bool | None
    code: str | None  # None: a blocking pattern ("killed in an accident" is no event)
    rule: str


class VerbEntry(NamedTuple):
    default: tuple[str, str] | None  # (code, rule)
    patterns: tuple[VerbPattern, ...]


class NounPattern(NamedTuple):
    mods: tuple[frozenset[str], ...]
    code: str
    rule: str


class Compiled(NamedTuple):
    verbs: dict[str, VerbEntry]
    nouns: dict[str, tuple[NounPattern, ...]]
    pattern_count: int
    codes: frozenset[str]


def data_dir() -> Path:
    return Path(str(resources.files("thucydides.events") / "data"))


def pattern_files(root: Path) -> list[Path]:
    """Additions first: they win ties and replace generated patterns with the same form."""
    verbs = root / "verbs"
    return [verbs / "_additions.yaml", *sorted(verbs.glob("[0-9][0-9]_*.yaml"))]


class _Compiler:
    def __init__(self, synsets: dict[str, list[str]]) -> None:
        self.synsets = synsets
        self._terms: dict[str, tuple[Term, ...]] = {}
        self._sets: dict[tuple[str, ...], frozenset[str]] = {}

    def _set(self, words) -> frozenset[str]:
        key = tuple(sorted(words))
        return self._sets.setdefault(key, frozenset(key))

    def _word(self, word: str, where: str) -> list[list[str]]:
        """A word or &set → its alternatives, each a list of words (modifiers + head)."""
        if not word.startswith("&"):
            return [[word]]
        if word[1:] not in self.synsets:
            raise PatternError(f"{where}: unknown synonym set {word}")
        return [m.split() for m in self.synsets[word[1:]]]

    def terms(self, raw: list[str], where: str) -> tuple[Term, ...]:
        if not isinstance(raw, list) or not raw or not all(isinstance(t, str) for t in raw):
            raise PatternError(f"{where}: a phrase list must be a non-empty list of strings")
        key = "\x00".join(raw)
        if key not in self._terms:
            grouped: dict[tuple[frozenset[str], ...], set[str]] = {}
            for term in raw:
                words = term.lower().split()
                for head in self._word(words[-1], where):
                    mods = [self._set(w[-1] for w in self._word(m, where)) for m in words[:-1]]
                    mods += [self._set([m]) for m in head[:-1]]
                    grouped.setdefault(tuple(mods), set()).add(head[-1])
            self._terms[key] = tuple(Term(self._set(h), m) for m, h in grouped.items())
        return self._terms[key]


def _code(value, where: str, valid: frozenset[str] | None) -> str:
    if not isinstance(value, str) or not CODE_RE.match(value) or (valid and value not in valid):
        raise PatternError(
            f"{where}: {value!r} is not a CAMEO event code "
            '(write codes as quoted strings with their leading zeros, e.g. "042")'
        )
    return value


def _load_yaml(path: Path):
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=loader) or {}


def compile_patterns(root: Path, valid_codes: frozenset[str] | None = None) -> Compiled:
    """Read every pattern file under root and index the patterns by verb / noun lemma."""
    comp = _Compiler(_load_yaml(root / "synsets.yaml"))
    defaults: dict[str, tuple[str, str] | None] = {}
    patterns: dict[str, list[VerbPattern]] = {}
    seen: set[tuple] = set()
    removed: set[str] = set()
    codes: set[str] = set()
    count = 0
    for path in pattern_files(root):
        if not path.is_file():
            continue
        name = f"verbs/{path.name}"
        data = _load_yaml(path)
        removed |= set(data.get("remove") or [])
        for verb, code in (data.get("defaults") or {}).items():
            where = f"{name}: default of {verb!r}"
            if verb not in defaults:
                defaults[verb] = (
                    None if code is None else (_code(code, where, valid_codes), f"{name}:{verb}")
                )
        for raw in data.get("patterns") or []:
            where = f"{name}:{raw.get('id', '?')}"
            if unknown := set(raw) - VERB_KEYS:
                raise PatternError(f"{where}: unknown keys {sorted(unknown)}")
            if "id" not in raw or "verb" not in raw or "code" not in raw:
                raise PatternError(f"{where}: a pattern needs id, verb and code")
            rule = f"{name}:{raw['id']}"
            frames = []
            for fr in raw.get("preps") or []:
                terms = comp.terms(fr["obj"], where) if fr.get("obj") else None
                frames.append(Frame(frozenset(str(fr["prep"]).split("|")), terms))
            pat = VerbPattern(
                prt=raw.get("prt"),
                obj=comp.terms(raw["obj"], where) if raw.get("obj") else None,
                preps=tuple(frames),
                subj=comp.terms(raw["subj"], where) if raw.get("subj") else None,
                passive=raw.get("passive"),
                code=None if raw["code"] is None else _code(raw["code"], where, valid_codes),
                rule=rule,
            )
            verb = str(raw["verb"]).lower()
            key = (verb, *pat[:5])
            if rule in removed or key in seen:
                continue
            seen.add(key)
            patterns.setdefault(verb, []).append(pat)
            codes.add(pat.code or "")
            count += 1
    verbs = {
        v: VerbEntry(defaults.get(v), tuple(patterns.get(v, ())))
        for v in set(patterns) | {v for v, d in defaults.items() if d}
    }
    codes |= {d[0] for d in defaults.values() if d}
    nouns: dict[str, list[NounPattern]] = {}
    for raw in _load_yaml(root / "nouns.yaml").get("nouns") or []:
        where = f"nouns.yaml:{raw.get('id', '?')}"
        if unknown := set(raw) - NOUN_KEYS:
            raise PatternError(f"{where}: unknown keys {sorted(unknown)}")
        mods = tuple(
            frozenset().union(
                *(t.heads for t in comp.terms(m if isinstance(m, list) else [m], where))
            )
            for m in raw.get("mods") or []
        )
        code = _code(raw["code"], where, valid_codes)
        nouns.setdefault(str(raw["noun"]).lower(), []).append(
            NounPattern(mods, code, f"nouns.yaml:{raw['id']}")
        )
        codes.add(code)
        count += 1
    nouns_sorted = {k: tuple(sorted(v, key=lambda p: -len(p.mods))) for k, v in nouns.items()}
    return Compiled(verbs, nouns_sorted, count, frozenset(codes - {""}))


def _cache_dir() -> Path:
    if env := os.environ.get("THUCYDIDES_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "thucydides"


def _fingerprint(root: Path) -> str:
    h = hashlib.sha1(f"v{FORMAT_VERSION}".encode())
    for path in sorted(root.rglob("*.yaml")):
        st = path.stat()
        h.update(f"{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def load_compiled(root: Path | None = None) -> Compiled:
    root = root or data_dir()
    cache = _cache_dir() / f"triggers-{_fingerprint(root)}.pickle"
    try:
        with cache.open("rb") as f:
            gc.disable()  # unpickling many small tuples triggers needless collections
            try:
                compiled = pickle.load(f)
            finally:
                gc.enable()
        if isinstance(compiled, Compiled):
            return compiled
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass
    compiled = compile_patterns(root)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(compiled, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)
        for old in cache.parent.glob("triggers-*.pickle"):
            if old != cache:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return compiled
