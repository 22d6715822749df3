"""The target of a reply is the author of what it answers.

"Trump denied the request", "Berisha rejected the allegations", "the opposition
denounced the extension": the object is no actor but something an actor said or did,
and a coder records the reply against whoever made the request, the allegations or the
extension. When the sentence does not say who ("the allegations by X" is resolved by
the role rules), that is the actor who last acted in the story before it, other than
the one replying.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from thucydides.events.phrases import noun_phrase
from thucydides.model import Actor, Event

# roots whose object is often what another actor said or did: deny, welcome, accept,
# disapprove, reject, (not) yield
REPLY_ROOTS = {"01", "05", "08", "11", "12"}
# roots whose reply with no object at all ("but the European side refused") answers the
# act before it
BARE_REPLY_ROOTS = {"12"}
# nouns (lemmas) that name something an actor said or did, whose author is the target
AUTHORED_NOUNS = frozenset(
    """
    request demand call appeal plea proposal offer invitation ultimatum allegation
    accusation charge claim criticism remark comment statement resolution ruling verdict
    decision move plan extension budget bill measure decree order policy sanction
    attack bombing killing assault raid crackdown invasion arrest detention
    """.split()
)
# how far back the author may be, in sentences: further back, the story has moved on
AUTHOR_SENTENCES = 3


def is_authored(span: Span | None) -> bool:
    """Does this object phrase name something an actor said or did ("the request"),
    with no author of its own in it ("VOA requests")?"""
    if span is None:
        return False
    root = span.root
    if (
        root.lemma_.lower() not in AUTHORED_NOUNS
        and root.lower_.removesuffix("s") not in AUTHORED_NOUNS
    ):
        return False  # the lemma, or the plural the lemmatizer left ("remarks")
    return not any(
        child.dep_ in {"poss", "compound"} and child.pos_ in {"PROPN", "PRON"}
        for child in span.root.children
    )


def answers(code: str, how_target: str, target: Span | None) -> bool:
    """Is an act with CAMEO `code` and this target a reply to an earlier act: an
    authored object ("denied the request"), or a refusal with no object at all?"""
    if code[:2] not in REPLY_ROOTS:
        return False
    if how_target == "none":
        return code[:2] in BARE_REPLY_ROOTS
    return how_target.startswith("object") and is_authored(target)


def answers_object(code: str, anchor: Token) -> bool:
    """Is the verb's own object something an actor said or did ("rejected the
    resolution"), whatever actor a fallback rule found further away in the sentence?"""
    if code[:2] not in REPLY_ROOTS:
        return False
    objects = [c for c in anchor.children if c.dep_ == "dobj"]
    if not objects and anchor.dep_ == "relcl":  # "a claim Dhaka quickly rejected"
        objects = [anchor.head]
    return any(is_authored(noun_phrase(o)) for o in objects)


def author_of(
    source: Actor | None, sentence_index: int, at: int, earlier: Sequence[Event]
) -> Actor | None:
    """The source of the latest event before character `at`, within AUTHOR_SENTENCES
    sentences, that is coded and is not the replying actor; its `via` says it was
    inferred."""
    for event in reversed(earlier):
        if sentence_index - event.sentence_index > AUTHOR_SENTENCES:
            return None
        if event.trigger.start >= at:
            continue
        author = event.source
        if author is None or author.code is None:
            continue
        if source is not None and (author.code == source.code or author.text == source.text):
            continue
        return replace(author, sectors=list(author.sectors), via="author")
    return None


# nouns (lemmas) of documents that say or call for what their authors say or call for:
# "the suits allege", "the charter calls on", "issued a statement calling on X"
DOCUMENT_NOUNS = frozenset(
    """
    lawsuit suit complaint petition charter letter article report resolution statement
    declaration communique warning indictment message note post tweet release editorial
    speech appeal
    """.split()
)
# one document, named two ways
SAME_DOCUMENT = {"suit": {"lawsuit"}, "lawsuit": {"suit"}}
# how far back the document's author may have been named acting, in sentences
DOCUMENT_SENTENCES = 8


# verbs whose subject puts a document out: "Blinken issued a statement", "the group
# released a report", "senators sent a letter"
ISSUING_VERBS = frozenset(
    "issue release publish send write sign file post deliver submit present unveil adopt".split()
)


@dataclass(frozen=True, slots=True)
class Issued:
    """A document the story shows someone putting out, and who did."""

    at: int  # the document noun's character offset in the document
    lemma: str
    issuer: Actor


def issued_documents(doc: Doc) -> list[tuple[Token, Token]]:
    """(document noun, its issuer's word) for each "X issued a statement" in `doc`: a
    DOCUMENT noun that is the object of an ISSUING verb with a subject of its own."""
    found = []
    for tok in doc:
        if tok.dep_ != "dobj" or tok.lemma_.lower() not in DOCUMENT_NOUNS:
            continue
        verb = tok.head
        if verb.lemma_.lower() not in ISSUING_VERBS:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            found.append((tok, subj))
    return found


def document_author(
    source: Actor | None,
    span: Span | None,
    sentence_index: int,
    at: int,
    earlier: Sequence[Event],
    issued: Sequence[Issued] = (),
) -> Actor | None:
    """ "The suits allege that ...", two sentences after "rights groups filed two suits":
    a document with no code of its own speaks for whoever the story last showed acting
    in a sentence that names it (its filer, writer or issuer), else for whoever the story
    showed putting it out ("Blinken issued a statement ... The statement threatened
    sanctions": `issued`, when that was no event); `via: author`."""
    if span is None or (source is not None and source.code):
        return None
    lemma = span.root.lemma_.lower()
    if lemma not in DOCUMENT_NOUNS:
        return None
    names = {lemma} | SAME_DOCUMENT.get(lemma, set())
    forms = names | {name + "s" for name in names} | {span.root.lower_}
    for event in reversed(earlier):
        if sentence_index - event.sentence_index > DOCUMENT_SENTENCES:
            break
        author = event.source
        if event.trigger.start >= at or author is None or not author.code:
            continue
        words = {w.strip(".,;:\"'\u201c\u201d").lower() for w in event.sentence.split()}
        if forms & words:
            return replace(author, sectors=list(author.sectors), via="author")
    return issuer_of(span, at, issued)


def issuer_of(span: Span, at: int, issued: Sequence[Issued]) -> Actor | None:
    """Whoever the story last showed putting out the document `span` names, before
    character `at` ("Blinken issued a statement ... The statement threatened"), or None."""
    lemma = span.root.lemma_.lower()
    names = {lemma} | SAME_DOCUMENT.get(lemma, set())
    put_out = [d for d in issued if d.at < at and d.lemma in names and d.issuer.code]
    if not put_out:
        return None
    issuer = put_out[-1].issuer
    return replace(issuer, sectors=list(issuer.sectors), via="author")


# what only a state issues: "opposition deputies rejected the budget" answers the story's
# government when no earlier act says who proposed it
STATE_DOCUMENTS = frozenset("budget bill law decree policy constitution curfew".split())


def state_author(
    thing: Span | None, source: Actor | None, story_country: str | None, at: int
) -> Actor | None:
    """The story's government as the author of a state document, implied, or None (for
    another thing, no story country, or a government replying to its own)."""
    if thing is None or not story_country or thing.root.lemma_.lower() not in STATE_DOCUMENTS:
        return None
    if source is not None and source.code == story_country + "GOV":
        return None
    return Actor.implied(story_country, "GOV", at)
