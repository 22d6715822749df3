"""`thucydides code`: outputs, and every bad input a user can give."""

import json
import time

import pytest

from thucydides.cli import main

STORY = (
    "Chile recalled its ambassador from Peru on Monday.\n\n"
    "Peruvian police arrested three protesters in Lima.\n"
)


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_output_is_the_record(capsys, story):
    code, out, err = run(capsys, "code", str(story), "--date", "2020-03-04", "--format", "jsonl")
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert records, "the story has events"
    for rec in records:
        assert rec["doc_id"] == str(story)
        assert STORY[rec["trigger"]["start"] : rec["trigger"]["end"]] == rec["trigger"]["text"]
        assert rec["cameo"]["code"][:2] == rec["cameo"]["root"]


def test_table_and_csv_formats(capsys, story):
    code, out, _ = run(capsys, "code", str(story), "--format", "table")
    assert code == 0 and out.rstrip().endswith(" events from 1 document")
    code, out, _ = run(capsys, "code", str(story), "--format", "csv")
    header = out.splitlines()[0]
    assert code == 0 and header.startswith("event_id,doc_id,sentence_index")
    assert header.endswith(",evidence_roles,evidence_mood,intent_of,refusal_of")


def test_empty_input_gives_no_events_and_exit_0(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, _ = run(capsys, "code", str(empty), "--format", "jsonl")
    assert code == 0 and out == ""


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"\x00\x01\x02binary\x00" * 50, "binary"),
        (("Le pr\u00e9sident a visit\u00e9 Paris. " * 20).encode("latin-1"), "UTF-8"),
    ],
)
def test_bad_file_is_one_sentence_and_exit_2(capsys, tmp_path, content, needle):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, _, err = run(capsys, "code", str(bad))
    assert code == 2
    assert needle in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_malformed_jsonl_names_the_line_and_skip_bad_codes_the_rest(capsys, tmp_path):
    path = tmp_path / "in.jsonl"
    good = json.dumps({"id": "a", "text": "Chile recalled its ambassador from Peru."})
    path.write_text(good + "\n{not json\n" + good.replace('"a"', '"b"') + "\n")
    code, _, err = run(capsys, "code", str(path), "--format", "jsonl")
    assert code == 2 and "line 2" in err
    code, out, err = run(capsys, "code", str(path), "--format", "jsonl", "--skip-bad")
    assert code == 0 and "skipped" in err
    assert {json.loads(line)["doc_id"] for line in out.splitlines()} == {"a", "b"}


@pytest.mark.parametrize(
    "argv",
    [
        ["code", "/no/such/file.txt"],
        ["code", "x.txt", "--bogus"],
        ["code", "-", "--date", "yesterday-ish"],
        ["code", "-", "--date", "06/01/2025"],  # June 1 or January 6: refused, never guessed
        ["code", "-", "--date", "2025-06"],
        ["ingest", "-", "--date", "06/01/2025"],
        ["actors", "lookup", "Chile", "--date", "20250601"],
        ["code", "x.txt", "--format", "xml"],
        [],
    ],
)
def test_user_errors_exit_2_without_traceback(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith("thucydides: ") and "Traceback" not in err and err.count("\n") == 1


def test_stdin(capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(STORY.encode("utf-8"))))
    code, out, _ = run(capsys, "code", "-", "--format", "jsonl")
    assert code == 0 and out.strip()


def test_absurd_run_on_sentence_does_not_stall(capsys, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(" ".join(["the rebels attacked the town and"] * 1000))  # ~6,000 words
    start = time.perf_counter()
    code, _, _ = run(capsys, "code", str(path), "--format", "jsonl", "--fast")
    assert code == 0
    assert time.perf_counter() - start < 60


def test_undated_documents_are_counted_in_one_warning_line(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("Chile recalled its ambassador from Peru.")
    (tmp_path / "b.txt").write_text("LIMA, May 4 (AP) - Peru expelled a Chilean diplomat.")
    (tmp_path / "c.txt").write_text("Date: 2025-05-05\n\nPeru expelled a Chilean diplomat.")
    code, out, err = run(capsys, "code", str(tmp_path), "--format", "jsonl", "--fast")
    assert code == 0
    dates = {json.loads(line)["doc_id"].rsplit("/", 1)[1]: json.loads(line)["date"]
             for line in out.splitlines()}  # fmt: skip
    assert dates == {"a.txt": None, "b.txt": None, "c.txt": "2025-05-05"}
    assert err == (
        "thucydides: 2 of 3 documents have no date; their events are undated (give --date or a "
        "Date: line). 1 of them has a dateline date without a year ('May 4'); --date gives it "
        "the year.\n"
    )
    code, out, err = run(capsys, "code", str(tmp_path), "--format", "jsonl", "--fast",
                         "--date", "2025-05-06")  # fmt: skip
    dates = {json.loads(line)["doc_id"].rsplit("/", 1)[1]: json.loads(line)["date"]
             for line in out.splitlines()}  # fmt: skip
    assert dates == {"a.txt": "2025-05-06", "b.txt": "2025-05-04", "c.txt": "2025-05-05"}
    assert err == ""


@pytest.mark.parametrize("command", [["code"], ["ingest", "--db", "x.duckdb"]])
def test_an_empty_folder_is_an_error_not_silence(capsys, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / ".hidden").write_text("Chile recalled its envoy.")
    code, out, err = run(capsys, command[0], "inbox", *command[1:])
    assert code == 2 and out == "" and not (tmp_path / "x.duckdb").exists()
    assert err == "thucydides: No documents found: the folder inbox holds no files to read.\n"


def test_no_table_header_when_the_only_input_failed(capsys, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary\x00" * 50)
    code, out, err = run(capsys, "code", str(bad), "--fast")
    assert code == 2 and out == "" and "binary" in err
    code, out, _ = run(capsys, "code", str(bad), "--fast", "--skip-bad")
    assert code == 0 and out.strip() == "0 events from 0 documents"
    code, out, _ = run(capsys, "code", str(bad), "--fast", "--skip-bad", "--format", "csv")
    assert code == 0 and out.startswith("event_id,") and len(out.splitlines()) == 1


def test_one_event_one_document_in_the_singular(capsys, tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Chile recalled its ambassador from Peru.")
    code, out, _ = run(capsys, "code", str(path), "--fast")
    assert code == 0 and out.rstrip().endswith("\n1 event from 1 document")


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("thucydides ")


@pytest.mark.parametrize("command", [["series"], ["top"], ["network"], ["plot", "-o", "t.png"]])
def test_analysis_commands_default_to_events_duckdb(capsys, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *command)
    assert code == 2 and "no database at events.duckdb" in err and err.count("\n") == 1


def test_top_takes_n_as_the_api_does(capsys, tmp_path, monkeypatch):
    from _seed_db import build_store

    monkeypatch.chdir(tmp_path)
    build_store(tmp_path / "events.duckdb")
    for flag in ("-n", "--n"):
        code, out, _ = run(capsys, "top", flag, "2", "--format", "csv")
        assert code == 0 and len(out.splitlines()) == 3  # header and two rows
