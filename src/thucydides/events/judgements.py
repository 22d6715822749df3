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
from thucydides.events.roles import UNDERGONE_NOUNS, Roles
from thucydides.events.speech import JUDGING_VERBS
from thucydides.events.targets import by_agent

# what a speaker calls wrong, said of what was done: "the ruling was unconstitutional"
DISAPPROVING = frozenset(
    """
    unconstitutional illegal unlawful unacceptable unfair unjust inhumane arbitrary
    absurd outrageous hypocritical ridiculous shameful irresponsible illegitimate
    horrifying disgraceful cruel unjustified unwarranted appalling deplorable
    undemocratic discriminatory degrading repressive draconian reckless
    scandalous disproportionate unreasonable abhorrent despicable barbaric
    """.split()
)
# what a speaker calls wrong by denying it is right: "the case is not legal"
APPROVING = frozenset(
    "legal lawful constitutional fair just acceptable justified legitimate democratic".split()
)
# what a speaker calls an actor's wrongdoing by naming it: "China's bullying", "the
# Taliban's repression of women"
WRONGDOING_NOUNS = frozenset(
    """
    bullying repression persecution aggression interference meddling lawfare crackdown
    abuse atrocity corruption propaganda disinformation intimidation harassment coercion
    oppression brutality hypocrisy incompetence mismanagement negligence cruelty
    provocation hostility expansionism hegemony belligerence lies
    """.split()
)
JUDGEMENT_CODE = "111"  # criticize or denounce
JUDGEMENT_RULE = "structure:reported-judgement"

# the speaker and those addressed, never the one judged
NOT_JUDGED = {"i", "me", "my", "we", "us", "our", "you", "your", "it", "its", "this", "that"}


def is_judgement(anchor: Token, code: str, rule: str | None) -> bool:
    """Is this a disapproval placed at a verb of saying: the model's (combine.main_verb)
    or a reported judgement's (`judging_speech`)?"""
    return (
        rule in (None, JUDGEMENT_RULE)
        and code[:2] == "11"
        and anchor.lemma_.lower() in JUDGING_VERBS
    )


def judging_speech(predicate: Token) -> Token | None:
    """ "'This order is unconstitutional,' the senator said": the verb of saying whose
    reported clause calls something wrong (a DISAPPROVING adjective after "be", not
    negated, or an APPROVING one negated: "is not legal"), or None. The speaker
    criticises whoever the clause judges (`judgement_roles`)."""
    word = predicate.lemma_.lower()
    if word not in DISAPPROVING and word not in APPROVING:
        return None
    while predicate.dep_ == "conj":  # "is hasty, unfair and cruel"
        predicate = predicate.head
    if predicate.dep_ != "acomp":
        return None
    clause = predicate.head
    if clause.lemma_ != "be" or clause.dep_ != "ccomp":
        return None
    negated = any(c.dep_ == "neg" for c in (*clause.children, *predicate.children))
    if negated != (word in APPROVING):
        return None  # "the ban is not illegal" defends it, "the ban is legal" too
    speech = clause.head
    return speech if speech.lemma_.lower() in JUDGING_VERBS else None


def naming_wrongdoing(noun: Token) -> Token | None:
    """ "'China's bullying boosts support for Taiwan,' he said": the verb of saying whose
    reported clause names a wrongdoing and whose it is (a WRONGDOING noun with a
    possessor, a name or a nationality before it), or None. The speaker criticises
    whoever did it (`judged` finds them by `_doer_of`)."""
    if noun.lemma_.lower() not in WRONGDOING_NOUNS or noun.pos_ != "NOUN":
        return None
    if not any(_names_a_doer(c) for c in noun.children):  # "greater persecution": whose?
        return None
    clause = noun.head
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.pos_ not in {"VERB", "AUX"}:
        return None
    speech = clause.head
    return speech if speech.lemma_.lower() in JUDGING_VERBS else None


def _names_a_doer(mod: Token) -> bool:
    """ "China's", "their", "Taliban", "Chinese": a modifier that can say whose act it is."""
    if mod.dep_ not in {"poss", "compound", "amod"}:
        return False
    return mod.pos_ in {"PROPN", "PRON"} or mod.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"}


def judged(anchor: Token, resolvable) -> Token | None:
    """The actor judged in what the speaker said, or None when it names no one."""
    for clause in children(anchor, {"ccomp", "xcomp"}):
        if clause.lemma_.lower() in JUDGING_VERBS:  # "said he believed the arrest ..."
            return judged(clause, resolvable)
        subj, _ = own_subject(clause)
        if subj is not None and subj.lemma_.lower() in WRONGDOING_NOUNS:
            doer = _doer_of(subj, resolvable)  # "Peru's bullying of fishermen": Peru
            if doer is not None:
                return doer
        if subj is not None and _can_be_judged(subj, resolvable):
            return subj
        inside_subject: set[int] = set()
        if subj is not None and subj.pos_ == "NOUN":
            # "the government's decision was illegal": whoever did what is judged, not
            # whom it was done to ("the revocation of his bail is unfair")
            doer = _doer_of(subj, resolvable)
            if doer is not None:
                return doer
            inside_subject = {t.i for t in subj.subtree}
        for tok in clause.subtree:
            if tok.i in inside_subject:
                continue
            if tok.pos_ in {"NOUN", "PROPN", "PRON"} and tok.dep_ != "compound":
                if _can_be_judged(tok, resolvable):
                    return tok
    return None


def _doer_of(act: Token, resolvable) -> Token | None:
    """Who did the act a noun names: its "by" phrase, else its possessor, modifier or
    "of" phrase ("the actions of the governor"), unless the act is done to them ("the
    journalist's arrest", "the detention of the journalists") or to what is theirs ("the
    revocation of the editor's bail")."""
    undergone = act.lemma_.lower() in UNDERGONE_NOUNS
    found = by_agent(act, lambda tok: _can_be_judged(tok, resolvable))
    if found is not None:
        return found
    # "Peru's bullying of fishermen": a wrongdoing's "of" phrase is whom it hurt
    if not undergone and act.lemma_.lower() not in WRONGDOING_NOUNS:
        for prep in children(act, {"prep"}):
            if prep.lower_ == "of":
                found = next(
                    (
                        o
                        for o in children(prep, {"pobj"})
                        if _can_be_judged(o, resolvable) and not children(o, {"poss"})
                    ),
                    None,
                )
                if found is not None:
                    return found
    if undergone:
        return None
    return next(
        (c for c in children(act, {"poss", "compound", "amod"}) if _can_be_judged(c, resolvable)),
        None,
    )


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
