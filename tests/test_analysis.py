"""Analysis over a real DuckDB store: filters, series, top, network, and their CLI."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import duckdb
import pytest
from _seed_db import build_store

from thucydides import analysis
from thucydides.analysis import Filters
from thucydides.cli import main
from thucydides.errors import UserError


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("store") / "events.duckdb")


@pytest.fixture()
def con(db):
    c = duckdb.connect(str(db), read_only=True)
    yield c
    c.close()


# -- filters ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "yesterday"}, "Dates must look like"),
        ({"end": "2012-02-30"}, "Dates must look like"),
        ({"start": "2012-03-01", "end": "2012-02-01"}, "is after the end date"),
        ({"quad": "9"}, "quad must be"),
        ({"root": "4"}, "root must be"),
        ({"code": "04a"}, "code must be"),
        ({"actor": "USA GOV"}, "actor must be an actor code"),
        ({"plover": "CON-SULT"}, "plover must be"),
        ({"min_confidence": "high"}, "min_confidence must be"),
        ({"min_confidence": "1.5"}, "min_confidence must be"),
        ({"modality": "maybe"}, "modality must be one of"),
        ({"q": "x" * 201}, "too long"),
        ({"undated": "maybe"}, "undated must be 1"),
    ],
)
def test_bad_filters_say_what_is_wrong(params, message):
    with pytest.raises(UserError, match=message):
        Filters.parse(params)


def test_partial_dates_cover_their_whole_period():
    f = Filters.parse({"start": "2012-02", "end": "2012-02", "actor": "usagov", "quad": "1"})
    assert (f.start, f.end, f.actor, f.quad) == ("2012-02-01", "2012-02-29", "USAGOV", 1)
    assert Filters.parse({"end": "2012"}).end == "2012-12-31"


def test_filters_are_parameters_not_sql():
    where, params = Filters.parse({"q": "x'; DROP TABLE events; --", "place": "K'abul"}).where()
    assert "DROP" not in where and "K'abul" not in where
    assert "K'abul" in params


# -- events -----------------------------------------------------------------------------


def test_events_filter_by_actor_dyad_and_date(con):
    total, rows = analysis.events(con, Filters.parse({"actor": "PAKGOV"}))
    assert total == 4 and {r["source_code"] for r in rows} | {r["target_code"] for r in rows} >= {
        "PAKGOV"
    }
    total, rows = analysis.events(con, Filters.parse({"source": "USAGOV", "target": "PAKGOV"}))
    assert total == 2 and all(
        r["source_code"] == "USAGOV" and r["target_code"] == "PAKGOV" for r in rows
    )
    total, _ = analysis.events(con, Filters.parse({"start": "2012-02", "end": "2012-02"}))
    assert total == 3


def test_events_filter_by_code_prefix_root_quad_plover_country_place(con):
    assert analysis.events(con, Filters.parse({"code": "04"}))[0] == 2
    assert analysis.events(con, Filters.parse({"root": "19"}))[0] == 2
    assert analysis.events(con, Filters.parse({"quad": "3"}))[0] == 3
    assert analysis.events(con, Filters.parse({"plover": "consult"}))[0] == 2
    assert analysis.events(con, Filters.parse({"country": "PAK"}))[0] == 5
    assert analysis.events(con, Filters.parse({"place": "Islamabad"}))[0] == 3
    assert analysis.events(con, Filters.parse({"min_confidence": "0.55"}))[0] == 2


def test_text_search_is_literal_and_case_insensitive(con):
    total, rows = analysis.events(con, Filters.parse({"q": "ISLAMABAD"}))
    assert total == 2 and all("Islamabad" in r["sentence"] for r in rows)
    assert analysis.events(con, Filters.parse({"q": "%"}))[0] == 0  # no wildcard
    assert (
        analysis.events(con, Filters.parse({"q": "e_s"}))[0] == 0
    )  # "The State" if _ were a wildcard


def test_paging_returns_each_event_once_in_date_order(con):
    seen = []
    for offset in range(0, 10, 4):
        total, rows = analysis.events(con, Filters(), limit=4, offset=offset)
        seen += rows
    assert total == 9 and len({r["event_id"] for r in seen}) == 9
    assert [r["date"] for r in seen] == sorted(r["date"] for r in seen)
    _, newest = analysis.events(con, Filters(), limit=1, order="-date")
    assert newest[0]["date"] == "2012-03-20"
    with pytest.raises(UserError, match="order must be"):
        analysis.events(con, Filters(), order="sentence; DROP TABLE events")


def test_deep_pages_are_the_same_rows_as_shallow_ones(con, monkeypatch):
    _, shallow = analysis.events(con, Filters(), limit=4, offset=3, order="-confidence")
    from thucydides import pages

    monkeypatch.setattr(pages, "DEEP_PAGE", 1)  # where events() reads it
    _, deep = analysis.events(con, Filters(), limit=4, offset=3, order="-confidence")
    assert [r["event_id"] for r in deep] == [r["event_id"] for r in shallow]
    assert deep == shallow


def test_highlights_point_at_the_words_in_the_sentence(con):
    _, rows = analysis.events(con, Filters(), limit=100)
    for r in rows:
        marked = {h["role"]: r["sentence"][h["start"] : h["end"]] for h in r["highlights"]}
        assert marked == {
            "source": r["source_text"],
            "target": r["target_text"],
            "trigger": r["trigger_text"],
        }
    later = next(r for r in rows if r["sentence_index"] == 2)
    assert later["sentence_start"] > 0


def test_sentence_found_without_the_document_text_when_the_trigger_is_unique():
    row = {"sentence": "Rebels fired at rebels.", "trigger_text": "fired", "trigger_start": 107,
           "trigger_end": 112, "source_start": 100, "source_end": 106}  # fmt: skip
    assert analysis.sentence_start(row) == 100
    assert analysis.highlights(row, 100)[0] == {"role": "source", "start": 0, "end": 6}
    row["trigger_text"] = "ebels"  # twice in the sentence: ambiguous, so no guess
    assert analysis.sentence_start(row) is None


# -- series -----------------------------------------------------------------------------


def test_monthly_series_by_quad_with_goldstein_and_index(con):
    rows = analysis.series(con, Filters(), "month", "quad")
    assert sum(r["count"] for r in rows) == 9
    march = {r["group"]: r for r in rows if r["period"] == "2012-03-01"}
    assert march["3"]["count"] == 3 and march["3"]["goldstein_sum"] == pytest.approx(-9.0)
    assert march["3"]["cci"] == -1.0 and march["1"]["cci"] == 1.0
    (jan,) = analysis.series(con, Filters(), "month", "none")[:1]
    assert jan["period"] == "2012-01-01" and jan["cci"] == 0.0  # one cooperative, one conflictual
    assert jan["goldstein_mean"] == pytest.approx((1.9 - 10.0) / 2)


def test_weekly_series_fills_empty_weeks_with_zeros(con):
    rows = analysis.series(con, Filters(), "week", "none")
    assert [r["period"] for r in rows] == analysis.periods("2012-01-09", "2012-03-19", "week")
    assert rows[1]["count"] == 0 and rows[1]["cci"] is None


def test_normalised_series_is_a_share_of_all_events_in_the_period(con):
    rows = analysis.series(con, Filters.parse({"actor": "USAGOV"}), "month", "none", normalize=True)
    shares = {r["period"]: r["share"] for r in rows}
    assert shares == {
        "2012-01-01": 0.5,
        "2012-02-01": pytest.approx(2 / 3, abs=1e-5),
        "2012-03-01": 0.5,
    }


def test_series_rejects_unknown_grouping(con):
    with pytest.raises(UserError, match="by must be one of"):
        analysis.series(con, Filters(), by="sentence")
    with pytest.raises(UserError, match="interval must be one of"):
        analysis.series(con, Filters(), interval="fortnight")


# -- top and network --------------------------------------------------------------------


def test_top_actors_dyads_and_countries(con):
    actors = analysis.top(con, Filters(), "actors", 2)
    assert [a["key"] for a in actors] == ["USAGOV", "AFGINS"] and actors[0]["count"] == 5
    assert actors[0]["name"] == "United States government"
    dyads = analysis.top(con, Filters(), "dyads", 1)
    assert dyads[0] | {} == {"key": "USAGOV>PAKGOV", "count": 2, "goldstein_mean": 2.65,
                             "source": "USAGOV", "target": "PAKGOV"}  # fmt: skip
    countries = {r["key"]: r["count"] for r in analysis.top(con, Filters(), "countries", 10)}
    assert countries == {"USA": 6, "AFG": 7, "PAK": 5}
    with pytest.raises(UserError, match="kind must be one of"):
        analysis.top(con, Filters(), "sentences")


def test_network_edges_and_graphml(con):
    net = analysis.network(con, Filters.parse({"actor": "PAKGOV"}))
    edges = {(e["source"], e["target"]): e["weight"] for e in net["edges"]}
    assert edges == {("USAGOV", "PAKGOV"): 2, ("AFGGOV", "PAKGOV"): 1, ("PAKGOV", "USAGOV"): 1}
    pak = next(n for n in net["nodes"] if n["id"] == "PAKGOV")
    assert (pak["in"], pak["out"]) == (3, 1)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    graph = ET.fromstring(analysis.to_graphml(net).split("\n", 1)[1])
    assert len(graph.findall(".//g:node", ns)) == 3
    weights = [int(d.text) for d in graph.findall(".//g:edge/g:data[@key='weight']", ns)]
    assert sorted(weights) == [1, 1, 2]


# -- CLI --------------------------------------------------------------------------------


def test_cli_series_top_network(db, capsys, tmp_path):
    assert main(["series", "--db", str(db), "--by", "root", "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("period,group,count") and "2012-01-01,19,1,-10.0" in out[2]
    assert main(["top", "--db", str(db), "--kind", "dyads", "-n", "1", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["key"] == "USAGOV>PAKGOV"
    assert main(["network", "--db", str(db), "-o", str(tmp_path / "n.graphml")]) == 0
    assert (tmp_path / "n.graphml").read_text().count("<edge ") == 8


def test_cli_plot_writes_a_png(db, tmp_path, capsys):
    out = tmp_path / "timeline.png"
    assert main(["plot", "--db", str(db), "-o", str(out), "--interval", "week"]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 5000
    assert main(["plot", "--db", str(db), "-o", str(tmp_path / "t.jpg")]) == 2
    assert "must be a .png file" in capsys.readouterr().err
    assert main(["plot", "--db", str(db), "-o", str(out), "--actor", "NOBODY"]) == 2
    assert "nothing to plot" in capsys.readouterr().err


def test_cli_user_errors(db, tmp_path, capsys):
    assert main(["series", "--db", str(tmp_path / "missing.duckdb")]) == 2
    assert "There is no database" in capsys.readouterr().err
    assert main(["top", "--db", str(db), "--start", "soon"]) == 2
    assert "Dates must look like" in capsys.readouterr().err
    assert main(["network", "--db", str(db), "-o", str(tmp_path / "no" / "n.json")]) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"actor": "PAKGOV"},
        {"quad": "4"},
        {"q": "the"},
        {"start": "2012-02"},
        {"actor": "NOBODY"},
    ],
)
def test_numbered_pages_of_a_snapshot_are_the_plain_pages(tmp_path, params):
    """The server's numbered pages (prepare_pages) give exactly what the plain query gives,
    undated events (last) and events of several records included."""
    c = duckdb.connect(str(build_store(tmp_path / "copy.duckdb", counting=True)))
    analysis.prepare_pages(c)
    f = Filters.parse(params)
    for limit, offset in ((3, 0), (4, 2), (50, 0), (2, 8), (5, 100), (0, 0)):
        assert analysis.events(c, f, limit, offset, paged=True) == analysis.events(
            c, f, limit, offset
        )
    c.close()


def test_auto_interval_follows_the_dates_the_filters_select(con):
    assert analysis.auto_interval(con, Filters()) == "week"  # 70 days of events
    assert analysis.auto_interval(con, Filters.parse({"start": "2012-03"})) == "day"
    assert analysis.auto_interval(con, Filters.parse({"actor": "NOBODY"})) == "day"
    weekly = analysis.series(con, Filters(), "week")
    assert analysis.series(con, Filters(), "auto") == weekly
