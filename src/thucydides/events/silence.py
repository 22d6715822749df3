"""Declining to comment said without the word "decline", and silences that are no act.

"The ministry declined to comment" has its pattern (011). The same refusal is as often
told by negating the comment itself: "had no comment", "made no comment", "does not
comment on intelligence matters", "she could not comment while the trial is ongoing".
There the negation is the act, not a comment that did not happen: the record is an
asserted, actual 011 at the verb (the modal of "could not" is the refusal's form).

"Did not reply to VOA's email requesting comment" is the reporter's own process: no
event at all, neither a rejection nor the email's request (`unanswered`).
"""

from __future__ import annotations

from spacy.tokens import Token

NO_COMMENT_CODE = "011"  # decline comment
NO_COMMENT_RULE = "structure:no-comment"
COMMENT_WORDS = frozenset({"comment", "elaborate"})
# "did not reply to VOA's email requesting comment", "did not return calls"
ANSWER_VERBS = frozenset({"reply", "respond", "answer", "return"})
ASKING_NOUNS = frozenset({"request", "email", "query", "question", "call", "message", "inquiry"})
ASKING_VERBS = frozenset({"request", "ask", "seek"})
# "had no comment", "offered no comment", "made no comment"
HOLDING_VERBS = frozenset({"have", "offer", "make", "give"})


def no_comment(verb: Token) -> Token | None:
    """The verb a refusal to comment is said at ("does not comment", "had no comment"),
    or None."""
    lemma = verb.lemma_.lower()
    if lemma in COMMENT_WORDS:
        return verb if any(c.dep_ == "neg" for c in verb.children) else None
    if lemma in HOLDING_VERBS:
        for obj in verb.children:
            if obj.dep_ == "dobj" and obj.lemma_.lower() == "comment":
                if any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
                    return verb
    return None


def unanswered(verb: Token) -> set[int]:
    """ "did not respond to a request for comment", "did not return calls": no act of
    anyone's but the reporter's asking. The tokens of the verb and of what went
    unanswered (empty when it is no such verb); a verb coordinated with it stays."""
    if verb.lemma_.lower() not in ANSWER_VERBS or not any(c.dep_ == "neg" for c in verb.children):
        return set()
    asked = [c for c in verb.children if c.dep_ == "dobj"] + [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
        for o in p.children if o.dep_ == "pobj"
    ]  # fmt: skip
    if not any(o.lemma_.lower() in ASKING_NOUNS for o in asked):
        return set()
    # "an email requesting comment", parsed as the verb's own clause
    asking = [c for c in verb.children if c.lemma_.lower() in ASKING_VERBS]
    return {verb.i} | {t.i for o in (*asked, *asking) for t in o.subtree}
