"""Mentions that stand for several actors at once, each of whom gets its own event.

- Coordinated nationalities on one noun: "US and British activists" are American
  activists and British activists (USAOPP, GBROPP), not one actor with the first code.
- A counted plural that points back: "the two presidents", "both countries" are the two
  latest presidents or countries named before, never the latest one alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from thucydides.actors.resolve import ActorMatch, make_match

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

COUNTS = {"two": 2, "both": 2, "three": 3}
# what makes a counted plural point back to those already named
DEFINITE = {"the", "both", "these", "those", "their", "our"}
PEOPLE = frozenset(
    "president leader minister premier chancellor king official diplomat envoy senator "
    "lawmaker commander chief head".split()
)
STATES = frozenset("country nation state government side capital neighbour neighbor".split())
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})


def coordinated_countries(
    span: Span, whole: ActorMatch | None, country_of: Callable[[Token], ActorMatch | None]
) -> list[ActorMatch]:
    """ "US and British activists": one match per coordinated country on the phrase's
    head, with the role the whole phrase has; [] unless there are two or more and each
    is a country."""
    root = span.root
    for mod in root.children:
        if mod.dep_ not in MODIFIER_DEPS or not mod.conjuncts:
            continue
        members = [mod, *mod.conjuncts]
        if any(not span.start <= t.i < span.end for t in members):
            continue
        found = [country_of(t) for t in members]
        if len(found) < 2 or any(m is None or m.kind != "country" for m in found):
            return []
        roles = "".join(whole.sectors) if whole is not None and whole.kind == "agent" else ""
        return [
            make_match(
                m.country + roles, m.name, "dictionary", span.text, "agent" if roles else "country",
                f"{m.why}; one of the coordinated countries of {span.text!r}",
            )
            for m in found
            if m is not None and m.country
        ]  # fmt: skip
    return []


def counted(span: Span) -> int | None:
    """2 for "the two presidents" or "both countries", 3 for "the three leaders"."""
    root = span.root
    if root.tag_ not in ("NNS", "NNPS"):
        return None
    lemma = root.lemma_.lower()
    if lemma not in PEOPLE and lemma not in STATES:
        return None
    before = [t for t in span if t.i < root.i and t.head.i == root.i]
    if not any(t.lower_ in DEFINITE for t in before):
        return None  # "three other top officials", "two soldiers": new people, not those named
    for tok in before:
        if tok.lower_ in COUNTS:
            return COUNTS[tok.lower_]
    return None


def latest_actors(
    span: Span, count: int, before: Sequence[tuple[ActorMatch, bool]]
) -> list[ActorMatch]:
    """The `count` latest distinct actors of the kind the counted noun names (people for
    "presidents", states for "countries"), from mentions before it, latest first as
    (match, is_person); [] when fewer are named."""
    people = span.root.lemma_.lower() in PEOPLE
    out: list[ActorMatch] = []
    seen: set[str] = set()
    for match, person in before:
        if people:
            if not person or match.kind not in ("person", "agent") or not match.country:
                continue
            key = match.name or match.code or ""
        else:
            if match.kind not in ("country", "metonym") or not match.country:
                continue
            key = match.country
        if key in seen:
            continue
        seen.add(key)
        out.append(match)
        if len(out) == count:
            return out
    return []


def members_of(
    span: Span, before: Sequence[tuple[Token, ActorMatch | None, bool]]
) -> list[ActorMatch] | None:
    """The actors a counted plural stands for, from the mentions (head, match, is_person)
    latest first; None when `span` is no counted plural. "The US criticized both sides":
    the subject of the verb the plural depends on is not one of its members."""
    n = counted(span)
    if not n:
        return None
    verb = span.root.head
    earlier = [
        (match, person)
        for head, match, person in before
        if match is not None and head.idx + len(head.text) <= span.start_char
        and not (head.head.i == verb.i and head.dep_ == "nsubj")
    ]  # fmt: skip
    return latest_actors(span, n, earlier)
