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

from thucydides.events.modality import planning_noun
from thucydides.events.parse import (
    PRONOUN_TAGS,
    children,
    is_passive,
    own_subject,
    passive_agent,
)
from thucydides.events.phrases import coordinated_phrase, is_setting, noun_phrase
from thucydides.events.speech import DEMANDING, SPEAKER_VERBS
from thucydides.events.targets import actor_in, actor_in_scope, target_of, weak_target

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


@dataclass(frozen=True, slots=True)
class Roles:
    source: Span | None
    target: Span | None
    how: str  # short trace of the rule that found the roles, for evidence


CAUSE_MARKERS = {"as", "when", "after"}


def _actor_of_cause(verb: Token) -> Token | None:
    """ "23 people were killed when rebels shelled the town": with no `by` agent, the
    one who acts in the clause that says how it happened."""
    for clause in children(verb, {"advcl"}):
        if not any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in CAUSE_MARKERS for c in clause.children
        ):
            continue
        subj, passive = own_subject(clause)
        if subj is not None and not passive and subj.tag_ not in PRONOUN_TAGS:
            return subj
    return None


# an exchange of fire in which someone was killed or hurt: the other side did it
FIGHT_NOUNS = {
    "battle", "gunbattle", "gunfight", "shootout", "firefight", "clash", "skirmish",
    "confrontation", "fighting", "exchange",
}  # fmt: skip


def _other_side(verb: Token) -> Token | None:
    """ "was killed in a gun battle with police", "injured in clashes with the army":
    with no `by` agent, the side the victim fought with."""
    for prep in children(verb, {"prep"}):
        if prep.lower_ not in {"in", "during"}:
            continue
        for fight in children(prep, {"pobj"}):
            if fight.lemma_.lower() not in FIGHT_NOUNS:
                continue
            for with_ in children(fight, {"prep"}):
                if with_.lower_ == "with":
                    found = children(with_, {"pobj"})
                    if found and found[0].pos_ in {"NOUN", "PROPN"}:
                        return found[0]
    return None


# what a statement, report or letter says, its author says
DOCUMENT_NOUNS = {
    "statement", "report", "letter", "communique", "declaration", "message", "note", "post",
    "tweet", "resolution", "release", "editorial", "speech", "appeal",
}  # fmt: skip


def _phoned(verb: Token) -> bool:
    """ "called Erdogan to apologize" is a phone call in which the caller apologizes;
    "called on Erdogan to apologize" asks Erdogan to."""
    if verb.lemma_.lower() != "call":
        return False
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return nxt is None or nxt.lower_ != "on"


def acting_subject(verb: Token, depth: int = 0) -> tuple[Token | None, str]:
    """Who performs `verb`, following control, coordination and relative clauses."""
    if depth > 6:
        return None, "depth"
    if is_passive(verb):
        agent = passive_agent(verb)
        if agent is None:
            agent = _actor_of_cause(verb)
            if agent is not None:
                return agent, "passive-cause"
            agent = _other_side(verb)
            return (agent, "passive-fight") if agent is not None else (None, "passive-no-agent")
        return agent, "passive-agent"
    subj, _ = own_subject(verb)
    if subj is not None:
        return subj, "subject"
    head = verb.head
    if head is verb:
        return None, "no-subject"
    if verb.dep_ == "xcomp":
        if head.lemma_.lower() in OBJECT_CONTROL and not _phoned(head):
            obj = children(head, {"dobj"}) or [  # "called on X to", "appealed to X to"
                o for p in children(head, {"prep"}) if p.lower_ in {"on", "upon", "to"}
                for o in children(p, {"pobj"})
            ]  # fmt: skip
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
            agent = passive_agent(verb) or _other_side(verb)
            return (agent, "reduced-passive") if agent is not None else (None, "reduced-passive")
        if head.lemma_.lower() in DOCUMENT_NOUNS and head.head.pos_ in {"VERB", "AUX"}:
            # "issued a statement calling on X": who issued it calls
            found, how = acting_subject(head.head, depth + 1)
            if found is not None:
                return found, f"document<{how}"
        return head, "relative"
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head is not head:
        return _gerund_actor(head, depth)
    if verb.dep_ == "pcomp" or (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        found, how = acting_subject(head, depth + 1)
        return found, f"participle<{how}"
    return None, "no-subject"


# what one takes or claims for an act is no actor: the one who takes it acted
CLAIM_NOUNS = {"credit", "responsibility", "blame", "part", "step", "action", "measure"}
# "accused X of", "blamed X for", "praised X for": the one blamed or praised did it
CHARGE_PREPS = {"of", "for"}


def _gerund_actor(prep: Token, depth: int) -> tuple[Token | None, str]:
    """Who performs a gerund under a preposition: "increased pressure by conducting
    tests" and "in announcing the sanctions, X said": the subject of the verb the phrase
    hangs on; "accused the mayor of taking bribes", "arrested for attacking": the one
    accused or arrested; "took credit for attacking": who took it."""
    host = prep.head
    charge = prep.lower_ in CHARGE_PREPS
    if host.pos_ in {"NOUN", "PROPN"}:
        if host.lemma_.lower() in CLAIM_NOUNS and host.head.pos_ in {"VERB", "AUX"}:
            found, how = acting_subject(host.head, depth + 1)
            return found, f"participle<claim<{how}"
        if charge and host.dep_ in {"dobj", "nsubjpass"}:
            return host, "participle<charged"
        return None, "participle<no-subject"
    if host.pos_ not in {"VERB", "AUX"}:
        return None, "participle<no-subject"
    if charge:
        objects = [o for o in children(host, {"dobj"}) if o.lemma_.lower() not in CLAIM_NOUNS]
        if objects:
            return objects[0], "participle<charged"
        subj, passive = own_subject(host)
        if passive:
            return subj, "participle<charged"
    found, how = acting_subject(host, depth + 1)
    return found, f"participle<{how}"


def find_roles(sent: Span, anchor: Token, consumed: Token | None, resolvable, kind: str) -> Roles:
    """Source and target spans for an event anchored at `anchor`.

    `resolvable(token) -> bool` says whether a noun can name an actor (dictionary hit,
    named entity, pronoun); it keeps objects such as "peace" or "overtures" out of roles.
    """
    if kind == "noun":
        return _noun_roles(anchor, resolvable)
    misread = _clause_read_as_noun(anchor)
    if misread is not None:
        return misread
    received = _received_disapproval(anchor, consumed, resolvable)
    if received is not None:
        return received
    subj, how_s = acting_subject(anchor)
    obj, how_t = target_of(anchor, consumed, resolvable)
    subj, obj = _antecedent(subj), _antecedent(obj)
    if weak_target(how_t, obj, subj, resolvable):
        # "gave 350 million euros to promote investment in Ethiopia": no actor stands
        # in a role the rules know, but one named further on in the act's scope does
        scoped = actor_in_scope(anchor, subj, resolvable)
        if scoped is not None:
            obj, how_t = scoped, "scope"
    speaker = _speaker_for(subj, anchor)
    if speaker is not None:
        subj, how_s = speaker, f"speaker<{how_s}"
    source = noun_phrase(subj) if subj is not None and subj.dep_ != "expl" else None
    if source is not None and source.start <= anchor.i < source.end:
        # "accused the mayor of taking bribes": the one accused, without the charge
        cut = anchor.head.i if anchor.head.dep_ == "prep" else anchor.left_edge.i
        source = source.doc[source.start : max(cut, subj.i + 1)]
    target = coordinated_phrase(obj) if obj is not None else None
    if source is not None and target is not None and _overlap(source, target):
        target = None
    return Roles(source, target, f"{how_s}/{how_t}")


# "X drew criticism from Y": the verb's subject receives what the object's author does
RECEIVING_VERBS = {"draw", "attract", "face", "meet", "receive", "earn", "provoke", "spark"}
DISAPPROVAL_NOUNS = {
    "criticism", "condemnation", "rebuke", "backlash", "outrage", "censure", "opposition",
    "objection", "resistance", "disapproval",
}  # fmt: skip


def _received_disapproval(verb: Token, obj: Token | None, resolvable) -> Roles | None:
    """ "The plan met with opposition from China", "Mhlanga's arrest drew condemnation
    from rights groups": the from-phrase disapproves (source) of the subject, or of whose
    the subject is ("Mhlanga's arrest": Mhlanga)."""
    if verb.lemma_.lower() not in RECEIVING_VERBS or obj is None:
        return None
    if obj.lemma_.lower() not in DISAPPROVAL_NOUNS:
        return None
    author = None
    for holder in (obj, verb):
        for prep in children(holder, {"prep"}):
            if prep.lower_ in {"from", "by"}:
                for pobj in children(prep, {"pobj"}):
                    author = author or actor_in(pobj, resolvable)
    subj, _ = own_subject(verb)
    if subj is not None:
        subj = actor_in(subj, resolvable) or subj  # "Mhlanga's arrest": Mhlanga
    source = noun_phrase(author) if author is not None else None
    target = noun_phrase(subj) if subj is not None else None
    if source is not None and target is not None and _overlap(source, target):
        target = None
    return Roles(source, target, "disapproval-from/disapproved")


NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
OPENERS = {"npadvmod", "advmod", "punct", "prep"}  # "Earlier this month, ..."


def _clause_read_as_noun(verb: Token) -> Roles | None:
    """ "Trump hosted Erdogan at the White House": the parser sometimes reads a short
    clause as one noun phrase (hosted an adjective of Erdogan, Trump a modifier). When
    the sentence's root is that name and the verb sits between two names, the first
    acts on the second."""
    head = verb.head
    if verb.dep_ != "amod" or verb.tag_ not in {"VBD", "VBN"} or head.dep_ != "ROOT":
        return None
    if head.pos_ != "PROPN" or head.i < verb.i:
        return None
    before = [t for t in head.lefts if t.i < verb.i]
    if not before or before[-1].dep_ not in {"nmod", "compound", "npadvmod"}:
        return None
    subj = before[-1]
    if subj.right_edge.i != verb.i - 1:
        return None
    if any(t.dep_ not in OPENERS for t in before[:-1]):
        return None  # "the newly elected Erdogan": no clause, a noun phrase
    if subj.ent_type_ not in NAME_ENTS and subj.pos_ != "PROPN":
        return None
    doc = verb.doc
    source = doc[subj.left_edge.i : subj.i + 1]
    target = doc[verb.i + 1 : noun_phrase(head).end]
    return Roles(source, target, "clause-read-as-noun")


# nouns of leaving a place, whose from-phrase is the target, not the source
AWAY_NOUNS = {"withdrawal", "pullout", "drawdown", "retreat", "exit", "departure"}


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
    for prep in children(noun, {"prep"}):
        if noun.lemma_.lower() in AWAY_NOUNS:
            # "a withdrawal of troops from Afghanistan": withdrawn from Afghanistan; the
            # troops are what is withdrawn
            if prep.lower_ == "from":
                target_tok = next(
                    (f for p in children(prep, {"pobj"}) if (f := actor_in(p, resolvable))), None
                )
            if prep.lower_ in {"from", "of"}:
                if target_tok is not None:
                    break
                continue
        if prep.lower_ in TARGET_PREPS - {"from", "by"} or prep.lower_ == "between":
            for pobj in children(prep, {"pobj"}):
                found = actor_in(pobj, resolvable)
                if found is not None:
                    target_tok = found
                    break
        elif prep.lower_ in {"from", "by"} and source_tok is None:
            for pobj in children(prep, {"pobj"}):
                found = actor_in(pobj, resolvable)
                if found is not None:
                    source_tok, how = found, f"noun-{prep.lower_}"
        if target_tok is not None:
            break
    host = noun  # what a light verb holds: the noun, or the plan it is the aim of
    plan = planning_noun(noun)
    if plan is not None and plan.dep_ in {"dobj", "attr"}:
        host = plan  # "X began plans for a withdrawal": X withdraws, not "troop" in
        source_tok, how = None, "noun"  # "a troop withdrawal", the thing withdrawn
    head = host.head
    if source_tok is None and host.dep_ in {"dobj", "attr"} and head.pos_ in {"VERB", "AUX"}:
        subj, how_s = acting_subject(head)
        if subj is not None:
            source_tok, how = subj, f"light-verb<{how_s}"
        if target_tok is None:
            found, _ = target_of(
                head, None, lambda t: t.i not in (noun.i, host.i) and resolvable(t)
            )
            target_tok = found
    if source_tok is None and _meeting_setting(noun):
        # "said during a visit to Beijing", "told Trump in phone conversations": who
        # speaks during the visit or the call is the one making it
        verb = noun.head.head
        subj, how_s = acting_subject(verb)
        if subj is not None:
            source_tok, how = subj, f"meeting-setting<{how_s}"
            if target_tok is None:
                found, _ = target_of(verb, None, lambda t: t.i != noun.i and resolvable(t))
                target_tok = found
    if target_tok is None and noun.dep_ in {"nsubj", "nsubjpass"} and head.pos_ == "VERB":
        # "a car bombing by X killed 75 people": what the event did names its target
        objects = children(head, {"dobj"}) if noun.dep_ == "nsubj" else []
        if objects and objects[0].pos_ in {"NOUN", "PROPN", "NUM"}:
            target_tok, how = objects[0], f"{how}/effect-object"
    source = noun_phrase(source_tok) if source_tok is not None else None
    target = noun_phrase(target_tok) if target_tok is not None else None
    if source is not None and noun.i in range(source.start, source.end):
        source = source.doc[source_tok.i : source_tok.i + 1]
    if source is not None and target is not None and _overlap(source, target):
        target = None
    return Roles(source, target, how)


MEETING_NOUNS = {
    "visit", "trip", "tour", "talk", "meeting", "conversation", "call", "negotiation",
    "discussion", "summit",
}  # fmt: skip
SETTING_PREPS = {"during", "in", "on", "at", "after", "before", "ahead"}


def _meeting_setting(noun: Token) -> bool:
    """A visit, talk or call that is the setting of another act of its actor ("X said
    during a visit to Y")."""
    prep = noun.head
    return (
        noun.lemma_.lower() in MEETING_NOUNS
        and noun.dep_ == "pobj"
        and prep.lower_ in SETTING_PREPS
        and prep.head.pos_ in {"VERB", "AUX"}
    )


SINGULAR_PRONOUNS = {"he", "she", "it"}


def _speaker_for(subj: Token | None, anchor: Token) -> Token | None:
    """ "Ethiopia said it would allow ...": a pronoun subject of a reported clause that
    agrees in number with the speaker is the speaker, named in the same sentence."""
    if subj is None or subj.tag_ != "PRP" or subj.lower_ not in SINGULAR_PRONOUNS | {"they"}:
        return None
    tok = anchor
    for _ in range(4):
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEAKER_VERBS:
            speaker, _ = own_subject(tok.head)
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
        head = clause.head
        if tok.lower_ in {"who", "whom"} and head.dep_ == "pobj":
            return _person_before_place(head)
        return head
    return tok


def _person_before_place(place: Token) -> Token:
    """ "(deter) commanders in the region, who were targeted": "who" is a person, and the
    place the parser hung the clause on is where the persons named before it are: the
    noun the place phrase modifies, or the object of the verb it hangs on."""
    prep = place.head
    if not is_setting(prep) or place.ent_type_ in {"PERSON", "NORP", "ORG"}:
        return place
    owner = prep.head
    if owner.pos_ in {"NOUN", "PROPN"}:
        return owner
    if owner.pos_ == "VERB":
        objects = [c for c in children(owner, {"dobj"}) if c.i < prep.i]
        if objects and objects[0].pos_ in {"NOUN", "PROPN"}:
            return objects[0]
    return place


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


OBLIGATION_MODALS = {"must", "should", "ought"}


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
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in DEMANDING:
        return None
    speaker, _ = own_subject(clause.head)
    demanded, _ = own_subject(clause)
    if speaker is None or demanded is None or speaker.tag_ in PRONOUN_TAGS:
        return None
    if demanded.tag_ in PRONOUN_TAGS or demanded.dep_ == "expl":
        return None  # "X said it must act" is X's own resolve, not a demand
    return clause.head


STATE_ACT_PREPS = {"in", "from"}  # "arrested in Niger", "expelled from North Korea"


def state_of_place(roles: Roles, anchor: Token, is_country_place) -> Roles:
    """ "A journalist was arrested in Niger": an act only a state does (the caller asks
    `records.state_role`: arrests, expulsions, trials, releases) with no one named as
    doing it is the act of the state where it happened; who killed someone in a country
    is not thereby its state. `is_country_place(token)`
    says whether a noun names a country or a place in one."""
    if roles.source is not None or not roles.how.startswith("passive-no-agent"):
        return roles
    for prep in children(anchor, {"prep"}):
        if prep.lower_ not in STATE_ACT_PREPS:
            continue
        for pobj in children(prep, {"pobj"}):
            if is_country_place(pobj):
                how = "state-of-place" + roles.how[len("passive-no-agent") :]
                return Roles(noun_phrase(pobj), roles.target, how)
    return roles
