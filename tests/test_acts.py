"""One reading per act, and what is not an act (events/acts.py, events/combine.py), on
sentences written for these tests."""

import pytest


def actual(events):
    return [e for e in events if e.modality == "actual" and e.polarity == "asserted"]


def per_trigger(events):
    """(trigger start, source start, target start) -> codes: one act, one code."""
    seen: dict[tuple, list[str]] = {}
    for e in events:
        key = (e.trigger.start, e.source and e.source.start, e.target and e.target.start)
        seen.setdefault(key, []).append(e.cameo.code)
    return seen


@pytest.mark.parametrize(
    "text",
    [
        "Ankara rebuffs Washington over missile purchase.",
        "The European Union froze the assets of three Russian banks.",
        "Police arrested protesters in the capital.",
        "Russian troops invaded the neighbouring country.",
        "The government denied attacking the village.",
        "Israel and Hamas agreed on a ceasefire on Tuesday.",
    ],
)
def test_one_trigger_gives_one_code_per_pair(coder, text):
    events = coder.code(text, date="2024-05-01")
    assert events
    assert all(len(codes) == 1 for codes in per_trigger(events).values()), [
        (e.trigger.text, e.cameo.code) for e in events
    ]


def test_the_losing_reading_is_kept_in_the_evidence(coder):
    # the model must be well above MODEL_ALONE_MIN here: on "Ankara rebuffs ..." it read
    # RETREAT at 0.743 on one CPU and above 0.75 on another (int8 kernels differ)
    events = coder.code("Turkey rebuffs Washington over missile purchase.", date="2024-05-01")
    assert len(events) == 1
    alternatives = events[0].evidence["alternatives"]
    assert alternatives and {"code", "score", "from"} <= set(alternatives[0])
    assert alternatives[0]["code"] != events[0].cameo.code


def test_a_framed_pattern_keeps_its_fine_code(coder):
    events = coder.code("The European Union froze the assets of three Russian banks.")
    assert [e.cameo.code for e in events] == ["163"]


def test_arresting_protesters_is_an_arrest(coder):
    events = coder.code("Police arrested protesters in the capital.")
    assert [e.cameo.code for e in events] == ["173"]


def test_what_was_denied_is_no_event_of_its_own(coder):
    events = coder.code("The government denied attacking the village.")
    assert [e.trigger.text for e in events] == ["denied"]
    assert not any(e.cameo.root == "19" for e in events)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The governor denied all the charges against him.", "016"),
        ("The rebels deny providing weapons to the militia.", "016"),
        ("The interior ministry refused to comment.", "011"),
    ],
)
def test_a_statement_frame_keeps_its_code_against_the_model(coder, text, code):
    """The model knows PLOVER only and reads denials and refusals to comment as REJECT;
    the pattern that matched the statement's frame keeps its 01 code."""
    events = coder.code(text)
    assert [e.cameo.code for e in events] == [code]


def test_symmetric_agreement_keeps_both_directions(coder):
    events = coder.code("Israel and Hamas agreed on a ceasefire on Tuesday.", date="2024-05-01")
    sources = {e.source.text for e in events}
    assert sources == {"Israel", "Hamas"}
    assert len({e.cameo.code for e in events}) == 1


def dyads(coder, text):
    return {
        (e.source.code[:3] if e.source else None, e.target.code[:3] if e.target else None)
        for e in coder.code(text)
    }


@pytest.mark.parametrize(
    "text",
    [
        "The Omani sultan met with Blinken in Muscat on Monday.",
        "The Omani sultan spoke by phone with Blinken on Monday.",
    ],
)
def test_a_meeting_with_someone_is_theirs_too(coder, text):
    assert {("OMN", "USA"), ("USA", "OMN")} <= dyads(coder, text)


def test_a_visit_or_a_topic_is_not_reciprocal(coder):
    assert dyads(coder, "The Omani sultan visited Paris on Monday.") == {("OMN", "FRA")}
    text = "Omani ministers discussed China's role in the region."
    assert not any(source == "CHN" for source, _ in dyads(coder, text))


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said efforts to stabilize the region would continue.",
        "Bilateral trading ties between Japan and India are deepening.",
        '"We are united," the prime minister said.',
        "A fire at a factory killed 12 workers.",
        "Floods killed 40 people in the province.",
        "Cholera killed dozens of people in the camps.",
        "A bus crash killed nine passengers on the highway.",
        "Brazil beat Argentina 2-1 in the final.",
        "The company reported record profits in the third quarter.",
        "The opposition called the detention of its leader a coup.",
        "Our goal is to liberate the province from the occupiers, the commander said.",
        "We are with the people of the valley, the rebel spokesman said.",
        "The ministry's denial comes two days before the vote.",
        "Maria Lopez in Caracas contributed to this report.",
        "Thousands of families were affected by the outbreak in the north.",
        "Low-priced Japanese imports keep harming Kenya's economy.",
        "Ghana has been ripping off Nigeria for decades.",  # cheating, no assault
        "The Aliens Restriction Act allowed Kenyan traders into the country.",  # a law
    ],
)
def test_not_an_act(coder, text):
    assert actual(coder.code(text, date="2024-05-01")) == []


def test_according_to_is_an_attribution(coder):
    events = coder.code("According to the ministry, soldiers shelled the village on Monday.")
    assert "According" not in {e.trigger.text for e in events}
    assert any(e.cameo.root == "19" for e in events)


def test_a_truce_taking_effect_is_no_threat(coder):
    events = coder.code("The truce will take effect on Friday.", date="2024-05-01")
    assert not any(e.cameo.root == "13" for e in events)


def test_a_senior_figure_is_a_person_not_a_statistic(fast_coder):
    """ "figure" is a state word ("figures showed"), but with a word of standing before it
    it names a person, who can act."""
    events = fast_coder.code("A senior figure in the Haqqani network dismissed a US offer.")
    assert [(e.source.code, e.cameo.root) for e in events] == [("AFGINS", "12")]
    assert not fast_coder.code("Official figures rejected the forecast of growth.")


def test_blocking_a_sale_is_still_an_act(fast_coder):
    events = fast_coder.code("The president blocked the sale of fighter jets to Turkey.")
    assert events


def test_a_cyber_intrusion_has_the_intruder_as_source(coder):
    # the model reads ASSAULT at 0.88 here, well clear of MODEL_ALONE_MIN on any CPU
    events = coder.code("Hackers tied to Iran breached British telecommunications networks.")
    assert len(events) == 1
    # the pattern reads a cyber attack (176), the model an assault: one act, the
    # stronger reading, the other in the evidence
    codes = {events[0].cameo.code} | {a["code"] for a in events[0].evidence["alternatives"]}
    assert codes == {"176", "190"}
    assert events[0].source.text == "Hackers"
    assert events[0].target.code == "GBR"


def test_a_forecast_is_not_the_actors_intent(coder):
    events = coder.code("The minister is expected to visit Paris next month, analysts say.")
    assert not [e for e in actual(events) if e.cameo.root == "03"]


def test_not_approving_is_a_rejection_not_a_negated_one(coder):
    events = coder.code("Parliament did not approve the budget.")
    rejections = [e for e in events if e.cameo.root == "12"]
    assert all(e.polarity == "asserted" for e in rejections)


def test_a_planned_withdrawal_is_intended_by_the_planners(fast_coder):
    events = fast_coder.code(
        "The United States and its allies began plans for a gradual withdrawal of troops from Iraq."
    )
    withdrawals = [e for e in events if e.trigger.text == "withdrawal"]
    assert withdrawals and all(e.modality == "intended" for e in withdrawals)
    assert {e.cameo.code[:2] for e in withdrawals} == {"03"}
    assert "USA" in {e.source.code for e in withdrawals}


def test_an_announced_plan_for_talks_is_one_intent(fast_coder):
    events = fast_coder.code("The rebels announced plans for talks with the government.")
    assert [e.cameo.code for e in events] == ["036"]


def test_the_condition_of_a_threat_is_no_act_of_its_own(coder):
    events = coder.code(
        "The Kenyan president warned of tough action if the Somali rebels did not cooperate."
    )
    assert [e.cameo.root for e in events] == ["13"]
    assert any(a["from"] == "condition" for a in events[0].evidence["alternatives"])


def test_two_conjuncts_read_as_one_actor_give_one_event(coder):
    """ "The White House and the US government": both come out USAGOV, one act, not the
    same record twice."""
    events = coder.code("The White House and the US government condemned Iran on Monday.")
    assert [(e.source.code, e.cameo.code, e.target.code) for e in events] == [
        ("USAGOV", "111", "IRN")
    ]


class AccusingModel:
    """An event-type model that reads every sentence as an accusation."""

    name = "accusing"

    def type_probabilities(self, sentences):
        return [{"ACCUSE": 0.95} for _ in sentences]


def test_a_model_reading_with_no_actor_in_a_story_is_no_record():
    from thucydides.coder import Coder

    coder = Coder(model=AccusingModel())
    line = "The Kenyan army has been likened to an occupying force."
    story = f"The Somali rebels took two towns.\n\n{line}\n\nThe weather was cold."
    assert not [e for e in coder.code(story) if e.trigger.text == "likened"]
    # a lone sentence keeps the model's reading: no story says more about it
    assert [e.trigger.text for e in coder.code(line)] == ["likened"]


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        ("The Kenyan plan met with opposition from Somalia.", "110", "SOM", "KEN"),
        ("Botswana's hunting policy drew criticism from Britain.", "111", "GBR", "BWA"),
    ],
)
def test_disapproval_drawn_from_someone_is_theirs(coder, text, code, source, target):
    """ "X drew criticism from Y" is Y criticising X, not X acting."""
    events = coder.code(text)
    assert [(e.cameo.code, e.source.code, e.target.code) for e in events] == [
        (code, source, target)
    ]


def test_firing_an_official_is_a_dismissal_not_force(coder):
    assert coder.code("Haitian President Jovenel Moise fired the police chief on Monday.") == []
    assert [e.cameo.code for e in coder.code("Syrian troops fired on protesters in Homs.")] == [
        "193"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "What Somali family has a child there, the Kenyan minister asked.",
        '"Who is dead?" the Zimbabwean spokesman asked.',
        "A Kenyan official, who requested anonymity, said the talks would go on.",
    ],
)
def test_a_question_asked_or_anonymity_requested_is_no_appeal(coder, text):
    assert not [e for e in coder.code(text) if e.cameo.root == "02"]


def test_asking_someone_to_act_is_still_an_appeal(coder):
    (event,) = [e for e in coder.code("Kenya asked Somalia to withdraw its troops.")]
    assert event.cameo.root == "02" and event.target.code == "SOM"


def test_two_parties_acting_on_their_own_envoys_act_on_each_other(coder):
    # regression: "their ambassadors" was the target, an uncoded GOV
    events = coder.code("Egypt and Turkey withdrew their ambassadors in 2013.")
    assert {(e.source.code, e.cameo.code, e.target.code) for e in events} == {
        ("EGY", "161", "TUR"),
        ("TUR", "161", "EGY"),
    }


def test_a_dispute_over_one_partys_claim_is_between_the_two(coder):
    # regression: "disagree over Malaysia's rights" gave Malaysia against itself
    events = coder.code("Japan and Malaysia disagree over Malaysia's rights to the reef.")
    assert {(e.source.code, e.target.code) for e in events} == {("JPN", "MYS"), ("MYS", "JPN")}


def test_two_parties_criticizing_their_rivals_do_not_criticize_each_other(coder):
    events = coder.code("Russia and China criticized their rivals.")
    assert all(e.target is None or e.target.code not in {"RUS", "CHN"} for e in events)


def test_accusations_called_baseless_are_denied(coder):
    # regression: "called the allegations baseless" was a disapproval (111)
    for line in (
        "Moscow called the espionage allegations baseless.",
        "Moscow described the charges as absurd.",
    ):
        assert [e.cameo.code for e in coder.code(line)] == ["016"]
    assert [e.cameo.code for e in coder.code("Moscow called the verdict absurd.")] == ["111"]


def test_private_people_travelling_to_a_country_is_no_visit(coder):
    # regression: "Chinese tourists visited Vietnam" was a 042 visit
    assert [e for e in coder.code("Thousands of Chinese tourists visited Laos last year.")] == []
    met = coder.code("Chinese students met Lao officials in Vientiane on Monday.")
    assert [e.cameo.root for e in met] == ["04"]
    # nor is going to one's own country a visit
    home = coder.code("The Laotian foreign minister traveled to Laos on Monday.")
    assert [e for e in home if e.cameo.root == "04"] == []


def test_a_claim_of_responsibility_is_addressed_to_no_one(coder):
    # regression: "claimed responsibility for attacks targeting soldiers" took the
    # soldiers as the claim's target, one event each with the workers
    events = coder.code(
        "The Baloch Liberation Army claimed responsibility for attacks targeting "
        "Pakistani soldiers and workers."
    )
    claims = [e for e in events if e.cameo.code == "015"]
    assert len(claims) == 1 and claims[0].target is None


def test_others_named_beside_a_party_are_no_party_of_their_own(coder):
    # regression: "She and other senior French officials held talks with Iranian officials"
    # paired the envoy with his own colleagues
    events = coder.code(
        "Macron and other senior French officials held talks with Iranian officials in Doha."
    )
    assert {(e.source.code, e.target.code) for e in events} == {("FRAGOV", "IRNGOV")}


COMMENTARY_STORY = (
    "Kenya Extends Curfew\n\n"
    "The Kenyan government extended a curfew in Nairobi on Monday. "
    "Critics blame the Kenyan police for the deaths of three protesters. "
    "Other analysts warn Kenya against new restrictions. "
    "Some observers are skeptical about Kenya's plan."
)


def test_commentators_nobody_places_make_no_record_in_a_story(coder):
    """The guideline records what unplaced commentators say only as a 012/013 comment
    aimed at an actor the story names."""
    events = coder.code(COMMENTARY_STORY, date="2024-05-01")
    triggers = {e.trigger.text: e.cameo.code for e in events}
    assert "blame" not in triggers and "warn" not in triggers, triggers
    assert triggers.get("are") == "012"  # a pessimistic comment on Kenya's plan
    # a lone sentence keeps its reading: nothing else says who the critics are
    assert [e.cameo.code for e in coder.code("Critics blame the Kenyan police.")] == ["112"]


def test_the_channel_something_was_said_in_is_no_target(coder):
    # regression: "wrote in an online post" made the media its target (MED)
    events = coder.code(
        "The Kenyan president wrote in an online post that the opposition must end the protests."
    )
    assert not [e for e in events if e.target is not None and "media" in e.target.text]


def test_a_record_whose_only_placed_actor_is_implied_is_none(coder):
    """An addressee the story implies does not make a record of a speaker nobody
    places: the sentence itself must name someone the story knows."""
    story = (
        "Zambia Raises Fuel Prices\n\n"
        "The Zambian government raised fuel prices on Monday. "
        "Mwila Banda said the decision was unfair. "
        "Opposition lawmakers in Lusaka said the decision was unfair."
    )
    events = [e for e in coder.code(story, date="2024-05-01") if e.cameo.root == "11"]
    assert [(e.source.code[:3], e.target.code, e.target.via) for e in events] == [
        ("ZMB", "ZMBGOV", "implied")
    ]


def test_a_standing_territorial_dispute_is_no_act(coder):
    # regression: "have been disputing the islands for years" gave a 110 for each party
    text = "Vietnam and China have been disputing the Paracel islands for decades."
    assert not [e for e in coder.code(text) if e.cameo.root == "11"]
    events = coder.code("China disputed Japan's account of the collision.")
    assert [e.cameo.code for e in events] == ["110"]


@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        # regression: the drills' own "military" made them the target (CHNMIL)
        ("China conducted military drills around Taiwan.", "150", "TWN"),
        ("China held large-scale military drills near Taiwan on Monday.", "150", "TWN"),
        # alone a show of force; held with a partner, military cooperation
        ("Russia held naval drills in the Baltic Sea.", "150", None),
        ("Japan held naval exercises with the United States.", "062", "USA"),
    ],
)
def test_drills_are_aimed_at_whom_they_name_never_at_themselves(coder, text, code, target):
    (event,) = coder.code(text)
    assert event.cameo.code == code
    assert (event.target.code[:3] if event.target else None) == target
