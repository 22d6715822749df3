"""Datelines set apart from the first sentence of a report, on lines we wrote."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thucydides.datelines import DatelineMarker

PLACES = {"Tehran", "Mexico", "Washington", "Nairobi"}
marker = DatelineMarker(lambda name: name in PLACES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BERLIN -- A court convicted two men.", "BERLIN.   A court convicted two men."),
        ("THE HAGUE, Netherlands -- A judge ruled.", "THE HAGUE, Netherlands.   A judge ruled."),
        ("KABUL (Pajhwok): Rebels attacked.", "KABUL (Pajhwok). Rebels attacked."),
        ("Tehran, March 15, IRNA - The envoy left.", "Tehran, March 15, IRNA.  The envoy left."),
        ("Mexico: Since May, troops have patrolled.", "Mexico. Since May, troops have patrolled."),
        # a second paragraph's dateline too
        ("Intro.\nNAIROBI -- Police fired.", "Intro.\nNAIROBI.   Police fired."),
    ],
)
def test_a_dateline_becomes_a_sentence_of_its_own(text, expected):
    assert marker(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The army attacked the village.",
        "Note: the figures are provisional.",  # no capital after the colon
        "Rebels: A Study of Insurgency in Chad was published in 2010 by a press in Paris.",  # unknown
        "Nairobi and Kampala -- two capitals -- signed a deal.",  # not a dateline shape
    ],
)
def test_other_openings_stay_as_written(text):
    assert marker(text) == text


@given(st.text(alphabet=st.sampled_from("BERLIN Tehran-:,().\nA bc"), max_size=80))
def test_only_separators_change_and_length_is_kept(text):
    out = marker(text)
    assert len(out) == len(text)
    assert all(
        a == b or (a in ". " and b in "-:\u2014\u2013 ") for a, b in zip(out, text, strict=True)
    )
