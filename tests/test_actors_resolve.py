"""Resolution rules, each with sentences written for these tests."""

import pytest

from thucydides.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver.load()


@pytest.mark.parametrize(
    "text, date, code",
    [
        # titles and compounds: the person decides, on the date
        ("US Secretary of State Hillary Clinton", "2011-10-25", "USAGOV"),
        ("former Secretary of State Hillary Clinton", "2016-03-01", "USAELI"),
        ("Hillary Clinton", "2005-06-01", "USAELI"),
        # possessives, demonym + agent, organisations with countries
        ("Pakistan's army", None, "PAKMIL"),
        ("Afghan insurgents", None, "AFGINS"),
        ("Pakistani police", None, "PAKCOP"),
        ("the Pakistani government", None, "PAKGOV"),
        ("U.S. officials", None, "USAGOV"),
        # an agent alone has no country
        ("the police", None, "COP"),
        # countries
        ("the United States", None, "USA"),
        # name collisions decided by the words around the name
        ("the Haqqanis", None, "AFGINS"),
        ("the Haqqani group", None, "AFGINS"),
        ("a senior Haqqani commander", None, "AFGINS"),
        ("Husain Haqqani", "2010-04-01", "PAKGOV"),
        # the Taliban governed 1996-2001 and again from August 2021
        ("the Taliban", "1999-01-01", "AFGGOV"),
        ("the Taliban", "2011-10-25", "AFGINS"),
        ("the Taliban", "2023-01-01", "AFGGOV"),
        # groups the Phoenix dictionaries lack
        ("Houthi rebels", None, "YEMREB"),
        ("al-Shabaab fighters", None, "SOMINS"),
        ("the Wagner Group", None, "RUSUAF"),
        ("Boko Haram", None, "NGAINS"),
        # leaders' titles from the CountryInfo leader lists
        ("President Mugabe", "2005-01-01", "ZWEGOV"),
        # possessives need not match the dictionary's spelling of "'s"
        ("the Democratic People's Republic of Korea", None, "PRK"),
        ("the European Community", None, "IGOEUREEC"),
        # a name is written with a capital: "youths" is not the group called "Youth"
        ("two Iraqi youths", None, "IRQ"),
        # a one-word name inside a longer name is someone else; after a title it stands
        ("General Hassan", None, "JORELI"),
        # "forces" are military; "Serb" is a demonym
        ("Serb forces", None, "SRBMIL"),
        ("government forces", None, "MIL"),
        ("British aid agencies", None, "GBRNGO"),
        ("Omar Hassan", None, None),
        ("Hassan Tabet", None, None),
    ],
)
def test_resolve_text(resolver, text, date, code):
    match = resolver.resolve_text(text, date)
    assert (match.code if match is not None else None) == code, (text, match)


def test_match_fields(resolver):
    m = resolver.resolve_text("Pakistan's army")
    assert (m.country, m.sectors, m.name, m.via) == ("PAK", ("MIL",), "Pakistan", "dictionary")
    assert m.matched == "Pakistan's army"
    net = resolver.resolve_text("the Haqqani network")
    assert net.name == "Haqqani network" and net.country == "AFG" and net.sectors == ("INS",)
    un = resolver.resolve_text("the United Nations")
    assert un.code == "IGOUNO" and un.country is None


@pytest.mark.parametrize(
    "text, code",
    [
        ("Islamabad", "PAKGOV"),
        ("Washington", "USAGOV"),
        ("the Kremlin", "RUSGOV"),
        ("the White House", "USAGOV"),
    ],
)
def test_metonymy(resolver, text, code):
    m = resolver.resolve_text(text)
    assert m.code == code and m.via == "metonymy"


def test_capital_with_agent_is_the_country(resolver):
    m = resolver.resolve_text("Kabul police")
    assert m.code == "AFGCOP" and m.via == "dictionary"


def test_phrase_after_to_names_another_actor(resolver):
    assert resolver.resolve_text("the American envoy to Pakistan").code == "USAGOV"
    # ... but a place after "in" gives an agent its country
    assert resolver.resolve_text("militants in Pakistan").code == "PAKREB"


def test_pronoun_us_is_not_the_united_states(resolver):
    assert resolver.resolve_text("us") is None
    assert resolver.resolve_text("US").code == "USA"


def test_nothing_matches(resolver):
    assert resolver.resolve_text("a quiet afternoon") is None
    assert resolver.resolve_text("") is None


def test_resolve_span_uses_the_parse(nlp, resolver):
    doc = nlp("The US envoy to Pakistan met Afghan and Pakistani militants near the border.")
    envoy = doc[0:6]  # "The US envoy to Pakistan"
    assert resolver.resolve_span(envoy).code == "USAGOV"
    militants = next(t for t in doc if t.text == "militants")
    span = doc[militants.left_edge.i : militants.i + 1]
    assert resolver.resolve_span(span).code == "AFGREB"


def test_resolve_span_relative_clause(nlp, resolver):
    doc = nlp("Insurgents who fled to Pakistan attacked the base.")
    subj = doc[0:5]
    m = resolver.resolve_span(subj)
    assert m.code == "INS" and m.country is None


def test_user_dictionary_adds_actors(tmp_path, monkeypatch):
    monkeypatch.setenv("THUCYDIDES_CACHE", str(tmp_path / "cache"))
    mine = tmp_path / "mine.tsv"
    mine.write_text("Northern Valley Front\tgroup\tPAKREB\tthe Valley Front\n", encoding="utf-8")
    resolver = ActorResolver.load([mine])
    assert resolver.resolve_text("fighters of the Valley Front").code == "PAKREB"
    assert ActorResolver.load([mine]) is resolver  # cached per path list
