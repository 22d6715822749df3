"""Event triggers: verb and noun patterns on spaCy's parse → candidate CAMEO codes.

The patterns are data (events/data/, format in its README.md); this module compiles them
once into dicts keyed by lemma, so matching a sentence is a few set lookups per verb.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from thucydides.events.accusations import ACCUSATION_CODE, ACCUSATION_RULE, accusing_speech
from thucydides.events.modality import planning_noun
from thucydides.events.pattern_cache import load_compiled
from thucydides.events.pattern_compiler import Compiled, Frame, NounPattern, Term, VerbPattern
from thucydides.events.roles import demanding_speech

WHEN_ENTS = frozenset({"DATE", "TIME"})
MOD_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "poss"})
OBJ_DEPS = ("dobj", "obj", "attr", "oprd", "dative", "acomp", "xcomp", "ccomp")
NP_LINK_PREPS = frozenset({"of", "for", "on", "about", "to", "against", "with", "over"})
# Verbs whose subject/object noun is the event itself ("talks were held", "a strike killed").
NOUN_HOST_VERBS = frozenset(
    "hold conduct carry launch stage mount begin start resume continue open have make pay "
    "undertake perform organize organise lead call unleash wage be see witness".split()
)
NOUN_SUBJECT_VERBS = (NOUN_HOST_VERBS - {"be", "have", "see", "witness"}) | frozenset(
    "occur happen take break erupt kill wound injure hit destroy damage target leave rock "
    "claim shake go come follow last strike devastate flatten level cause end fail".split()
)
NOUN_EVENT_PREPS = frozenset({"in", "during", "after", "amid", "following"})


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


def _words(tok: Token) -> frozenset[str]:
    return frozenset((tok.lemma_.lower(), tok.lower_))


def _mods(tok: Token) -> set[str]:
    out: set[str] = set()
    for child in tok.children:
        if child.dep_ in MOD_DEPS:
            out.add(child.lemma_.lower())
            out.add(child.lower_)
    return out


class _Facts:
    """What the patterns read off a noun (its words, its modifiers, its conjuncts and
    of/for-objects), read once per token of a sentence: a verb tries each of its patterns
    on the same few nouns."""

    __slots__ = ("_terms", "_links")

    def __init__(self) -> None:
        self._terms: dict[int, tuple[frozenset[str], set[str]]] = {}
        self._links: dict[int, tuple[list[Token], list[Token]]] = {}

    def words_mods(self, tok: Token) -> tuple[frozenset[str], set[str]]:
        found = self._terms.get(tok.i)
        if found is None:
            found = self._terms[tok.i] = (_words(tok), _mods(tok))
        return found

    def links(self, tok: Token) -> tuple[list[Token], list[Token]]:
        """(conjuncts, objects of its linking prepositions), in the order of its children."""
        found = self._links.get(tok.i)
        if found is None:
            conjs: list[Token] = []
            pobjs: list[Token] = []
            for child in tok.children:
                if child.dep_ == "conj":
                    conjs.append(child)
                elif child.dep_ == "prep" and child.lower_ in NP_LINK_PREPS:
                    pobjs += [g for g in child.children if g.dep_ == "pobj"]
            found = self._links[tok.i] = (conjs, pobjs)
        return found


def _term_level(terms: tuple[Term, ...], tok: Token, facts: _Facts | None = None) -> int:
    """3: a term with modifiers matches tok as head ("arrest warrant"); 2: a one-word term
    as head ("warrant"); 1: as modifier ("peace" in "peace talks"); 0: no. The longer
    phrase is the more specific pattern."""
    words, mods = (facts or _Facts()).words_mods(tok)
    level = 0
    for term in terms:
        if words & term.heads and all(mods & req for req in term.mods):
            level = max(level, 3 if term.mods else 2)
        elif not term.mods and mods & term.heads:
            level = max(level, 1)
    return level


def _np_level(terms: tuple[Term, ...], tok: Token, facts: _Facts | None = None) -> int:
    """Match a noun phrase: its head, its modifiers, its conjuncts, or its of/for-object."""
    facts = facts or _Facts()
    level = _term_level(terms, tok, facts)
    if level >= 2:
        return level
    conjs, pobjs = facts.links(tok)
    for child in conjs:
        level = max(level, _term_level(terms, child, facts))
    if level < 1 and any(_term_level(terms, pobj, facts) for pobj in pobjs):
        level = 1
    return level


class _VerbContext:
    """What the patterns may look at around one verb, collected once per verb token."""

    __slots__ = ("verb", "passive", "prts", "preps", "objects", "subjects", "facts")

    def __init__(self, verb: Token, facts: _Facts | None = None) -> None:
        self.verb = verb
        self.facts = facts or _Facts()
        children = list(verb.children)
        self.passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
        self.prts = {c.lower_: c for c in children if c.dep_ == "prt"}
        self.preps: list[Token] = [c for c in children if c.dep_ in ("prep", "agent", "dative")]
        self.objects: list[Token] = [c for c in children if c.dep_ == "dobj"]
        if self.passive:
            self.objects += [c for c in children if c.dep_ == "nsubjpass"]
        self.objects += [c for c in children if c.dep_ in OBJ_DEPS and c.dep_ != "dobj"]
        if _is_reduced_passive(verb, children) or _is_object_relative(verb, children):
            self.objects.append(verb.head)  # "the report released", "the sanctions X imposed"
        self.subjects = [c for c in children if c.dep_ == "nsubj"]
        if not self.subjects and verb.dep_ == "xcomp":  # "the population continues to decline"
            self.subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        for c in children:
            if c.dep_ == "agent":
                self.subjects += [g for g in c.children if g.dep_ == "pobj"]


def _is_reduced_passive(verb: Token, children: list[Token]) -> bool:
    """A past participle that modifies a noun and has no subject or object of its own: the
    noun is what the verb was done to ("the index released last week", "a report to be
    released"), so patterns on the verb's object see it."""
    return (
        verb.dep_ in ("acl", "relcl")
        and verb.tag_ == "VBN"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in children)
    )


RELATIVE_WORDS = {"who", "whom", "which", "that", "whose"}


def _is_object_relative(verb: Token, children: list[Token]) -> bool:
    """A relative clause whose subject is its own and whose object is missing or a relative
    word: the noun it modifies is what the verb was done to ("the sanctions Washington
    has imposed on Moscow", "the deal that the two sides signed")."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    subjects = [c for c in children if c.dep_ == "nsubj"]
    objects = [c for c in children if c.dep_ == "dobj"]
    return (
        bool(subjects)
        and all(c.lower_ not in RELATIVE_WORDS for c in subjects)
        and all(c.lower_ in RELATIVE_WORDS for c in objects)
    )


def _pobjs(prep: Token) -> list[Token]:
    """A preposition's objects; a date or time is never one ("called X on Saturday"). An
    adjective after `as` is one: spaCy hangs "described it as illegal" as a modifier."""
    return [
        c
        for c in prep.children
        if (c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in WHEN_ENTS)
        or (prep.lower_ == "as" and c.dep_ in ("amod", "acomp") and c.pos_ == "ADJ")
    ]


def _match_frame(frame: Frame, ctx: _VerbContext, obj: Token | None) -> tuple[int, Token | None]:
    """A prepositional frame matches a prep child of the verb or of its object (one level of
    chaining), or, for `to`, an xcomp ("agreed to resume talks")."""
    preps = list(ctx.preps)
    if obj is not None:
        preps += [c for c in obj.children if c.dep_ == "prep"]
    for p in list(preps):
        for pobj in _pobjs(p):
            preps += [c for c in pobj.children if c.dep_ == "prep"]
    candidates: list[tuple[Token, int]] = []
    for p in preps:
        if p.lower_ in frame.preps or p.lemma_.lower() in frame.preps:
            candidates += [(o, 0) for o in _pobjs(p)]
    if "to" in frame.preps:
        for c in ctx.verb.children:
            if c.dep_ == "xcomp":
                candidates.append((c, 0))
                candidates += [(o, 1) for o in c.children if o.dep_ == "dobj"]
    best, best_tok = 0, None
    for tok, penalty in candidates:
        if frame.terms is None:
            return 1, tok
        level = _np_level(frame.terms, tok, ctx.facts) - penalty
        if level > best:
            best, best_tok = level, tok
    return (1 + best, best_tok) if best > 0 else (0, None)


def _match_verb(p: VerbPattern, ctx: _VerbContext) -> tuple[int, Token | None, Token | None]:
    """(specificity, object token, particle token) or specificity 0 when p does not match."""
    spec, prt_tok, objects = 1, None, ctx.objects
    if p.prt is not None:
        prt_tok = ctx.prts.get(p.prt)
        if prt_tok is None:  # "call on X": spaCy often makes the particle a preposition,
            # then it must follow the verb: "called the king on Saturday" is no "call on"
            prt_tok = next(
                (c for c in ctx.preps if c.lower_ == p.prt and c.i == ctx.verb.i + 1), None
            )
            if prt_tok is None:
                return 0, None, None
            objects = _pobjs(prt_tok) + objects
        spec += 1
    if p.passive is not None:
        if p.passive != ctx.passive:
            return 0, None, None
        spec += 1
    obj_tok = None
    if p.obj is not None:
        best = 0
        for cand in objects:
            level = _np_level(p.obj, cand, ctx.facts)
            if level > best:
                best, obj_tok = level, cand
        if not best:
            return 0, None, None
        spec += best
    for frame in p.preps:
        level, tok = _match_frame(frame, ctx, obj_tok or (objects[0] if objects else None))
        if not level:
            return 0, None, None
        spec += level
        if obj_tok is None and frame.terms is not None:
            obj_tok = tok
    if p.subj is not None:
        level = max((_np_level(p.subj, s, ctx.facts) for s in ctx.subjects), default=0)
        if not level:
            return 0, None, None
        spec += level
    return spec, obj_tok, prt_tok


def _noun_is_event(tok: Token) -> bool:
    """The noun names an event that happened, not a topic: subject or object of a light or
    effect verb, an expletive's attribute, a headline root, or 'killed in an air strike'."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    head, dep = tok.head, tok.dep_
    if dep == "ROOT":
        return True
    lemma = head.lemma_.lower()
    if dep in ("nsubj", "nsubjpass"):
        return lemma in (NOUN_HOST_VERBS if dep == "nsubjpass" else NOUN_SUBJECT_VERBS)
    if dep in ("dobj", "attr"):
        return lemma in NOUN_HOST_VERBS and not _names_it(tok)
    if dep == "pobj":
        if planning_noun(tok) is not None:  # "plans for a withdrawal of troops"
            return True
        return head.lower_ in NOUN_EVENT_PREPS and head.head.pos_ in ("VERB", "AUX", "NOUN")
    return False


def _names_it(obj: Token) -> bool:
    """ "called the detention a coup": the verb names what the noun was, nobody held it."""
    verb = obj.head
    if verb.lemma_.lower() != "call":
        return False
    return any(c.dep_ in ("oprd", "xcomp") for c in verb.children) or any(
        t.dep_ == "appos" for t in obj.subtree
    )


DEMAND_CODE = "100"  # demand, not otherwise specified: "X said Y must act"
# "X said Y should act" suggests more than it demands (CAMEO: demands are "stronger or
# more forceful" than appeals): an appeal (020). On the training stories the reported
# obligations coded 100 were 13 events, none of the right root; coders wrote 02
APPEAL_CODE = "020"
DEMAND_RULE = "structure:reported-obligation"


def obligation_code(clause: Token) -> str:
    """100 for what one must or has to do, 020 for what one should or ought to do."""
    words = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    return APPEAL_CODE if words & {"should", "ought"} else DEMAND_CODE


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
    def verb_lemmas(self) -> frozenset[str]:
        """Every verb a pattern can fire on."""
        return frozenset(self._data.verbs)

    def find(self, sent: Span, blocked: set[int] | None = None) -> list[TriggerHit]:
        """Best (most specific) hit per anchor token, ordered by position. Tokens a
        blocking pattern matched ("contributed to this report") go into `blocked`."""
        hits: list[TriggerHit] = []
        consumed: set[int] = set()
        anchors: set[int] = set()
        facts = _Facts()
        tokens = list(sent)  # three passes over the same tokens: build them once
        for tok in tokens:
            verb = tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX")
            copula = tok.lemma_ == "be" and any(c.dep_ == "acomp" for c in tok.children)
            if not (verb or copula):  # "is skeptical" has patterns of its own
                continue
            if tok.dep_ == "amod" or (tok.dep_ in ("pcomp", "pobj") and tok.head.head.i in anchors):
                continue  # "the disputed island"; "accused X of spying" is one event
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
        for tok in tokens:  # "X said Y must act": X demands it of Y (CAMEO 100)
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("ccomp", "xcomp"):
                speech = demanding_speech(tok)
                if speech is not None and speech.i not in anchors:
                    hits.append(
                        TriggerHit(speech.i, speech.idx, speech.idx + len(speech),
                                   obligation_code(tok), DEMAND_RULE, "verb", 1, None)
                    )  # fmt: skip
                    anchors.add(speech.i)
        for hit in list(hits):  # "X said Y shelled the town": X accuses Y (CAMEO 112)
            speech = accusing_speech(sent.doc[hit.token], hit.code) if hit.kind == "verb" else None
            if speech is not None and speech.i not in anchors:
                hits.append(
                    TriggerHit(speech.i, speech.idx, speech.idx + len(speech),
                               ACCUSATION_CODE, ACCUSATION_RULE, "verb", 1, None)
                )  # fmt: skip
                anchors.add(speech.i)
        effects: set[int] = set()
        for tok in tokens:
            if tok.i not in consumed and tok.pos_ in ("NOUN", "PROPN"):
                hit = self._noun_hit(tok)
                if hit is not None:
                    hits.append(hit)
                    if tok.dep_ == "nsubj":
                        effects.add(tok.head.i)
        # "An air strike destroyed a bridge": the verb is the effect of the event its
        # subject names (195), not a second event (190); keep the noun.
        hits = [h for h in hits if not (h.kind == "verb" and h.token in effects)]
        hits.sort(key=lambda h: h.token)
        return hits

    def _verb_hit(self, tok: Token, facts: _Facts) -> tuple[TriggerHit | None, set[int]]:
        """The verb's best hit (code "" for a blocking pattern) and the subject tokens its
        pattern named: "an air strike killed" is one event, not a verb and a noun one."""
        entry = self._data.verbs.get(tok.lemma_.lower())
        if entry is None:
            return None, set()
        ctx = _VerbContext(tok, facts)
        best: tuple[int, VerbPattern, Token | None, Token | None] | None = None
        for p in entry.patterns:
            spec, obj_tok, prt_tok = _match_verb(p, ctx)
            if spec and (best is None or spec > best[0]):
                best = (spec, p, obj_tok, prt_tok)
        if best is None:
            if entry.default is None:
                return None, set()
            code, rule = entry.default
            hit = TriggerHit(tok.i, tok.idx, tok.idx + len(tok), code, rule, "verb", 1, None)
            return hit, set()
        spec, p, obj_tok, prt_tok = best
        used = {s.i for s in ctx.subjects if p.subj and _np_level(p.subj, s, ctx.facts)}
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
        if patterns is None or not _noun_is_event(tok):
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
