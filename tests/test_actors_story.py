"""The country a story is about, on short reports written for these tests."""

import pytest

from thucydides.actors import ActorResolver
from thucydides.actors.story import (
    dominant_country,
    is_dateline,
    lead_sentences,
    named_countries,
    story_country,
    story_named_countries,
    story_pair,
)


@pytest.mark.parametrize(
    ("named", "country"),
    [
        (["HTI", "HTI"], "HTI"),
        (["KEN", "KEN", "USA"], "KEN"),
        (["TUR", "TUR", "USA", "RUS"], None),  # named most, but not more than the rest
        (["KEN"], None),  # named once is no story's country
        ([], None),
    ],
)
def test_dominant_country(named, country):
    assert dominant_country(named) == country


def test_headline_and_lead_are_the_first_two_sentences(nlp):
    doc = nlp("Rebels Attack Town\n\nRebels attacked a town on Friday. Police arrived later.")
    assert [s.text.strip() for s in lead_sentences(doc)] == [
        "Rebels Attack Town",
        "Rebels attacked a town on Friday.",
    ]


def test_a_dateline_names_the_storys_country(nlp):
    # as the dateline marker leaves "NAIROBI, Kenya --" for the parser
    doc = nlp("NAIROBI, Kenya.   The United States condemned an attack. Police arrested two men.")
    first = next(iter(doc.sents))
    assert is_dateline(first)
    resolver = ActorResolver.load()

    def country_of(span):
        match = resolver.resolve_span(span)
        return match.country if match else None

    assert story_country(doc, resolver, None, country_of) == "KEN"


def test_a_lone_sentence_is_no_story(nlp):
    doc = nlp("Kenyan and Kenyan-trained troops attacked the camp near the Kenyan border.")
    assert story_country(doc, ActorResolver.load(), None, lambda span: None) is None


def test_europe_is_no_story_country(nlp):
    """A region is no country: a story about Europe lends no country to bare roles."""
    doc = nlp("Europe weighs new tariffs. European ministers met in Europe again.")
    found = named_countries(ActorResolver.load(), list(doc.sents), None)
    assert found == [] and dominant_country(found) is None


def test_counting_a_storys_countries_remembers_no_sentence(nlp):
    """Whole sentences come once: remembering each one's dictionary phrases made memory
    grow with a long document (4 MB: 490 -> 584 MB peak)."""
    resolver = ActorResolver.load()
    doc = nlp(
        "Haiti's police chief resigned on Monday. Gangs in Haiti attacked a prison. "
        "Haitian officials asked Kenya for more police."
    )
    before = len(resolver._found)
    assert named_countries(resolver, list(doc.sents), "2024-03-01").count("HTI") >= 2
    assert len(resolver._found) == before


def test_a_story_of_two_countries_relations_names_its_pair(nlp):
    resolver = ActorResolver.load()
    pair = nlp(
        "Chile rejects Peru's claim. Chile said on Monday that Peru had no right to the "
        "waters. Peru's foreign minister said Chile was wrong. Chilean ships patrolled "
        "the area as Peruvian boats left it. Chile and Peru have argued for years, and "
        "Bolivia watched."
    )
    assert story_pair(story_named_countries(pair, resolver, None)) == ("CHL", "PER")
    one = nlp(
        "Chile rejects the claim. Chile said on Monday it had the right to the waters. "
        "Chilean ships patrolled the area. Chile's navy said Chile would stay. Chile and "
        "Peru have argued for years."
    )
    assert story_pair(story_named_countries(one, resolver, None)) is None  # Peru once
