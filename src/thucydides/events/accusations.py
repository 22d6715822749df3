"""A wrongdoing one actor reports of another is the speaker's accusation.

"the spokeswoman said Mexico has been cheating American farmers", "Washington alleges the
insurgent group has broken its commitment": the story-coding guideline records the
reported act (Mexico's, the group's) and, because the saying has content a coder codes,
the speaker's accusation of the one it names (CAMEO 112). A plain report of someone's own
act ("police said they arrested five") accuses nobody.
"""

from __future__ import annotations

from spacy.tokens import Token

from thucydides.events.parse import PRONOUN_TAGS, own_subject
from thucydides.events.speech import ACCUSING_SPEECH  # what someone did, alleged
from thucydides.model import Actor

ACCUSATION_CODE = "112"
ACCUSATION_RULE = "structure:reported-wrongdoing"
# acts whose report accuses their doer: assault, fight, mass violence, and of coercion
# the seizing of property and violent repression (an arrest or a lawsuit reported is
# the state's or the plaintiff's own news, not an accusation)
WRONGDOING_ROOTS = {"18", "19", "20"}
WRONGDOING_CODES = {"171", "175"}


def accusing_speech(verb: Token, code: str) -> Token | None:
    """The verb of saying whose subject accuses the doer of `verb`'s act (CAMEO `code`),
    or None. The doer must be named, not a pronoun ("they arrested": the speaker's own
    side, usually), and the act done by them, not to them ("he is being tormented")."""
    wrong = code[:2] in WRONGDOING_ROOTS or code[:3] in WRONGDOING_CODES
    if not wrong or verb.dep_ != "ccomp":
        return None
    speech = verb.head
    if speech.lemma_.lower() not in ACCUSING_SPEECH:
        return None
    speaker, _ = own_subject(speech)
    doer, passive = own_subject(verb)
    if speaker is None or doer is None or passive:
        return None
    if doer.tag_ in PRONOUN_TAGS or doer.dep_ == "expl":
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "said the army did not shell the town" accuses no one
    return speech


STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "SPY", "LEG"}


def accuses(source: Actor | None, target: Actor | None) -> bool:
    """Is a reported wrongdoing an accusation between these actors? Not when the doer is
    unknown, nor when a state's spokesman reports what its own forces did ("the army
    chief said his forces killed 1,000 fighters")."""
    if source is None or target is None or target.code is None or source.code is None:
        return False
    same_state = (
        source.country is not None
        and source.country == target.country
        and bool(set(source.sectors) & STATE_SECTORS)
        and bool(set(target.sectors) & STATE_SECTORS)
    )
    return not same_state
