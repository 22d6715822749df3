"""The actors a record takes from its story, on sentences written for these tests."""

from thucydides import ontology
from thucydides.events.story_actors import Act, story_actors, told_already
from thucydides.model import Actor, Event, Trigger


def _act(nlp, text, trigger, code, how, kind="verb", country="ZMB", undergoer=False):
    doc = nlp(text)
    anchor = next(t for t in doc if t.text == trigger)
    return Act(code, kind, how, anchor, undergoer, 3, anchor.idx, country)


def _actor(code, country, sectors, via="dictionary"):
    return Actor(text=code, start=0, end=0, code=code, country=country, sectors=sectors, via=via)


def test_a_call_for_release_naming_no_one_asked_is_to_the_storys_government(nlp):
    act = _act(nlp, "The UN called for his release.", "called", "0253", "subject/none")
    source, target = story_actors(act, _actor("IGOUNO", None, []), None, (None, None), [])
    assert (source.code, target.code, target.via) == ("IGOUNO", "ZMBGOV", "implied")


def test_a_restriction_on_things_hits_the_storys_country(nlp):
    # regression: "banned imports of ivory carvings" had no target at all
    act = _act(nlp, "Norway banned imports of copper ore.", "banned", "163", "subject/object-any")
    _, target = story_actors(act, _actor("NOR", "NOR", []), None, (None, None), [])
    assert (target.code, target.sectors, target.via) == ("ZMB", [], "implied")
    # a restriction on someone named keeps them; other acts take no such target
    named = _actor("ZMBBUS", "ZMB", ["BUS"])
    assert story_actors(act, _actor("NOR", "NOR", []), named, (None, None), [])[1] is named
    visit = _act(nlp, "Norway's king visited the mines.", "visited", "042", "subject/object")
    assert story_actors(visit, _actor("NORGOV", "NOR", ["GOV"]), None, (None, None), [])[1] is None


def test_a_criticism_appeal_or_demand_naming_no_one_is_to_the_storys_government(nlp):
    # regression: "deputies spoke out against the plan" had no target
    act = _act(nlp, "Lawmakers spoke out against the move.", "spoke", "111", "subject/none")
    _, target = story_actors(act, _actor("ZMBLEG", "ZMB", ["LEG"]), None, (None, None), [])
    assert (target.code, target.via) == ("ZMBGOV", "implied")
    # the story's own government speaking addresses its country, not itself
    own = _actor("ZMBGOV", "ZMB", ["GOV"])
    assert story_actors(act, own, None, (None, None), [])[1].code == "ZMB"
    # an act not addressed to anyone takes no such target
    talk = _act(nlp, "Lawmakers met on Monday.", "met", "040", "subject/none")
    assert story_actors(talk, _actor("ZMBLEG", "ZMB", ["LEG"]), None, (None, None), [])[1] is None


def test_a_detention_with_no_agent_is_the_storys_state_and_only_of_its_own(nlp):
    act = _act(
        nlp, "The reporter was detained.", "detained", "173", "passive-no-agent/passive-subject"
    )
    own = _actor("ZMBMED", "ZMB", ["MED"])
    source, _ = story_actors(act, None, own, (None, None), [])
    assert (source.code, source.via) == ("ZMBCOP", "implied")
    foreign = _actor("USAMED", "USA", ["MED"])
    assert story_actors(act, None, foreign, (None, None), [])[0] is None


def test_a_second_implied_act_with_the_same_code_and_target_is_told_already(nlp):
    act = _act(nlp, "They are in jail, facing trial.", "facing", "173", "undergoer/subject")
    target = _actor("ZMBOPP", "ZMB", ["OPP"])
    cameo, plover = ontology.cameo_record("173")
    first = Event(
        doc_id="d", sentence_index=3, sentence="", trigger=Trigger("are", 5, 8),
        cameo=cameo, plover=plover, source=_actor("ZMBCOP", "ZMB", ["COP"], "implied"),
        target=target,
    )  # fmt: skip
    assert not told_already([], act, "173", target)
    assert told_already([first], act, "173", target)
    assert not told_already([first], act, "172", target)
    other = _actor("ZMBMED", "ZMB", ["MED"])
    assert not told_already([first], act, "173", other)


def test_in_a_story_of_two_countries_a_threat_naming_no_one_is_to_the_other(nlp):
    doc = nlp("The DPRK is threatening an escalated provocation.")
    anchor = next(t for t in doc if t.text == "threatening")
    act = Act(
        "130", "verb", "subject/none", anchor, False, 3, anchor.idx, "PRK", None, ("PRK", "USA")
    )
    _, target = story_actors(act, _actor("PRK", "PRK", []), None, (None, None), [])
    assert (target.code, target.via) == ("USA", "implied")
    # a third country's threat is to the story's government, as in a story of one country
    assert story_actors(act, _actor("CHN", "CHN", []), None, (None, None), [])[1].code == "PRKGOV"
    # and a threat from inside a story of one country stays unaddressed
    alone = _act(
        nlp,
        "The DPRK is threatening an escalated provocation.",
        "threatening",
        "130",
        "subject/none",
        country="PRK",
    )
    assert story_actors(alone, _actor("PRK", "PRK", []), None, (None, None), [])[1] is None


def test_a_threat_naming_no_one_is_to_the_storys_government(nlp):
    act = _act(nlp, "The statement threatened sanctions.", "threatened", "1312", "subject/none")
    _, target = story_actors(act, _actor("USAGOV", "USA", ["GOV"]), None, (None, None), [])
    assert (target.code, target.via) == ("ZMBGOV", "implied")
