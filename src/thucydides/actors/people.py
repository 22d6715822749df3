"""People the story introduces: a name with a title, nationality or apposition.

"Turkish Foreign Minister Mevlut Cavusoglu", "Haiti's security secretary Frantz Exantus"
and "Frantz Exantus, Haiti's security secretary" say who the person is even when no
dictionary lists them: the title gives the role (GOV, MIL, LEG...), the nationality or
possessor the country, and a title with no country ("President Moise") takes the story's.
The person so defined is then found again by surname ("Cavusoglu"), pronoun and role noun
("the minister"), with `via = "document"`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from thucydides.actors.resolve import ActorMatch, make_match

if TYPE_CHECKING:
    from spacy.tokens import Token

# a title whose dictionary entry gives no role (or that no dictionary lists) still says
# which branch its holder belongs to
TITLE_ROLES = {
    "minister": "GOV", "secretary": "GOV", "president": "GOV", "premier": "GOV",
    "chancellor": "GOV", "spokesman": "GOV", "spokeswoman": "GOV", "spokesperson": "GOV",
    "ambassador": "GOV", "envoy": "GOV", "diplomat": "GOV", "official": "GOV",
    "governor": "GOV", "mayor": "GOV", "king": "GOV", "queen": "GOV", "prince": "GOV",
    "adviser": "GOV", "advisor": "GOV", "aide": "GOV", "negotiator": "GOV",
    "senator": "LEG", "lawmaker": "LEG", "legislator": "LEG", "representative": "LEG",
    "congressman": "LEG", "congresswoman": "LEG", "general": "MIL", "judge": "JUD",
}  # fmt: skip


def fold(word: str) -> str:
    """ "Moïse" and "Moise" are one surname: lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_tokens(head: Token, is_title: Callable[[Token], bool]) -> list[Token]:
    """The personal name a phrase ends with: the proper nouns up to its head that are a
    person's name and not a title ("King Salman" -> Salman; "Foreign Minister Mevlut
    Cavusoglu" -> Mevlut Cavusoglu). Empty unless the head is a person's name."""
    if head.pos_ != "PROPN" or head.ent_type_ != "PERSON" or is_title(head):
        return []
    out = [head]
    for tok in reversed(list(head.lefts)):
        if tok.i != out[0].i - 1 or tok.dep_ not in ("compound", "flat"):
            break
        if tok.pos_ != "PROPN" or is_title(tok):
            break
        out.insert(0, tok)
    return out


def define(
    name: str, title: ActorMatch, title_word: str, context_country: str | None
) -> ActorMatch | None:
    """The code a title gives the person named with it: its country (or, for a title
    with none, its context's) and its role (or the title's usual one). None when the
    title gives no role."""
    if title.kind == "person" or not title.code:
        return None  # the phrase names someone the dictionaries know
    if title.kind in ("group", "org"):  # "Taliban spokesman X", "UN envoy X": theirs
        why = f"introduced as {title.matched!r}"
        return make_match(title.code, name, "document", title.matched, "person", why)
    country = title.country
    roles = list(title.sectors)
    if not roles and title_word in TITLE_ROLES:
        roles = [TITLE_ROLES[title_word]]
    if not roles:
        return None  # "Haiti's Frantz Exantus": a country alone says nothing of the person
    country = country or context_country
    code = (country or "") + "".join(roles)
    why = f"introduced as {title.matched!r}" + (
        f"; country {country} from its context" if country and not title.country else ""
    )
    return make_match(code, name, "document", title.matched, "person", why)
