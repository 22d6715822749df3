"""The DuckDB store: idempotent and atomic writes, dedup rows, the aggregate view."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from thucydides import dedup
from thucydides.errors import UserError
from thucydides.model import Actor, Cameo, Document, Event, Location, Plover, Trigger
from thucydides.store import Entry, Store, event_from_row

TEXT = "Chile and Norway signed a fishing accord in Oslo on Tuesday."


def accord(doc_id: str, text: str = TEXT, date: str = "2024-03-05") -> Event:
    """An event as the coder would give it for TEXT (offsets point into TEXT)."""
    return Event(
        doc_id=doc_id, sentence_index=0, sentence=text, trigger=Trigger("signed", 17, 23),
        cameo=Cameo("057", "05", "Sign formal agreement", 8.0, 1), plover=Plover("AGREE"),
        source=Actor("Chile", 0, 5, "CHL", "CHL", [], "Chile", "dictionary"),
        target=Actor("Norway", 10, 16, "NORGOV", "NOR", ["GOV"], "Norway", "dictionary"),
        date=date, date_precision="day",
        location=Location("Oslo", 3143244, 59.91, 10.75, "NOR", "Oslo", "city"),
        confidence=0.8, evidence={"rule": "verbs/sign.yaml:sign+accord", "model": None, "roles": "svo"},
    )  # fmt: skip


def new_entry(doc: Document, events: list[Event]) -> Entry:
    return Entry(doc, dedup.content_hash(doc.text), "new", events, dedup.signature(doc.text))


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "events.duckdb") as s:
        yield s


def test_writing_the_same_document_twice_changes_nothing(store: Store) -> None:
    doc = Document("a1", TEXT, "2024-03-05", source="Harbour Post")
    first = store.write([new_entry(doc, [accord("a1")])])
    before = list(store.rows("SELECT * FROM documents")), list(store.rows("SELECT * FROM events"))
    again = store.write([new_entry(doc, [accord("a1")])])
    after = list(store.rows("SELECT * FROM documents")), list(store.rows("SELECT * FROM events"))
    assert (first.documents, first.events) == (1, 1)
    assert (again.documents, again.events) == (0, 0)
    assert before == after
    assert store.counts() == {
        "stories": 1,
        "near_duplicates": 0,
        "articles": 1,
        "events": 1,
        "records": 1,
        "actors": 2,
    }


def test_stored_event_reads_back_as_the_same_record(store: Store) -> None:
    event = accord("a1")
    store.write([new_entry(Document("a1", TEXT), [event])])
    (row,) = store.iter_events()
    assert event_from_row(row).to_dict() == event.to_dict()


def test_outlets_of_one_story_are_counted_in_the_aggregate(store: Store) -> None:
    text2 = "Rebels shelled a market in the north of the country on Friday, officials said."
    shelled = Event("b1", 0, text2, Trigger("shelled", 7, 14), Cameo("195", "19", "Employ aerial weapons", -10.0, 4),
                    Plover("ASSAULT"), source=Actor("Rebels", 0, 6), date="2024-03-08")  # fmt: skip
    a = Document("a1", TEXT, source="Harbour Post", url="https://harbour.example/a1")
    copy = Document("w7", TEXT, source="Fjord Wire", url="https://fjordwire.example/7")
    same_outlet = Document(
        "a1-amp", TEXT, url="https://harbour.example/amp/a1", source="Harbour Post"
    )
    store.write([new_entry(a, [accord("a1")]), new_entry(Document("b1", text2), [shelled])])
    h = dedup.content_hash(TEXT)
    store.write([Entry(copy, h, "exact"), Entry(same_outlet, h, "exact")])
    rows = {r["cameo_code"]: r for r in store.rows("SELECT * FROM event_counts")}
    assert rows["057"]["num_events"] == 1
    assert (rows["057"]["num_articles"], rows["057"]["num_sources"]) == (3, 2)
    assert rows["195"]["target_code"] is None and rows["195"]["num_articles"] == 1
    assert [s["outlet"] for s in store.sources_of(h)] == [
        "Fjord Wire",
        "Harbour Post",
        "Harbour Post",
    ]
    assert store.counts()["stories"] == 2


def test_near_duplicate_is_stored_without_text_or_events_under_its_story(store: Store) -> None:
    a = Document("a1", TEXT + " Both fleets will share data.", source="Harbour Post")
    near = Document("z9", "OSLO - " + a.text, source="Zephyr Daily")
    h = dedup.content_hash(a.text)
    store.write([new_entry(a, [accord("a1", a.text)])])
    written = store.write(
        [Entry(near, dedup.content_hash(near.text), "near", duplicate_of=h, similarity=0.9)]
    )
    assert (written.documents, written.near_duplicates, written.events) == (0, 1, 0)
    row = next(store.rows("SELECT * FROM documents WHERE doc_id = 'z9'"))
    assert row["text"] is None and row["duplicate_of"] == h and row["n_events"] == 0
    (agg,) = store.rows("SELECT * FROM event_counts")
    assert (agg["num_articles"], agg["num_sources"]) == (2, 2)


def test_actor_table_accumulates_counts_and_seen_dates(store: Store) -> None:
    t2 = TEXT.replace("Tuesday", "Friday")
    store.write([new_entry(Document("a1", TEXT), [accord("a1")])])
    store.write([new_entry(Document("a2", t2), [accord("a2", t2, date="2024-01-19")])])
    actors = {r["code"]: r for r in store.rows("SELECT * FROM actors")}
    assert actors["CHL"]["n_source"] == 2 and actors["CHL"]["n_target"] == 0
    assert actors["NORGOV"]["n_target"] == 2 and actors["NORGOV"]["sectors"] == "GOV"
    assert (actors["CHL"]["first_seen"], actors["CHL"]["last_seen"]) == ("2024-01-19", "2024-03-05")


def test_a_failing_batch_leaves_nothing_behind(store: Store) -> None:
    good = new_entry(Document("a1", TEXT), [accord("a1")])
    t2 = TEXT.replace("Oslo", "Bergen")
    broken = accord("a2", t2)
    broken.location = Location("Bergen", geonameid="three-one-six", country="NOR")  # type: ignore[arg-type]
    with pytest.raises(duckdb.Error):
        store.write([good, new_entry(Document("a2", t2), [broken])])
    assert store.counts() == {
        "stories": 0,
        "near_duplicates": 0,
        "articles": 0,
        "events": 0,
        "records": 0,
        "actors": 0,
    }
    assert store.write([good]).documents == 1


def test_missing_database_folder_is_one_clear_sentence(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        Store(tmp_path / "nowhere" / "events.duckdb")


def test_reading_a_missing_database_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="thucydides ingest"):
        Store(tmp_path / "events.duckdb", read_only=True)


def test_a_file_that_is_not_a_database_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(UserError, match="Cannot open the database"):
        Store(path)


WRITER = textwrap.dedent("""
    import sys
    sys.path[:0] = [sys.argv[2]]
    from test_store import accord, new_entry
    from thucydides.model import Document
    from thucydides.store import Store
    with Store(sys.argv[1]) as store:
        for b in range(10_000):
            docs = [Document(f"d{b}-{i}", f"{b}-{i} " + TEXT) for i in range(5)]
            store.write([new_entry(d, [accord(d.id, d.text)]) for d in docs])
            print(b, flush=True)
    """).replace("TEXT", repr(TEXT))  # fmt: skip


def test_kill_9_mid_write_loses_no_committed_batch_and_splits_none(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    args = [sys.executable, "-c", WRITER, str(db), str(Path(__file__).parent)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env)
    committed = -1
    while committed < 30:
        line = proc.stdout.readline()
        assert line, "the writer ended before it could be killed"
        committed = int(line)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db) as store:
        per_doc = list(store.rows("""
            SELECT d.n_events, count(e.event_id) AS stored FROM documents d
            LEFT JOIN events e USING (content_hash) GROUP BY d.content_hash, d.n_events"""))  # fmt: skip
        assert len(per_doc) >= 5 * (committed + 1)
        assert len(per_doc) % 5 == 0  # whole batches only
        assert all(r["n_events"] == r["stored"] == 1 for r in per_doc)
        before = store.counts()["events"]
        redo = [Document(f"d{b}-{i}", f"{b}-{i} " + TEXT) for b in range(3) for i in range(5)]
        assert store.write([new_entry(d, [accord(d.id, d.text)]) for d in redo]).events == 0
        assert store.counts()["events"] == before
