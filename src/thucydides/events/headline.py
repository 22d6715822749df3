"""A headline's act, read from the lead that retells it.

Headlines are written without the words a parser leans on ("Ankara to raise duties on
Greek, Cypriot steel"; "Gunmen storm bus, seize riders"), and spaCy's small model often
finds no subject in them. The lead usually tells the same act in a full sentence
("Turkey's president is raising duties on steel from Greece and Cyprus"). A coder codes both sentences; so where a lead event's trigger word (by
lemma) stands in the headline and the headline has no event of that root and those
actors' countries, the lead's reading is the headline's too, at the headline's word, and
it replaces what the headline's own parse read at that word. The lead event gets
`evidence.same_as` (the store counts the act once); the headline's says whose reading it
took (`evidence.told_by`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from thucydides.headlines import HEADLINE_CHARS, LEAD_SENTENCES, act_key
from thucydides.model import Event, Trigger, make_event_id

# the parts of speech a headline's act word can have (its parse may call a verb a noun)
ACT_POS = {"VERB", "NOUN", "AUX", "ADJ", "PROPN"}
MIN_TOKENS = 3  # a shorter "sentence" after the headline is a fragment of the lead


def headline_from_lead(
    events: list[Event], doc: Doc, sentences: Sequence[Span], text: str, base: int, offset: int
) -> list[Event]:
    """`events` of the document's first chunk (`doc`, parsed from `text`, its sentences
    numbered from `base`, starting at character `offset` of the document), with the
    headline's events read from the lead added and the headline's own readings at those
    words dropped."""
    cut = text.find("\n\n")
    if cut < 0 or cut > HEADLINE_CHARS:
        return events
    heads = [(i, s) for i, s in enumerate(sentences) if s.start_char < cut]
    # the lead's sentences, not counting a fragment the splitter cut off ("U.S.")
    lead = {
        base + i for i, s in enumerate(sentences) if s.start_char > cut and len(s) >= MIN_TOKENS
    }
    lead = set(sorted(lead)[:LEAD_SENTENCES])
    if not heads or not lead:
        return events
    words = {}
    for i, sent in heads:
        for tok in sent:
            if tok.pos_ in ACT_POS:
                words.setdefault(tok.lemma_.lower(), (i, sent, tok))
    told = {act_key(e) for e in events if e.trigger.start - offset < cut}
    found: list[Event] = []
    for e in events:
        if e.sentence_index not in lead or not (e.source and e.source.code):
            continue
        if "same_as" in e.evidence or act_key(e) in told:
            continue
        span = doc.char_span(
            e.trigger.start - offset, e.trigger.end - offset, alignment_mode="expand"
        )
        at = words.get(span.root.lemma_.lower()) if span is not None else None
        if at is None:
            continue
        i, sent, tok = at
        start, end = tok.idx + offset, tok.idx + len(tok) + offset
        copy = replace(
            e,
            sentence_index=base + i,
            sentence=text[sent.start_char : sent.end_char].strip(),
            trigger=Trigger(text[tok.idx : tok.idx + len(tok)], start, end),
            evidence={**e.evidence, "told_by": e.event_id},
            # one id per lead event told: "keep tariffs on Mexico, Canada, China" is three
            event_id=make_event_id(e.doc_id, base + i, start, end, f"{e.cameo.code}@{e.event_id}"),
        )
        e.evidence["same_as"] = copy.event_id
        told.add(act_key(e))
        found.append(copy)
    if not found:
        return events
    taken = {e.trigger.start for e in found}
    kept = [e for e in events if e.trigger.start - offset >= cut or e.trigger.start not in taken]
    n_head = sum(1 for e in kept if e.trigger.start - offset < cut)
    return kept[:n_head] + found + kept[n_head:]
