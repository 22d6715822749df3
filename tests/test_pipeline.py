"""Batch coding in-process and on Dask, and ingest's deduplication of wire copies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides import pipeline
from thucydides.errors import UserError
from thucydides.model import Document
from thucydides.pipeline import code_documents, ingest
from thucydides.store import Store

SENTENCES = [
    "Pakistan rejected an offer of talks from the United States on Monday.",
    "Indian police arrested twelve protesters in New Delhi on Tuesday.",
    "The Egyptian president met the Turkish foreign minister in Cairo last week.",
    "Kenyan troops attacked a rebel camp near the Somali border, officials said.",
    "China accused Japan of violating its airspace over the weekend.",
    "The United Nations urged both sides to release their prisoners.",
    "German lawmakers criticized Russia over the detention of two journalists.",
    "Brazil signed a trade agreement with Argentina in Brasilia on Friday.",
]


def documents(n: int = 12) -> list[Document]:
    """Short news items: three of our sentences each, rotated so every text differs."""
    docs = []
    for i in range(n):
        text = " ".join(SENTENCES[(i + k * 3) % len(SENTENCES)] for k in range(3))
        docs.append(Document(f"item-{i}", f"Report {i}. {text}", date=f"2022-05-{i % 28 + 1:02d}"))
    return docs


def as_set(pairs) -> set[tuple[str, str]]:
    """Ordering-independent: one (doc id, record JSON) per event."""
    return {(d.id, json.dumps(e.to_dict(), sort_keys=True)) for d, events in pairs for e in events}


@pytest.fixture(scope="module")
def single() -> list:
    return list(code_documents(documents(), batch_size=4))


def code_alone(doc: Document) -> list | None:
    try:
        return pipeline._coder(False).code(doc.text, doc.date, doc.id)
    except Exception:  # noqa: BLE001 - the batch path must fail on exactly these too
        return None


def test_in_process_batches_match_coding_each_text_alone(single) -> None:
    alone = [(d, events) for d in documents() if (events := code_alone(d)) is not None]
    assert [d.id for d, _ in single] == [d.id for d, _ in alone]  # input order kept
    assert as_set(single) == as_set(alone)
    assert sum(len(ev) for _, ev in single) >= len(documents()) // 2


def test_one_bad_document_never_stops_the_batch(single) -> None:
    docs = documents()
    docs.insert(2, Document("broken", None))  # type: ignore[arg-type]  # a caller's mistake
    failed = []
    result = list(
        code_documents(docs, batch_size=4, on_error=lambda d, why: failed.append((d.id, why)))
    )
    assert failed[0][0] == "broken" and "coding failed" in failed[0][1]
    assert as_set(result) == as_set(single)


def test_dask_cluster_of_two_workers_gives_identical_results(single) -> None:
    from distributed import Client, LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = list(
            code_documents(documents(), scheduler=cluster.scheduler_address, batch_size=2)
        )
        with Client(cluster) as client:
            loads = client.run(lambda: pipeline._coder.cache_info().misses)
    assert as_set(result) == as_set(single)
    assert sorted(d.id for d, _ in result) == sorted(d.id for d, _ in single)
    assert set(loads.values()) <= {0, 1}  # each worker built its Coder at most once
    assert sum(loads.values()) >= 1


def test_unreachable_scheduler_is_one_clear_sentence(monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "SCHEDULER_TIMEOUT", "1s")
    with pytest.raises(UserError, match="Cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        list(code_documents(documents(1), scheduler="tcp://127.0.0.1:9"))


def test_zero_workers_is_a_user_error() -> None:
    with pytest.raises(UserError, match="--workers"):
        list(code_documents(documents(1), workers=0))


# -- ingest and deduplication -----------------------------------------------------------

STORY = (
    "The foreign ministers of Norway and Chile met in Geneva on Tuesday to discuss a new "
    "fishing agreement. Officials from both countries said the talks were constructive and "
    "that a draft text could be ready by spring. The Chilean minister told reporters that his "
    "government wanted quotas set by independent scientists. Norway has pressed for a longer "
    "transition period for its northern fleets, according to a diplomat. Environmental groups "
    "protested outside the venue, demanding a moratorium on deep-sea trawling."
)
OTHER = (
    "Rebels attacked a police station in the north of the country on Monday, killing three "
    "officers, the interior ministry said. The government condemned the attack and promised to "
    "bring those responsible to justice. Talks between the rebels and the government collapsed "
    "last year after a dispute over prisoner releases."
)


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def wire_copies(tmp_path: Path) -> Path:
    """One story as four outlets ran it (verbatim, re-wrapped, with dateline and byline),
    and one unrelated story."""
    return write_jsonl(tmp_path / "wire.jsonl", [
        {"id": "hp-1", "text": STORY, "source": "Harbour Post", "date": "2023-02-07"},
        {"id": "fw-88", "text": STORY.replace(". ", ".\n\n"), "source": "Fjord Wire", "date": "2023-02-07"},
        {"id": "zd-3", "text": "GENEVA (Zephyr) - " + STORY + " Reporting by Ana Ruiz; editing by Tom Hale.",
         "source": "Zephyr Daily", "date": "2023-02-08"},
        {"id": "other-1", "text": OTHER, "source": "Harbour Post", "date": "2023-02-06"},
        {"id": "hp-1-again", "text": STORY, "source": "Harbour Post", "url": "https://hp.example/1"},
    ])  # fmt: skip


@pytest.mark.parametrize("batch_size", [1, 32])
def test_wire_copies_are_stored_once_with_every_outlet(tmp_path: Path, batch_size: int) -> None:
    with Store(tmp_path / "events.duckdb") as store:
        stats = ingest([wire_copies(tmp_path)], store, batch_size=batch_size)
        assert (stats.read, stats.new, stats.duplicates, stats.near_duplicates) == (5, 2, 2, 1)
        docs = {r["doc_id"]: r for r in store.rows("SELECT * FROM documents")}
        assert set(docs) == {"hp-1", "zd-3", "other-1"}
        assert (
            docs["zd-3"]["duplicate_of"] == docs["hp-1"]["content_hash"]
            and docs["zd-3"]["text"] is None
        )
        assert docs["zd-3"]["similarity"] >= 0.75
        outlets = [s["outlet"] for s in store.sources_of(docs["hp-1"]["content_hash"])]
        assert outlets == ["Fjord Wire", "Harbour Post", "Harbour Post", "Zephyr Daily"]
        coded = {r["doc_id"] for r in store.rows("SELECT DISTINCT doc_id FROM events")}
        assert coded <= {"hp-1", "other-1"} and "hp-1" in coded
        (n,) = store.con.execute("SELECT max(num_sources) FROM event_counts").fetchone()
        assert n == 3


def test_a_near_duplicate_arriving_in_a_later_run_joins_the_stored_story(tmp_path: Path) -> None:
    first = write_jsonl(
        tmp_path / "a.jsonl", [{"id": "hp-1", "text": STORY, "source": "Harbour Post"}]
    )
    variant = (
        STORY.replace("on Tuesday", "on Tuesday, Feb. 7,")
        + " The ministers will meet again in May."
    )
    later = write_jsonl(tmp_path / "b.jsonl", [{"id": "ks-4", "text": variant, "source": "Kestrel Times"},
                                               {"id": "other-1", "text": OTHER}])  # fmt: skip
    with Store(tmp_path / "events.duckdb") as store:
        ingest([first], store)
        stats = ingest([later], store)
        assert (stats.new, stats.near_duplicates) == (1, 1)
        (dup,) = store.rows("SELECT duplicate_of FROM documents WHERE doc_id = 'ks-4'")
        (orig,) = store.rows("SELECT content_hash FROM documents WHERE doc_id = 'hp-1'")
        assert dup["duplicate_of"] == orig["content_hash"]


def test_a_different_story_on_the_same_template_is_not_a_duplicate(tmp_path: Path) -> None:
    swapped = (STORY.replace("Norway", "Iceland").replace("Chilean", "Peruvian")
               .replace("Chile", "Peru").replace("Geneva", "Vienna").replace("Tuesday", "Friday")
               .replace("deep-sea trawling", "new oil licences"))  # fmt: skip
    path = write_jsonl(
        tmp_path / "two.jsonl", [{"id": "a", "text": STORY}, {"id": "b", "text": swapped}]
    )
    with Store(tmp_path / "events.duckdb") as store:
        stats = ingest([path], store)
    assert (stats.new, stats.near_duplicates) == (2, 0)
