"""Where in a sentence a trigger noun names an event that happened, not a topic.

"Talks were held" and "killed in an air strike" are events; "a debate about strikes" is
not. Its own module: these position rules are about the noun's place in the parse, apart
from what the noun patterns say the noun means.
"""

from __future__ import annotations

from spacy.tokens import Token

from thucydides.events.modality import planning_noun

# Verbs of the reaction an event drew ("the editor's detention drew condemnation", "the
# ban sparked protests"): their subject noun is an event that happened, and the verb is
# a second event (the reaction), not the first one's effect
REACTION_VERBS = frozenset("draw spark prompt trigger provoke fuel outrage".split())
# Verbs whose subject/object noun is the event itself ("talks were held", "a strike killed").
NOUN_HOST_VERBS = frozenset(
    "hold conduct carry launch stage mount begin start resume continue open have make pay "
    "undertake perform organize organise lead call unleash wage be see witness".split()
)
# Verbs whose subject noun is an event that does something to their object, which is
# then the event's target ("a car bomb killed 75 people"); "the summit follows talks" and
# "the war caused a crisis" hit no one
EFFECT_VERBS = frozenset(
    "kill wound injure hit destroy damage target rock claim shake strike devastate flatten "
    "level leave".split()
)
NOUN_SUBJECT_VERBS = (
    (NOUN_HOST_VERBS - {"be", "have", "see", "witness"})
    | EFFECT_VERBS
    | frozenset(
        "occur happen take break erupt go come follow last cause end fail progress proceed "
        "stall collapse drag".split()
    )
    | REACTION_VERBS
)
NOUN_EVENT_PREPS = frozenset({"in", "during", "after", "amid", "following"})


def noun_is_event(tok: Token) -> bool:
    """The noun names an event that happened, not a topic: subject or object of a light or
    effect verb, an expletive's attribute, a headline root, or 'killed in an air strike'."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head, dep = tok.head, tok.dep_
    if dep == "ROOT":
        return True
    lemma = head.lemma_.lower()
    if dep in ("nsubj", "nsubjpass"):
        return lemma in (NOUN_HOST_VERBS if dep == "nsubjpass" else NOUN_SUBJECT_VERBS)
    if dep in ("dobj", "attr"):
        return lemma in NOUN_HOST_VERBS and not _names_it(tok)
    if dep == "pobj":
        if planning_noun(tok) is not None:  # "plans for a withdrawal of troops"
            return True
        return head.lower_ in NOUN_EVENT_PREPS and head.head.pos_ in ("VERB", "AUX", "NOUN")
    return False


def _names_it(obj: Token) -> bool:
    """ "called the detention a coup": the verb names what the noun was, nobody held it."""
    verb = obj.head
    if verb.lemma_.lower() != "call":
        return False
    return any(c.dep_ in ("oprd", "xcomp") for c in verb.children) or any(
        t.dep_ == "appos" for t in obj.subtree
    )
