"""Who killed, when a story says only who was killed."""

from thucydides.events.fighters import implied_fighter, story_armed_group
from thucydides.model import Actor

STORY = (
    "Militants ambush convoy\n\n"
    "Baloch separatists attacked a Pakistani army convoy in Balochistan on Tuesday. "
    "Five Pakistani soldiers were killed in the attack. "
    "The army said 16 militants had been killed in the fighting."
)


def test_the_killed_are_the_other_side_of_the_storys_conflict(coder):
    killed = [e for e in coder.code(STORY) if e.trigger.text == "killed"]
    by_target = {e.target.code: e.source for e in killed}
    # soldiers killed: by the armed group the story last named acting with force
    assert by_target["PAKMIL"].code == "PAKSEP" and by_target["PAKMIL"].via == "implied"
    # militants killed: by the state's forces
    assert by_target["PAKSEP"].code == "PAKMIL" and by_target["PAKSEP"].via == "implied"
    assert all(e.source.text == "" for e in killed), "an implied doer has no text of its own"


def test_no_doer_is_implied_outside_force_or_for_foreigners():
    soldiers = Actor("soldiers", 0, 8, code="PAKMIL", country="PAK", sectors=["MIL"])
    assert implied_fighter("173", soldiers, "PAK", 3, 0, []) is None  # an arrest
    foreigners = Actor("Americans", 0, 9, code="USA", country="USA")
    assert implied_fighter("190", foreigners, "PAK", 3, 0, []) is None
    # and with no armed group acting before, soldiers killed have no doer
    assert implied_fighter("190", soldiers, "PAK", 3, 0, []) is None


CLAIMED_AFTER = (
    "Convoy hit near Mogadishu\n\n"
    "A Somali army convoy came under attack outside Mogadishu on Monday. "
    "Four soldiers were wounded, a police officer said. "
    "Al-Shabab later claimed responsibility for the ambush."
)


def test_an_attack_told_before_its_claim_is_the_storys_one_armed_group(coder):
    (attack,) = [e for e in coder.code(CLAIMED_AFTER) if e.trigger.text == "came"]
    assert attack.source.code == "SOMINS" and attack.source.via == "implied"
    assert attack.target.country == "SOM"


def test_with_two_armed_groups_named_no_doer_is_implied(coder):
    two = CLAIMED_AFTER.replace("Al-Shabab later", "Al-Shabab and Boko Haram later")
    assert [e for e in coder.code(two) if e.trigger.text == "came"] == []


def test_a_generic_group_is_no_storys_armed_group():
    from thucydides.actors import ActorMatch

    named = ActorMatch("SOMINS", "SOM", ("INS",), "al-Shabab", "dictionary", "al-Shabab", "group")
    generic = ActorMatch("REB", None, ("REB",), None, "dictionary", "militants", "agent")
    assert story_armed_group([generic, named], "SOM") is named
    assert story_armed_group([generic], "SOM") is None
    assert story_armed_group([named], None) is None  # no story country: no one conflict
