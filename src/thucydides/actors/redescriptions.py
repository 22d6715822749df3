"""A definite re-description of a person the story has named: "Belgian politician X ...
The former Belgian trade minister said ..." is X again, not Belgium's government.

A phrase "the [former] [nationality] role" with no name of its own is read as the
latest person named a few sentences before whom it fits: the same country when it has a
nationality, and a role of the same class where the person's is known. An office title
("the Turkish president") fits only a person introduced with that title, or, said to be
"former", one the story already counts a former office holder (ELI); a wrong person is
worse than the country's organ, so a misfit or two fitting people leave the dictionary's
reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from thucydides.actors.people import FORMER_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span

    from thucydides.actors.antecedents import MentionIndex
    from thucydides.actors.resolve import ActorMatch

POLITICAL = frozenset({"GOV", "ELI", "PTY", "LEG", "OPP"})
# the role classes a re-describing word fits; None: any role
ROLE_CLASSES: dict[str, frozenset[str] | None] = {
    "politician": POLITICAL,
    "leader": POLITICAL | {"REB", "INS"},
    "official": frozenset({"GOV", "ELI", "MIL", "LEG", "JUD"}),
    "envoy": frozenset({"GOV", "ELI"}),
    "diplomat": frozenset({"GOV", "ELI"}),
    "spokesman": None,
    "spokeswoman": None,
    "spokesperson": None,
    "lawyer": frozenset({"CVL", "JUD", "HRI", "OPP"}),
    "attorney": frozenset({"CVL", "JUD", "HRI", "OPP"}),
    "journalist": frozenset({"MED"}),
    "reporter": frozenset({"MED"}),
    "publisher": frozenset({"MED", "BUS"}),
    "editor": frozenset({"MED"}),
    "author": frozenset({"MED", "CVL", "EDU"}),
    "writer": frozenset({"MED", "CVL", "EDU"}),
    "activist": frozenset({"CVL", "OPP", "HRI", "LAB"}),
}
# offices: a re-description by one fits only a person introduced with the same word
OFFICES = frozenset(
    "minister president premier chancellor secretary ambassador governor mayor king queen "
    "senator".split()
)
# words that may stand between "the" and the role: rank and portfolio, not a name
MODIFIERS = frozenset(
    "former ex then top senior veteran longtime prominent foreign prime deputy vice "
    "interior defense defence finance justice opposition".split()
)
# words that make an office another one: a vice president is not "the president"
QUALIFIERS = frozenset({"vice", "deputy", "prime"})
SENTENCES_BACK = 3  # how far back the person may have been named


@dataclass(frozen=True, slots=True)
class Redescription:
    word: str  # the role word ("politician", "minister")
    former: bool
    national: bool  # it carries a nationality ("the French politician")
    qualifier: str | None = None  # "prime" in "the British prime minister"


def redescription(span: Span, is_national) -> Redescription | None:
    """Is `span` "the [former] [nationality] role", one person, no name of its own?"""
    root = span.root
    word = root.lemma_.lower()
    if root.tag_ != "NN" or span[0].lower_ != "the" or span[-1].i != root.i:
        return None
    if word not in ROLE_CLASSES and word not in OFFICES:
        return None
    national = False
    for tok in span[1:-1]:
        low = tok.lower_.rstrip("-")
        if low in MODIFIERS or low in FORMER_WORDS or tok.text == "-":
            continue
        if tok.ent_type_ in ("NORP", "GPE") or is_national(tok):
            national = True
            continue
        return None  # a name, a possessor, a number: someone or something else
    former = any(t.lower_.rstrip("-") in FORMER_WORDS for t in span)
    before = span[-2].lower_ if len(span) > 2 else ""
    return Redescription(word, former, national, before if before in QUALIFIERS else None)


def fits(found: Redescription, person: ActorMatch, said: str, country: str | None) -> bool:
    """Does the person (`said`: how the story introduced them) fit the re-description,
    whose nationality is `country`?"""
    if found.national and (country is None or person.country != country):
        return False
    roles = set(person.sectors)
    if found.word in OFFICES:
        if _same_office(found, said):
            return True
        return found.former and "ELI" in roles
    allowed = ROLE_CLASSES[found.word]
    if found.former and allowed is not None:
        allowed = allowed | {"ELI"}
    return allowed is None or not roles or bool(roles & allowed)


def _same_office(found: Redescription, said: str) -> bool:
    """Was the person introduced with the office itself, qualified alike ("Vice President
    X" is not "the president")?"""
    for hit in re.finditer(rf"(\w+)[\s-]+{found.word}\b", said.lower()):
        qualifier = hit.group(1) if hit.group(1) in QUALIFIERS else None
        if qualifier == found.qualifier:
            return True
    return False


def redescribed(
    mentions: MentionIndex,
    span: Span,
    found: Redescription,
    country: str | None,
    said,
) -> ActorMatch | None:
    """The one person named in the last few sentences before `span` that fits `found`;
    None when none or two do, or a person nothing codes comes after the one that fits. `said(mention)`: the text that introduced its person."""
    sent = span.sent
    start = sent.start_char
    for _ in range(SENTENCES_BACK):
        if sent.start == 0:
            break
        sent = span.doc[sent.start - 1].sent
        start = sent.start_char
    fitting: list[ActorMatch] = []
    for m in mentions.latest:
        if m.end > span.start_char or m.start < start:
            continue
        person = m.match
        if m.person and not m.plural and person is None:
            break  # a person the dictionaries do not know may be the one meant
        if person is None or person.kind != "person" or not m.person or m.plural:
            continue
        if any(p.name == person.name for p in fitting):
            continue
        if fits(found, person, said(m), country):
            fitting.append(person)
    return fitting[0] if len(fitting) == 1 else None
