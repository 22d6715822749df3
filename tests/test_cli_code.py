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
    assert code == 0 and "events from 1 document" in out
    code, out, _ = run(capsys, "code", str(story), "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("event_id,doc_id,sentence_index")


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
        ["code", "x.txt", "--format", "xml"],
        [],
    ],
)
def test_user_errors_exit_2_without_traceback(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith("thucydides: ") and "Traceback" not in err


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
