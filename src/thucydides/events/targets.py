"""Who is acted upon: the target of an event anchored at a verb.

In order: the passive subject; an actor in the object or in a prepositional phrase;
the recipient of what a transfer verb moves; what the object's own phrase is about
("sanctions on X"); clauses below the verb. When none of these names an actor, the
first actor named in the act's scope is taken, leaving out the subject's phrase,
reasons, and the actor's own ("moved its troops").
"""

from __future__ import annotations

from spacy.tokens import Token

from thucydides.actors.mentions import RELATIONAL_NOUNS
from thucydides.events.parse import (
    NOT_ACTOR_ENTS,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    PRONOUN_TAGS,
    SUBJECT_DEPS,
    children,
    is_passive,
    own_subject,
)
from thucydides.events.phrases import is_setting


def actor_in(tok: Token, resolvable) -> Token | None:
    """The first actor-like noun in a phrase: the head if it is one, else inside its
    prepositional phrases ("overtures for talks from the United States")."""
    if resolvable(tok):
        return tok
    # who comes before where: "talks in Jerusalem with Netanyahu" -> Netanyahu
    ordered = sorted(tok.children, key=lambda c: c.dep_ == "prep" and is_setting(c))
    for child in ordered:
        if child.dep_ == "prep":
            for pobj in children(child, {"pobj"}):
                found = actor_in(pobj, resolvable)
                if found is not None:
                    return found
        elif child.dep_ == "poss" and child.tag_ != "PRP$" and resolvable(child):
            return child  # "the Kremlin's critics", but not "its posts"
    return None


# preposition order when looking for who is acted upon: "filed a suit in court against X"
PREP_PRIORITY = (
    "against", "on", "upon", "with", "to", "toward", "towards", "at", "into", "over", "for",
    "of", "about", "from", "in",
)  # fmt: skip
# prepositions on the object that name what the object is about ("sanctions on X")
OBJECT_PREPS = (
    "against", "on", "upon", "into", "with", "over", "of", "toward", "towards", "to", "from",
)  # fmt: skip


def _preps(tok: Token, allowed: tuple[str, ...]) -> list[Token]:
    found = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in allowed]
    return sorted(found, key=lambda p: allowed.index(p.lower_))


# verbs whose object is part of the predicate, not the one acted upon ("held talks",
# "expressed concern", "imposed sanctions", "launched an attack")
LIGHT_VERBS = {
    "hold", "express", "launch", "open", "file", "impose", "make", "take", "give", "issue",
    "sign", "stage", "carry", "conduct", "begin", "start", "have", "lodge", "voice", "pose",
    "raise", "offer", "extend", "announce", "reach", "lead", "mount", "step", "seek", "call",
    "provide", "send", "deliver", "deploy", "pledge", "promise", "grant", "declare", "set",
    "demand", "request", "ask", "receive", "accept",
}  # fmt: skip


def _pobj(prep: Token) -> Token | None:
    """The object of a preposition, unless it is a date, time or amount ("on Sunday")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.ent_type_ in NOT_ACTOR_ENTS - {"CARDINAL"}:
        return None
    if pobj.ent_type_ == "CARDINAL" and not any(c.lower_ == "of" for c in pobj.children):
        return None  # "against hundreds of banks" names someone; "in 1997" does not
    return pobj


# verbs whose object is the thing moved and whose target is who receives or loses it
TRANSFER_VERBS = {
    "give", "provide", "send", "donate", "offer", "deliver", "return", "lend", "grant",
    "award", "contribute", "ship", "supply", "pledge", "allocate", "extend", "transfer",
    "sell", "hand", "withdraw", "pull", "evacuate", "deploy", "dispatch", "airlift", "aid",
    "suspend", "cut", "halt", "reduce", "stop", "resume", "increase", "freeze", "pay",
    "compensate",
}  # fmt: skip
TOPIC_VERBS = {"discuss", "debate", "negotiate", "talk", "review"}  # the object is the topic
COPULAS = {"be", "remain", "become"}  # "X is the largest donor to Y"
RECIPIENT_PREPS = ("to", "from", "for", "into", "in")


def _recipient(anchor: Token, objects: list[Token]) -> Token | None:
    """Who receives (or, for a withdrawal, loses) what a transfer verb moves: the
    indirect object, else "to/from/for/in X" on the verb or on the thing moved."""
    for dative in children(anchor, {"dative"}):
        if dative.pos_ in {"NOUN", "PROPN"}:
            return dative
        if dative.pos_ == "ADP":  # "send aid to X" is sometimes parsed as a dative "to"
            pobj = next((c for c in dative.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for holder in [anchor, *objects]:
        for prep in _preps(holder, RECIPIENT_PREPS):
            if prep.lower_ == "for" and holder is anchor:
                continue  # "sent troops for a year"
            pobj = _pobj(prep)
            if pobj is not None and pobj.pos_ in {"NOUN", "PROPN"}:
                return pobj
    return None


# measures levied on someone: the one named by "on"/"against" is the target, a
# nationality on the measure itself is whose it is ("the U.S. tariff on Canadian steel")
LEVIED_NOUNS = {"tariff", "duty", "levy", "sanction", "embargo"}


def _levied_on(obj: Token, resolvable) -> Token | None:
    if obj.lemma_.lower() not in LEVIED_NOUNS:
        return None
    for prep in _preps(obj, ("on", "against")):
        pobj = _pobj(prep)
        if pobj is not None:
            found = actor_in(pobj, resolvable)
            if found is not None:
                return found
    return None


def _clauses(verb: Token, depth: int = 0) -> list[Token]:
    """Clausal complements below a verb, two levels deep ("warned [it would have [to be
    taken]]")."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"}:
            found.append(child)
            if depth < 2:
                found.extend(_clauses(child, depth + 1))
    return found


def by_agent(obj: Token, resolvable) -> Token | None:
    """Who did what the object names, when a by-phrase on it says so ("the arrest of the
    journalist by Peruvian police", "the withdrawal of forces by America"): what an act is
    judged, answered or asked about is aimed at its doer, not at whom it was done to."""
    if obj.pos_ != "NOUN":
        return None
    for prep in children(obj, {"prep"}):
        if prep.lower_ == "by":
            pobj = _pobj(prep)
            if pobj is not None and resolvable(pobj):
                return pobj
    return None


# shows of force and exercises (lemmas) a pattern reads with its verb: never their own target
SHOW_NOUNS = frozenset("drill exercise test maneuver manoeuvre patrol game launch".split())


def target_of(anchor: Token, consumed: Token | None, resolvable) -> tuple[Token | None, str]:
    """Who is acted upon: the passive subject, an actor in the object or a prepositional
    phrase; failing that, what the object's own phrase is about ("sanctions on X"), or
    the object itself when the pattern did not use it as part of the trigger."""
    if anchor.pos_ in {"VERB", "AUX"} and is_passive(anchor):
        subj, _ = own_subject(anchor)
        if subj is not None:
            return subj, "passive-subject"
        if anchor.dep_ == "acl" and anchor.head.pos_ in {"NOUN", "PROPN"}:
            return anchor.head, "reduced-passive-head"
    objects = children(anchor, OBJECT_DEPS - {"attr"})
    if anchor.lemma_.lower() in TOPIC_VERBS:  # "discussed Libya with Trump": Trump
        for prep in _preps(anchor, ("with",)):
            pobj = _pobj(prep)
            if pobj is not None and resolvable(pobj):
                return pobj, "prep-with"
    if anchor.lemma_.lower() in TRANSFER_VERBS or anchor.lemma_.lower() in COPULAS:
        found = _recipient(anchor, children(anchor, OBJECT_DEPS))
        if found is not None:
            return found, "recipient"
    for obj in objects:
        if consumed is not None and obj.i == consumed.i and obj.lemma_.lower() in SHOW_NOUNS:
            # "conducted military drills around Taiwan": the drills are the act, "military"
            # no target; whom they are aimed at is named in the drills' own phrase
            found = next(
                (a for p in children(obj, {"prep"}) for o in children(p, {"pobj"})
                 if (a := actor_in(o, resolvable)) is not None),
                None,
            )  # fmt: skip
            if found is not None:
                return found, "object-phrase"
            continue
        found = _levied_on(obj, resolvable)
        if found is not None:  # "doubled the U.S. tariff on Canada": on Canada, not by the US
            return found, "object-on"
        if obj.lemma_.lower() in LEVIED_NOUNS:
            continue  # "lifted U.S. sanctions", "the U.S. tariff on its steel": whose they are
        found = by_agent(obj, resolvable)
        if found is not None:  # "criticized the arrest of the journalist by police": police
            return found, "object-by"
        found = actor_in(obj, resolvable)
        if found is not None:
            return found, "object" if found is obj else "object-phrase"
    for prep in _preps(anchor, PREP_PRIORITY):
        pobj = _pobj(prep)
        if pobj is not None:
            found = actor_in(pobj, resolvable)
            if found is not None:
                return found, f"prep-{prep.lower_}"
    light = anchor.lemma_.lower() in LIGHT_VERBS
    for obj in objects if light else ():  # "imposed sanctions on X", "opened a probe into X"
        for prep in _preps(obj, OBJECT_PREPS):
            pobj = _pobj(prep)
            if pobj is not None and pobj.pos_ in {"NOUN", "PROPN"}:
                return pobj, f"object-{prep.lower_}"
    for prep in _preps(anchor, ("against", "on", "upon", "with", "into")):
        pobj = _pobj(prep)
        if pobj is not None and pobj.pos_ in {"NOUN", "PROPN"}:
            return pobj, f"prep-any-{prep.lower_}"
    # "warned action would be taken against X": the one threatened sits in the clause
    for clause in _clauses(anchor):
        for prep in _preps(clause, ("against", "on", "upon")):
            pobj = _pobj(prep)
            if pobj is not None and resolvable(pobj):
                return pobj, f"clause-{prep.lower_}"
    for obj in objects:  # "a lawsuit accusing X", "a decree granting Y to X"
        for clause in children(obj, {"acl", "relcl"}):
            if clause.pos_ != "VERB":
                continue
            found, how = target_of(clause, None, resolvable)
            if found is not None:
                return found, f"object-clause-{how}"
    # "agreed to open its borders to X": the target of the act agreed to
    for clause in children(anchor, {"xcomp"}):
        found, how = target_of(clause, None, resolvable)
        if found is not None:
            return found, f"xcomp-{how}"
    for obj in objects:  # "condemned the attacks"; but not "held talks", "expressed concern"
        levied = obj.lemma_.lower() in LEVIED_NOUNS  # "the U.S. tariff" is whose, not on whom
        if (
            (consumed is None or consumed.i != obj.i or not light)
            and not levied
            and obj.pos_
            in {
                "NOUN",
                "PROPN",
            }
        ):
            return obj, "object-any"
    # "X said Y must go" / "found Y guilty": the one spoken about is the target
    for clause in children(anchor, {"ccomp"}):
        subj, _ = own_subject(clause)
        if subj is None or subj.dep_ == "expl":
            continue
        if subj.tag_ == "PRP":  # "they said they would boycott X": they are the speakers
            found, how = target_of(clause, None, resolvable)
            if found is not None:
                return found, f"reported-{how}"
            continue
        if resolvable(subj) or subj.pos_ == "PROPN" or clause.pos_ == "ADJ":
            return subj, "reported-subject"
    # "carried out a raid, targeting X": the participle says whom the act was aimed at
    for clause in children(anchor, {"advcl"}):
        if clause.tag_ == "VBG" and not _gives_reason(clause):  # not "because X is ..."
            found, how = target_of(clause, None, resolvable)
            if found is not None:
                return found, f"participle-{how}"
    return None, "none"


OWN_POSSESSIVES = {"its", "their", "his", "her", "our"}


def _own(tok: Token, subj: Token | None) -> bool:
    """ "its forces", "their weapons": the actor's own, when the possessive agrees with
    the subject ("We rejected their proposals": theirs are someone else's); never "their
    counterparts"."""
    if subj is None or tok.lemma_.lower() in RELATIONAL_NOUNS:
        return False
    poss = next((c.lower_ for c in tok.children if c.dep_ == "poss"), None)
    if poss not in OWN_POSSESSIVES:
        return False
    word = subj.lower_
    plural = (
        subj.tag_ in {"NNS", "NNPS"}
        or word == "they"
        or any(c.dep_ == "conj" for c in subj.children)
    )
    if poss == "our":
        return word in {"we", "us"}
    if poss == "their":
        return plural
    if word in {"we", "i", "you", "they"} or plural:
        return False
    person = subj.ent_type_ == "PERSON" or word in {"he", "she"}
    return poss == "its" if not person else poss in {"his", "her"}


def weak_target(how: str, obj: Token | None, subj: Token | None, resolvable) -> bool:
    """No target, or only the thing the act is about ("lift the embargo"), found by the
    last-resort rules, or the actor's own ("moved its troops"). A passive subject or a
    recipient stands even when the dictionaries do not know it ("the journalist was
    arrested", "returned it to its owner")."""
    if obj is None:
        return True
    if how != "recipient" and _own(obj, subj):
        return True
    weak_rule = how.endswith("object-any") or "prep-any" in how
    return weak_rule and not resolvable(obj)


REASON_MARKERS = {"because", "since", "although", "though", "while", "whereas"}


def _gives_reason(child: Token) -> bool:
    """ "rejected X because they answer to Y": a reason or concession clause names no one
    acted upon ("until Cuba reforms" and "despite Biden's request" do)."""
    if child.dep_ == "advcl":
        return any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in REASON_MARKERS for c in child.children
        )
    return child.dep_ == "prep" and child.lower_ == "because"  # "despite X's request": X


def actor_in_scope(anchor: Token, subj: Token | None, resolvable) -> Token | None:
    """The first actor named after the trigger in the words it governs, outside the
    subject's phrase: the fallback when neither object nor prepositions name one."""
    skip = set()
    if subj is not None:
        skip.update(t.i for t in subj.subtree)
    for child in anchor.children:
        if child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or _gives_reason(child):
            skip.update(t.i for t in child.subtree)
    for tok in anchor.subtree:
        if tok.i <= anchor.i or tok.i in skip or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        if tok.dep_ == "compound" or tok.tag_ in PRONOUN_TAGS or tok.ent_type_ in NOT_ACTOR_ENTS:
            continue
        if _own(tok, subj) or tok.lemma_.lower() in LEVIED_NOUNS | SHOW_NOUNS:
            continue  # "its forces" are the actor's own, "the U.S. tariff" the US's

        if resolvable(tok):
            return tok
    return None
