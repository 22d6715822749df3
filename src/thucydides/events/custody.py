"""Whose custody someone is held in, when the sentence says so on the custody itself.

"Eight Uyghurs remain in Thai custody", "who remain in Thailand's custody", "remain in
the custody of the Bureau of Immigration", "is in U.S. custody": the holder is named on
the detention noun, not as a subject. A coder records the holder's detention of them
(173), foreigners or not; the story's own state is implied only for its own people
(`records.implied_state`), and a holder named here needs no such inference.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from thucydides.events.parse import children

# the nouns of being held ("in custody", "in detention", "in jail")
CUSTODY_NOUNS = frozenset(
    {"custody", "detention", "jail", "prison", "confinement", "detainment", "penitentiary"}
)
# whose custody: "Thailand's custody", "Thai custody", "U.S. custody", "ICE custody"
HOLDER_DEPS = {"poss", "amod", "compound", "nmod"}


def custody_holder(anchor: Token, names_holder: Callable[[Token], bool]) -> Token | None:
    """The word naming whose custody the verb's subject is in ("remain in Thai custody":
    "Thai"), or None when the custody is nobody's in particular ("remains in custody").
    `names_holder(token)` says whether a word names an actor or a country's place."""
    for prep in children(anchor, {"prep"}):
        if prep.lower_ != "in":
            continue
        for noun in children(prep, {"pobj"}):
            if noun.lemma_.lower() not in CUSTODY_NOUNS:
                continue
            for mod in children(noun, HOLDER_DEPS):
                if mod.ent_type_ == "NORP" or names_holder(mod):
                    return mod
            for of in children(noun, {"prep"}):  # "in the custody of the Bureau"
                if of.lower_ == "of":
                    for holder in children(of, {"pobj"}):
                        if names_holder(holder):
                            return holder
    return None
