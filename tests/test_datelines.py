"""Datelines set apart from the first sentence of a report, on lines we wrote."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thucydides.datelines import DatelineMarker, dateline_date

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dateline with its year, and a date standing alone before the dash
        ("WASHINGTON, March 3, 2025 (Reuters) - Talks began.",
         "WASHINGTON, March 3, 2025 (Reuters).  Talks began."),
        ("March 3, 2025 \u2014 The envoy left.", "March 3, 2025.  The envoy left."),
        ("LONDON, 3 March (Reuters) - Britain protested.",
         "LONDON, 3 March (Reuters).  Britain protested."),
    ],
)  # fmt: skip
def test_datelines_with_dates_are_set_apart_too(text, expected):
    assert marker(text) == expected


@pytest.mark.parametrize("text", ["Chapter 3 - The Siege begins.", "Room 12: Delegates met."])
def test_a_number_after_a_word_is_no_date_alone(text):
    assert marker(text) == text and dateline_date(text) is None


@pytest.mark.parametrize(
    ("text", "month", "day", "year"),
    [
        ("BRUSSELS, Feb 24 (AP) - The bloc froze the assets.", 2, 24, None),
        ("KYIV, Ukraine, Feb. 24 (Reuters) - Drones struck a depot.", 2, 24, None),
        ("Tehran, March 15, IRNA - The envoy left.", 3, 15, None),
        ("WASHINGTON, Sept. 9, 2024 (AP) -- Congress voted.", 9, 9, 2024),
        ("Border talks stall\n\nMarch 3, 2025 \u2014 The envoys left.", 3, 3, 2025),
        ("LONDON, 3 March 2025 (Reuters) - Britain protested.", 3, 3, 2025),
    ],
)
def test_dateline_date_reads_the_opening_dateline(text, month, day, year):
    found = dateline_date(text)
    assert (found.month, found.day, found.year) == (month, day, year)


@pytest.mark.parametrize(
    "text",
    [
        "BERLIN -- A court convicted two men on March 3.",  # a dateline without a date
        "The talks of March 3, 2025 - as agreed - went ahead.",  # a date, not a dateline
        "Intro. " * 80 + "\nPARIS, May 2 (AFP) - Strikes spread.",  # too far in to open it
    ],
)
def test_no_opening_dateline_date_means_none(text):
    assert dateline_date(text) is None
