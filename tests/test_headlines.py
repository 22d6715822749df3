"""Title-case headlines put in sentence case before parsing, on headlines we wrote."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thucydides.coder import Coder
from thucydides.headlines import HeadlineCaser, is_title_case


def names(line: str) -> list[tuple[int, int]]:
    """Stand-in for the dictionaries and gazetteer: these names are known."""
    spans = []
    for name in ("Iran", "British", "Gulf", "Shell"):
        at = line.lower().find(name.lower())
        if at >= 0:
            spans.append((at, at + len(name)))
    return spans


caser = HeadlineCaser({"seize", "shell", "expel"}, names)


def test_common_words_lowered_and_known_names_kept():
    assert caser("Iran Seizes British Tanker in Gulf") == "Iran seizes British tanker in Gulf"


def test_a_trigger_verb_is_lowered_even_when_it_is_also_a_name():
    assert caser("Rebels Shell Town Near Capital") == "rebels shell town near capital"


def test_acronyms_and_ordinary_sentences_stay_as_written():
    assert caser("U.S. Expels UN Envoy Over Leak") == "U.S. expels UN envoy over leak"
    text = "Iran seized a British tanker in the Gulf on Friday, officials said."
    assert caser(text) is text


def test_an_all_capitals_line_keeps_its_names_and_short_acronyms():
    assert caser("IRAN SEIZES BRITISH TANKER IN GULF") == "IRAN seizes BRITISH tanker in GULF"
    assert caser("UN SEIZES ARMS") == "UN seizes arms"


def test_only_the_headline_line_of_a_document_changes():
    text = "Iran Seizes British Tanker\nThe Revolutionary Guard said it Seized the ship."
    assert caser(text) == "Iran seizes British tanker\n" + text.split("\n")[1]


def test_what_counts_as_title_case():
    assert is_title_case("Rebels Shell Town Near Capital".split())
    assert not is_title_case("Rebels shell a town".split())
    assert is_title_case("REBELS SHELL TOWN".split())  # all capitals: names tell acronyms
    assert not is_title_case("Ghana And Togo".split())  # too few content words


@given(st.text(alphabet=st.sampled_from("AbcİßŞ \nXyZ.'-"), max_size=80))
def test_length_and_letters_are_kept(text):
    """Only case changes, one character for one: offsets into the text stay true."""
    out = caser(text)
    assert len(out) == len(text)
    assert all(a in (b, b.lower()) for a, b in zip(out, text, strict=True))


@pytest.fixture(scope="module")
def package_caser():
    return Coder(fast=True).recase


def test_the_package_caser_keeps_known_names_and_lowers_role_nouns(package_caser):
    recase = package_caser
    assert recase("Police Raid Rights Group Offices in Cusco") == (
        "police raid rights group offices in Cusco"  # "Police" is also a town in Poland
    )
    assert recase("Obama Meets Merkel in Berlin") == "Obama meets Merkel in Berlin"
    assert recase("Ghana Cuts Off Internet in Some Provinces") == (
        "Ghana cuts off internet in some provinces"
    )


def test_a_headline_retold_in_the_lead_is_marked_same_as():
    from thucydides.coder import Coder

    coder = Coder(fast=True)
    text = (
        "Chile Recalls Ambassador From Peru\n\n"
        "Chile recalled its ambassador from Peru on Monday. "
        "Peru said it regretted the decision."
    )
    events = coder.code(text, date="2024-05-08")
    head = [e for e in events if e.sentence_index == 0]
    lead = [e for e in events if e.sentence_index == 1]
    assert head and lead
    assert lead[0].evidence.get("same_as") == head[0].event_id
    assert "same_as" not in head[0].evidence
    # without a headline line nothing is marked
    plain = coder.code(text.replace("\n\n", " "), date="2024-05-08")
    assert not any("same_as" in e.evidence for e in plain)
