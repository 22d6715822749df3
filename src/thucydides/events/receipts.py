"""Who gave what a subject received.

"Pakistan has received 23 bailout packages from the IMF", "Najib accepted Chinese
funding", "Lai's plight has received bipartisan support in Washington": the act (aid,
support, an award) is the giver's, and the subject only its target. A receiving pattern
(`receiver: true` in a pattern file) names the act; this module finds the giver in the
sentence: a from-phrase, a nationality or name on what was given, or the place it was
given in.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from thucydides.events.parse import children
from thucydides.events.phrases import noun_phrase

NAMING_ENTS = frozenset({"NORP", "GPE", "ORG", "PERSON"})


def giver(verb: Token, given: Token | None, resolvable) -> Span | None:
    """The phrase naming whoever gave what `verb`'s subject received, or None."""
    for head in (verb, given):
        if head is None:
            continue
        for prep in children(head, {"prep"}):
            if prep.lower_ != "from":
                continue
            for pobj in children(prep, {"pobj"}):
                if resolvable(pobj):
                    return noun_phrase(pobj)
    if given is not None:
        for mod in children(given, {"amod", "compound", "nmod", "poss"}):
            if (mod.ent_type_ in NAMING_ENTS or mod.pos_ == "PROPN") and resolvable(mod):
                return mod.doc[mod.i : mod.i + 1]  # "Chinese funding", "IMF loans"
    for prep in children(verb, {"prep"}):
        if prep.lower_ == "in":  # "received bipartisan support in Washington"
            for pobj in children(prep, {"pobj"}):
                if pobj.ent_type_ == "GPE" and resolvable(pobj):
                    return noun_phrase(pobj)
    return None
