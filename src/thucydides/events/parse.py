"""Small readings of the dependency parse that finding source and target both need."""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
PRONOUN_TAGS = {"PRP", "PRP$", "WP", "WDT"}
ACTOR_ENTS = {"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"}
NOT_ACTOR_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}


def children(tok: Token, deps: set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def is_speaker_label(tok: Token) -> bool:
    """ "VOA: Russia's President Putin visited China": the label that opens an interview's
    turn, which the parser can read as a second subject, speaks; it does not act."""
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":" and tok.left_edge.i == tok.sent.start


def own_subject(verb: Token) -> tuple[Token | None, bool]:
    """(subject token, is_passive_subject) for a verb's own clause."""
    subj = children(verb, SUBJECT_DEPS)
    if any(is_speaker_label(t) for t in subj):
        # the subject the parser hung on the label ("VOA: ... Putin" as its apposition)
        after = [a for t in subj if is_speaker_label(t) for a in children(t, {"appos"})]
        subj = [t for t in subj if not is_speaker_label(t)] + after or subj
    if subj:
        return subj[0], False
    psubj = children(verb, PASSIVE_SUBJECT_DEPS)
    if psubj:
        return psubj[0], True
    return None, False


def passive_agent(verb: Token) -> Token | None:
    """The `by` phrase of a passive, also where the parser hangs it on the verb's
    prepositional object ("targeted for assassination by the US")."""
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = children(child, {"pobj"})
            if pobj:
                return pobj[0]
    for prep in children(verb, {"prep"}):
        for pobj in children(prep, {"pobj"}):
            for by in pobj.children:
                if by.dep_ in {"agent", "prep"} and by.lower_ == "by":
                    found = children(by, {"pobj"})
                    if found:
                        return found[0]
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ({"auxpass"} | PASSIVE_SUBJECT_DEPS) for c in verb.children)
