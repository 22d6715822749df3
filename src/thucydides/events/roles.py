"""Source and target of an event from the dependency parse.

The trigger's anchor token is a verb or an event noun. For a verb, who acts is its
acting subject (`subjects.py`), a pronoun in reported speech the speaker
(`speakers.py`), and what it acts on its target (`targets.py`); this module also
reads the shapes those rules miss (a disapproval received, a clause the parser read as
a noun phrase) and the roles of an event noun from its modifiers or light verb.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from thucydides.events.custody import CUSTODY_NOUNS, custody_holder
from thucydides.events.modality import planning_noun
from thucydides.events.noun_events import EFFECT_VERBS
from thucydides.events.parse import children, own_subject
from thucydides.events.phrases import coordinated_phrase, is_setting, noun_phrase
from thucydides.events.speakers import demanding_speech, speaker_for
from thucydides.events.subjects import acting_subject
from thucydides.events.targets import actor_in, actor_in_scope, target_of, weak_target

# what other modules read here; `demanding_speech` lives in speakers.py
__all__ = ["Roles", "demanding_speech", "find_roles", "state_of_place"]

# prepositions that introduce the one acted upon ("met with X", "sanctions on X")
TARGET_PREPS = {
    "with", "against", "on", "upon", "to", "toward", "towards", "at", "into", "for", "from",
    "in", "over", "of", "about",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Roles:
    source: Span | None
    target: Span | None
    how: str  # short trace of the rule that found the roles, for evidence


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
    paired = _paired_meeting(anchor, (consumed, subj, obj), resolvable)
    if paired is not None:
        return paired
    if weak_target(how_t, obj, subj, resolvable):
        # "gave 350 million euros to promote investment in Ethiopia": no actor stands
        # in a role the rules know, but one named further on in the act's scope does
        scoped = actor_in_scope(anchor, subj, resolvable)
        if scoped is not None:
            obj, how_t = scoped, "scope"
    speaker = speaker_for(subj, anchor)
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
    """ "The plan met with opposition from China", "Banda's arrest drew condemnation
    from rights groups": the from-phrase disapproves (source) of the subject, or of whose
    the subject is ("Banda's arrest": Banda)."""
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
    if author is None:  # "face increasing Western opposition", "drew Chinese criticism"
        author = next(
            (m for m in children(obj, {"amod", "compound", "nmod"})
             if m.ent_type_ in NAME_ENTS and resolvable(m)),
            None,
        )  # fmt: skip
    subj, _ = own_subject(verb)
    if subj is not None:
        subj = actor_in(subj, resolvable) or subj  # "Banda's arrest": Banda
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
# acts done to someone, whose possessor with no "of" phrase is the one acted upon: "the
# journalist's arrest" (but "China's detention of the activists" is China's act)
UNDERGONE_NOUNS = {
    "arrest", "detention", "jailing", "imprisonment", "deportation", "expulsion",
    "abduction", "kidnapping", "assassination", "execution", "extradition", "conviction",
    "sentencing", "prosecution", "ouster", "removal",
}  # fmt: skip


# verbs whose subject suffered what the event noun they are "in" did: "died in the
# attack"; not "were killed in the ambush", itself the act's own record
VICTIM_VERBS = frozenset({"die", "perish", "lose"})


def _victims_of(noun: Token) -> tuple[Token | None, Token | None]:
    """(who died "in" the event `noun`, the doer of a "by" phrase the parser hung on
    the dying): "nine guards died in the raid", "twelve miners lost their lives in the
    bombing by militants"; (None, None) for anything else."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
        return None, None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in VICTIM_VERBS:
        return None, None
    if verb.lemma_.lower() == "lose" and not any(c.lemma_ == "life" for c in verb.children):
        return None, None  # "lost ground in the war" names no victim
    victims = next(iter(children(verb, {"nsubj", "nsubjpass"})), None)
    doer = next((o for p in children(verb, {"prep"}) if p.lower_ == "by"
                 for o in children(p, {"pobj"})), None)  # fmt: skip
    return victims, doer


def _noun_roles(noun: Token, resolvable) -> Roles:
    """Roles of an event noun: its own modifiers ("US air strikes on X", "talks between
    X and Y"), else the light verb it is the object of ("X held talks with Y")."""
    paired = _pair_roles(noun, resolvable)
    if paired is not None:  # "Kenya-Somalia talks": each party is its own word
        return paired
    source_tok: Token | None = None
    how = "noun"
    for child in noun.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"} and resolvable(child):
            source_tok, how = child, "noun-modifier"
            break
    target_tok: Token | None = None
    between = _between_parties(noun, resolvable) if source_tok is None else None
    if between is not None:  # "talks between Chad and Niger": both act
        source_tok, how = between, "noun-between"
    if (
        source_tok is not None
        and source_tok.dep_ == "poss"
        and noun.lemma_.lower() in UNDERGONE_NOUNS
        and not any(p.lower_ == "of" for p in children(noun, {"prep"}))
    ):  # "Sokha's arrest": Sokha was arrested, by whom the story says
        source_tok, target_tok, how = None, source_tok, "noun/undergoer"
    for prep in children(noun, {"prep"}):
        if target_tok is not None:
            break
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
        if between is not None and prep.lower_ == "between":
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
            found, how_t = target_of(
                head, None, lambda t: t.i not in (noun.i, host.i) and resolvable(t)
            )
            if found is not None:  # the target's rule too: "X and Y held talks with Z"
                target_tok, how = found, f"{how}/{how_t}"
    if source_tok is None and _meeting_setting(noun):
        # "said during a visit to Beijing", "assured Trump by phone": who
        # speaks during the visit or the call is the one making it
        verb = noun.head.head
        subj, how_s = acting_subject(verb)
        if subj is not None:
            source_tok, how = subj, f"meeting-setting<{how_s}"
            if target_tok is None:
                found, how_t = target_of(verb, None, lambda t: t.i != noun.i and resolvable(t))
                if found is not None:  # "X and Y told Trump in phone calls": each to Trump
                    target_tok, how = found, f"{how}/{how_t}"
    if target_tok is None and noun.dep_ in {"nsubj", "nsubjpass"} and head.pos_ == "VERB":
        # "a car bombing by X killed 75 people": what the event did names its target
        hits = noun.dep_ == "nsubj" and head.lemma_.lower() in EFFECT_VERBS
        objects = children(head, {"dobj"}) if hits else []
        if objects and objects[0].pos_ in {"NOUN", "PROPN", "NUM"}:
            target_tok, how = objects[0], f"{how}/effect-object"
    if target_tok is None:
        victims, doer = _victims_of(noun)
        if victims is not None:  # "nine guards died in the raid by the rebels"
            target_tok, how = victims, f"{how}/victims"
        if source_tok is None and doer is not None and resolvable(doer):
            source_tok, how = doer, f"noun-by/{how.rsplit('/', 1)[-1]}"
    source = noun_phrase(source_tok) if source_tok is not None else None
    target = noun_phrase(target_tok) if target_tok is not None else None
    if source is not None and noun.i in range(source.start, source.end):
        source = source.doc[source_tok.i : source_tok.i + 1]
    if source is not None and target is not None and _overlap(source, target):
        target = None
    return Roles(source, target, how)


def _hyphen_pair(noun: Token, resolvable) -> tuple[Token, Token] | None:
    """The two actors an event noun is modified by, joined by a hyphen ("Kenya-Somalia
    talks": Kenya and Somalia), or None."""
    for second in children(noun, {"compound", "amod", "nmod"}):
        if not resolvable(second):
            continue
        marks = {c.i for c in second.children if c.dep_ == "punct" and c.text == "-"}
        for first in children(second, {"compound", "amod", "nmod"}):
            if first.i + 1 in marks and first.i + 2 == second.i and resolvable(first):
                return first, second
    return None


# nouns of a meeting whose two parties a hyphen names ("US-Russia talks resumed")
MEETING_NOUNS = {"talk", "talks", "negotiation", "meeting", "summit", "dialogue", "consultation"}


def _paired_meeting(anchor: Token, nouns, resolvable) -> Roles | None:
    """ "US-Russia talks resumed", "held US-Russia talks": the verb's meeting noun names
    both parties, who are the event's, not the verb's other phrases ("in Riyadh")."""
    for noun in nouns:
        if noun is None or noun.lemma_.lower() not in MEETING_NOUNS:
            continue
        if noun.head.i != anchor.i and noun.i != anchor.i:
            continue
        paired = _pair_roles(noun, resolvable)
        if paired is not None:
            return paired
    return None


def _pair_roles(noun: Token, resolvable) -> Roles | None:
    """The two parties a hyphen joins on an event noun as source and target, or None."""
    pair = _hyphen_pair(noun, resolvable)
    if pair is None:
        return None
    first, second = pair
    doc = noun.doc
    return Roles(doc[first.i : first.i + 1], doc[second.i : second.i + 1], "noun-pair")


def _between_parties(noun: Token, resolvable) -> Token | None:
    """The first of two or more parties an event noun is "between" ("talks between X and
    Y"), each of them an actor; its conjuncts are the others."""
    for prep in children(noun, {"prep"}):
        if prep.lower_ != "between":
            continue
        for pobj in children(prep, {"pobj"}):
            others = [t for t in pobj.conjuncts if t.i > pobj.i]
            if resolvable(pobj) and others and all(resolvable(t) for t in others):
                return pobj
    return None


MEETING_NOUNS = {
    "visit", "trip", "tour", "talk", "meeting", "conversation", "call", "negotiation",
    "discussion", "summit",
}  # fmt: skip
SETTING_PREPS = {"during", "in", "on", "at", "after", "following", "before", "ahead"}


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


def _antecedent(tok: Token | None) -> Token | None:
    """A relative pronoun stands for the noun its clause modifies ("commanders who were
    targeted": the commanders were targeted)."""
    if tok is None or tok.tag_ not in {"WP", "WDT"} and tok.lower_ != "that":
        return tok
    clause = tok.head
    while clause.dep_ not in {"relcl", "ROOT"} and clause.head.i != clause.i:
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


STATE_ACT_PREPS = {"in", "from"}  # "arrested in Niger", "expelled from North Korea"
# role traces with no doer named: a passive without its agent, and a subject acted upon
# ("X remains in custody", `undergoer` patterns)
UNNAMED_DOER_HOWS = ("passive-no-agent", "undergoer")


def state_of_place(roles: Roles, anchor: Token, is_country_place, names_actor) -> Roles:
    """ "A journalist was arrested in Niger": an act only a state does (the caller asks
    `records.state_role`: arrests, expulsions, trials, releases) with no one named as
    doing it is the act of the state where it happened; who killed someone in a country
    is not thereby its state. `is_country_place(token)`
    says whether a noun names a country or a place in one, `names_actor(token)`
    whether the dictionaries or the story know it as an actor. Someone held in a named
    holder's custody ("remain in Thai custody") is that holder's detention, before
    any place."""
    if roles.source is not None:
        return roles
    unnamed = next((p for p in UNNAMED_DOER_HOWS if roles.how.startswith(p)), None)
    if unnamed is None:
        return roles
    holder = custody_holder(anchor, lambda t: is_country_place(t) or names_actor(t))
    if holder is not None:  # "remain in Thai custody": Thailand holds them
        how = "custody-holder" + roles.how[len(unnamed) :]
        return Roles(noun_phrase(holder), roles.target, how)
    # "remains in detention in Louisiana": the place may hang on the custody noun
    held_in = [
        n for p in children(anchor, {"prep"}) if p.lower_ == "in" for n in children(p, {"pobj"})
    ]
    preps = children(anchor, {"prep"}) + [
        p for n in held_in if n.lemma_.lower() in CUSTODY_NOUNS for p in children(n, {"prep"})
    ]
    for prep in preps:
        if prep.lower_ not in STATE_ACT_PREPS:
            continue
        for pobj in children(prep, {"pobj"}):
            if is_country_place(pobj):
                how = "state-of-place" + roles.how[len(unnamed) :]
                return Roles(noun_phrase(pobj), roles.target, how)
    return roles
