"""Who performs a verb, found by walking the dependency parse the way a reader does.

The subject, or the `by` agent of a passive; through control chains ("urged Pakistan to
persuade X": Pakistan persuades; "agreed to resume talks": the subject resumes); through
coordination ("X and Y met"; "attacked and killed" share a subject); and never across
reported speech ("X said Y attacked Z": Y is the actor of the attack, X only of the
saying). Kept apart from `roles.py` because both a verb's roles and an event noun's
light verb ask it, and the walk alone fills a screen.
"""

from __future__ import annotations

from spacy.tokens import Token

from thucydides.events.authors import DOCUMENT_NOUNS
from thucydides.events.parse import (
    PRONOUN_TAGS,
    children,
    is_passive,
    own_subject,
    passive_agent,
)

# verbs whose object is the subject of their infinitive ("urged Pakistan to act")
OBJECT_CONTROL = {
    "urge", "ask", "persuade", "force", "tell", "order", "call", "invite", "encourage",
    "allow", "help", "pressure", "press", "push", "compel", "instruct", "advise", "request",
    "permit", "enable", "convince", "require", "warn", "lead", "get", "appeal", "beg",
}  # fmt: skip

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


def _phoned(verb: Token) -> bool:
    """ "called Erdogan to apologize" is a phone call in which the caller apologizes;
    "called on Erdogan to apologize" asks Erdogan to."""
    if verb.lemma_.lower() != "call":
        return False
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return nxt is None or nxt.lower_ != "on"


def _name_read_as_modifier(verb: Token) -> Token | None:
    """ "Trump hosted Erdogan": the parser sometimes hangs a name that opens the sentence
    on its verb as a noun-phrase modifier (npadvmod) instead of its subject."""
    first = next((c for c in verb.lefts if c.dep_ == "npadvmod"), None)
    if first is None or first.pos_ != "PROPN" or first.ent_type_ in {"DATE", "TIME"}:
        return None
    if first.i != verb.sent.start or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    return first


RELATIVE_WORDS = frozenset({"that", "which", "who"})


def _one_among(verb: Token) -> Token | None:
    """The subject of "X is among the countries that [verb]": X did it, as one of them."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.dep_ != "pobj" or noun.head.lower_ != "among":
        return None
    copula = noun.head.head
    if copula.lemma_ != "be":
        return None
    subj, _ = own_subject(copula)
    return subj


PAST_TAGS = frozenset({"VBD", "VBN"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _misattached_conjunct(verb: Token) -> bool:
    """Is `verb` a past-tense conjunct of a present-tense reported clause whose own
    governing verb is past: the parser's attachment, not the sentence's?"""
    head = verb.head
    return (
        head.dep_ == "ccomp"
        and verb.tag_ in PAST_TAGS
        and head.tag_ in PRESENT_TAGS
        and head.head.tag_ in PAST_TAGS
    )


# nouns of an act whose infinitive says what the act was for: "in a move to strengthen
# ties", "in a bid to end the war"; the infinitive's doer is the act's
MOVE_NOUNS = frozenset({"move", "bid", "attempt", "effort", "push", "step"})
# passives whose subject is the doer of what follows: "X is expected to visit India"
RAISING_VERBS = frozenset({"expect", "set", "schedule", "due", "slate", "poise"})


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
        among = _one_among(verb) if subj.lower_ in RELATIVE_WORDS else None
        if among is not None:  # "Canada is among countries that have banned X": Canada
            return among, "among"
        return subj, "subject"
    name = _name_read_as_modifier(verb)
    if name is not None:
        return name, "subject-read-as-modifier"
    head = verb.head
    if head.i == verb.i:
        return None, "no-subject"
    if verb.dep_ == "xcomp":
        if head.lemma_.lower() in OBJECT_CONTROL and not _phoned(head):
            obj = children(head, {"dobj"}) or [  # "called on X to", "appealed to X to"
                o for p in children(head, {"prep"}) if p.lower_ in {"on", "upon", "to"}
                for o in children(p, {"pobj"})
            ]  # fmt: skip
            if obj:
                return obj[0], "object-control"
        raised, passive = own_subject(head)
        if passive and raised is not None and head.lemma_.lower() in RAISING_VERBS:
            return raised, "raised"  # "Ghana is expected to reopen the border"
        found, how = acting_subject(head, depth + 1)
        return found, f"subject-control<{how}"
    if verb.dep_ == "conj":
        if _misattached_conjunct(verb):
            # "a panel has found that the jailing is unlawful and called for her
            # release": the parser hung "called" on "is"; it is X's, as "determined" is
            found, how = acting_subject(head.head, depth + 1)
            return found, f"coordination<{how}"
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
        if head.lemma_.lower() in MOVE_NOUNS and verb.dep_ == "acl":
            # "visited India in a move to strengthen ties": whoever made the move acts
            holder = head.head.head if head.dep_ == "pobj" else head.head
            if holder.pos_ in {"VERB", "AUX"}:
                found, how = acting_subject(holder, depth + 1)
                if found is None and holder.lemma_.lower() in RAISING_VERBS:
                    found, _ = own_subject(holder)  # "X is expected to visit, in a move"
                    how = "raised"
                return found, f"move<{how}"
        return head, "relative"
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
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
