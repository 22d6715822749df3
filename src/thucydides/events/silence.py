"""Declining to comment said without the word "decline".

"The ministry declined to comment" has its pattern (011). The same refusal is as often
told by negating the comment itself: "had no comment", "made no comment", "does not
comment on intelligence matters", "she could not comment while the trial is ongoing".
There the negation is the act, not a comment that did not happen: the record is an
asserted, actual 011 at the verb (the modal of "could not" is the refusal's form).
"""

from __future__ import annotations

from spacy.tokens import Token

NO_COMMENT_CODE = "011"  # decline comment
NO_COMMENT_RULE = "structure:no-comment"
COMMENT_WORDS = frozenset({"comment", "elaborate"})
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
