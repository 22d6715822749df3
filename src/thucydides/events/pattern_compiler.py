"""Compile trigger pattern files into lemma-keyed dicts that matching reads.

A pattern file's verbs, frames, phrase lists and synonym sets (`&set`) become shared
frozensets in NamedTuples indexed by verb and noun lemma, so matching a sentence is a few
set lookups per verb (`triggers.py`). The user's files come before the package's and win;
a malformed pattern is a PatternError naming its file and pattern, or, for `patterns
check`, one entry in a list of problems.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from thucydides.events.pattern_files import load_yaml, pattern_files, read_user_file

CODE_RE = re.compile(r"^(0[1-9]|1\d|20)\d{0,2}$")
VERB_KEYS = {
    "id", "verb", "prt", "obj", "preps", "subj", "passive", "undergoer", "receiver", "code",
    "note",
}  # fmt: skip
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
    # rules whose subject is the one acted upon, by a doer the sentence leaves unnamed:
    # "X stands accused", "X remains in custody"
    undergoers: frozenset[str] = frozenset()
    receivers: frozenset[str] = frozenset()  # rules whose subject receives from the giver


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


def _where(label: str, raw: dict, user: bool) -> str:
    if user:
        return f"{label}, line {raw.get('__line__', '?')}, pattern {raw.get('id', '?')!r}"
    return f"{label}:{raw.get('id', '?')}"


def _check_keys(raw, where: str, kind: str, allowed: set[str], word: str) -> None:
    """A pattern is a mapping with only known keys and its id, trigger word and code."""
    if not isinstance(raw, dict):
        raise PatternError(f"{where}: {kind} must be a mapping of keys to values")
    if unknown := set(raw) - allowed - {"__line__"}:
        raise PatternError(f"{where}: unknown keys {sorted(unknown)}")
    if "id" not in raw or word not in raw or "code" not in raw:
        raise PatternError(f"{where}: {kind} needs id, {word} and code")


def _verb_pattern(raw, where: str, rule: str, comp: _Compiler, valid) -> VerbPattern:
    _check_keys(raw, where, "a pattern", VERB_KEYS, "verb")
    if not isinstance(raw["verb"], str) or not raw["verb"].strip() or " " in raw["verb"].strip():
        raise PatternError(f"{where}: verb must be one lemma, e.g. attack")
    if raw.get("passive") not in (None, True, False):
        raise PatternError(f"{where}: passive must be true or false")
    for flag in ("undergoer", "receiver"):
        if raw.get(flag) not in (None, True, False):
            raise PatternError(f"{where}: {flag} must be true or false")
    if raw.get("prt") is not None and not isinstance(raw["prt"], str):
        raise PatternError(f"{where}: prt must be a word, e.g. out")
    frames = []
    preps = raw.get("preps") or []
    if not isinstance(preps, list):
        raise PatternError(f"{where}: preps must be a list of {{prep: ..., obj: [...]}}")
    for fr in preps:
        if not isinstance(fr, dict) or "prep" not in fr:
            raise PatternError(f"{where}: each preps item needs a prep, e.g. {{prep: against}}")
        terms = comp.terms(fr["obj"], where) if fr.get("obj") else None
        frames.append(Frame(frozenset(str(fr["prep"]).split("|")), terms))
    return VerbPattern(
        prt=raw.get("prt"),
        obj=comp.terms(raw["obj"], where) if raw.get("obj") else None,
        preps=tuple(frames),
        subj=comp.terms(raw["subj"], where) if raw.get("subj") else None,
        passive=raw.get("passive"),
        code=None if raw["code"] is None else _code(raw["code"], where, valid),
        rule=rule,
    )


def _noun_pattern(raw, where: str, rule: str, comp: _Compiler, valid) -> NounPattern:
    _check_keys(raw, where, "a noun pattern", NOUN_KEYS, "noun")
    mods = tuple(
        frozenset().union(*(t.heads for t in comp.terms(m if isinstance(m, list) else [m], where)))
        for m in raw.get("mods") or []
    )
    return NounPattern(mods, _code(raw["code"], where, valid), rule)


class _Source(NamedTuple):
    label: str  # "verbs/12_reject.yaml", or the user's path
    rule_prefix: str  # evidence rules are f"{rule_prefix}:{id}"
    data: dict
    user: bool


def _sections(src: _Source, problems: list[str] | None) -> tuple[dict, list, list, list]:
    """(defaults, patterns, remove, nouns) of one file, each of the right type."""
    out = []
    for key, kind in (("defaults", dict), ("patterns", list), ("remove", list), ("nouns", list)):
        value = src.data.get(key) or kind()
        if not isinstance(value, kind):
            message = f"{src.label}: {key} must be a {'mapping' if kind is dict else 'list'}"
            if problems is None:
                raise PatternError(message)
            problems.append(message)
            value = kind()
        out.append(value)
    if src.user and problems is not None:
        known = {"root", "defaults", "patterns", "remove", "nouns", "__line__"}
        for key in sorted(set(src.data) - known, key=str):
            problems.append(f"{src.label}: unknown section {key!r} (use patterns, defaults, "
                            "remove or nouns)")  # fmt: skip
    return tuple(out)  # type: ignore[return-value]


def compile_patterns(
    root: Path,
    valid_codes: frozenset[str] | None = None,
    user_files: Sequence[Path] = (),
    problems: list[str] | None = None,
) -> Compiled:
    """Read every pattern file under root, and the user's files before them (theirs win:
    a pattern of the same form, a verb's default, a noun's pattern), and index the
    patterns by verb / noun lemma. With `problems`, bad patterns are listed there and
    skipped instead of raising PatternError."""
    comp = _Compiler(load_yaml(root / "synsets.yaml"))
    sources = [_Source(str(p), Path(p).name, read_user_file(Path(p)), True) for p in user_files]
    if user_files and valid_codes is None:
        from thucydides.ontology import cameo_codes

        valid_codes = frozenset(cameo_codes())
    sources += [
        _Source(f"verbs/{p.name}", f"verbs/{p.name}", load_yaml(p), False)
        for p in pattern_files(root)
        if p.is_file()
    ]
    sources.append(_Source("nouns.yaml", "nouns.yaml", load_yaml(root / "nouns.yaml"), False))

    def attempt(make, *args):
        try:
            return make(*args)
        except PatternError as exc:
            if problems is None:
                raise
            problems.append(str(exc))
            return None

    defaults: dict[str, tuple[str, str] | None] = {}
    patterns: dict[str, list[VerbPattern]] = {}
    nouns: dict[str, list[NounPattern]] = {}
    seen: set[tuple] = set()
    removed: set[str] = set()
    codes: set[str] = set()
    undergoers: set[str] = set()
    receivers: set[str] = set()
    count = 0
    for src in sources:
        valid = valid_codes
        sec_defaults, sec_patterns, sec_remove, sec_nouns = _sections(src, problems)
        removed |= {str(r) for r in sec_remove}
        ids: set[str] = set()
        for verb, code in sec_defaults.items():
            if verb == "__line__":
                continue
            where = f"{src.label}: default of {verb!r}"
            if verb not in defaults:
                checked = code if code is None else attempt(_code, code, where, valid)
                if code is None or checked is not None:
                    defaults[verb] = (
                        None if code is None else (checked, f"{src.rule_prefix}:{verb}")
                    )
        for raw in sec_patterns:
            where = _where(src.label, raw if isinstance(raw, dict) else {}, src.user)
            rule = f"{src.rule_prefix}:{raw.get('id') if isinstance(raw, dict) else '?'}"
            if src.user and isinstance(raw, dict) and "id" in raw:
                if raw["id"] in ids:
                    attempt(_fail, f"{where}: id used twice in this file")
                    continue
                ids.add(raw["id"])
            pat = attempt(_verb_pattern, raw, where, rule, comp, valid)
            if pat is None:
                continue
            verb = str(raw["verb"]).strip().lower()
            key = (verb, *pat[:5])
            if rule in removed or key in seen:
                continue
            seen.add(key)
            patterns.setdefault(verb, []).append(pat)
            codes.add(pat.code or "")
            if raw.get("undergoer"):
                undergoers.add(rule)
            if raw.get("receiver"):
                receivers.add(rule)
            count += 1
        for raw in sec_nouns:
            where = _where(src.label, raw if isinstance(raw, dict) else {}, src.user)
            rule = f"{src.rule_prefix}:{raw.get('id') if isinstance(raw, dict) else '?'}"
            pat = attempt(_noun_pattern, raw, where, rule, comp, valid)
            if pat is None or rule in removed:
                continue
            nouns.setdefault(str(raw["noun"]).strip().lower(), []).append(pat)
            codes.add(pat.code)
            count += 1
    verbs = {
        v: VerbEntry(defaults.get(v), tuple(patterns.get(v, ())))
        for v in set(patterns) | {v for v, d in defaults.items() if d}
    }
    codes |= {d[0] for d in defaults.values() if d}
    nouns_sorted = {k: tuple(sorted(v, key=lambda p: -len(p.mods))) for k, v in nouns.items()}
    return Compiled(
        verbs, nouns_sorted, count, frozenset(codes - {""}), frozenset(undergoers),
        frozenset(receivers),
    )  # fmt: skip


def _fail(message: str) -> None:
    raise PatternError(message)
