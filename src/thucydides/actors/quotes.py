"""The quotations of one document and who speaks each, for first person inside a quote
("we will not negotiate", "our fighters"): it stands for the quote's speaker.

Kept apart from the chain builder (`coref.py`) because finding a speaker reads the
paragraph around a quote, not the mentions before it: the subject of a reporting verb
("said", "told") in the quote's paragraph, often named after the quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from thucydides.actors.mentions import FIRST, Mention, is_pronoun
from thucydides.actors.resolve import doc_text
from thucydides.events.speech import QUOTE_VERBS

# a quote is also asked, recounted, conceded, cautioned or lamented ('"...," a pilot
# lamented'); not "continued" or "complained", which as often take a clause of their own
REPORT_VERBS = QUOTE_VERBS | {
    "ask", "recount", "admit", "acknowledge", "concede", "caution", "lament",
    "confide", "emphasize", "emphasise", "remark", "observe", "conclude", "joke", "quip",
    "fret",
}  # fmt: skip

if TYPE_CHECKING:  # spaCy is only needed by callers that have a parsed document
    from spacy.tokens import Doc, Token

    from thucydides.actors.resolve import ActorMatch

ATTRIBUTION_GAP = 40  # characters from a quote's end to its "he said"
_MARK = re.compile('[\u201c\u201d"]')
OPENING = "\u201c"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The quotes of `text` as character spans, each from an opening mark to the mark that
    closes it. News text mixes curly and straight marks in one quote ("\u201cis on
    track." he said), so any closing mark closes; a straight mark opens where a word
    follows it and no quote is open, or after a space within an open one, which then never
    closed. A quote that runs on into the next paragraph (opened again there, closed only
    at its end) is a quote to that paragraph's break."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for m in _MARK.finditer(text):
        i, mark = m.start(), m.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        word_after = not after.isspace()
        if mark == OPENING or (mark == '"' and word_after and (start is None or before.isspace())):
            if start is not None and "\n" in text[start:i]:
                spans.append((start, text.index("\n", start)))
            start = i
        elif start is not None:
            spans.append((start, i + 1))
            start = None
    return spans


def _subject(verb: Token) -> Token | None:
    """Who a reporting verb says spoke: its subject, or the noun the parser hung the verb
    on as a participle ('"...," a police commander lamented', read as "a commander
    lamented to"), unless it has an agent of its own ("a letter written by ...")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None or verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN"):
        return subj
    head = verb.head
    if head.i > verb.i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    return None if any(c.dep_ == "agent" for c in verb.children) else head


class Quotes:
    """The quotes of `doc` as character spans, and their speakers once asked for."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.spans = quote_spans(doc_text(doc))
        self.speakers: dict[int, ActorMatch | None] = {}  # quote index -> its speaker

    def inside(self, char: int) -> bool:
        return any(a < char < b for a, b in self.spans)

    def attributed(self, char: int) -> int | None:
        """The start of the quote that a speaker named at `char` says, when it ends just
        before ('"...," he said'): the speaker is someone named before the quote."""
        ends = [a for a, b in self.spans if b <= char and char - b <= ATTRIBUTION_GAP]
        return ends[-1] if ends else None

    def speaker(self, tok: Token, mention_of: Callable[[Token], Mention]) -> ActorMatch | None:
        """The subject of the reporting verb of the quote around `tok`; `mention_of` gives
        the subject's mention (the chain builder adds it if it is not there yet)."""
        index = next(i for i, (a, b) in enumerate(self.spans) if a < tok.idx < b)
        return self._speaker_of(index, mention_of)

    def _speaker_of(self, index: int, mention_of: Callable[[Token], Mention]) -> ActorMatch | None:
        """The reporting verb must be in the quote's paragraph; an unattributed quote that
        goes on from the quote before it (`_continues`) is that quote's speaker's."""
        if index in self.speakers:
            return self.speakers[index]
        self.speakers[index] = None  # guards against a quote that refers to itself
        start, end = self.spans[index]
        found: ActorMatch | None = None
        said = False  # a person, coded or not, is said to have spoken it
        for sent in self.doc.sents:
            if sent.end_char <= start - 1 or sent.start_char > end + 200:
                continue
            for t in sent:
                gap = (
                    doc_text(self.doc)[end : t.idx]
                    if t.idx >= end
                    else doc_text(self.doc)[t.idx : start]
                )
                if t.lemma_ not in REPORT_VERBS or self.inside(t.idx) or "\n" in gap:
                    continue
                subj = _subject(t)
                if subj is None or (is_pronoun(subj) and subj.lower_ in FIRST):
                    continue
                mention = mention_of(subj)
                found, said = mention.match, mention.person
                break
            if found is not None or said:
                break  # a person no dictionary knows said it: not a later speaker
        if found is None and not said and index > 0 and self._continues(index):
            found = self._speaker_of(index - 1, mention_of)
        self.speakers[index] = found
        return found

    def _continues(self, index: int) -> bool:
        """Does quote `index` go on from the quote before it: it opens a paragraph, or
        nothing stands between them but the words that say who spoke the first ('"We
        will stay," he said. "We have no choice."', '"We stay." He said. "We ..."')?"""
        end, start = self.spans[index - 1][1], self.spans[index][0]
        if "\n" in doc_text(self.doc)[end:start]:
            return True
        between = self.doc.char_span(end, start, alignment_mode="contract")
        if between is None:
            return True  # nothing but space and punctuation between the two
        starts = [t for t in between if t.is_sent_start]
        return len(starts) <= 1 and all(
            any(w.lemma_ in REPORT_VERBS for w in t.sent) for t in starts
        )  # a sentence of its own between them only says who spoke
