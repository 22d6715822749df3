"""Story gold in both forms: locating copied text, reading story files (bad stories are
counted skips), offset-only gold with --texts through `thucydides eval` (a stand-in
coder), stored probabilities for story sentences, and scripts/story_gold.py."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from _stories import (
    GOLD_EVENTS,
    TEXT,
    StoryCoder,
    gold_event,
    offset_row,
    story_row,
    write,
)

from thucydides.cli import main
from thucydides.evaluate.run import read_gold
from thucydides.evaluate.stored import StoredTypeProbabilities
from thucydides.evaluate.story_gold import find_span, story_from_raw


def test_copied_sentences_are_found_despite_white_space_and_quotes_and_in_order():
    text = "He said \u201cno\u201d twice. Then he left.\nHe said \u201cno\u201d twice."
    assert find_span(text, 'He said "no"  twice.') == (0, 19)
    said = dict(gold_event(0, "said", "012", None, "USA", None), sentence="He said “no” twice.")
    left = dict(said, sentence="Then he left.", trigger="left")
    s = story_from_raw({"id": "r", "events": [said, dict(said), left, dict(said)]}, text)
    # two events of one sentence share it; the repeat after "Then he left." finds its own
    assert [e.sentence for e in s.events] == [(0, 19), (0, 19), (20, 33), (34, 53)]
    assert [e.trigger for e in s.events] == [(3, 7), (3, 7), (28, 32), (37, 41)]


@pytest.fixture
def stand_in(monkeypatch):
    monkeypatch.setattr(
        "thucydides.commands.eval.make_coder",
        lambda fast, probabilities=None, stories=False: StoryCoder(),
    )


def test_a_file_of_stories_is_read_as_stories_and_bad_stories_are_counted_skips(tmp_path):
    no_modality = [dict(GOLD_EVENTS[0], modality=None)]
    path = write(
        tmp_path / "stories.jsonl",
        [story_row(), story_row(no_modality, sid="b1"), story_row(["x"], sid="b2")],
    )
    with path.open("a", encoding="utf-8") as fh:
        fh.write("{oops\n")
    gold = read_gold(path)
    assert [s.id for s in gold.stories] == ["s1"] and gold.sentences == []
    assert gold.problems == [
        f"{path} line 4: not valid JSON (Expecting property name enclosed in double quotes)",
        f'{path} line 2: event 1 has no "modality" among actual, intended, hypothetical, '
        "negated; story skipped",
        f"{path} line 3: event 1 is not a JSON object; story skipped",
    ]


def test_eval_scores_offset_only_gold_with_texts(tmp_path, stand_in, capsys):
    gold = write(tmp_path / "mine.jsonl", [offset_row()])
    texts = write(tmp_path / "texts.jsonl", [{"id": "s1", "text": TEXT, "title": "t"}])
    report = tmp_path / "r.md"
    assert main(["eval", str(gold), "--texts", str(texts), "--report", str(report)]) == 0
    out = capsys.readouterr().out
    # gold: one meeting; coded: "met" (right) and "seized" (no gold sentence) -> P 1/2, R 1/1
    assert "mine: 1 stories, 1 gold actual events, 2 coded events counted" in out
    assert "triple      0.500  1.000  0.667" in out
    assert "volume ratio 2.00" in out
    text = report.read_text()
    assert "| s1 | 1 | 2 | 0.500 | 1.000 | 0.667 | 0.667 |" in text
    (record,) = [
        json.loads(x) for x in (tmp_path / "eval-story-errors.jsonl").read_text().splitlines()
    ]
    assert [e["kind"] for e in record["events"]] == ["matched", "spurious"]
    assert record["events"][0]["coded"]["confidence"] == 0.8


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        (None, "Story s1 ({gold} line 1) has no text: give the story texts with --texts FILE."),
        ([{"id": "other", "text": "x"}], "Story s1 ({gold} line 1) is not in the --texts file."),
        ("not json", "{texts} line 1 is not a story record"),
        ("absent", "The story texts file {texts} does not exist."),
        # regression: a folder given as --texts was a traceback
        ("a folder", "The story texts file {texts} is a directory, not a file."),
        ("folder", "Cannot write --story-errors {tmp}/no/e.jsonl: the folder {tmp}/no does not"),
    ],
)
def test_offset_gold_without_its_text_is_one_sentence(tmp_path, stand_in, capsys, texts, message):
    gold = write(tmp_path / "mine.jsonl", [offset_row()])
    argv = ["eval", str(gold)]
    path = tmp_path / "texts.jsonl"
    if texts == "not json":
        path.write_text("{\n", encoding="utf-8")
    elif texts == "a folder":
        path.mkdir()
    elif texts == "folder":
        argv += ["--story-errors", str(tmp_path / "no" / "e.jsonl")]
    elif isinstance(texts, list):
        write(path, texts)
    if texts not in (None, "folder"):
        argv += ["--texts", str(path)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"thucydides: {message.format(gold=gold, texts=path, tmp=tmp_path)}")
    assert err.count("\n") == 1


def test_offsets_outside_the_text_are_a_counted_skip(tmp_path, stand_in, capsys):
    bad = offset_row("s1")
    bad["events"][0]["sentence_end"] = len(TEXT) + 5
    gold = write(tmp_path / "mine.jsonl", [bad, offset_row("s2")])
    texts = write(tmp_path / "t.jsonl", [{"id": "s1", "text": TEXT}, {"id": "s2", "text": TEXT}])
    assert main(["eval", str(gold), "--texts", str(texts)]) == 0
    out, err = capsys.readouterr()
    assert "event 1 has sentence offsets" in err and "story skipped" in err
    assert "mine: 1 stories" in out


def test_stories_and_sentences_in_one_run(tmp_path, stand_in, capsys):
    sentences = write(
        tmp_path / "sent.jsonl",
        [{"id": "a", "text": "Envoys met.", "events": [{"plover": "CONSULT"}]}],
    )
    stories = write(tmp_path / "stories.jsonl", [story_row()])
    assert main(["eval", str(sentences), str(stories), "--errors", str(tmp_path / "e.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "1 sentences coded" in out and "1 stories coded" in out
    assert (tmp_path / "eval-story-errors.jsonl").exists()


def test_stored_probabilities_fall_back_for_story_sentences(tmp_path):
    class Model:
        name = "shipped"

        def type_probabilities(self, sentences):
            return [{"PROTEST": 1.0} for _ in sentences]

    path = write(
        tmp_path / "p.jsonl", [{"text": "A b.", "probs": {"ASSAULT": 0.9, "PROTEST": 0.1}}]
    )
    stored = StoredTypeProbabilities(path, fallback=Model())
    probs = stored.type_probabilities(["A b.", "C d.", "E f."])
    assert probs[0]["ASSAULT"] == pytest.approx(0.9) and probs[1:] == [{"PROTEST": 1.0}] * 2
    assert (stored.fallbacks, stored.lookups) == (2, 3) and stored.name.endswith("else shipped")


def _script():
    path = Path(__file__).parents[1] / "scripts" / "story_gold.py"
    spec = importlib.util.spec_from_file_location("story_gold_script", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pack_writes_no_story_text_and_unpack_gives_the_records_back(tmp_path, capsys):
    script = _script()
    events = [dict(e) for e in GOLD_EVENTS]
    events[2] |= {"source": "Tunisian coast guards", "target": "two Maltese trawlers"}
    events[3] |= {"source": "they"}  # not in the text: null offsets, named
    lost = dict(GOLD_EVENTS[0], sentence="A sentence the story does not hold.")
    raw = write(tmp_path / "raw.jsonl", [story_row(events + [lost])])
    texts = write(tmp_path / "texts.jsonl", [{"id": "s1", "text": TEXT, "title": "T"}])
    packed = tmp_path / "packed.jsonl"
    assert script.main(["pack", str(raw), "--texts", str(texts), "--out", str(packed)]) == 0
    out, err = capsys.readouterr()
    assert "1 stories, 5 of 6 events (1 left out" in out
    assert "event 6: sentence 'A sentence the story does not hold.' not in the story text" in err
    assert "event 4: source 'they' not found" in err
    content = packed.read_text()
    for piece in ("Maltese", "ministers", "seized", "Valletta"):
        assert piece not in content
    (record,) = [json.loads(x) for x in content.splitlines()]
    assert record["events"][2]["source_start"] == TEXT.index("Tunisian coast")
    back = tmp_path / "back.jsonl"
    assert script.main(["unpack", str(packed), "--texts", str(texts), "--out", str(back)]) == 0
    (story,) = [json.loads(x) for x in back.read_text().splitlines()]
    assert story["text"] == TEXT and story["title"] == "T"
    expected = [dict(e) for e in events]
    expected[3]["source"] = None
    assert story["events"] == expected


def test_pack_bad_input_is_one_sentence(tmp_path, capsys):
    script = _script()
    texts = write(tmp_path / "texts.jsonl", [{"id": "s1", "text": TEXT}])
    argv = [
        "pack",
        str(tmp_path / "absent.jsonl"),
        "--texts",
        str(texts),
        "--out",
        str(tmp_path / "o"),
    ]
    assert script.main(argv) == 2
    assert capsys.readouterr().err == f"story_gold: {tmp_path / 'absent.jsonl'} does not exist.\n"
