"""Verb patterns matched on the parse around one verb: its object, particle, voice,
prepositional frames and subject, each scored by how specific a reading it is.

Its own module so that `triggers.py` reads as the sentence-level pass (which tokens are
tried, which hit wins) and this one as the per-verb matching it calls.
"""

from __future__ import annotations

from spacy.tokens import Token

from thucydides.events.pattern_compiler import Frame, Term, VerbPattern

WHEN_ENTS = frozenset({"DATE", "TIME"})
MOD_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "poss"})
OBJ_DEPS = ("dobj", "obj", "attr", "oprd", "dative", "acomp", "xcomp", "ccomp")
NP_LINK_PREPS = frozenset({"of", "for", "on", "about", "to", "against", "with", "over"})


def _words(tok: Token) -> frozenset[str]:
    return frozenset((tok.lemma_.lower(), tok.lower_))


# a negation is a modifier of the word it negates: "pleaded not guilty" is a denial
TERM_MOD_DEPS = MOD_DEPS | {"neg"}


def _mods(tok: Token) -> set[str]:
    out: set[str] = set()
    for child in tok.children:
        if child.dep_ in TERM_MOD_DEPS:
            out.add(child.lemma_.lower())
            out.add(child.lower_)
    return out


class TokenFacts:
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
        """(conjuncts and appositions, objects of its linking prepositions), in the
        order of its children. An apposition is the same thing named again: "designated
        BLA a terrorist group" (the parser's apposition for the object's predicate)."""
        found = self._links.get(tok.i)
        if found is None:
            conjs: list[Token] = []
            pobjs: list[Token] = []
            for child in tok.children:
                if child.dep_ in ("conj", "appos"):
                    conjs.append(child)
                elif child.dep_ == "prep" and child.lower_ in NP_LINK_PREPS:
                    pobjs += [g for g in child.children if g.dep_ == "pobj"]
            found = self._links[tok.i] = (conjs, pobjs)
        return found


def _term_level(terms: tuple[Term, ...], tok: Token, facts: TokenFacts | None = None) -> int:
    """3: a term with modifiers matches tok as head ("arrest warrant"); 2: a one-word term
    as head ("warrant"); 1: as modifier ("peace" in "peace talks"); 0: no. The longer
    phrase is the more specific pattern."""
    words, mods = (facts or TokenFacts()).words_mods(tok)
    level = 0
    for term in terms:
        if words & term.heads and all(mods & req for req in term.mods):
            level = max(level, 3 if term.mods else 2)
        elif not term.mods and mods & term.heads:
            level = max(level, 1)
    return level


def np_level(terms: tuple[Term, ...], tok: Token, facts: TokenFacts | None = None) -> int:
    """Match a noun phrase: its head, its modifiers, its conjuncts, or its of/for-object."""
    facts = facts or TokenFacts()
    level = _term_level(terms, tok, facts)
    if level >= 2:
        return level
    conjs, pobjs = facts.links(tok)
    for child in conjs:
        level = max(level, _term_level(terms, child, facts))
    if level < 1 and any(_term_level(terms, pobj, facts) for pobj in pobjs):
        level = 1
    return level


class VerbContext:
    """What the patterns may look at around one verb, collected once per verb token."""

    __slots__ = ("verb", "passive", "prts", "preps", "objects", "subjects", "facts")

    def __init__(self, verb: Token, facts: TokenFacts | None = None) -> None:
        self.verb = verb
        self.facts = facts or TokenFacts()
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
        if _modifies_its_doer(verb, self.subjects):  # "tariffs targeting Canada"
            self.subjects = [verb.head]
        for c in children:
            if c.dep_ == "agent":
                self.subjects += [g for g in c.children if g.dep_ == "pobj"]


def _modifies_its_doer(verb: Token, subjects: list[Token]) -> bool:
    """A present participle or a subject relative on a noun ("tariffs targeting Canada",
    "tariffs that target Canada"): the noun does what the verb says."""
    if verb.dep_ not in ("acl", "relcl") or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if not subjects:
        return verb.dep_ == "acl" and verb.tag_ == "VBG"
    return all(c.lower_ in ("which", "that", "who") for c in subjects)


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
    word: the noun it modifies is what the verb was done to ("the duties Ottawa
    has levied on Beijing", "the deal that the two sides signed")."""
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


def _match_frame(frame: Frame, ctx: VerbContext, obj: Token | None) -> tuple[int, Token | None]:
    """A prepositional frame matches a prep child of the verb or of its object (one level of
    chaining), or, for `to`, an xcomp ("agreed to resume talks"); a gerund's object stands
    for the gerund ("retaliated by imposing tariffs"), as an xcomp's does."""
    preps = list(ctx.preps)
    if obj is not None:
        preps += [c for c in obj.children if c.dep_ == "prep"]
    for p in list(preps):
        for pobj in _pobjs(p):
            preps += [c for c in pobj.children if c.dep_ == "prep"]
    candidates: list[tuple[Token, int]] = []
    for p in preps:
        if p.lower_ in frame.preps or p.lemma_.lower() in frame.preps:
            for o in _pobjs(p):
                candidates.append((o, 0))
                if o.dep_ == "pcomp":  # "hit back by imposing duties": the gerund's object
                    candidates += [(g, 1) for g in o.children if g.dep_ == "dobj"]
    if "to" in frame.preps:
        for c in ctx.verb.children:
            if c.dep_ == "xcomp":
                candidates.append((c, 0))
                candidates += [(o, 1) for o in c.children if o.dep_ == "dobj"]
    best, best_tok = 0, None
    for tok, penalty in candidates:
        if frame.terms is None:
            return 1, tok
        level = np_level(frame.terms, tok, ctx.facts) - penalty
        if level > best:
            best, best_tok = level, tok
    return (1 + best, best_tok) if best > 0 else (0, None)


def match_verb(p: VerbPattern, ctx: VerbContext) -> tuple[int, Token | None, Token | None]:
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
            level = np_level(p.obj, cand, ctx.facts)
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
        level = max((np_level(p.subj, s, ctx.facts) for s in ctx.subjects), default=0)
        if not level:
            return 0, None, None
        spec += level
    return spec, obj_tok, prt_tok
