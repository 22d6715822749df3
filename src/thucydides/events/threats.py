"""A hostile act its own doer says they will do is a threat, and the threat happened.

CAMEO has no intent code for hostile acts (03x are intents to cooperate): "we will
impose tariffs on Canada", "Beijing hinted that it could retaliate with tariffs", "he
said he would mobilize protests" are threats (13x), recorded as actual, whatever the
act's own mood. A forecast is not a threat: the mood walk already reads "X will attack,
analysts say" as hypothetical, and only a clause its doer speaks (a quote in the first
person, or what a speaker says they themselves will do) counts here.
"""

from __future__ import annotations

from spacy.tokens import Token

from thucydides.events.modality import Mood
from thucydides.events.parse import own_subject

# the 13x code for threatening each hostile act, most specific key first
THREAT_OF = {
    "16": "131", "160": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134",
    "165": "135", "166": "136",
    "17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323",
    "1724": "1324",
    "18": "1383",
    "19": "138", "191": "1381", "192": "1382", "190": "1384", "193": "1384", "194": "1384",
    "195": "1384", "196": "138",
    "20": "1385",
}  # fmt: skip

# verbs through which a doer states what they will do ("said it could retaliate")
DECLARING_VERBS = {
    "say", "hint", "signal", "indicate", "tell", "announce", "declare", "state", "write",
    "post", "insist", "make", "add", "vow", "pledge", "promise",
}  # fmt: skip
# a clause the doer speaks: its subject is the speaker themself
SELF_PRONOUNS = {"i", "we", "it", "he", "she", "they"}
FIRST_PERSON = {"i", "we"}
# what announces an act to come: "will", "plans to", "vowed to", "would", "could"; not
# "tried to kill" (an attempt), nor "threatened to" (a threat by its own verb already)
ANNOUNCING_CUES = {
    "will", "shall", "'ll", "wo", "would", "could", "plan", "intend", "vow", "pledge",
    "promise", "prepare", "decide", "resolve", "ready", "prepared", "determined", "poised",
}  # fmt: skip


def threat_code(code: str) -> str | None:
    """The 13x code for threatening the act `code` names, None for acts that are not hostile."""
    for key in (code, code[:3], code[:2]):
        if key in THREAT_OF:
            return THREAT_OF[key]
    return None


def is_declared_threat(anchor: Token, code: str, mood: Mood) -> bool:
    """Is a not-yet-done hostile act at `anchor` announced by its own doer?"""
    if threat_code(code) is None or mood.polarity != "asserted":
        return False
    if mood.modality not in {"intended", "hypothetical"} or mood.cue not in ANNOUNCING_CUES:
        return False  # "if", "may", "should", "analysts": conditions and forecasts
    subject = _subject(anchor)
    if subject is None:
        return False
    if subject.lower_ in FIRST_PERSON:
        return True  # "we will impose tariffs", in a quote
    return _said_by_self(anchor, subject)


def _subject(verb: Token) -> Token | None:
    """The verb's own subject, or that of the verb it is the infinitive of."""
    subject, _ = own_subject(verb)
    if subject is None and verb.dep_ in {"xcomp", "conj"}:
        subject, _ = own_subject(verb.head)
    return subject


def _said_by_self(anchor: Token, subject: Token) -> bool:
    """ "Beijing hinted that it could retaliate": the clause's subject refers back to the
    speaker (a pronoun) or names them again."""
    clause = anchor
    while clause.dep_ in {"xcomp", "conj"} and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in DECLARING_VERBS:
        return False
    speaker, passive = own_subject(clause.head)
    if speaker is None or passive:
        return False
    if subject.lower_ in SELF_PRONOUNS:
        return True
    return subject.lemma_.lower() == speaker.lemma_.lower()
