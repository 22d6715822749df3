"""Noun phrases from the parse: the phrase a noun heads (what an actor's span shows),
and its head with left modifiers only (what decides whether the noun names an actor)."""

from __future__ import annotations

from spacy.tokens import Span, Token

# dependents that end a noun phrase for our purposes: clauses hanging off it
CUT_DEPS = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis"}
# prepositional phrases that say where or when, not who: "militants in Peshawar"
LOCATIVE_PREPS = {
    "in", "at", "near", "during", "on", "since", "after", "before", "across", "inside",
    "outside", "over", "amid", "by", "to", "into", "through", "throughout",
}  # fmt: skip


def noun_phrase(head: Token) -> Span:
    """The phrase a noun heads, without clauses, appositions, coordinated phrases or
    phrases of place and time."""
    doc = head.doc
    left = head.i
    for child in head.lefts:
        if child.dep_ in CUT_DEPS:
            continue
        left = min(left, child.left_edge.i)
    right = _right_edge(head)
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].is_space or doc[left].dep_ == "cc"):
        left += 1
    return doc[left : right + 1]


def head_phrase(head: Token) -> Span:
    """The noun with its left modifiers only ("the Afghan army", not "... of Kabul"):
    whether a noun names an actor is judged on this, so "meetings with the Haqqanis"
    does not pass for an actor because of what follows it."""
    left = head.i
    for child in head.lefts:  # "its total rejection" is no actor because of "its"
        if child.dep_ not in CUT_DEPS and child.tag_ != "PRP$":
            left = min(left, child.left_edge.i)
    return head.doc[left : head.i + 1]


def _right_edge(tok: Token, depth: int = 0) -> int:
    right = tok.i
    rights = list(tok.rights)
    for k, child in enumerate(rights):
        if child.dep_ == "punct" and k + 1 < len(rights) and rights[k + 1].dep_ == "appos":
            if _names_it(tok, rights[k + 1]):
                continue  # the comma before "Goodluck Jonathan"
        if child.dep_ == "appos" and not tok.doc[child.left_edge.i - 1].is_punct:
            right = max(right, _right_edge(child, depth + 1))  # "the premier Leo Varadkar"
            continue
        if child.dep_ == "appos" and _names_it(tok, child):
            right = max(right, _right_edge(child, depth + 1))  # "the president, Goodluck Jonathan"
            continue
        if child.dep_ in CUT_DEPS or depth > 8:
            break
        if is_setting(child) and (depth or tok.pos_ in {"PROPN", "PRON"}):
            break  # "Chad in Khartoum" is Chad; "civilians in Kabul" keeps its place
        right = max(right, _right_edge(child, depth + 1))
    return right


def _names_it(tok: Token, appos: Token) -> bool:
    """A common noun followed by the proper name of who it is ("the then president,
    Goodluck Jonathan"); not a list or an aside ("Kenya, a neighbour")."""
    return tok.pos_ == "NOUN" and appos.pos_ == "PROPN" and appos.ent_type_ in {"PERSON", "ORG"}


GROUP_NOUNS = {
    "network", "group", "party", "movement", "army", "government", "council", "faction",
    "militia", "organization", "organisation", "alliance", "coalition", "ministry", "cabinet",
    "parliament", "committee", "administration", "leadership", "union", "front", "force",
    "forces", "regime", "opposition", "team", "delegation", "agency", "police", "military",
}  # fmt: skip


def is_setting(prep: Token) -> bool:
    """A prepositional phrase of place or time ("in Peshawar", "on Monday"), as opposed
    to one of membership ("a figure in the Haqqani network")."""
    if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS:
        return False
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return True
    if pobj.lemma_.lower() in GROUP_NOUNS:
        return False
    return not any(t.ent_type_ in {"ORG", "NORP", "PERSON"} for t in pobj.subtree)


def coordinated_phrase(head: Token) -> Span:
    """The phrase with the phrases coordinated to it ("a physician and a nurse"): the
    target of one event, where coordinated sources become separate events."""
    span = noun_phrase(head)
    end = span.end
    for conj in head.conjuncts:
        if conj.i > head.i and conj.pos_ in {"NOUN", "PROPN"}:
            end = max(end, noun_phrase(conj).end)
    return head.doc[span.start : end]
