"""From an act's roles to its records: who pairs with whom, and which pairs are records.

The coder finds an act and its roles; this module says what records the act gives:
one per coordinated or member actor ("US and British activists"), each with each in a
symmetric act ("X and Y met"), the place an act happened in as no target, the state as
the implied doer of what only a state does, and no record where no actor can be
counted. Kept apart from `coder.py` so the rules a coder would argue about sit together.
"""

from __future__ import annotations

from spacy.tokens import Span

from thucydides import geo, ontology
from thucydides.actors import ActorMatch, DocumentActors
from thucydides.actors.codes import is_irregular_code
from thucydides.events.phrases import noun_phrase
from thucydides.events.roles import Roles
from thucydides.model import Actor

# "X and Y met" / "agreed" / "fought": each is the other's target
SYMMETRIC_ROOTS = {"03", "04", "05", "06", "19"}
MAX_PARTIES = 4  # "X, Y and Z met": each with each, up to this many parties
# acts done with another, whoever the sentence makes its subject: "MBS met with Rubio" is
# as much Rubio's meeting with MBS; story coders record both directions of meetings, calls,
# summits, negotiations and signed agreements (stories_train gold: 63 of 69 such events
# have their reverse), not of visits, hosting or mediation
RECIPROCAL_CODES = ("040", "041", "044", "046", "057")
# acts only a state does to its own people, by the branch that does them: "the journalist
# was detained", "Dodik was sentenced", "he was released on bail"
STATE_ACTS = {
    "17": "GOV", "173": "COP", "166": "GOV", "115": "JUD", "116": "JUD", "084": "GOV",
}  # fmt: skip


def state_role(code: str) -> str | None:
    """The branch of the state that does an act only a state does (CAMEO `code`), or None
    for an act anyone can do."""
    return STATE_ACTS.get(code[:3]) or STATE_ACTS.get(code[:2])


# acts done to foreigners by the state they are in: "many were deported to Honduras" in a
# story of the United States is the United States' deportation, whoever the deported are
DEPORTATIONS = {"174"}


def implied_state(
    code: str, target: Actor | None, story_country: str | None, at: int
) -> Actor | None:
    """The story's state as the unnamed doer of an act only a state does, done to one of
    its own ("Sokha was released on bail" in a Cambodian story): an implied actor,
    with no text of its own (`via = "implied"`, at the trigger)."""
    role = state_role(code)
    if role is None or target is None or not story_country:
        return None
    if target.country != story_country and code[:3] not in DEPORTATIONS:
        return None  # a foreigner detained: by whom the story does not say
    return Actor.implied(story_country, role, at)


# restrictions on goods or activities, whoever they hit: "banned imports of ivory
# carvings", "imposed curbs on publishing newspapers"
RESTRICTIONS = ("163", "172")
# acts addressed to someone: appeals (02, among them calls for someone's release),
# demands (10), criticism (11)
ADDRESSED = ("02", "10", "11", "13")
# threats (13) are addressed to the story's government only from abroad ("the
# statement threatened sanctions", after the U.S. issued it)
FOREIGN_ADDRESSED = ("13",)


# acts between states that a story of two states' relations aims at the other one when
# the sentence names no one: rejections, threats, shows of force, cut ties
COUNTERPART_ACTS = ("12", "13", "15", "16")


def implied_target(
    code: str,
    source: Actor | None,
    story_country: str | None,
    at: int,
    pair: tuple[str, str] | None = None,
) -> Actor | None:
    """Whom an act is aimed at when its sentence names no one, from the story, or None:
    - in a story of two countries' relations (`pair`), a rejection, threat, show of
      force or cut in ties by one of them is aimed at the other ("North Korea is
      threatening an escalated provocation");
    - a restriction on things hits the story's country;
    - an appeal, demand or criticism ("deputies spoke out against the plan", "called
      for his release") is addressed to the story's government, or, when that
      government speaks, to its country (someone in it); a threat from abroad is
      addressed to the story's government."""
    if pair is not None and source is not None and source.country in pair:
        if code.startswith(COUNTERPART_ACTS):
            other = pair[1] if source.country == pair[0] else pair[0]
            return Actor.implied(other, None, at)
    if not story_country:
        return None
    if code.startswith(RESTRICTIONS):
        return Actor.implied(story_country, None, at)
    if not code.startswith(ADDRESSED):
        return None
    if code.startswith(FOREIGN_ADDRESSED) and (source is None or source.country == story_country):
        return None  # a threat from inside the country, naming no one: at whom, unsaid
    own = source is not None and source.country == story_country and "GOV" in source.sectors
    return Actor.implied(story_country, None if own else "GOV", at)


ARMED = {"MIL", "COP", "GOV", "REB", "INS", "SEP", "RAD", "SPY"}
# force that hits people (generic, small arms, artillery, aerial), not a blockade (191) or
# the occupation of territory (192: "guerrillas overran the village")
FORCE_ON_PEOPLE = {"190", "193", "194", "195"}


def is_irregular(actor: Actor) -> bool:
    """An armed group that is no state's forces (`actors.codes.is_irregular_code`)."""
    return is_irregular_code(actor.code, actor.sectors)


def unconventional(cameo, source: Actor | None, target: Actor | None):
    """ "Militants attacked a passenger train": CAMEO codes a terrorist attack, force by
    an irregular group on people who are not armed, as unconventional violence (180),
    not conventional military force (190), whatever the weapon ("shot dozens of
    passengers": 193 small arms), and so is its generic attack on no one the story names
    ("launched 504 attacks"). On the training stories' gold, an irregular group's force
    on civilians is 18x 36 times and 19x once; a named weapon on a place ("shelled the
    capital") stays 19x."""
    if cameo.code not in FORCE_ON_PEOPLE or source is None:
        return cameo
    irregular = is_irregular(source)
    if target is None or not target.code:  # "launched 504 attacks", "attacked a train"
        return ontology.cameo_record("180")[0] if irregular and cameo.code == "190" else cameo
    unarmed = not (ARMED & set(target.sectors))
    if not (irregular and unarmed) or (target.code or "").startswith(("IMG", "IGO")):
        return cameo
    if cameo.code != "190" and not target.sectors:
        return cameo  # "rebels shelled the capital Juba": a named weapon on a place is war
    return ontology.cameo_record("180")[0]


# people acting for no one but themselves: their trips are travel, not diplomacy
PRIVATE_SECTORS = {"CVL", "PPL", "REF"}


def is_private_travel(code: str, source: Actor | None, target: Actor | None) -> bool:
    """ "Chinese tourists visited Vietnam", "immigrants arrived in Houston": a meeting or
    visit (CAMEO 04) of private people to a country or place, with no one there they
    meet; "the son met officials" stays. Nor is going to one's own country a visit
    ("foreigners have traveled to Vietnam", read as Vietnam's own)."""
    if code[:2] != "04" or source is None or target is None:
        return False
    if target.sectors:
        return False  # someone there is met
    if source.country is not None and source.country == target.country == target.code:
        return True
    return bool(PRIVATE_SECTORS & set(source.sectors))


POPULACE = {"CVL", "PPL"}


def is_populace(actor: Actor | None) -> bool:
    """Is the actor only a country's people or civilians ("people", "passengers")?"""
    return actor is not None and bool(actor.sectors) and set(actor.sectors) <= POPULACE


# those who comment on events rather than act in them ("experts say", "others argue",
# "critics blame")
COMMENTATORS = frozenset({
    "analyst", "expert", "critic", "observer", "other", "some", "many", "commenter",
    "commentator", "pundit",
})  # fmt: skip
COMMENTS = ("012", "013")  # pessimistic and optimistic comments


def is_commentary(
    code: str, said_by: Span | None, source: Actor | None, target: Actor | None
) -> bool:
    """Is this only commentary in a story ("other experts warn that ...", "critics blame
    ...")? The coding guideline records what commentators nobody places say only as a
    pessimistic or optimistic comment aimed at an actor the story names."""
    if said_by is None or countable(source, True):
        return False
    if said_by.root.lemma_.lower() not in COMMENTATORS:
        return False
    return not (code.startswith(COMMENTS) and countable(target, True))


def countable(actor: Actor | None, story: bool) -> bool:
    """Does the actor have a code, and in a story one that says whose it is (a country,
    an IGO, NGO or group), more than a bare role ("MIL", "GOV")?"""
    if actor is None or not actor.code:
        return False
    if not story or actor.country:
        return True
    return not (actor.sectors and actor.code.startswith(actor.sectors[0]))


def named_place(span: Span, doc_countries) -> geo.Place | None:
    """The gazetteer place a mention names, when its head is a place name."""
    root = span.root
    if root.ent_type_ not in PLACE_ENTS:
        return None
    ent = next((e for e in span.ents if e.start <= root.i < e.end), None)
    if ent is None:
        return None
    place = geo.resolve(ent.text, doc_countries)
    return place if place is not None and place.country else None


def role_pairs(
    roles: Roles,
    root: str,
    target_is_actor: bool,
    setting: bool = False,
    resolvable=None,
    reciprocal: bool = False,
) -> list[tuple[Span | None, Span | None]]:
    """One (source, target) pair per coordinated source; symmetric events with two
    coordinated actors and no actor as target ("X and Y met", "X and Y agreed a deal"),
    or up to MAX_PARTIES and no target but the place (`setting`: "X, Y and Z met in
    Vienna"), pair each with each other. A `reciprocal` act (RECIPROCAL_CODES) done with
    an actor ("X met with Y") is also the target's, toward the source."""
    pairs = _role_pairs(roles, root, target_is_actor, setting, resolvable)
    if not (reciprocal and target_is_actor):
        return pairs
    back = [(t, s) for s, t in pairs if s is not None and t is not None]
    return pairs + [pair for pair in back if pair not in pairs]


def names_a_party(target: Span | None, how_target: str) -> bool:
    """Is the target one the act was done with ("met with Rubio", "called Erdogan"),
    not what it was about ("discussed China's role")? A "with" phrase, or an object
    that is a name or a pronoun itself."""
    if target is None:
        return False
    if how_target.endswith("prep-with"):  # "prep-with", "xcomp-prep-with"
        return True
    return how_target == "object" and target.root.pos_ in {"PROPN", "PRON"}


def _role_pairs(
    roles: Roles, root: str, target_is_actor: bool, setting: bool, resolvable
) -> list[tuple[Span | None, Span | None]]:
    targets = target_conjuncts(roles.target, resolvable)
    if roles.source is None:
        return [(None, t) for t in targets]
    if roles.how == "noun-pair" and root in SYMMETRIC_ROOTS:  # "Kenya-Somalia talks"
        return [(roles.source, roles.target), (roles.target, roles.source)]
    head = roles.source.root
    # a later conjunct that names no actor ("Cameroon's farmers and sellers") is no party,
    # nor are "others" ("Italy and other European states": Italy, as coders record)
    conjuncts = [head] + [
        t
        for t in head.conjuncts
        if t.i > head.i
        and (resolvable is None or resolvable(t))
        and not any(c.lower_ == "other" for c in t.children)
    ]
    if len(conjuncts) == 1:
        return [(roles.source, t) for t in targets]
    spans = [roles.source] + [noun_phrase(t) for t in conjuncts[1:]]
    owned = _owned_by(roles.target, spans, their=root == "16")
    if len(spans) == 2 and (
        (root in SYMMETRIC_ROOTS and (not target_is_actor or owned))
        or (root in MUTUAL_ROOTS and owned)
    ):
        return [(spans[0], spans[1]), (spans[1], spans[0])]
    no_target = roles.target is None or setting
    if no_target and root in SYMMETRIC_ROOTS and len(spans) <= MAX_PARTIES:
        return [(a, b) for a in spans for b in spans if a is not b]
    return [(s, t) for s in spans for t in targets]


# roots two parties do to each other when what they act on is their own ("Egypt and
# Turkey withdrew their ambassadors", "Japan and Malaysia disagree over Malaysia's rights")
MUTUAL_ROOTS = {"11", "12", "16"}


def _owned_by(target: Span | None, parties: list[Span], their: bool) -> bool:
    """Is `target` something one party owns ("Malaysia's rights") or, with `their`, both
    ("their envoys"; "criticized their rivals" is not about themselves)?"""
    if target is None:
        return False
    for child in target.root.children:
        if child.dep_ != "poss":
            continue
        if child.lower_ == "their":
            return their
        owner = child.lower_.removesuffix("'s").removesuffix("’s")
        if any(owner and owner in p.text.lower() for p in parties):
            return True
    return False


def target_conjuncts(target: Span | None, resolvable=None) -> list[Span | None]:
    """ "imposed tariffs on Mexico, Canada and China": one target each, as a coder records
    one event per party acted upon. Only the conjuncts that can name an actor
    (`resolvable`) count ("froze a pipeline and a rail project" stays one target), and a
    single one, or more than MAX_PARTIES, leaves the target whole."""
    if target is None:
        return [None]
    head = target.root
    conjuncts = [head] + [t for t in head.conjuncts if t.i > head.i and t.pos_ in {"NOUN", "PROPN"}]
    if resolvable is not None:
        conjuncts = [t for t in conjuncts if resolvable(t)]
    if not 1 < len(conjuncts) <= MAX_PARTIES:
        return [target]
    spans = [noun_phrase(t) for t in conjuncts]
    return [target.doc[max(s.start, target.start) : min(s.end, target.end)] for s in spans]


PLACE_ENTS = {"GPE", "LOC", "FAC"}
SETTING_PREPS = {"prep-in", "prep-at", "prep-near", "prep-inside"}
# roots whose place is whom the act is to: "arrived in Bosnia" is a visit to Bosnia
PLACE_TARGET_ROOTS = {"04"}


# what something was said in: "wrote in an online post", "said in an interview"
CHANNELS = frozenset({
    "post", "posting", "statement", "interview", "letter", "speech", "article", "message",
    "tweet", "video", "broadcast", "editorial", "column", "briefing", "address", "remark",
    "medium",  # the lemma of "media"
})  # fmt: skip


def is_setting_target(roles: Roles, how_target: str) -> bool:
    """ "met in Vienna", "fought at Kunduz": a place the act happened in; "wrote in an
    online post": the channel it was said in (CHANNELS)."""
    return (
        how_target in SETTING_PREPS
        and roles.target is not None
        and (
            roles.target.root.ent_type_ in PLACE_ENTS
            or roles.target.root.lemma_.lower() in CHANNELS
        )
    )


def member_pairs(
    src: Span | None, tgt: Span | None, doc_actors: DocumentActors, symmetric: bool
) -> list[tuple[Span | None, Span | None, ActorMatch | None, ActorMatch | None]]:
    """(source span, target span, source code, target code) for one role pair: one each,
    unless a mention stands for several actors ("US and British activists", "the two
    presidents"), who each get an event; the members of a symmetric act with no other
    target are each other's."""
    s_members = doc_actors.members(src) if src is not None else []
    t_members = doc_actors.members(tgt) if tgt is not None else []
    sources = s_members or [doc_actors.resolve(src) if src is not None else None]
    targets = t_members or [doc_actors.resolve(tgt) if tgt is not None else None]
    if len(s_members) > 1 and symmetric:
        return [(src, src, a, b) for a in s_members for b in s_members if a is not b]
    return [(src, tgt, a, b) for a in sources for b in targets]


SELF_PRONOUNS = frozenset(
    "it its itself he him his himself she her herself they them their themselves".split()
)


def refers_back(span: Span | None, target: Actor | None, source: Actor | None) -> bool:
    """Is the target a pronoun, or a thing owned by one ("its claims"), that points back
    to the source itself ("Mauritius argues it was forced", "Beijing backs its claims")?
    Then no one else is acted upon."""
    if span is None or target is None or source is None or target.via != "coreference":
        return False
    root = span.root
    pronoun = root.lower_ in SELF_PRONOUNS or any(
        c.dep_ == "poss" and c.lower_ in SELF_PRONOUNS for c in root.children
    )
    if not pronoun:
        return False
    if target.code == source.code and target.name == source.name:
        return True
    # "North Korea said it conducted a test": the state and its government are one
    state = {"GOV"}
    return (
        target.country is not None
        and target.country == source.country
        and set(target.sectors) <= state
        and set(source.sectors) <= state
    )
