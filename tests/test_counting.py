"""The one counting rule (counting.py): every view and export counts the same events."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from _seed_db import COUNTING_EVENTS, COUNTING_RECORDS, COUNTING_UNDATED, build_store

from thucydides import analysis
from thucydides.analysis import Filters
from thucydides.cli import main
from thucydides.errors import UserError
from thucydides.export import export, gdelt_columns
from thucydides.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("counting") / "events.duckdb", counting=True)


@pytest.fixture()
def con(db):
    c = duckdb.connect(str(db), read_only=True)
    yield c
    c.close()


def cli_series(db: Path, capsys, *args: str) -> list[dict]:
    assert main(["series", "--db", str(db), "--format", "json", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_one_freeze_in_two_articles_and_its_headline_is_one_event(con):
    total, rows = analysis.events(con, Filters.parse({"root": "16"}))
    assert total == 1
    (freeze,) = rows
    assert freeze["doc_id"] == "wire-freeze" and freeze["sentence_index"] == 0  # the headline
    assert (freeze["num_mentions"], freeze["num_articles"], freeze["num_sources"]) == (3, 2, 2)
    (records,) = con.execute(
        "SELECT count(DISTINCT event_key) FROM events WHERE cameo_root = '16'"
    ).fetchone()
    assert records == 1
    (agg,) = con.execute(
        "SELECT num_events, num_articles, num_sources FROM event_counts WHERE cameo_root = '16'"
    ).fetchall()
    assert agg == (1, 2, 2)


def test_undated_records_merge_only_within_their_document(con):
    total, rows = analysis.events(con, Filters.parse({"undated": "1"}))
    assert total == COUNTING_UNDATED
    talks = next(r for r in rows if r["cameo_root"] == "04")
    assert talks["num_mentions"] == 2
    assert (
        analysis.events(con, Filters.parse({"undated": "0"}))[0]
        == COUNTING_EVENTS - COUNTING_UNDATED
    )


def test_header_timeline_dyads_network_table_cli_and_exports_agree(db, con, capsys, tmp_path):
    head = analysis.summary(con)
    assert (head["events"], head["records"], head["undated"]) == (
        COUNTING_EVENTS, COUNTING_RECORDS, COUNTING_UNDATED)  # fmt: skip
    everything = Filters()
    table_total, _ = analysis.events(con, everything)
    timeline = sum(r["count"] for r in analysis.series(con, everything, "day", "quad"))
    undated = sum(r["count"] for r in analysis.undated(con, everything, "quad"))
    assert table_total == timeline + undated == head["events"]
    assert undated == head["undated"]
    # the CLI's series: dated periods and an undated row, adding up to the header
    rows = cli_series(db, capsys, "--interval", "week")
    assert sum(r["count"] for r in rows) == head["events"]
    assert sum(r["count"] for r in rows if r["period"] == "undated") == head["undated"]
    # dyads: top dyads, network edges, the table and timeline filtered to the dyad agree
    dyads = analysis.top(con, everything, "dyads", 100)
    edges = {
        (e["source"], e["target"]): e["weight"] for e in analysis.network(con, everything)["edges"]
    }
    assert {(d["source"], d["target"]): d["count"] for d in dyads} == edges
    assert sum(edges.values()) == head["events"]  # every event here has a source and a target
    for (source, target), weight in edges.items():
        f = Filters.parse({"source": source, "target": target})
        shown = sum(r["count"] for r in analysis.series(con, f, "month", "none"))
        shown += sum(r["count"] for r in analysis.undated(con, f, "none"))
        assert analysis.events(con, f)[0] == shown == weight, (source, target)
        assert (
            sum(r["count"] for r in cli_series(db, capsys, "--source", source, "--target", target))
            == weight
        )
    # the CLI's top dyads and network count the same
    assert main(["top", "--db", str(db), "--kind", "dyads", "-n", "100", "--format", "json"]) == 0
    top_cli = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {tuple(r["key"].split(">")): r["count"] for r in top_cli} == edges
    assert main(["network", "--db", str(db)]) == 0
    net_cli = json.loads(capsys.readouterr().out)
    assert {(e["source"], e["target"]): e["weight"] for e in net_cli["edges"]} == edges
    # places and actors count the same events
    assert sum(p["count"] for p in analysis.places(con, everything)) == head["events"]
    # exports: GDELT rows are events; CSV rows are records, rank 0 counting each event once
    with Store(db, read_only=True) as store:
        gdelt, flat = io.StringIO(), io.StringIO()
        assert export(store, "gdelt", stream=gdelt) == head["events"]
        assert export(store, "csv", stream=flat) == head["records"]
    records = list(csv.DictReader(io.StringIO(flat.getvalue())))
    assert sum(r["event_rank"] == "0" for r in records) == head["events"]
    assert len({r["event_key"] for r in records}) == head["events"]
    lines = [
        dict(zip(gdelt_columns(), x.split("\t"), strict=True))
        for x in gdelt.getvalue().splitlines()
    ]
    assert sum(not r["SQLDATE"] for r in lines) == head["undated"]
    assert sum(int(r["NumMentions"]) for r in lines) == head["records"]  # one article per story


def test_a_repeat_stored_before_its_first_joins_the_stored_event(tmp_path):
    """The other article arrives first: the freeze still ends up one event."""
    from _seed_db import counting_documents

    from thucydides.dedup import content_hash
    from thucydides.store import Entry

    wire, post, _ = counting_documents()
    with Store(tmp_path / "events.duckdb") as store:
        store.write([Entry(post[0], content_hash(post[0].text), "new", post[1])])
        store.write([Entry(wire[0], content_hash(wire[0].text), "new", wire[1])])
        keys = store.con.execute(
            "SELECT count(DISTINCT event_key), count(*) FILTER (WHERE event_rank = 0) "
            "FROM events WHERE cameo_root = '16'").fetchone()  # fmt: skip
        assert keys == (1, 1)
        assert store.counts()["events"] == 2


def test_same_as_null_or_naming_no_record_is_no_repeat(tmp_path):
    from _seed_db import counting_documents

    from thucydides.dedup import content_hash
    from thucydides.store import Entry

    wire, _, _ = counting_documents()
    doc, events = wire
    events[1].evidence = {"rule": "test", "same_as": None}
    events[2].evidence = {"same_as": "ev_0000000000000000"}  # names no record of the document
    with Store(tmp_path / "events.duckdb") as store:
        store.write([Entry(doc, content_hash(doc.text), "new", events)])
        assert store.counts()["events"] == 3  # the headline and lead differ in dyad: unmarked, two


def downgrade(db: Path, old: Path) -> Path:
    """A copy of `db` as the previous schema wrote it: no event keys, ranks or offsets."""
    shutil.copy(db, old)
    with duckdb.connect(str(old)) as c:
        for index in ("events_key", "events_source", "events_target", "events_date", "events_doc"):
            c.execute(f"DROP INDEX {index}")
        for view in ("event_counts", "event_reports"):
            c.execute(f"DROP VIEW {view}")
        for column in ("sentence_start", "event_key", "event_rank"):
            c.execute(f"ALTER TABLE events DROP COLUMN {column}")
        c.execute("DROP TABLE multi_reports; DROP TABLE event_aliases")
        c.execute("UPDATE meta SET value = '1'")
    return old


def test_a_store_of_the_previous_schema_is_upgraded_on_first_open(db, tmp_path):
    """Users have stores: one written before event keys is read as if written now."""
    old = downgrade(db, tmp_path / "old.duckdb")
    with Store(old, read_only=True) as store:  # a reader upgrades it once
        new = analysis.summary(store.con)
        _, rows = analysis.events(store.con, Filters(), limit=100)
    with Store(db, read_only=True) as store:
        assert new == analysis.summary(store.con)
        _, want = analysis.events(store.con, Filters(), limit=100)
    assert [r["highlights"] for r in rows] == [r["highlights"] for r in want]
    assert [r["num_mentions"] for r in rows] == [r["num_mentions"] for r in want]


def hold(path: Path, read_only: bool = False) -> subprocess.Popen:
    """Another process with a connection to `path`, until it is killed."""
    code = (f"import duckdb, time; c = duckdb.connect({str(path)!r}, read_only={read_only}); "
            "print('held', flush=True); time.sleep(60)")  # fmt: skip
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_an_old_store_another_process_reads_gives_one_sentence(db, tmp_path):
    old = downgrade(db, tmp_path / "old.duckdb")
    proc = hold(old, read_only=True)
    try:
        with pytest.raises(UserError, match=r"older version of Thucydides and needs a one-time "
                                            r"upgrade, which needs it free: the database .* is in use by process \d+"):  # fmt: skip
            Store(old, read_only=True)
    finally:
        proc.kill()
        proc.wait()


def test_a_writer_waits_for_the_lock_then_says_who_holds_it(db, tmp_path, capsys):
    proc = hold(db.parent / "held.duckdb")
    try:
        with pytest.raises(
            UserError,
            match=r"is in use by process \d+ \(python.*\) \(another `thucydides ingest`\?\); try again",
        ):
            Store(db.parent / "held.duckdb", wait=0.5)
        assert main(["series", "--db", str(db.parent / "held.duckdb")]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "is in use by process" in err and "DuckDB" not in err
    finally:
        proc.kill()
        proc.wait()


def test_the_record_with_the_precise_date_counts_a_retold_headline(tmp_path):
    """A headline dated by its publication and a lead dated "on Monday": one event, the
    lead's date."""
    from _seed_db import counting_documents

    from thucydides.dedup import content_hash
    from thucydides.store import Entry

    (doc, events), _, _ = counting_documents()
    events[0].date, events[0].date_precision = "2012-03-13", "publication"
    with Store(tmp_path / "events.duckdb") as store:
        store.write([Entry(doc, content_hash(doc.text), "new", events)])
        total, rows = analysis.events(store.con, Filters.parse({"root": "16"}))
    assert total == 1
    assert (rows[0]["sentence_index"], rows[0]["date"], rows[0]["num_mentions"]) == (
        1,
        "2012-03-12",
        2,
    )


def test_a_coded_headline_retold_in_its_lead_is_one_event(tmp_path):
    """The coder marks the lead's retelling (evidence.same_as); the store counts it once."""
    from thucydides import dedup
    from thucydides.coder import Coder
    from thucydides.model import Document
    from thucydides.store import Entry

    text = (
        "Chile Recalls Ambassador From Peru\n\n"
        "Chile recalled its ambassador from Peru on Monday. "
        "Peru said it regretted the decision."
    )
    doc = Document(id="d1", text=text, date="2024-05-08")
    events = Coder(fast=True).code(doc.text, doc.date, doc.id)
    recalls = [e for e in events if e.cameo.root == "16"]
    assert len(recalls) == 2 and recalls[0].date != recalls[1].date  # no other rule joins them
    with Store(tmp_path / "e.duckdb") as store:
        store.write([Entry(doc, dedup.content_hash(doc.text), "new", events)])
        counts = store.counts()
    assert counts["records"] == len(events) and counts["events"] == len(events) - 1


def test_plot_says_how_many_undated_events_it_could_not_place(db, tmp_path, capsys):
    out = tmp_path / "t.png"
    assert main(["plot", "--db", str(db), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{COUNTING_UNDATED} undated event" in err and "not on the time axis" in err
