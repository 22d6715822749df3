"""Who a spoken judgement is against.

"'The arrest sent a chilling message,' Mhike said": the model reads a disapproval in
what was said, and the act is the speaker's criticism at the verb of saying. Its target
is not whoever heard it ("told France Television") but the one judged, named in what
was said: the reported clause's subject, else the first actor named in it ("reflects
the Taliban's repression of women"). The speaker's own side ("we", "our") is not judged.
"""

from __future__ import annotations

from spacy.tokens import Token

from thucydides.events.parse import children, own_subject
from thucydides.events.phrases import noun_phrase
from thucydides.events.roles import Roles
from thucydides.events.speech import JUDGING_VERBS

# the speaker and those addressed, never the one judged
NOT_JUDGED = {"i", "me", "my", "we", "us", "our", "you", "your", "it", "its", "this", "that"}


def is_judgement(anchor: Token, code: str, rule: str | None) -> bool:
    """Is this the model's disapproval placed at a verb of saying (combine.main_verb)?"""
    return rule is None and code[:2] == "11" and anchor.lemma_.lower() in JUDGING_VERBS


def judged(anchor: Token, resolvable) -> Token | None:
    """The actor judged in what the speaker said, or None when it names no one."""
    for clause in children(anchor, {"ccomp", "xcomp"}):
        if clause.lemma_.lower() in JUDGING_VERBS:  # "said he believed the arrest ..."
            return judged(clause, resolvable)
        subj, _ = own_subject(clause)
        if subj is not None and _can_be_judged(subj, resolvable):
            return subj
        for tok in clause.subtree:
            if tok.pos_ in {"NOUN", "PROPN", "PRON"} and tok.dep_ != "compound":
                if _can_be_judged(tok, resolvable):
                    return tok
    return None


def _can_be_judged(tok: Token, resolvable) -> bool:
    return tok.lower_ not in NOT_JUDGED and tok.dep_ != "expl" and resolvable(tok)


def judgement_roles(roles: Roles, anchor: Token, resolvable) -> Roles:
    """The speaker as source, the one judged as target (none when nobody is named)."""
    target = judged(anchor, resolvable)
    span = noun_phrase(target) if target is not None else None
    if span is not None and roles.source is not None and span.start < roles.source.end:
        if roles.source.start < span.end:
            span = None  # the speaker's own phrase
    how_source = roles.how.split("/", 1)[0]
    return Roles(
        roles.source, span, f"{how_source}/judged" if span is not None else f"{how_source}/none"
    )
