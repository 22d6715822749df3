"""A wrongdoing one actor reports of another is the speaker's accusation."""

import pytest

from thucydides.events.accusations import ACCUSATION_RULE, accuses
from thucydides.model import Actor


def accusations(coder, text):
    return [
        (e.source.code, e.cameo.code, e.target.code)
        for e in coder.code(text)
        if e.evidence.get("rule") == ACCUSATION_RULE
    ]


def test_a_reported_attack_is_also_the_speakers_accusation(fast_coder):
    text = "Kenyan officials said Somali militants attacked a police convoy near the border."
    assert accusations(fast_coder, text) == [("KENGOV", "112", "SOMREB")]
    attack = [e for e in fast_coder.code(text) if e.cameo.root == "19"]
    assert attack and attack[0].source.code == "SOMREB", "the reported act stays"


@pytest.mark.parametrize(
    "text",
    [
        "Police said they arrested five suspects.",  # their own act
        "Uganda's army said Rwandan troops did not cross the border.",  # nothing done
        "The lawyer said his client was beaten in custody.",  # done to, not by, the named
        "Kenyan officials said Somali militants hoped for peace.",  # no wrongdoing
    ],
)
def test_no_accusation_without_a_named_wrongdoer(fast_coder, text):
    assert accusations(fast_coder, text) == []


def test_a_state_on_its_own_forces_accuses_no_one():
    army = Actor(text="the army", start=0, end=8, code="AFGMIL", country="AFG", sectors=["MIL"])
    police = Actor(text="police", start=9, end=15, code="AFGCOP", country="AFG", sectors=["COP"])
    party = Actor(text="the party", start=0, end=9, code="SDNPTY", country="SDN", sectors=["PTY"])
    government = Actor(text="the government", start=0, end=9, code="SDNGOV", country="SDN",
                       sectors=["GOV"])  # fmt: skip
    assert not accuses(army, police)
    assert accuses(party, government), "an opposition party accuses its own government"
    assert not accuses(army, None) and not accuses(army, Actor(text="x", start=0, end=1))
