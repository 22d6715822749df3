"""`thucydides ingest`: mixed folders, reruns, kill -9 mid-run, workers, bad input."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_pipeline import SENTENCES

from thucydides.cli import main
from thucydides.commands.ingest import Progress
from thucydides.store import Store


def news(i: int) -> str:
    """Item i: two of our sentences, chosen and numbered so no two items are alike."""
    a, b = SENTENCES[i % len(SENTENCES)], SENTENCES[(i * 5 + 3) % len(SENTENCES)]
    return f"Bulletin {i}: {a} Item {i * 7919 % 1000} follows. {b}"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of mixed inputs: text files, JSONL with one broken line, a binary file."""
    root = tmp_path / "inbox"
    (root / "nested").mkdir(parents=True)
    (root / "one.txt").write_text(news(1), encoding="utf-8")
    (root / "nested" / "two.txt").write_text(news(2), encoding="utf-8")
    lines = [json.dumps({"id": f"j{i}", "text": news(i), "date": "2022-03-01"}) for i in (3, 4)]
    lines.insert(1, '{"id": "j-broken", "text": "no closing brace"')
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "photo.bin").write_bytes(bytes(range(256)) * 8)
    return root


def table(db: Path, sql: str) -> list[tuple]:
    with Store(db, read_only=True) as store:
        return store.con.execute(sql).fetchall()


def test_mixed_folder_fills_the_store_lists_skips_and_a_rerun_adds_nothing(
    folder, tmp_path, capsys
) -> None:
    db = tmp_path / "events.duckdb"
    assert main(["ingest", str(folder), "--db", str(db), "--skip-bad"]) == 0
    out = capsys.readouterr().out
    assert "Read 4 documents: 4 new, 0 duplicates" in out
    assert "2 skipped" in out and out.count("  skipped: ") == 2
    assert "feed.jsonl" in out and "photo.bin" in out
    snapshot = table(
        db, "SELECT content_hash, doc_id, n_events, ingested_at FROM documents ORDER BY 1"
    )
    events = table(db, "SELECT event_id, content_hash FROM events ORDER BY 1, 2")
    assert len(snapshot) == 4 and len(events) >= 4

    assert main(["ingest", str(folder), "--db", str(db), "--skip-bad"]) == 0
    assert "0 new, 4 duplicates" in capsys.readouterr().out
    assert (
        table(db, "SELECT content_hash, doc_id, n_events, ingested_at FROM documents ORDER BY 1")
        == snapshot
    )
    assert table(db, "SELECT event_id, content_hash FROM events ORDER BY 1, 2") == events


def test_bad_input_stops_with_one_sentence_unless_skip_bad(folder, tmp_path, capsys) -> None:
    db = tmp_path / "events.duckdb"
    assert main(["ingest", str(folder / "feed.jsonl"), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "feed.jsonl" in err and "--skip-bad" in err and err.count("\n") == 1
    assert table(db, "SELECT doc_id FROM documents") == [("j3",)]  # what came before is kept


def test_two_workers_store_what_one_process_stores(folder, tmp_path) -> None:
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    assert main(["ingest", str(folder), "--db", str(one), "--skip-bad"]) == 0
    assert (
        main(
            [
                "ingest",
                str(folder),
                "--db",
                str(two),
                "--skip-bad",
                "--workers",
                "2",
                "--batch-size",
                "1",
            ]
        )
        == 0
    )
    query = "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY content_hash"
    assert table(one, query) == table(two, query)
    events = "SELECT * FROM events ORDER BY content_hash, event_id"
    assert table(one, events) == table(two, events)


def test_kill_9_mid_run_then_rerun_loses_nothing_and_doubles_nothing(tmp_path) -> None:
    inbox = tmp_path / "many.jsonl"
    inbox.write_text(
        "".join(json.dumps({"id": f"n{i}", "text": news(i)}) + "\n" for i in range(200))
    )
    db, clean = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    cmd = [sys.executable, "-m", "thucydides.cli", "ingest", str(inbox), "--db", str(db),
           "--batch-size", "4", "--fast", "--progress"]  # fmt: skip
    proc = subprocess.Popen(
        cmd, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    seen, done, deadline = b"", 0, time.monotonic() + 120
    while done < 8 and time.monotonic() < deadline:
        chunk = os.read(proc.stderr.fileno(), 4096)
        assert chunk, f"ingest ended before it could be killed: {seen[-500:]!r}"
        seen += chunk
        counts = re.findall(rb"(?:\r|\] )(\d+)(?:/\d+)? docs ", seen)  # not the rate
        done = int(counts[-1]) if counts else 0
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL and 8 <= done < 200
    kept = table(db, "SELECT count(*) FROM documents")[0][0]
    assert done <= kept < 200  # progress counts committed batches only

    assert main(["ingest", str(inbox), "--db", str(db), "--fast"]) == 0
    assert main(["ingest", str(inbox), "--db", str(clean), "--fast"]) == 0
    query = "SELECT content_hash, doc_id, n_events FROM documents ORDER BY 1"
    assert table(db, query) == table(clean, query)
    events = "SELECT event_id, content_hash, cameo_code FROM events ORDER BY 1, 2"
    assert table(db, events) == table(clean, events)
    assert table(db, "SELECT count(*) - count(DISTINCT (event_id, content_hash)) FROM events") == [
        (0,)
    ]


def test_progress_line_shows_rate_and_eta() -> None:
    import io

    bar = Progress([], io.StringIO())
    bar.total = 200
    line = bar.line(50, 10.0)
    assert line.startswith("[#####") and "50/200 docs" in line and "5.0 docs/s" in line
    assert "ETA 0:00:30" in line


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["{tmp}/absent.txt"], "does not exist"),
        (["{folder}", "--db", "{tmp}/no/dir/e.duckdb"], "does not exist"),
        (["{folder}", "--workers", "0"], "--workers must be 1 or more"),
        (["{folder}", "--scheduler", "localhost:8786"], "tcp://HOST:PORT"),
        (["{folder}", "--batch-size", "0"], "--batch-size must be 1 or more"),
        (["{folder}", "--date", "06/01/2025"], "write a day as YYYY-MM-DD"),
    ],
)
def test_bad_arguments_are_one_sentence_and_exit_2(folder, tmp_path, capsys, argv, message) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)).replace("{folder}", str(folder)) for a in argv]
    if "--db" not in argv:
        argv += ["--db", str(tmp_path / "e.duckdb")]
    assert main(["ingest", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_undated_documents_are_counted_and_date_fills_them(tmp_path, capsys) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "wire.txt").write_text("LIMA, May 4 (AP) - Peru expelled a Chilean diplomat.")
    (inbox / "note.txt").write_text("Chile recalled its ambassador from Peru.")
    db = tmp_path / "events.duckdb"
    assert main(["ingest", str(inbox), "--db", str(db), "--fast"]) == 0
    out = capsys.readouterr().out
    assert "Read 2 documents: 2 new, 0 duplicates, 0 near-duplicates, 0 skipped;" in out
    assert (
        "  warning: 2 of 2 documents have no date; their events are undated (give --date or a "
        "Date: line). 1 of them has a dateline date without a year ('May 4'); --date gives it "
        "the year.\n"
    ) in out
    assert table(db, "SELECT count(*) FROM events WHERE date IS NOT NULL") == [(0,)]
    db2 = tmp_path / "dated.duckdb"
    assert main(["ingest", str(inbox), "--db", str(db2), "--fast", "--date", "2025-05-06"]) == 0
    assert "warning" not in capsys.readouterr().out
    dates = table(db2, "SELECT doc_id, pub_date FROM documents ORDER BY doc_id")
    assert dates == [
        (str(inbox / "note.txt"), "2025-05-06"),
        (str(inbox / "wire.txt"), "2025-05-04"),
    ]
    assert table(db2, "SELECT count(*) FROM events WHERE date IS NULL") == [(0,)]


def test_one_document_summary_is_in_the_singular(tmp_path, capsys) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Date: 2025-05-05\n\nChile recalled its ambassador from Peru.")
    assert main(["ingest", str(path), "--db", str(tmp_path / "e.duckdb"), "--fast"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Read 1 document: 1 new, 0 duplicates, 0 near-duplicates, 0 skipped;")
    assert "now holds 1 story (0 near-duplicates, 1 article)" in out and "warning" not in out
