"""Event triggers: verb and noun patterns on spaCy's parse → candidate CAMEO codes.

The patterns are data (events/data/, format in its README.md), compiled once into dicts
keyed by lemma (`pattern_compiler.py`), so matching a sentence is a few set lookups per
verb. This module is the sentence-level pass: which tokens are tried and which hit wins;
it calls `verb_frames.py` for the matching around one verb, `noun_events.py` for where a
noun names an event and `obligations.py` for a reported obligation's code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from thucydides.events.accusations import ACCUSATION_CODE, ACCUSATION_RULE, accusing_speech
from thucydides.events.judgements import (
    JUDGEMENT_CODE,
    JUDGEMENT_RULE,
    judging_speech,
    naming_wrongdoing,
)
from thucydides.events.noun_events import REACTION_VERBS, noun_is_event
from thucydides.events.obligations import DEMAND_RULE, obligation_code
from thucydides.events.pattern_cache import load_compiled
from thucydides.events.pattern_compiler import Compiled, NounPattern, VerbPattern
from thucydides.events.roles import demanding_speech
from thucydides.events.silence import NO_COMMENT_CODE, NO_COMMENT_RULE, no_comment, unanswered
from thucydides.events.verb_frames import MOD_DEPS, TokenFacts, VerbContext, match_verb, np_level


@dataclass(frozen=True, slots=True)
class TriggerHit:
    token: int  # doc-level index of the anchor token (the verb, or the event noun)
    start_char: int  # char offsets (doc text) of the trigger words
    end_char: int
    code: str  # CAMEO event code, string with leading zeros
    rule: str  # "<file>:<pattern id>"
    kind: str  # "verb" | "noun"
    specificity: int  # how many constraints the pattern matched (more = more specific)
    object_token: int | None  # doc index of the object the pattern consumed, if any


class TriggerMatcher:
    """Finds trigger words in a parsed sentence and proposes their CAMEO codes."""

    def __init__(self, compiled: Compiled) -> None:
        self._data = compiled

    @classmethod
    @functools.cache
    def load(cls, user_files: tuple[str, ...] = ()) -> TriggerMatcher:
        """Load (once per process) the compiled patterns, from the user cache when fresh;
        the user's pattern files come first and win."""
        return cls(load_compiled(user_files=tuple(Path(f) for f in user_files)))

    @property
    def pattern_count(self) -> int:
        return self._data.pattern_count

    @property
    def undergoers(self) -> frozenset[str]:
        """The rules whose subject is acted upon ("X stands accused")."""
        return self._data.undergoers

    @property
    def receivers(self) -> frozenset[str]:
        """Rules whose subject receives what the pattern names from its giver ("Pakistan
        received loans from the IMF": the IMF gives)."""
        return self._data.receivers

    @property
    def verb_lemmas(self) -> frozenset[str]:
        """Every verb a pattern can fire on."""
        return frozenset(self._data.verbs)

    def find(self, sent: Span, blocked: set[int] | None = None) -> list[TriggerHit]:
        """Best (most specific) hit per anchor token, ordered by position. Tokens a
        blocking pattern matched ("contributed to this report") go into `blocked`."""
        hits: list[TriggerHit] = []
        consumed: set[int] = set()
        anchors: set[int] = set()
        facts = TokenFacts()
        silent: set[int] = set()  # the reporter's unanswered request: no act at all
        tokens = list(sent)  # three passes over the same tokens: build them once
        for tok in tokens:
            verb = tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX")
            copula = tok.lemma_ == "be" and any(c.dep_ in ("acomp", "prep") for c in tok.children)
            if not (verb or copula):  # "is skeptical", "is in custody" have patterns of their own
                continue
            if tok.dep_ == "amod" or (tok.dep_ in ("pcomp", "pobj") and tok.head.head.i in anchors):
                continue  # "the disputed island"; "accused X of spying" is one event
            if tok.i in silent:
                continue
            unasked = unanswered(tok)  # "did not reply to VOA's email requesting comment"
            if unasked:
                silent |= unasked
                if blocked is not None:
                    blocked |= unasked
                continue
            hit, used = self._verb_hit(tok, facts)
            consumed |= used
            if hit is not None:
                if hit.object_token is not None:
                    consumed.add(hit.object_token)
                if hit.code:
                    hits.append(hit)
                    anchors.add(tok.i)
                elif blocked is not None:
                    blocked.add(tok.i)

        def said(speech: Token | None, code: str, rule: str, specificity: int = 1) -> None:
            """An act read off what was said, at the verb of saying (one per verb)."""
            if speech is not None and speech.i not in anchors:
                hits.append(
                    TriggerHit(speech.i, speech.idx, speech.idx + len(speech), code, rule,
                               "verb", specificity, None)
                )  # fmt: skip
                anchors.add(speech.i)

        for tok in tokens:
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("ccomp", "xcomp"):
                # "X said Y must act": X demands it of Y (CAMEO 100)
                said(demanding_speech(tok), obligation_code(tok), DEMAND_RULE)
            elif tok.pos_ == "ADJ":  # "X said the ruling was unconstitutional" (111)
                said(judging_speech(tok), JUDGEMENT_CODE, JUDGEMENT_RULE)
            if tok.pos_ == "VERB":  # "had no comment", "does not comment on" (011)
                # a frame (the negation and the comment), as "declined to comment" is
                said(no_comment(tok), NO_COMMENT_CODE, NO_COMMENT_RULE, 2)
            elif tok.pos_ == "NOUN":  # "X said China's bullying boosts support" (111)
                said(naming_wrongdoing(tok), JUDGEMENT_CODE, JUDGEMENT_RULE)
        for hit in list(hits):  # "X said Y shelled the town": X accuses Y (CAMEO 112)
            if hit.kind == "verb":
                said(
                    accusing_speech(sent.doc[hit.token], hit.code), ACCUSATION_CODE, ACCUSATION_RULE
                )
        effects: set[int] = set()
        for tok in tokens:
            if tok.i not in consumed and tok.pos_ in ("NOUN", "PROPN"):
                hit = self._noun_hit(tok)
                if hit is not None:
                    hits.append(hit)
                    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() not in REACTION_VERBS:
                        effects.add(tok.head.i)
        # "An air strike destroyed a bridge": the verb is the effect of the event its
        # subject names (195), not a second event (190); keep the noun.
        hits = [h for h in hits if not (h.kind == "verb" and h.token in effects)]
        hits.sort(key=lambda h: h.token)
        return hits

    def _verb_hit(self, tok: Token, facts: TokenFacts) -> tuple[TriggerHit | None, set[int]]:
        """The verb's best hit (code "" for a blocking pattern) and the subject tokens its
        pattern named: "an air strike killed" is one event, not a verb and a noun one."""
        entry = self._data.verbs.get(tok.lemma_.lower())
        if entry is None:
            return None, set()
        ctx = VerbContext(tok, facts)
        best: tuple[int, VerbPattern, Token | None, Token | None] | None = None
        for p in entry.patterns:
            spec, obj_tok, prt_tok = match_verb(p, ctx)
            if spec and (best is None or spec > best[0]):
                best = (spec, p, obj_tok, prt_tok)
        if best is None:
            if entry.default is None:
                return None, set()
            code, rule = entry.default
            hit = TriggerHit(tok.i, tok.idx, tok.idx + len(tok), code, rule, "verb", 1, None)
            return hit, set()
        spec, p, obj_tok, prt_tok = best
        used = {s.i for s in ctx.subjects if p.subj and np_level(p.subj, s, ctx.facts)}
        start, end = tok.idx, tok.idx + len(tok)
        if prt_tok is not None and prt_tok.i == tok.i + 1:
            end = prt_tok.idx + len(prt_tok)
        hit = TriggerHit(
            tok.i, start, end, p.code or "", p.rule, "verb", spec,
            obj_tok.i if obj_tok is not None else None,
        )  # fmt: skip
        return hit, used

    def _noun_hit(self, tok: Token) -> TriggerHit | None:
        patterns: tuple[NounPattern, ...] | None = self._data.nouns.get(tok.lemma_.lower())
        if patterns is None:
            patterns = self._data.nouns.get(tok.lower_)
        if patterns is None and tok.pos_ == "PROPN" and tok.lower_.endswith("s"):
            # "Negotiations between Britain and ...": a capitalised plural the tagger
            # took for a name keeps its own lemma
            patterns = self._data.nouns.get(tok.lower_[:-1])
        if patterns is None or not noun_is_event(tok):
            return None
        mods = {c.lemma_.lower(): c for c in tok.children if c.dep_ in MOD_DEPS}
        mods.update({c.lower_: c for c in tok.children if c.dep_ in MOD_DEPS})
        for p in patterns:  # most specific first
            used = [next((mods[w] for w in req if w in mods), None) for req in p.mods]
            if all(u is not None for u in used):
                start = min([tok.idx] + [u.idx for u in used])
                return TriggerHit(
                    tok.i, start, tok.idx + len(tok), p.code, p.rule, "noun", 1 + len(used), None
                )
        return None
