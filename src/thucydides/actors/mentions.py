"""What coreference counts as a mention, and the word lists that classify one.

A mention is a noun phrase or pronoun with the features an antecedent is chosen by
(person, number, lemma). One definition, shared by the chain builder (`coref.py`), the
antecedent search (`antecedents.py`) and the quote speakers (`quotes.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from thucydides.actors.dictionary import first_names

if TYPE_CHECKING:  # spaCy is only needed by callers that have a parsed document
    from spacy.tokens import Span, Token

    from thucydides.actors.resolve import ActorMatch

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER = frozenset({"it", "its", "itself"})
FIRST = frozenset({"we", "us", "our", "ours", "ourselves", "i", "me", "my", "mine", "myself"})
PRONOUNS = MALE | FEMALE | PLURAL | NEUTER | FIRST
RELATIVE = frozenset({"who", "whom", "which", "that", "whose"})
GROUP_NOUNS = frozenset(
    "group organization organisation network movement faction militia outfit party alliance "
    "coalition insurgency bloc body".split()
)
# bodies a later "the court", "the agency" points back to by the same word ("the
# International Court of Justice ... the court", "the UN refugee agency ... the agency")
INSTITUTION_NOUNS = frozenset(
    "court tribunal agency commission council committee ministry department fund government".split()
)
# nouns that name another party even under a possessive: "its northern neighbor", "their
# Chinese counterparts" are not the possessor
RELATIONAL_NOUNS = frozenset(
    "counterpart partner ally neighbour neighbor rival enemy opponent critic host adversary "
    "foe".split()
)
# armed men a later "the militants", "the insurgents" points back to: the armed group the
# story named before (al-Shabab), not its country's rebels
FIGHTER_NOUNS = frozenset(
    "militant insurgent rebel fighter extremist jihadist terrorist guerrilla gunman".split()
)
ARMED_SECTORS = frozenset({"REB", "INS", "SEP", "RAD"})
PERSON_NOUNS = frozenset(
    "commander leader minister official spokesman spokeswoman spokesperson president secretary "
    "ambassador envoy diplomat general chief head premier chancellor king queen senator "
    "lawmaker negotiator officer aide adviser advisor".split()
)
MALE_WORDS = frozenset({"spokesman", "king", "chairman", "prince", "sir", "mr", "mr."})
FEMALE_WORDS = frozenset({"spokeswoman", "queen", "chairwoman", "princess", "mrs", "mrs.", "ms"})
# role nouns that name the same kind of person: a later "the commander" can be the
# "senior figure" or "leader" introduced before
PERSON_ROLES = {
    "commander", "leader", "figure", "chief", "member", "militant", "fighter", "insurgent",
    "rebel",
}  # fmt: skip


@dataclass(slots=True)
class Mention:
    head: int  # token index of the head
    start: int  # character offsets of the phrase
    end: int
    match: ActorMatch | None
    person: bool
    plural: bool
    lemma: str


def is_pronoun(tok: Token) -> bool:
    """ "US" (the country) is not "us"."""
    return tok.lower_ in PRONOUNS and not (len(tok.text) > 1 and tok.text.isupper())


def is_head(tok: Token) -> bool:
    """Does `tok` head a mention: a pronoun, or a noun that modifies no other noun?"""
    if tok.pos_ == "PRON":
        return is_pronoun(tok)
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod", "flat", "nmod")


def noun_phrase(tok: Token) -> Span:
    """The noun phrase headed by `tok`: its left modifiers and "of/from/for" phrases
    (without their relative clauses)."""
    end = tok.i + 1
    for child in tok.rights:
        if child.i != end:
            break
        if child.dep_ in ("compound", "flat", "nummod"):
            end = child.i + 1
        elif child.dep_ == "prep" and child.lower_ in ("of", "from", "for"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is None:
                break
            end = noun_phrase(obj).end
        else:
            break
    return tok.doc[min(tok.left_edge.i, tok.i) : end]


def is_description(span: Span) -> bool:
    """ "the group", "the minister", "the court": no name, no country."""
    root = span.root
    if root.pos_ != "NOUN" or not any(t.lower_ in ("the", "this", "that") for t in span[:2]):
        return False
    lemma = root.lemma_.lower()
    named = any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG") for t in span)
    described = GROUP_NOUNS | PERSON_NOUNS | INSTITUTION_NOUNS | FIGHTER_NOUNS
    return lemma in described and (not named)


def gender_of_person(span: Span, match: ActorMatch) -> str | None:
    """ "f" / "m" from a gendered word in the phrase ("spokeswoman", "Mr."), else from
    the person's first name; None when neither tells."""
    for t in span:
        if t.lower_ in FEMALE_WORDS:
            return "f"
        if t.lower_ in MALE_WORDS:
            return "m"
    first = (match.name or "").split()[:1]
    return first_names().get(first[0].lower()) if first else None


def as_coref(match: ActorMatch, text: str) -> ActorMatch:
    """The antecedent's code for a later mention; a person the story introduced stays
    `via = "document"`."""
    return replace(
        match, via="document" if match.via == "document" else "coreference", matched=text
    )
