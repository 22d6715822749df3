"""Resolve an actor mention to a CAMEO actor code.

A mention is matched against the dictionary phrases (longest match first), then the
pieces are composed: a named person/group/organisation wins ("US Secretary of State
Hillary Clinton" -> her code on the date); otherwise a country (or a capital standing
for it) combines with a role noun ("Pakistan's army" -> PAKMIL, "Afghan insurgents" ->
AFGINS); a capital or building alone is metonymy ("Islamabad" -> PAKGOV). Words after
a preposition such as "to" or "against", or inside a relative clause, describe something
else ("an envoy to Pakistan") and count only when nothing comes before them; so does the
possessor of a country named as the phrase's head ("Turkey's rival Greece").
An ethnic or religious identity composes with the role noun in CAMEO's order: identity
first with no country ("Kurdish fighters" -> KURREB), after the role with one
("Iraqi Kurdish fighters" -> IRQREBKUR); see actors/data/identities.tsv.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from thucydides.actors.codes import IDENTITY_NAMES, code_blocks, split_blocks
from thucydides.actors.dictionary import CodeSpan, code_on, first_names, load_index, pieces

if TYPE_CHECKING:
    from spacy.tokens import Span

NAMED = frozenset({"person", "group", "org"})
PLACES = frozenset({"country", "metonym"})
# a phrase after one of these words is about another actor ("an envoy to Pakistan")
BLOCKING = frozenset(
    "to with against in on at into toward towards over after before during near by about than "
    "as".split()
)
# a clause after one of these words is about something else entirely ("militants who ...")
CLAUSE = frozenset("who whom which that whose where when while because since".split())
LOCATIVE = frozenset({"in", "inside", "within", "based"})
WEAK_SECTORS = frozenset({"ELI", "CVL"})
FOUND_CACHE = 50_000  # texts whose dictionary phrases are remembered


@dataclass(frozen=True, slots=True)
class ActorMatch:
    code: str | None  # CAMEO actor code, e.g. "USAGOV", "PAKMIL", "AFGINS", "IGOUNO"
    country: str | None  # ISO3, or None for international/non-state actors
    sectors: tuple[str, ...]  # role codes after the country, e.g. ("GOV",)
    name: str | None  # canonical name ("Hillary Clinton", "Haqqani network")
    via: str  # "dictionary" | "metonymy" | "coreference" | "document"
    matched: str  # the words that matched
    kind: str | None = None  # person | group | org | country | metonym | agent
    why: str = ""  # which entry and which dated role, for people reading the output


@dataclass(frozen=True, slots=True)
class Hit:
    """One dictionary phrase found in the text."""

    entry: int
    start: int  # character offsets
    end: int
    first: int  # piece indices, end exclusive
    last: int


def singulars(word: str) -> list[str]:
    if len(word) <= 3 or not word.endswith(("s", "men")):
        return []
    if word.endswith("men"):
        return [word[:-3] + "man"]
    out = [word[:-1]]
    if word.endswith("ies"):
        out.insert(0, word[:-3] + "y")
    elif word.endswith(("ses", "xes", "ches", "shes")):
        out.insert(0, word[:-2])
    return out


def make_match(
    code: str | None, name: str | None, via: str, matched: str, kind: str | None, why: str = ""
) -> ActorMatch:
    country, sectors = _code_parts(code) if code else (None, ())
    return ActorMatch(code, country, sectors, name, via, matched, kind, why)


@functools.lru_cache(maxsize=16_384)
def _code_parts(code: str) -> tuple[str | None, tuple[str, ...]]:
    """(country, role sectors) of an actor code; read once per code."""
    known = code_blocks()
    blocks = split_blocks(code)
    country = None
    if known.get(blocks[0], ("",))[0] == "country":
        country = blocks[0]
        blocks = blocks[1:]
    return country, tuple(b for b in blocks if known.get(b, ("",))[0] == "role")


def identity_first(code: str) -> str:
    """A role code that carries an identity ("REBMOSSHI", a Shiite militia) with no
    country before it: CAMEO puts the identity first ("MOSSHIREB")."""
    known = code_blocks()
    blocks = split_blocks(code)
    kinds = [known.get(b, ("",))[0] for b in blocks]
    if kinds[0] != "role" or "identity" not in kinds:
        return code
    i = kinds.index("identity")
    j = i + 1
    while j < len(blocks) and (kinds[j] == "org" or blocks[i] + blocks[j] in IDENTITY_NAMES):
        j += 1  # MOS + SHI: Shia
    return "".join(blocks[i:j] + blocks[:i] + blocks[j:])


def doc_text(doc) -> str:
    """The document's text, computed once: spaCy rebuilds `Doc.text` from every token
    on each access, which made resolving a mention cost as much as the whole document."""
    text = doc.user_data.get("thucydides_text")
    if text is None:
        text = doc.user_data["thucydides_text"] = doc.text
    return text


class ActorResolver:
    """The compiled dictionaries and the rules that turn a mention into a code."""

    def __init__(self, index: dict):
        self.entries: list[tuple] = index["entries"]
        self.phrases: dict[str, int] = index["phrases"]
        self.upper_only = frozenset(index["upper_only"])
        self.cased = frozenset(index["cased"])
        self.first_len: dict[str, int] = index["first_len"]
        # what `find` and `entry` computed, per text and per entry: the same phrases
        # ("the government", "Trump") recur in every story and cost the same each time
        self._found: dict[str, tuple[list[Hit], list[tuple[str, int, int, bool]]]] = {}
        self._entries: dict[int, tuple[str, str, tuple[CodeSpan, ...], str]] = {}
        self._codes: dict[tuple[int, str | None], tuple[str | None, str]] = {}

    @classmethod
    def load(cls, extra_paths: Sequence[Path] = ()) -> ActorResolver:
        """Package dictionaries plus the user's (same TSV format); cached per path list."""
        return _load(tuple(str(Path(p).resolve()) for p in extra_paths))

    # -- matching ----------------------------------------------------------------------

    def find(
        self, text: str, offset: int = 0, remember: bool = True
    ) -> tuple[list[Hit], list[tuple[str, int, int, bool]]]:
        """Longest dictionary phrases in `text`, left to right, and the text's pieces
        (offsets into `text`); hits are shifted by `offset`. Phrases are remembered; a
        whole sentence, which comes once, is not (`remember=False`): a cache of every
        sentence of a long document would grow with it."""
        found = self._found.get(text)
        if found is None and not remember:
            found = self._find(text)
        elif found is None:
            if len(self._found) >= FOUND_CACHE:
                self._found.clear()  # bounded: a long run meets ever new phrases
            found = self._found[text] = self._find(text)
        hits, ps = found
        if offset:
            hits = [Hit(h.entry, h.start + offset, h.end + offset, h.first, h.last) for h in hits]
        return list(hits), list(ps)

    def _find(self, text: str) -> tuple[list[Hit], list[tuple[str, int, int, bool]]]:
        ps = [p for p in pieces(text) if p[0] != "'s"]
        capital = [any(ch.isupper() for ch in text[p[1] : p[2]]) for p in ps]
        hits: list[Hit] = []
        i = 0
        while i < len(ps):
            hit = self._longest(ps, i, capital)
            if hit is not None and ps[i][0] == "the" and self._later_is_longer(ps, i, hit, capital):
                hit = None  # "the UN refugee agency": not "The UN" + "refugee"
            if hit is None:
                i += 1
                continue
            entry, n = hit
            hits.append(Hit(entry, ps[i][1], ps[i + n - 1][2], i, i + n))
            i += n
        covered = {k for h in hits for k in range(h.first, h.last)}
        hits = [h for h in hits if not self._inside_longer_name(h, ps, capital, covered)]
        return hits, ps

    def _later_is_longer(self, ps: list, i: int, hit: tuple[int, int], capital) -> bool:
        later = self._longest(ps, i + 1, capital) if i + 1 < len(ps) else None
        return later is not None and i + 1 + later[1] > i + hit[1]

    def phrase_kinds(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of each dictionary phrase in `text`: "Police" is an agent
        (a role noun), "Lebanon" a country; for telling names from words."""
        hits, _ = self.find(text)
        return [(h.start, h.end, self.entries[h.entry][1]) for h in hits]

    def _inside_longer_name(self, h: Hit, ps: list, capital: list[bool], covered: set) -> bool:
        """A person's name that is only the start or end of a longer name is someone
        else's: "Hassan" in "Omar Hassan al-Bashir", "Jean" in "Jean-Bertrand Aristide".
        A capitalised word before the name counts only if it is a first name: "Ousted
        President Askar Akayev" and "General Michel Aoun" are still who they are."""
        if self.entries[h.entry][1] != "person":
            return False
        after = h.last
        if after < len(ps) and after not in covered and capital[after]:
            if ps[after][1] - ps[after - 1][2] <= 1:
                return True
        before = h.first - 1
        if before >= 0 and before not in covered and capital[before]:
            gap = ps[h.first][1] - ps[before][2]
            return gap == 0 or (gap == 1 and ps[before][0] in first_names())
        return False

    def _longest(self, ps: list, i: int, capital: list[bool]) -> tuple[int, int] | None:
        longest = min(self.first_len.get(ps[i][0], 0), len(ps) - i)
        if not longest and not singulars(ps[i][0]):
            return None
        for n in range(max(longest, 1), 0, -1):
            words = [p[0] for p in ps[i : i + n]]
            for last in (words[-1], *singulars(words[-1])):
                key = " ".join((*words[:-1], last))
                entry = self.phrases.get(key)
                if entry is None:
                    continue
                if key in self.upper_only and not all(p[3] for p in ps[i : i + n]):
                    continue
                if key in self.cased and not any(capital[i : i + n]):
                    continue  # a name is written with a capital: "youths" is no group "Youth"
                return entry, n
        return None

    # -- resolution --------------------------------------------------------------------

    def entry(self, idx: int) -> tuple[str, str, tuple[CodeSpan, ...], str]:
        found = self._entries.get(idx)
        if found is None:
            name, kind, codes, where = self.entries[idx]
            found = self._entries[idx] = (name, kind, tuple(CodeSpan(*c) for c in codes), where)
        return found

    def resolve_text(self, text: str, date: str | None = None) -> ActorMatch | None:
        """A plain-text mention ("Pakistan's army", "the Haqqanis") to a code."""
        hits, ps = self.find(text)
        clause = next(  # "WHO" in capitals is the World Health Organization
            (k for k, p in enumerate(ps) if p[0] in CLAUSE and k > 0 and not p[3]), None
        )
        if clause is not None:
            hits = [h for h in hits if h.last <= clause]
        if not hits:
            return None
        block = next((k for k, p in enumerate(ps) if p[0] in BLOCKING and k > 0), None)
        primary = [h for h in hits if block is None or h.last <= block]
        located = ps[block][0] in LOCATIVE if block is not None else False
        secondary = [h for h in hits if h not in primary]
        return self.compose(primary or secondary, text, 0, date, secondary if located else [])

    def resolve_span(self, span: Span, date: str | None = None) -> ActorMatch | None:
        """A parsed mention: relative clauses and phrases after "to", "against"... are set
        aside (they name other actors) unless nothing else matches."""
        doc = span.doc
        hits, _ = self.find(span.text, span.start_char)
        if not hits:
            return None
        aside: list[tuple[int, int]] = []
        located: list[tuple[int, int]] = []
        dropped: list[tuple[int, int]] = []
        root = span.root.i  # a property that walks the span: read it once
        lo, hi = span.start, span.end
        for tok in span:
            if tok.i == root or not lo <= tok.head.i < hi:
                continue
            if tok.dep_ in ("relcl", "acl", "advcl"):
                sub = doc[tok.left_edge.i : tok.right_edge.i + 1]
                dropped.append((sub.start_char, sub.end_char))
            elif tok.dep_ == "prep" and tok.lower_ not in ("of", "from", "for"):
                sub = doc[tok.left_edge.i : tok.right_edge.i + 1]
                aside.append((sub.start_char, sub.end_char))
                if tok.lower_ in LOCATIVE:
                    located.append((sub.start_char, sub.end_char))
            elif tok.dep_ == "cc" or tok.dep_ == "conj":
                sub = (
                    doc[tok.i : tok.right_edge.i + 1]
                    if tok.dep_ == "conj"
                    else doc[tok.i : tok.i + 1]
                )
                aside.append((sub.start_char, sub.end_char))

        head = doc[root]
        if any(self.entries[h.entry][1] in PLACES and h.start <= head.idx < h.end for h in hits):
            for tok in head.children:  # "Turkey's rival Greece" is Greece
                if tok.dep_ == "poss":
                    sub = doc[tok.left_edge.i : tok.right_edge.i + 1]
                    aside.append((sub.start_char, sub.end_char))

        def inside(h: Hit, ranges: list[tuple[int, int]]) -> bool:
            return any(a <= h.start and h.end <= b for a, b in ranges)

        hits = [h for h in hits if not inside(h, dropped)]
        primary = [h for h in hits if not inside(h, aside)]
        extra = [h for h in hits if inside(h, located)]
        for a, b in sorted(aside) if not primary else ():  # else the first phrase set aside
            nested = [r for r in aside if a <= r[0] and r[1] <= b and r != (a, b)]
            primary = [h for h in hits if inside(h, [(a, b)]) and not inside(h, nested)]
            if primary:
                break
        return self.compose(primary or hits, doc_text(doc), 0, date, extra)

    def compose(
        self, hits: list[Hit], text: str, offset: int, date: str | None, located: list[Hit] = ()
    ) -> ActorMatch | None:
        if not hits:
            return None
        by_kind: dict[str, list[Hit]] = {}
        for h in hits:
            by_kind.setdefault(self.entries[h.entry][1], []).append(h)
        rank = {"person": 0, "group": 1, "org": 2}
        named = sorted(
            (h for h in hits if self.entries[h.entry][1] in NAMED),
            key=lambda h: rank[self.entries[h.entry][1]],
        )
        for h in named:  # a named actor is the mention's head; a person before an office
            name, kind, codes, where = self.entry(h.entry)
            if kind not in NAMED:
                continue
            code, reason = self._code_on(h.entry, date)
            if not code:
                continue
            why = f"{name} ({where}): {reason}"
            if len(code) == 3 and code_blocks().get(code, ("",))[0] == "role":
                place = self._country(by_kind, date)
                if place:
                    code = place[0][:3] + code
            return make_match(
                code, name, "dictionary", text[h.start - offset : h.end - offset], kind, why
            )
        agents = by_kind.get("agent", [])
        place = self._country(by_kind, date)
        if by_kind.get("identity"):
            if place is None and located:
                place = self._country(self._group(located), date)
            return self._with_identity(by_kind["identity"][0], agents, place, text, offset, date)
        if agents:
            strong = [h for h in agents if self._code(h, date)[0] not in WEAK_SECTORS]
            agent = (strong or agents)[0]
            role, reason = self._code(agent, date)
            if place is None and located:
                place = self._country(self._group(located), date)
            used = [agent] + ([place[2]] if place else [])
            start, end = min(h.start for h in used), max(h.end for h in used)
            matched = text[start - offset : end - offset]
            a_name = self.entries[agent.entry][0]
            if place:
                why = f"{place[1]} + agent {a_name!r} ({self.entries[agent.entry][3]}) -> {role}"
                return make_match(
                    place[0][:3] + role, place[1], "dictionary", matched, "agent", why
                )
            why = f"agent {a_name!r} ({self.entries[agent.entry][3]}), no country in the mention"
            return make_match(identity_first(role), None, "dictionary", matched, "agent", why)
        if place:
            h = place[2]
            kind = self.entries[h.entry][1]
            via = "metonymy" if kind == "metonym" else "dictionary"
            name, _, codes, where = self.entry(h.entry)
            code, reason = self._code_on(h.entry, date)
            why = f"{name} ({where}): {reason}" + (
                ", standing for its government" if via == "metonymy" else ""
            )
            return make_match(code, name, via, text[h.start - offset : h.end - offset], kind, why)
        return None

    def _with_identity(
        self, ident: Hit, agents: list[Hit], place, text: str, offset: int, date: str | None
    ) -> ActorMatch | None:
        """An ethnic or religious identity composes with the mention's role noun and
        country in CAMEO's order: identity first when no country is named ("Kurdish
        fighters" -> KURREB, "Uighur activists" -> UIGOPP), after the role when one is
        ("Iraqi Kurdish fighters" -> IRQREBKUR, "Iraqi Kurds" -> IRQKUR). An identity that
        lives in one state carries it in its code ("CHNUIG": the Uyghurs are a national
        actor of China), and takes it when the mention names no country ("Uyghur
        activists" -> CHNOPPUIG). An identity group's armed men (UAF, "fighters",
        "militia") are rebels."""
        name, _, codes, where = self.entry(ident.entry)
        icode, _ = self._code_on(ident.entry, date)
        if not icode:
            return None
        home, _ = _code_parts(icode)  # "CHNUIG": an identity with one home state
        if home:
            icode = icode[len(home) :]
        used, role, why = [ident], "", f"{name} ({where}) -> {icode}"
        if agents:
            strong = [h for h in agents if self._code(h, date)[0] not in WEAK_SECTORS]
            agent = (strong or agents)[0]
            role = self._code(agent, date)[0]
            role = "REB" if role == "UAF" else role
            used.append(agent)
            why += f" + agent {self.entries[agent.entry][0]!r} -> {role}"
        if place:
            used.append(place[2])
            code = place[0][:3] + role + icode
            why = f"{place[1]} + {why}"
        elif home:
            code = home + role + icode
            why = f"{why}; home state {home}"
        else:
            code = icode + role
        start, end = min(h.start for h in used), max(h.end for h in used)
        return make_match(code, name, "dictionary", text[start - offset : end - offset],
                          "identity", why)  # fmt: skip

    def _group(self, hits: list[Hit]) -> dict[str, list[Hit]]:
        out: dict[str, list[Hit]] = {}
        for h in hits:
            out.setdefault(self.entries[h.entry][1], []).append(h)
        return out

    def _code(self, h: Hit, date: str | None) -> tuple[str, str]:
        code, reason = self._code_on(h.entry, date)
        return code or "", reason

    def _code_on(self, entry: int, date: str | None) -> tuple[str | None, str]:
        """`code_on` of an entry's codes, once per entry and date."""
        key = (entry, date)
        found = self._codes.get(key)
        if found is None:
            if len(self._codes) >= FOUND_CACHE:
                self._codes.clear()
            found = self._codes[key] = code_on(self.entry(entry)[2], date)
        return found

    def _country(
        self, by_kind: dict[str, list[Hit]], date: str | None
    ) -> tuple[str, str, Hit] | None:
        """(country code, name, hit) of the first country or metonym in the mention."""
        cands = sorted(
            by_kind.get("country", []) + by_kind.get("metonym", []), key=lambda h: h.start
        )
        for h in cands:
            code, _ = self._code(h, date)
            if code:
                return code, self.entries[h.entry][0], h
        return None

    def explain(self, text: str, date: str | None = None) -> list[str]:
        """Every dictionary phrase found in `text`, with its entry and all dated codes."""
        hits, _ = self.find(text)
        lines = []
        for h in hits:
            name, kind, codes, where = self.entry(h.entry)
            shown = "; ".join(str(c) for c in codes)
            lines.append(f"{text[h.start : h.end]!r} -> {name} [{kind}] {shown}  ({where})")
        return lines


@functools.cache
def _load(paths: tuple[str, ...]) -> ActorResolver:
    return ActorResolver(load_index([Path(p) for p in paths]))
