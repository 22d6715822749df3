"""Coreference within a document, on short reports written for these tests."""

import pytest

from thucydides.actors import ActorResolver, DocumentActors


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver.load()


def span_of(doc, text, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    span = doc.char_span(start, start + len(text))
    assert span is not None, text
    return span


def test_she_is_the_secretary_of_state(nlp, resolver):
    doc = nlp(
        "Secretary of State Hillary Clinton flew to Islamabad on Friday. "
        "She pressed Pakistani generals to act against the militants."
    )
    actors = DocumentActors(doc, "2011-10-21", resolver)
    m = actors.resolve(span_of(doc, "She"))
    assert (m.code, m.name, m.via, m.matched) == ("USAGOV", "Hillary Clinton", "coreference", "She")
    assert actors.resolve(span_of(doc, "Pakistani generals")).code == "PAKMIL"


def test_he_skips_a_woman_named_later(nlp, resolver):
    doc = nlp("Hamid Karzai met Hillary Clinton in Kabul. He said the talks had gone well.")
    actors = DocumentActors(doc, "2011-10-21", resolver)
    m = actors.resolve(span_of(doc, "He"))
    assert m.name == "Hamid Karzai" and m.code == "AFGGOV"


def test_they_is_the_group(nlp, resolver):
    doc = nlp("Afghan insurgents stormed a police post. They withdrew before dawn.")
    actors = DocumentActors(doc, None, resolver)
    m = actors.resolve(span_of(doc, "They"))
    assert m.code == "AFGINS" and m.via == "coreference"


def test_the_group_and_the_commander(nlp, resolver):
    doc = nlp(
        "A commander of the Haqqani network spoke to a radio station. "
        "The group controls several valleys. The commander denied any contacts."
    )
    actors = DocumentActors(doc, "2011-10-24", resolver)
    group = actors.resolve(span_of(doc, "The group"))
    assert group.code == "AFGINS" and group.name == "Haqqani network" and group.via == "coreference"
    commander = actors.resolve(span_of(doc, "The commander"))
    assert commander.code == "AFGINS" and commander.via == "coreference"


def test_the_minister(nlp, resolver):
    doc = nlp(
        "Pakistan's interior minister visited the border. The minister promised more patrols."
    )
    actors = DocumentActors(doc, None, resolver)
    m = actors.resolve(span_of(doc, "The minister"))
    assert m.code == "PAKGOV" and m.via == "coreference"


def test_first_person_in_quotes_is_the_speaker(nlp, resolver):
    doc = nlp(
        "\u201cWe will never sit down with the Americans,\u201d a Haqqani commander said on Monday."
    )
    actors = DocumentActors(doc, "2011-10-24", resolver)
    m = actors.resolve(span_of(doc, "We"))
    assert m.code == "AFGINS" and m.name == "Haqqani network" and m.via == "coreference"


def test_first_person_speaker_is_itself_a_pronoun(nlp, resolver):
    doc = nlp(
        "Hillary Clinton arrived in Kabul. \u201cWe expect results,\u201d she told reporters."
    )
    actors = DocumentActors(doc, "2011-10-20", resolver)
    m = actors.resolve(span_of(doc, "We"))
    assert m.code == "USAGOV" and m.name == "Hillary Clinton"


def test_first_person_outside_quotes_is_not_resolved(nlp, resolver):
    doc = nlp("We reported on the Taliban last year.")
    actors = DocumentActors(doc, None, resolver)
    assert actors.resolve(span_of(doc, "We")) is None


def test_surname_after_full_name(nlp, resolver):
    doc = nlp("Hillary Clinton landed in Islamabad. Clinton then met Pakistani officials.")
    actors = DocumentActors(doc, "2011-10-20", resolver)
    m = actors.resolve(span_of(doc, "Clinton", nth=1))
    assert m.name == "Hillary Clinton" and m.code == "USAGOV"


def test_pronoun_without_antecedent(nlp, resolver):
    doc = nlp("She left early.")
    assert DocumentActors(doc, None, resolver).resolve(span_of(doc, "She")) is None


def test_named_mentions_are_not_coreference(nlp, resolver):
    doc = nlp("Islamabad rejected the accusation.")
    m = DocumentActors(doc, None, resolver).resolve(span_of(doc, "Islamabad"))
    assert m.code == "PAKGOV" and m.via == "metonymy"


def test_speaker_pronoun_skips_people_named_in_the_quote(nlp, resolver):
    doc = nlp(
        "A Taliban commander spoke by telephone. \u201cWe do not trust Hamid Karzai,\u201d he said."
    )
    actors = DocumentActors(doc, "2011-10-24", resolver)
    we = actors.resolve(span_of(doc, "We"))
    assert we.code == "AFGINS" and we.name == "Taliban"


def test_unattributed_quote_paragraph_continues_the_speaker(nlp, resolver):
    doc = nlp(
        "\u201cWe reject the offer,\u201d a Haqqani commander said.\n\n"
        "\u201cOur fighters will not lay down their arms.\u201d\n\n"
        "Hillary Clinton said the door remained open."
    )
    actors = DocumentActors(doc, "2011-10-24", resolver)
    ours = actors.resolve(span_of(doc, "Our fighters"))
    assert ours.code == "AFGINS" and ours.via == "coreference"


def test_role_takes_the_only_country_in_its_sentence(nlp, resolver):
    doc = nlp("Rebels attacked an army convoy in northern Chad on Sunday.")
    m = DocumentActors(doc, None, resolver).resolve(span_of(doc, "Rebels"))
    assert m.code == "TCDREB" and m.country == "TCD"


def test_role_with_two_candidate_countries_stays_without(nlp, resolver):
    doc = nlp("Rebels attacked a convoy on the border between Chad and Sudan.")
    m = DocumentActors(doc, None, resolver).resolve(span_of(doc, "Rebels"))
    assert m.code == "REB" and m.country is None


def test_role_does_not_take_another_actors_country(nlp, resolver):
    # regression: "militants" became USAREB because "American" was the sentence's only country
    doc = nlp("Militants rejected an American offer of talks.\n\nKenya and Somalia met later.")
    m = DocumentActors(doc, None, resolver).resolve(span_of(doc, "Militants"))
    assert m.country is None and m.code == "REB"


def test_role_noun_takes_the_group_it_belongs_to_and_is_found_again(nlp, resolver):
    doc = nlp(
        "A senior figure in the Haqqani network spoke on Monday.\n\n"
        '"We will not talk," the commander told reporters.'
    )
    actors = DocumentActors(doc, "2011-10-24", resolver)
    assert actors.resolve(span_of(doc, "A senior figure in the Haqqani network")).code == "AFGINS"
    assert actors.resolve(span_of(doc, "We")).code == "AFGINS"


def test_members_possessed_by_a_group_are_the_groups_wherever_they_are(nlp, resolver):
    doc = nlp(
        "The Haqqani network runs camps near the border. "
        "Drones struck the network's commanders in North Waziristan."
    )
    actors = DocumentActors(doc, "2011-10-24", resolver)
    m = actors.resolve(span_of(doc, "the network's commanders in North Waziristan"))
    assert (m.code, m.name) == ("AFGINS", "Haqqani network")  # not PAKMIL from the place
    # a country's army stays the country's
    doc = nlp("Pakistan's army shelled the border.")
    assert (
        DocumentActors(doc, None, resolver).resolve(span_of(doc, "Pakistan's army")).code
        == "PAKMIL"
    )
