"""Source and target of an event from the dependency parse.

The trigger's anchor token is a verb or an event noun. Who acts is found by walking the
parse the way a reader does: the subject, or the `by` agent of a passive; through
control chains ("urged Pakistan to persuade X": Pakistan persuades; "agreed to resume
talks": the subject resumes); through coordination ("X and Y met"; "attacked and
killed" share a subject); and never across reported speech ("X said Y attacked Z": Y
is the actor of the attack, X only of the saying).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from thucydides.events.phrases import coordinated_phrase, is_setting, noun_phrase

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
# prepositions that introduce the one acted upon ("met with X", "sanctions on X")
TARGET_PREPS = {
    "with", "against", "on", "upon", "to", "toward", "towards", "at", "into", "for", "from",
    "in", "over", "of", "about",
}  # fmt: skip
# verbs whose object is the subject of their infinitive ("urged Pakistan to act")
OBJECT_CONTROL = {
    "urge", "ask", "persuade", "force", "tell", "order", "call", "invite", "encourage",
    "allow", "help", "pressure", "press", "push", "compel", "instruct", "advise", "request",
    "permit", "enable", "convince", "require", "warn", "lead", "get", "appeal", "beg",
}  # fmt: skip
PRONOUN_TAGS = {"PRP", "PRP$", "WP", "WDT"}
ACTOR_ENTS = {"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"}


@dataclass(frozen=True, slots=True)
class Roles:
    source: Span | None
    target: Span | None
    how: str  # short trace of the rule that found the roles, for evidence


def _children(tok: Token, deps: set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _own_subject(verb: Token) -> tuple[Token | None, bool]:
    """(subject token, is_passive_subject) for a verb's own clause."""
    subj = _children(verb, SUBJECT_DEPS)
    if subj:
        return subj[0], False
    psubj = _children(verb, PASSIVE_SUBJECT_DEPS)
    if psubj:
        return psubj[0], True
    return None, False


def _passive_agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = _children(child, {"pobj"})
            if pobj:
                return pobj[0]
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ({"auxpass"} | PASSIVE_SUBJECT_DEPS) for c in verb.children)


CAUSE_MARKERS = {"as", "when", "after"}


def _actor_of_cause(verb: Token) -> Token | None:
    """ "23 people were killed when rebels shelled the town": with no `by` agent, the
    one who acts in the clause that says how it happened."""
    for clause in _children(verb, {"advcl"}):
        if not any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in CAUSE_MARKERS for c in clause.children
        ):
            continue
        subj, passive = _own_subject(clause)
        if subj is not None and not passive and subj.tag_ not in PRONOUN_TAGS:
            return subj
    return None


def acting_subject(verb: Token, depth: int = 0) -> tuple[Token | None, str]:
    """Who performs `verb`, following control, coordination and relative clauses."""
    if depth > 6:
        return None, "depth"
    if is_passive(verb):
        agent = _passive_agent(verb)
        if agent is None:
            agent = _actor_of_cause(verb)
            return (agent, "passive-cause") if agent is not None else (None, "passive-no-agent")
        return agent, "passive-agent"
    subj, _ = _own_subject(verb)
    if subj is not None:
        return subj, "subject"
    head = verb.head
    if head is verb:
        return None, "no-subject"
    if verb.dep_ == "xcomp":
        if head.lemma_.lower() in OBJECT_CONTROL:
            obj = _children(head, {"dobj"})
            if obj:
                return obj[0], "object-control"
        found, how = acting_subject(head, depth + 1)
        return found, f"subject-control<{how}"
    if verb.dep_ == "conj":
        found, how = acting_subject(head, depth + 1)
        return found, f"coordination<{how}"
    if verb.dep_ == "acomp":  # "X is willing [to send]": the copula's subject
        found, how = acting_subject(head, depth + 1)
        return found, f"copula<{how}"
    if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        found, how = acting_subject(head, depth + 1)
        return found, f"purpose<{how}"
    if verb.dep_ in {"relcl", "acl"} and head.pos_ in {"NOUN", "PROPN", "PRON"}:
        if verb.tag_ == "VBN" and verb.dep_ == "acl":  # "commanders targeted by the US"
            agent = _passive_agent(verb)
            return (agent, "reduced-passive") if agent is not None else (None, "reduced-passive")
        return head, "relative"
    if verb.dep_ == "pcomp" or (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        found, how = acting_subject(head, depth + 1)
        return found, f"participle<{how}"
    return None, "no-subject"


def _actor_in(tok: Token, resolvable) -> Token | None:
    """The first actor-like noun in a phrase: the head if it is one, else inside its
    prepositional phrases ("overtures for talks from the United States")."""
    if resolvable(tok):
        return tok
    # who comes before where: "talks in Jerusalem with Netanyahu" -> Netanyahu
    children = sorted(tok.children, key=lambda c: c.dep_ == "prep" and is_setting(c))
    for child in children:
        if child.dep_ == "prep":
            for pobj in _children(child, {"pobj"}):
                found = _actor_in(pobj, resolvable)
                if found is not None:
                    return found
        elif child.dep_ == "poss" and child.tag_ != "PRP$" and resolvable(child):
            return child  # "the Kremlin's critics", but not "its posts"
    return None


# preposition order when looking for who is acted upon: "filed a suit in court against X"
PREP_PRIORITY = (
    "against", "on", "upon", "with", "to", "toward", "towards", "at", "into", "over", "for",
    "of", "about", "from", "in",
)  # fmt: skip
# prepositions on the object that name what the object is about ("sanctions on X")
OBJECT_PREPS = (
    "against", "on", "upon", "into", "with", "over", "of", "toward", "towards", "to", "from",
)  # fmt: skip


def _preps(tok: Token, allowed: tuple[str, ...]) -> list[Token]:
    found = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in allowed]
    return sorted(found, key=lambda p: allowed.index(p.lower_))


# verbs whose object is part of the predicate, not the one acted upon ("held talks",
# "expressed concern", "imposed sanctions", "launched an attack")
LIGHT_VERBS = {
    "hold", "express", "launch", "open", "file", "impose", "make", "take", "give", "issue",
    "sign", "stage", "carry", "conduct", "begin", "start", "have", "lodge", "voice", "pose",
    "raise", "offer", "extend", "announce", "reach", "lead", "mount", "step", "seek", "call",
    "provide", "send", "deliver", "deploy", "pledge", "promise", "grant", "declare", "set",
    "demand", "request", "ask", "receive", "accept",
}  # fmt: skip
NOT_ACTOR_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}


def _pobj(prep: Token) -> Token | None:
    """The object of a preposition, unless it is a date, time or amount ("on Sunday")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.ent_type_ in NOT_ACTOR_ENTS - {"CARDINAL"}:
        return None
    if pobj.ent_type_ == "CARDINAL" and not any(c.lower_ == "of" for c in pobj.children):
        return None  # "against hundreds of banks" names someone; "in 1997" does not
    return pobj


# verbs whose object is the thing moved and whose target is who receives or loses it
TRANSFER_VERBS = {
    "give", "provide", "send", "donate", "offer", "deliver", "return", "lend", "grant",
    "award", "contribute", "ship", "supply", "pledge", "allocate", "extend", "transfer",
    "sell", "hand", "withdraw", "pull", "evacuate", "deploy", "dispatch", "airlift", "aid",
    "suspend", "cut", "halt", "reduce", "stop", "resume", "increase", "freeze", "pay",
    "compensate",
}  # fmt: skip
TOPIC_VERBS = {"discuss", "debate", "negotiate", "talk", "review"}  # the object is the topic
COPULAS = {"be", "remain", "become"}  # "X is the largest donor to Y"
RECIPIENT_PREPS = ("to", "from", "for", "into", "in")


def _recipient(anchor: Token, objects: list[Token]) -> Token | None:
    """Who receives (or, for a withdrawal, loses) what a transfer verb moves: the
    indirect object, else "to/from/for/in X" on the verb or on the thing moved."""
    for dative in _children(anchor, {"dative"}):
        if dative.pos_ in {"NOUN", "PROPN"}:
            return dative
        if dative.pos_ == "ADP":  # "send aid to X" is sometimes parsed as a dative "to"
            pobj = next((c for c in dative.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for holder in [anchor, *objects]:
        for prep in _preps(holder, RECIPIENT_PREPS):
            if prep.lower_ == "for" and holder is anchor:
                continue  # "sent troops for a year"
            pobj = _pobj(prep)
            if pobj is not None and pobj.pos_ in {"NOUN", "PROPN"}:
                return pobj
    return None


def _clauses(verb: Token, depth: int = 0) -> list[Token]:
    """Clausal complements below a verb, two levels deep ("warned [it would have [to be
    taken]]")."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"}:
            found.append(child)
            if depth < 2:
                found.extend(_clauses(child, depth + 1))
    return found


def _target_of(anchor: Token, consumed: Token | None, resolvable) -> tuple[Token | None, str]:
    """Who is acted upon: the passive subject, an actor in the object or a prepositional
    phrase; failing that, what the object's own phrase is about ("sanctions on X"), or
    the object itself when the pattern did not use it as part of the trigger."""
    if anchor.pos_ in {"VERB", "AUX"} and is_passive(anchor):
        subj, _ = _own_subject(anchor)
        if subj is not None:
            return subj, "passive-subject"
        if anchor.dep_ == "acl" and anchor.head.pos_ in {"NOUN", "PROPN"}:
            return anchor.head, "reduced-passive-head"
    objects = _children(anchor, OBJECT_DEPS - {"attr"})
    if anchor.lemma_.lower() in TOPIC_VERBS:  # "discussed Libya with Trump": Trump
        for prep in _preps(anchor, ("with",)):
            pobj = _pobj(prep)
            if pobj is not None and resolvable(pobj):
                return pobj, "prep-with"
    if anchor.lemma_.lower() in TRANSFER_VERBS or anchor.lemma_.lower() in COPULAS:
        found = _recipient(anchor, _children(anchor, OBJECT_DEPS))
        if found is not None:
            return found, "recipient"
    for obj in objects:
        found = _actor_in(obj, resolvable)
        if found is not None:
            return found, "object" if found is obj else "object-phrase"
    for prep in _preps(anchor, PREP_PRIORITY):
        pobj = _pobj(prep)
        if pobj is not None:
            found = _actor_in(pobj, resolvable)
            if found is not None:
                return found, f"prep-{prep.lower_}"
    light = anchor.lemma_.lower() in LIGHT_VERBS
    for obj in objects if light else ():  # "imposed sanctions on X", "opened a probe into X"
        for prep in _preps(obj, OBJECT_PREPS):
            pobj = _pobj(prep)
            if pobj is not None and pobj.pos_ in {"NOUN", "PROPN"}:
                return pobj, f"object-{prep.lower_}"
    for prep in _preps(anchor, ("against", "on", "upon", "with", "into")):
        pobj = _pobj(prep)
        if pobj is not None and pobj.pos_ in {"NOUN", "PROPN"}:
            return pobj, f"prep-any-{prep.lower_}"
    # "warned action would be taken against X": the one threatened sits in the clause
    for clause in _clauses(anchor):
        for prep in _preps(clause, ("against", "on", "upon")):
            pobj = _pobj(prep)
            if pobj is not None and resolvable(pobj):
                return pobj, f"clause-{prep.lower_}"
    for obj in objects:  # "a lawsuit accusing X", "a decree granting Y to X"
        for clause in _children(obj, {"acl", "relcl"}):
            if clause.pos_ != "VERB":
                continue
            found, how = _target_of(clause, None, resolvable)
            if found is not None:
                return found, f"object-clause-{how}"
    # "agreed to open its borders to X": the target of the act agreed to
    for clause in _children(anchor, {"xcomp"}):
        found, how = _target_of(clause, None, resolvable)
        if found is not None:
            return found, f"xcomp-{how}"
    for obj in objects:  # "condemned the attacks"; but not "held talks", "expressed concern"
        if (consumed is None or consumed.i != obj.i or not light) and obj.pos_ in {
            "NOUN",
            "PROPN",
        }:
            return obj, "object-any"
    # "X said Y must go" / "found Y guilty": the one spoken about is the target
    for clause in _children(anchor, {"ccomp"}):
        subj, _ = _own_subject(clause)
        if subj is None or subj.dep_ == "expl":
            continue
        if subj.tag_ == "PRP":  # "they said they would boycott X": they are the speakers
            found, how = _target_of(clause, None, resolvable)
            if found is not None:
                return found, f"reported-{how}"
            continue
        if resolvable(subj) or subj.pos_ == "PROPN" or clause.pos_ == "ADJ":
            return subj, "reported-subject"
    # "carried out a raid, targeting X": the participle says whom the act was aimed at
    for clause in _children(anchor, {"advcl"}):
        if clause.tag_ == "VBG":
            found, how = _target_of(clause, None, resolvable)
            if found is not None:
                return found, f"participle-{how}"
    return None, "none"


def find_roles(sent: Span, anchor: Token, consumed: Token | None, resolvable, kind: str) -> Roles:
    """Source and target spans for an event anchored at `anchor`.

    `resolvable(token) -> bool` says whether a noun can name an actor (dictionary hit,
    named entity, pronoun); it keeps objects such as "peace" or "overtures" out of roles.
    """
    if kind == "noun":
        return _noun_roles(anchor, resolvable)
    subj, how_s = acting_subject(anchor)
    obj, how_t = _target_of(anchor, consumed, resolvable)
    subj, obj = _antecedent(subj), _antecedent(obj)
    if _weak_target(how_t, obj, subj, resolvable):
        # "gave 350 million euros to promote investment in Ethiopia": no actor stands
        # in a role the rules know, but one named further on in the act's scope does
        scoped = _actor_in_scope(anchor, subj, resolvable)
        if scoped is not None:
            obj, how_t = scoped, "scope"
    speaker = _speaker_for(subj, anchor)
    if speaker is not None:
        subj, how_s = speaker, f"speaker<{how_s}"
    source = noun_phrase(subj) if subj is not None and subj.dep_ != "expl" else None
    target = coordinated_phrase(obj) if obj is not None else None
    if source is not None and target is not None and _overlap(source, target):
        target = None
    return Roles(source, target, f"{how_s}/{how_t}")


OWN_POSSESSIVES = {"its", "their", "his", "her", "our"}


# nouns that name another party even under "its": "their Chinese counterparts"
RELATIONAL_NOUNS = {
    "counterpart", "partner", "ally", "neighbour", "neighbor", "rival", "enemy", "opponent",
    "critic", "host", "adversary", "foe",
}  # fmt: skip


def _own(tok: Token, subj: Token | None) -> bool:
    """ "its forces", "their weapons": the actor's own, when the possessive agrees with
    the subject ("We rejected their proposals": theirs are someone else's); never "their
    counterparts"."""
    if subj is None or tok.lemma_.lower() in RELATIONAL_NOUNS:
        return False
    poss = next((c.lower_ for c in tok.children if c.dep_ == "poss"), None)
    if poss not in OWN_POSSESSIVES:
        return False
    word = subj.lower_
    plural = (
        subj.tag_ in {"NNS", "NNPS"}
        or word == "they"
        or any(c.dep_ == "conj" for c in subj.children)
    )
    if poss == "our":
        return word in {"we", "us"}
    if poss == "their":
        return plural
    if word in {"we", "i", "you", "they"} or plural:
        return False
    person = subj.ent_type_ == "PERSON" or word in {"he", "she"}
    return poss == "its" if not person else poss in {"his", "her"}


def _weak_target(how: str, obj: Token | None, subj: Token | None, resolvable) -> bool:
    """No target, or only the thing the act is about ("lift the embargo"), found by the
    last-resort rules, or the actor's own ("moved its troops"). A passive subject or a
    recipient stands even when the dictionaries do not know it ("the journalist was
    arrested", "returned it to its owner")."""
    if obj is None:
        return True
    if how != "recipient" and _own(obj, subj):
        return True
    weak_rule = how.endswith("object-any") or "prep-any" in how
    return weak_rule and not resolvable(obj)


REASON_MARKERS = {"because", "since", "although", "though", "while", "whereas"}


def _gives_reason(child: Token) -> bool:
    """ "rejected X because they answer to Y": a reason or concession clause names no one
    acted upon ("until Cuba reforms" and "despite Biden's request" do)."""
    if child.dep_ == "advcl":
        return any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in REASON_MARKERS for c in child.children
        )
    return child.dep_ == "prep" and child.lower_ == "because"  # "despite X's request": X


def _actor_in_scope(anchor: Token, subj: Token | None, resolvable) -> Token | None:
    """The first actor named after the trigger in the words it governs, outside the
    subject's phrase: the fallback when neither object nor prepositions name one."""
    skip = set()
    if subj is not None:
        skip.update(t.i for t in subj.subtree)
    for child in anchor.children:
        if child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or _gives_reason(child):
            skip.update(t.i for t in child.subtree)
    for tok in anchor.subtree:
        if tok.i <= anchor.i or tok.i in skip or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        if tok.dep_ == "compound" or tok.tag_ in PRONOUN_TAGS or tok.ent_type_ in NOT_ACTOR_ENTS:
            continue
        if _own(tok, subj):  # "its forces" are the actor's own
            continue
        if resolvable(tok):
            return tok
    return None


def _noun_roles(noun: Token, resolvable) -> Roles:
    """Roles of an event noun: its own modifiers ("US air strikes on X", "talks between
    X and Y"), else the light verb it is the object of ("X held talks with Y")."""
    source_tok: Token | None = None
    how = "noun"
    for child in noun.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"} and resolvable(child):
            source_tok, how = child, "noun-modifier"
            break
    target_tok: Token | None = None
    for prep in _children(noun, {"prep"}):
        if prep.lower_ in TARGET_PREPS - {"from", "by"} or prep.lower_ == "between":
            for pobj in _children(prep, {"pobj"}):
                found = _actor_in(pobj, resolvable)
                if found is not None:
                    target_tok = found
                    break
        elif prep.lower_ in {"from", "by"} and source_tok is None:
            for pobj in _children(prep, {"pobj"}):
                found = _actor_in(pobj, resolvable)
                if found is not None:
                    source_tok, how = found, f"noun-{prep.lower_}"
        if target_tok is not None:
            break
    head = noun.head
    if source_tok is None and noun.dep_ in {"dobj", "attr"} and head.pos_ in {"VERB", "AUX"}:
        subj, how_s = acting_subject(head)
        if subj is not None:
            source_tok, how = subj, f"light-verb<{how_s}"
        if target_tok is None:
            found, _ = _target_of(head, None, lambda t: t.i != noun.i and resolvable(t))
            target_tok = found
    if target_tok is None and noun.dep_ in {"nsubj", "nsubjpass"} and head.pos_ == "VERB":
        # "a car bombing by X killed 75 people": what the event did names its target
        objects = _children(head, {"dobj"}) if noun.dep_ == "nsubj" else []
        if objects and objects[0].pos_ in {"NOUN", "PROPN", "NUM"}:
            target_tok, how = objects[0], f"{how}/effect-object"
    source = noun_phrase(source_tok) if source_tok is not None else None
    target = noun_phrase(target_tok) if target_tok is not None else None
    if source is not None and noun.i in range(source.start, source.end):
        source = source.doc[source_tok.i : source_tok.i + 1]
    if source is not None and target is not None and _overlap(source, target):
        target = None
    return Roles(source, target, how)


SPEECH_VERBS = {
    "say", "tell", "announce", "state", "add", "claim", "insist", "confirm", "declare",
    "warn", "reiterate", "indicate", "stress", "note", "report", "vow", "pledge", "promise",
}  # fmt: skip
SINGULAR_PRONOUNS = {"he", "she", "it"}


def _speaker_for(subj: Token | None, anchor: Token) -> Token | None:
    """ "Ethiopia said it would allow ...": a pronoun subject of a reported clause that
    agrees in number with the speaker is the speaker, named in the same sentence."""
    if subj is None or subj.tag_ != "PRP" or subj.lower_ not in SINGULAR_PRONOUNS | {"they"}:
        return None
    tok = anchor
    for _ in range(4):
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEECH_VERBS:
            speaker, _ = _own_subject(tok.head)
            if speaker is None or speaker.tag_ in PRONOUN_TAGS:
                return None
            plural = speaker.tag_ in {"NNS", "NNPS"} or any(
                c.dep_ == "conj" for c in speaker.children
            )
            if subj.lower_ == "they" and not plural and speaker.ent_type_ != "GPE":
                # "the chairman said they would not end the strike": he speaks for his
                # side, unless a plural noun between them is who "they" are (a country
                # saying "they" means someone else)
                between = subj.doc[speaker.right_edge.i + 1 : subj.i]
                return None if any(t.tag_ in {"NNS", "NNPS"} for t in between) else speaker
            return speaker if plural == (subj.lower_ == "they") else None
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _antecedent(tok: Token | None) -> Token | None:
    """A relative pronoun stands for the noun its clause modifies ("commanders who were
    targeted": the commanders were targeted)."""
    if tok is None or tok.tag_ not in {"WP", "WDT"} and tok.lower_ != "that":
        return tok
    clause = tok.head
    while clause.dep_ not in {"relcl", "ROOT"} and clause.head is not clause:
        clause = clause.head
    if clause.dep_ == "relcl" and clause.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return clause.head
    return tok


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


OBLIGATION_MODALS = {"must", "should", "ought"}
DEMAND_SPEECH = SPEECH_VERBS | {"demand", "urge", "argue", "write", "tweet"}


def demanding_speech(verb: Token) -> Token | None:
    """ "Russia said Sudan must return the helicopter": what one must do, reported by
    another, is the speaker's demand of them. The verb of saying ("said"), whose subject
    demands and whose reported subject is asked, or None. (At that verb the usual rules
    give the roles: the speaker acts on the one spoken about.)"""
    clause = verb
    if clause.dep_ == "xcomp" and clause.head.lemma_.lower() in {"have", "need"}:
        clause = clause.head  # "Sudan has to return"
    elif not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in clause.children):
        return None
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in DEMAND_SPEECH:
        return None
    speaker, _ = _own_subject(clause.head)
    demanded, _ = _own_subject(clause)
    if speaker is None or demanded is None or speaker.tag_ in PRONOUN_TAGS:
        return None
    if demanded.tag_ in PRONOUN_TAGS or demanded.dep_ == "expl":
        return None  # "X said it must act" is X's own resolve, not a demand
    return clause.head
