"""Reported speech seen from the clause reported: whom its pronoun subject stands for
("Ethiopia said it would allow ...": Ethiopia), and when what one must do, said by
another, is the speaker's demand. Kept apart from `roles.py` because both look up from
the clause to its verb of saying (`speech.py` lists them), not into the clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from thucydides.events.parse import PRONOUN_TAGS, own_subject
from thucydides.events.speech import DEMANDING, SPEAKER_VERBS

SINGULAR_PRONOUNS = {"he", "she", "it"}


def speaker_for(subj: Token | None, anchor: Token) -> Token | None:
    """ "Ethiopia said it would allow ...": a pronoun subject of a reported clause that
    agrees in number with the speaker is the speaker, named in the same sentence."""
    if subj is None or subj.tag_ != "PRP" or subj.lower_ not in SINGULAR_PRONOUNS | {"they"}:
        return None
    tok = anchor
    for _ in range(4):
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEAKER_VERBS:
            speaker, _ = own_subject(tok.head)
            if speaker is None or speaker.tag_ in PRONOUN_TAGS:
                return None
            plural = speaker.tag_ in {"NNS", "NNPS"} or any(
                c.dep_ == "conj" for c in speaker.children
            )
            if subj.lower_ == "they" and not plural and speaker.ent_type_ != "GPE":
                # "the chairman said they would not end the strike": he speaks for his
                # side, unless a plural noun between them is who "they" are (a country
                # saying "they" means someone else)
                between = subj.doc[speaker.right_edge.i + 1 : subj.i]
                return None if any(t.tag_ in {"NNS", "NNPS"} for t in between) else speaker
            return speaker if plural == (subj.lower_ == "they") else None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


OBLIGATION_MODALS = {"must", "should", "ought"}


def demanding_speech(verb: Token) -> Token | None:
    """ "Russia said Sudan must return the helicopter": what one must do, reported by
    another, is the speaker's demand of them. The verb of saying ("said"), whose subject
    demands and whose reported subject is asked, or None. (At that verb the usual rules
    give the roles: the speaker acts on the one spoken about.)"""
    clause = verb
    if clause.dep_ == "xcomp" and clause.head.lemma_.lower() in {"have", "need"}:
        clause = clause.head  # "Sudan has to return"
    elif not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in clause.children):
        return None
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in DEMANDING:
        return None
    speaker, _ = own_subject(clause.head)
    demanded, _ = own_subject(clause)
    if speaker is None or demanded is None or speaker.tag_ in PRONOUN_TAGS:
        return None
    if demanded.tag_ in PRONOUN_TAGS or demanded.dep_ == "expl":
        return None  # "X said it must act" is X's own resolve, not a demand
    return clause.head
