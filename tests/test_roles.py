"""Source and target from the parse, on sentences written for these tests."""

import pytest

from thucydides.events.parse import ACTOR_ENTS
from thucydides.events.roles import demanding_speech, find_roles


def actorish(tok):
    return tok.ent_type_ in ACTOR_ENTS or tok.pos_ in {"PROPN", "PRON"} or tok.lower_ in {
        "rebels", "militants", "police", "army", "officials", "minister", "troops", "government",
    }  # fmt: skip


def roles_at(nlp, text, trigger, kind="verb"):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    sent = tok.sent
    return find_roles(sent, tok, None, actorish, kind)


def words(span):
    return span.text if span is not None else None


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        ("Iran condemned Israel on Tuesday.", "condemned", "Iran", "Israel"),
        ("The convoy was attacked by Syrian rebels.", "attacked", "Syrian rebels", "The convoy"),
        ("Britain urged Iran to release the sailors.", "urged", "Britain", "Iran"),
        ("Britain urged Iran to release the sailors.", "release", "Iran", "the sailors"),
        ("Russia agreed to resume talks with Ukraine.", "resume", "Russia", "Ukraine"),
        ("Norway is willing to send doctors to Chad.", "send", "Norway", "Chad"),
        # what a statement says, its author says
        ("Amnesty issued a statement calling on Mali to free them.", "calling", "Amnesty", "Mali"),
        # "called on X to" asks X; "appealed to X to" too
        ("The UN called on Mali to free the hostages.", "free", "Mali", "the hostages"),
        ("Oxfam appealed to Norway to send doctors.", "send", "Norway", "doctors"),
        (
            "The minister visited Cairo to urge Egypt to open the border.",
            "urge",
            "The minister",
            "Egypt",
        ),
        ("Officials said the rebels attacked a village.", "attacked", "the rebels", "a village"),
        ("Kenya will host Somalia next week.", "host", "Kenya", "Somalia"),
        # the town is only what was taken; the rebels who held it are the ones acted upon
        (
            "The army shelled and captured the town held by rebels.",
            "captured",
            "The army",
            "rebels",
        ),
        ("Ghana signed a trade agreement with Togo.", "signed", "Ghana", "Togo"),
        # what a move was for is done by whoever made the move, a raised subject too
        ("Ghana closed its border in a move to pressure Togo.", "pressure", "Ghana", "Togo"),
        (
            "Ghana is expected to reopen its border, in a move to calm Togo.",
            "calm",
            "Ghana",
            "Togo",
        ),
    ],
)
def test_verb_roles(nlp, text, trigger, source, target):
    roles = roles_at(nlp, text, trigger)
    assert words(roles.source) == source
    assert words(roles.target) == target


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # no role names an actor, so the first one named in the act's scope is the target
        ("Germany gave 40 million euros to rebuild schools in Kenya.", "gave", "Kenya"),
        (
            "The union will not end its walkout until the government raises pay.",
            "end",
            "the government",
        ),
        # a passive subject or a recipient stands even when it is no known actor
        ("The reporter was detained in Lagos on Monday.", "detained", "The reporter"),
        (
            "The museum returned the painting to its owner in Vienna.",
            "returned",
            "its owner in Vienna",
        ),
        # only words after the trigger are searched: the subject's place is not the target
        ("Rebels in Mali ended the blockade.", "ended", "the blockade"),
        # the actor's own forces are not acted upon; its counterparts are another party
        ("The army moved its troops to the border with Chad.", "moved", "Chad"),
        ("The police met their Kenyan counterparts.", "met", "their Kenyan counterparts"),
        # "their" after "we" is someone else's: still the target
        ("We stopped their troops at the border.", "stopped", "their troops"),
        # a reason clause names no one acted upon
        (
            "The union rejected their offer because it trusts the government.",
            "rejected",
            "their offer",
        ),
    ],
)
def test_target_in_scope(nlp, text, trigger, target):
    assert words(roles_at(nlp, text, trigger).target) == target


def test_reported_speaker_is_not_the_actor(nlp):
    roles = roles_at(nlp, "Officials in Kabul said the rebels attacked a village.", "attacked")
    assert "Officials" not in roles.source.text


def test_noun_trigger_takes_light_verb_subject(nlp):
    roles = roles_at(nlp, "Sudan held talks with Chad in Khartoum.", "talks", kind="noun")
    assert words(roles.source) == "Sudan"
    assert words(roles.target) == "Chad"


def test_noun_trigger_modifier_is_source(nlp):
    roles = roles_at(
        nlp, "Turkish air strikes on Kurdish militants continued.", "strikes", kind="noun"
    )
    assert words(roles.source) == "Turkish"
    assert "Kurdish militants" in words(roles.target)


def test_the_possessor_of_an_act_done_to_someone_is_its_target(nlp):
    # regression: "Sokha's arrest" made the journalist the arrester
    roles = roles_at(nlp, "Sokha's arrest drew condemnation from Europe.", "arrest", "noun")
    assert roles.source is None and words(roles.target) == "Sokha's"
    # with an "of" phrase the possessor is the doer
    roles = roles_at(nlp, "Ghana's expulsion of the rebels angered Togo.", "expulsion", "noun")
    assert words(roles.source) == "Ghana's" and "rebels" in words(roles.target)


def test_passive_without_agent_takes_who_acts_in_the_clause_saying_how(nlp):
    roles = roles_at(nlp, "Nine villagers were killed when rebels shelled the market.", "killed")
    assert (words(roles.source), words(roles.target)) == ("rebels", "Nine villagers")
    roles = roles_at(nlp, "The protesters were arrested after they refused to leave.", "arrested")
    assert roles.source is None  # "they" are the protesters themselves


def test_relative_pronoun_takes_its_antecedent(nlp):
    roles = roles_at(nlp, "Rebel leaders, who were hunted by French troops, fled.", "hunted")
    assert words(roles.source) == "French troops"
    assert words(roles.target) == "Rebel leaders"


def test_pronoun_in_reported_clause_is_the_named_speaker(nlp):
    roles = roles_at(nlp, "Ethiopia said it would allow the aid agencies to enter.", "allow")
    assert words(roles.source) == "Ethiopia"
    roles = roles_at(nlp, "Ethiopia said they would allow the aid agencies to enter.", "allow")
    assert words(roles.source) == "they"  # a country saying "they" means someone else
    # one who speaks for a side says "they" of it, unless a plural noun comes between
    roles = roles_at(nlp, "The union chairman said they would not end the strike.", "end")
    assert words(roles.source) == "The union chairman"
    roles = roles_at(nlp, "The chairman said the drivers knew they would end the strike.", "end")
    assert words(roles.source) == "they"


def test_light_verb_object_is_not_the_target_when_the_pattern_used_it(nlp):
    doc = nlp("Mali held talks yesterday.")
    verb, obj = doc[1], doc[2]
    roles = find_roles(doc[:], verb, obj, actorish, "verb")
    assert roles.target is None


def test_target_of_the_act_agreed_to(nlp):
    roles = roles_at(nlp, "Peru agreed to send food aid to Bolivia.", "agreed")
    assert words(roles.source) == "Peru"
    assert words(roles.target) == "Bolivia"


def test_event_noun_as_subject_targets_what_it_hit(nlp):
    roles = roles_at(
        nlp, "A car bombing by the rebels killed nine soldiers.", "bombing", kind="noun"
    )
    assert words(roles.source) == "the rebels"
    assert words(roles.target) == "nine soldiers"


def test_those_who_died_in_an_event_noun_are_its_target(nlp):
    # regression: "nine guards died in the raid by the rebels" had no target, and the
    # parser hangs "by militants" on "lost" in "lost their lives in the raid by militants"
    roles = roles_at(
        nlp, "Nine guards died in the raid by the rebels on Monday.", "raid", kind="noun"
    )
    assert (words(roles.source), words(roles.target)) == ("the rebels", "Nine guards")
    lives = roles_at(
        nlp, "Twelve miners lost their lives in a bombing by militants.", "bombing", kind="noun"
    )
    assert (words(lives.source), words(lives.target)) == ("militants", "Twelve miners")
    ground = roles_at(nlp, "The rebels lost ground in the offensive.", "offensive", kind="noun")
    assert ground.target is None


def test_one_among_those_who_acted_is_the_subject(nlp):
    # regression: "Canada is among countries that have banned X" made "countries" act
    roles = roles_at(nlp, "Chile is among the nations that have banned the imports.", "banned")
    assert words(roles.source) == "Chile" and roles.how.startswith("among")


# (sentence, trigger, expected target): one row per rule that finds a target
TARGETS = {
    "inside-object-phrase": ("Police opened an investigation into the mayor.", "opened", "the mayor"),
    "against-beats-in": (
        "The union filed a suit in a Paris court against the ministry.", "filed", "the ministry",
    ),
    "inside-warning": (
        "Kenya warned tough measures would be taken against the militants.", "warned",
        "the militants",
    ),
    "small-clause": ("A court in Oslo found Hansen guilty of fraud.", "found", "Hansen"),
    "cardinal-of": (
        "Prosecutors opened inquiries against hundreds of firms.", "opened", "hundreds of firms",
    ),
    "accusing-clause": (
        "The villagers filed a complaint accusing the mining company.", "filed",
        "the mining company",
    ),
    "object-with-its-phrase": (
        "Chad condemned the raids on its border posts.", "condemned",
        "the raids on its border posts",
    ),
    "transfer-to": ("Norway sent medical supplies to Malawi.", "sent", "Malawi"),
    "transfer-dative": ("Japan gave Laos two patrol boats.", "gave", "Laos"),
    "withdraw-from": ("Egypt withdrew its troops from Libya.", "withdrew", "Libya"),
    "copula-donor": ("Canada is the largest donor to Haiti.", "is", "Haiti"),
    "who-before-where": ("Lavrov held talks in Jerusalem with Netanyahu.", "held", "Netanyahu"),
    "object-clause-transfer": (
        "Chile signed a decree granting asylum to twelve refugees.", "signed", "twelve refugees",
    ),
    "suspend-flow": ("Japan suspended military aid to Myanmar.", "suspended", "Myanmar"),
    "speakers-own-pronoun": (
        "Opposition leaders said they would boycott talks with Fiji.", "said", "Fiji",
    ),
    "coordinated": (
        "Rebels freed a Cuban doctor and a nurse on Friday.", "freed", "a Cuban doctor and a nurse",
    ),
    "discuss-with": ("Erdogan discussed Libya with Donald Trump.", "discussed", "Donald Trump"),
    "demand-from": (
        "The mayor demanded aid from the national government.", "demanded",
        "the national government",
    ),
    "participle-targeting": (
        "Jets carried out a raid, targeting rebel commanders.", "carried", "rebel commanders",
    ),
    "payment-to": ("Germany paid compensation to the victims.", "paid", "the victims"),
}  # fmt: skip


@pytest.mark.parametrize(("text", "trigger", "target"), TARGETS.values(), ids=TARGETS.keys())
def test_target_rules(nlp, text, trigger, target):
    assert words(roles_at(nlp, text, trigger).target) == target


def test_noun_event_target_drops_a_names_place(nlp):
    roles = roles_at(nlp, "Sudan held talks with Chad in Khartoum.", "talks", kind="noun")
    assert words(roles.target) == "Chad"


# (sentence, head index, phrase): how far a noun's phrase reaches
PHRASES = {
    "common-noun-keeps-place": (
        "Police raided a migrant camp in Calais on Sunday.", 4, "a migrant camp in Calais",
    ),
    "title-then-name": (
        "May met the Irish premier Leo Varadkar, a doctor, in London.", 4,
        "the Irish premier Leo Varadkar",
    ),
    "role-then-name": (
        "Police arrested the journalist Anna Berg in Oslo.", 3, "the journalist Anna Berg",
    ),
    "role-comma-name": (
        "The former president, Maria Costa, rejected the plan.", 2,
        "The former president, Maria Costa",
    ),
    "name-comma-aside": ("Kenya, a neighbour, sent troops.", 0, "Kenya"),
}  # fmt: skip


@pytest.mark.parametrize(("text", "head", "phrase"), PHRASES.values(), ids=PHRASES.keys())
def test_noun_phrase_extent(nlp, text, head, phrase):
    from thucydides.events.phrases import noun_phrase

    assert noun_phrase(nlp(text)[head]).text == phrase


def test_head_phrase_leaves_out_possessive_pronouns(nlp):
    from thucydides.events.phrases import head_phrase

    doc = nlp("The council expressed its total rejection of the plan.")
    assert head_phrase(doc[5]).text == "total rejection"


@pytest.mark.parametrize(
    ("text", "verb", "source", "target"),
    [
        ("Chile said Peru must withdraw its ships.", "withdraw", "Chile", "Peru"),
        (
            "The envoy insisted that the rebels should free the hostages.",
            "free",
            "The envoy",
            "the rebels",
        ),
        ("Kenya said Somalia has to stop the raids.", "stop", "Kenya", "Somalia"),
        # one's own resolve, or no obligation, is no demand
        ("Chile said it must withdraw its ships.", "withdraw", None, None),
        ("Chile said Peru will withdraw its ships.", "withdraw", None, None),
    ],
)
def test_what_one_must_do_reported_by_another_is_their_demand(nlp, text, verb, source, target):
    doc = nlp(text)
    speech = demanding_speech(next(t for t in doc if t.text == verb))
    roles = find_roles(speech.sent, speech, None, actorish, "verb") if speech else None
    assert (words(roles.source) if roles else None, words(roles.target) if roles else None) == (
        source,
        target,
    )


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # the parser hangs "who" on the place; the persons before it are who was targeted
        (
            "Drones struck the militant commanders in the valley, who have been actively "
            "targeted for assassination by the United States.",
            "the United States",
            "the militant commanders in the valley",
        ),
        # the place phrase hangs on the verb, not on the persons: the verb's object
        (
            "It is unclear whether the new sanctions will deter militant leaders in the "
            "province, who have been repeatedly targeted for capture by the army.",
            "the army",
            "militant leaders",
        ),
    ],
)
def test_who_after_a_place_is_the_persons_before_it(nlp, text, source, target):
    roles = roles_at(nlp, text, "targeted")
    assert (words(roles.source), words(roles.target)) == (source, target)


def test_the_by_agent_on_the_verbs_object_is_the_passives_agent(nlp):
    roles = roles_at(nlp, "Two journalists were arrested in a raid by the police.", "arrested")
    assert (words(roles.source), words(roles.target)) == ("the police", "Two journalists")


def test_killed_in_a_shootout_with_soldiers_was_killed_by_them(nlp):
    roles = roles_at(
        nlp, "The smuggler was killed in a shootout with soldiers on Sunday.", "killed"
    )
    assert (words(roles.source), words(roles.target)) == ("soldiers", "The smuggler")
    assert roles.how.startswith("passive-fight")


def test_a_clause_the_parser_reads_as_a_noun_phrase_keeps_its_subject(nlp):
    # spaCy reads this as one noun phrase headed by "Erdogan", "hosted" its adjective
    roles = roles_at(nlp, "Trump hosted Erdogan at the White House on Wednesday.", "hosted")
    assert (words(roles.source), words(roles.target)) == ("Trump", "Erdogan")
    # an adjective before a name is no clause
    doc = nlp("The newly elected Erdogan spoke on Friday.")
    elected = next(t for t in doc if t.text == "elected")
    assert find_roles(elected.sent, elected, None, actorish, "verb").how != "clause-read-as-noun"


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        # the gerund under "by", "in", "after": the subject of the verb it hangs on
        ("The army stepped up pressure by shelling the border towns.", "shelling", "The army"),
        ("In announcing the sanctions, the minister said the ban was final.", "announcing",
         "the minister"),
        # "accused X of", "blamed X for": the one accused did it
        ("The court accused the mayor of taking bribes.", "taking", "the mayor"),
        ("Police blamed the rebels for attacking the convoy.", "attacking", "the rebels"),
        ("The mayor was arrested for insulting the president.", "insulting", "The mayor"),
        # what one takes credit for, the taker did
        ("The rebel group took credit for attacking a police convoy.", "attacking",
         "The rebel group"),
    ],
)  # fmt: skip
def test_a_gerund_under_a_preposition_has_an_actor(nlp, text, trigger, source):
    assert words(roles_at(nlp, text, trigger).source) == source


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        ("The Spanish minister said during a visit to Beijing that talks would go on.",
         "visit", "The Spanish minister", "Beijing"),
        ("Mexico's president assured Trump in several phone conversations that the border was safe.",
         "conversations", "Mexico's president", "Trump"),
        # regression: "following" sets the act as "after" does
        ("Following talks with Kenya's foreign minister, Somalia's president announced a deal.",
         "talks", "Somalia's president", "Kenya's foreign minister"),
    ],
)  # fmt: skip
def test_a_visit_or_call_that_sets_a_statement_is_made_by_the_speaker(
    nlp, text, trigger, source, target
):
    roles = roles_at(nlp, text, trigger, kind="noun")
    assert (words(roles.source), words(roles.target)) == (source, target)


def test_a_protest_as_the_setting_of_an_act_is_not_the_actors(nlp):
    """Only visits, talks and calls: police firing tear gas during a protest are not
    the protesters."""
    roles = roles_at(nlp, "Police fired tear gas during a protest.", "protest", kind="noun")
    assert roles.source is None


@pytest.mark.parametrize(
    "text",
    [
        "Britain announced a withdrawal of its troops from Iraq by 2009.",
        "The minister spoke of a gradual pullout of forces from Mali.",
    ],
)
def test_a_withdrawal_is_from_the_place_left_not_of_the_troops(nlp, text):
    trigger = "withdrawal" if "withdrawal" in text else "pullout"
    roles = roles_at(nlp, text, trigger, kind="noun")
    assert words(roles.target) in {"Iraq", "Mali"}


def test_an_interview_label_speaks_and_does_not_act(nlp):
    """ "VOA: Russia's President Putin visited China": the parser reads the label as a
    second subject, with the president as its apposition; the president visited."""
    text = (
        "VOA: Russia's President Vladimir Putin visited China last month after his new term began."
    )
    roles = roles_at(nlp, text, "visited")
    assert "Putin" in words(roles.source) and words(roles.target) == "China"


def test_coordinated_speakers_on_a_call_each_address_the_one_they_told(coder):
    """Regression: "X and Y assured Trump by phone" paired X with Y."""
    events = coder.code(
        "Canada's Prime Minister Justin Trudeau and Mexico's President Claudia Sheinbaum "
        "assured Trump in separate phone conversations on Friday that they would act."
    )
    pairs = {(e.source.code[:3], e.target.code[:3]) for e in events if e.cameo.root in {"04", "05"}}
    # a phone call is reciprocal: each leader's call is also Trump's, never Canada-Mexico
    assert pairs == {("MEX", "USA"), ("CAN", "USA"), ("USA", "MEX"), ("USA", "CAN")}


def test_what_an_event_follows_is_not_its_target(nlp):
    """Regression: "the summit follows talks in Jeddah" had the talks (Saudi Arabia) as the
    summit's target; only a verb that does something to its object gives one."""
    roles = roles_at(nlp, "The Nairobi summit follows talks in Geneva.", "summit", kind="noun")
    assert roles.target is None
    roles = roles_at(nlp, "A car bombing by the rebels killed 75 soldiers.", "bombing", kind="noun")
    assert words(roles.target) == "75 soldiers"


def test_a_nationality_on_the_disapproval_received_is_who_disapproves(coder):
    (ev,) = [
        e for e in coder.code("Peru's plan drew Chilean criticism.") if e.trigger.text == "drew"
    ]
    assert (ev.cameo.code, ev.source.code, ev.target.code) == ("111", "CHL", "PER")


def test_an_act_judged_is_aimed_at_its_doer_named_by_by(coder):
    (ev,) = coder.code("Chile criticized the arrest of the journalist by Peruvian police.")
    assert (ev.cameo.root, ev.source.code, ev.target.code) == ("11", "CHL", "PERCOP")
    (ev,) = coder.code("The Taliban praised the withdrawal of forces by America.")
    assert (ev.cameo.root, ev.target.code) == ("05", "USA")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("US-Russia talks resumed in Riyadh on Tuesday.", "resumed"),
        ("Kenya-Somalia talks were held in Nairobi.", "held"),
    ],
)
def test_a_meeting_noun_naming_both_parties_gives_the_verbs_roles(nlp, text, trigger):
    # regression: "US-Russia talks resumed in Riyadh" had the talks' first party as
    # source and Riyadh as target; a passive "were held" had no source at all
    roles = roles_at(nlp, text, trigger)
    assert roles.how == "noun-pair"
    assert {words(roles.source), words(roles.target)} in ({"US", "Russia"}, {"Kenya", "Somalia"})
