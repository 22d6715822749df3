"""A hostile act its own doer announces is a threat that happened, on sentences written
for these tests."""

import pytest

from thucydides.events.threats import threat_code


def actual_codes(coder, text):
    return [
        (e.cameo.code, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in coder.code(text)
        if e.modality == "actual"
    ]


@pytest.mark.parametrize(
    ("code", "threat"),
    [("163", "1312"), ("1631", "1312"), ("190", "1384"), ("192", "1382"), ("174", "137")],
)
def test_each_hostile_act_has_its_threat(code, threat):
    assert threat_code(code) == threat


def test_acts_of_cooperation_are_no_threats():
    assert threat_code("042") is None and threat_code("057") is None


def test_what_a_speaker_says_they_could_do_is_a_threat(coder):
    text = "Beijing hinted that it could retaliate with tariffs on Japanese cars."
    assert ("1312", "CHNGOV", "JPN") in actual_codes(coder, text)


def test_a_first_person_announcement_in_a_quote_is_a_threat(coder):
    text = "\u201cWe will raise tariffs on Canadian steel,\u201d Trump said."
    assert [c for c, _, t in actual_codes(coder, text) if t == "CAN"] == ["1312"]


def test_a_forecast_is_no_threat(coder):
    text = "Russia will attack Ukraine again in the spring, analysts say."
    assert not [c for c, _, _ in actual_codes(coder, text) if c.startswith("13")]


def test_an_attempt_is_no_threat(coder):
    # regression: "I was there to try to kill the journalist" became a threat to kill
    text = "The gunman told the court he had tried to kill the Iranian journalist."
    assert not [c for c, _, _ in actual_codes(coder, text) if c.startswith("13")]


def test_a_threat_by_its_own_verb_is_one_threat(coder):
    text = "The Taliban threatened to break their ceasefire with Afghan forces."
    assert len([c for c, _, _ in actual_codes(coder, text) if c.startswith("13")]) == 1
