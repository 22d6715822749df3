"""Whole-story evaluation on stories and events written for these tests, with answers worked
out by hand: the pairing rules, what counts, the figures, reading both gold forms, the
command (with a stand-in coder) and scripts/story_gold.py."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from thucydides.cli import main
from thucydides.evaluate import stories as st
from thucydides.evaluate.errors import story_events
from thucydides.evaluate.run import evaluate, read_gold
from thucydides.evaluate.stored import StoredTypeProbabilities
from thucydides.evaluate.story_gold import find_span, story_from_raw
from thucydides.model import Actor, Event, Trigger, event_from_dict
from thucydides.ontology import cameo_record

TEXT = (
    "Ministers Meet In Valletta\n\n"
    "The Maltese and Tunisian foreign ministers met in Valletta on Monday and signed a "
    "fishing accord. "
    "Tunisian coast guards later seized two Maltese trawlers, the ministry said. "
    "The weather was mild all week. "
    "Maltese fishermen protested outside the ministry on Tuesday."
)
S_MEET = TEXT.index("The Maltese")
S_SEIZE = TEXT.index("Tunisian coast")
S_WEATHER = TEXT.index("The weather")
S_PROTEST = TEXT.index("Maltese fishermen")


def sentence_at(start: int) -> str:
    end = TEXT.find(". ", start)
    return TEXT[start : end + 1] if end >= 0 else TEXT[start:]


def gold_event(start, trigger, cameo, plover, src, tgt, modality="actual") -> dict:
    return {
        "sentence": sentence_at(start),
        "trigger": trigger,
        "cameo": cameo,
        "plover": plover,
        "source": None,
        "source_code": src,
        "target": None,
        "target_code": tgt,
        "modality": modality,
        "date": None,
        "note": None,
    }


GOLD_EVENTS = [
    gold_event(S_MEET, "met", "040", "CONSULT", "MLTGOV", "TUNGOV"),
    gold_event(S_MEET, "signed", "057", "AGREE", "MLTGOV", "TUNGOV"),
    gold_event(S_SEIZE, "seized", "171", "COERCE", "TUNMIL", "MLTBUS"),
    gold_event(S_PROTEST, "protested", "141", "PROTEST", "MLTCVL", "MLTGOV"),
    gold_event(S_PROTEST, "protested", "141", "PROTEST", "MLTCVL", None, "intended"),
]


def story_row(events=None, sid="s1", **extra) -> dict:
    row = {"id": sid, "set": "toy", "title": "t", "text": TEXT, "date": "2024-05-06"}
    return row | {"url": None, "events": GOLD_EVENTS if events is None else events} | extra


def coded(
    word: str,
    code: str,
    src: str | None,
    tgt: str | None,
    conf: float = 0.5,
    modality: str = "actual",
    polarity: str = "asserted",
    after: int = 0,
    text: str = TEXT,
) -> dict:
    """A coded event record shaped like the coder's, its trigger `word` found in `text`."""
    start = text.index(word, after)
    cameo, plover = cameo_record(code)
    actor = lambda c: Actor("x", 0, 1, code=c) if c else None  # noqa: E731
    return Event(
        doc_id="s1",
        sentence_index=0,
        sentence="",
        trigger=Trigger(word, start, start + len(word)),
        cameo=cameo,
        plover=plover,
        source=actor(src),
        target=actor(tgt),
        modality=modality,
        polarity=polarity,
        confidence=conf,
    ).to_dict()


def score(events, gold=None, text=TEXT):
    return st.score_story(story_from_raw(story_row(gold) | {"text": text}, text), events)


# --- rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "prefix"),
    [
        ("USAGOV", "USA"),
        ("LEG", "---"),  # a role with no country
        ("---LEG", "---"),
        ("REB", "---"),
        (None, "---"),  # a missing code
        ("", "---"),
        ("IGOUNO", "IGO"),
        ("NGOHRI", "NGO"),  # international prefixes are not roles
        ("rusmil", "RUS"),
    ],
)
def test_actor_prefix(code, prefix):
    assert st.actor_prefix(code) == prefix


def test_role_codes_without_country_agree_with_dashes_and_missing_codes():
    gold = [gold_event(S_PROTEST, "protested", "141", "PROTEST", "---CVL", None)]
    s = score([coded("protested", "141", "CVL", "---")], gold)
    assert len(s.pairs["triple"]) == 1


def test_greedy_pairing_prefers_overlapping_triggers_and_counts_do_not_depend_on_order():
    gold = [
        gold_event(S_MEET, "met", "040", "CONSULT", "MLTGOV", "TUNGOV"),
        gold_event(S_MEET, "signed", "043", "CONSULT", "MLTGOV", "TUNGOV"),
    ]
    events = [
        coded("met", "040", "MLTGOV", "TUNGOV", conf=0.4),  # same key as both gold events
        coded("signed", "042", "MLTGOV", "TUNGOV", conf=0.9),
        coded("Valletta on", "040", "MLTGOV", "TUNGOV", conf=0.8),  # a third: one too many
    ]
    s = score(events, gold)
    # "signed" (conf 0.9) overlaps gold 2 and "met" gold 1; the third is spurious
    assert s.pairs["triple"] == [(0, 0), (1, 1)]
    assert s.prf("triple") == st.PRF(2, 3, 2)
    shuffled = score([events[2], events[0], events[1]], gold)
    assert shuffled.prf("triple") == st.PRF(2, 3, 2)
    # without overlapping triggers the more confident event takes the first gold event
    far = [
        coded("Valletta on", "040", "MLTGOV", "TUNGOV", 0.2),
        coded("Monday", "043", "MLT", "TUN", 0.7),
    ]
    assert score(far, gold).pairs["triple"] == [(0, 1), (1, 0)]


def test_pairing_stays_inside_a_gold_sentence_and_events_elsewhere_are_spurious():
    events = [
        coded("seized", "171", "MLTGOV", "TUNGOV"),  # right key of a meet event, wrong sentence
        coded("weather", "040", "MLTGOV", "TUNGOV"),  # a sentence with no gold event
        coded("Ministers", "040", "MLTGOV", "TUNGOV"),  # the headline: no gold sentence at all
    ]
    s = score(events)
    assert s.pairs["triple"] == [] and s.pairs["root"] == [(0, 2)]
    assert s.where == [(S_SEIZE, S_WEATHER - 1), None, None]


def test_only_actual_gold_and_actual_asserted_coded_events_count():
    events = [
        coded("protested", "141", "MLTCVL", "MLTGOV", conf=0.9),
        coded("protested", "141", "MLTCVL", None, modality="intended"),
        coded("signed", "057", "MLTGOV", "TUNGOV", polarity="negated"),
        coded("met", "040", "MLTGOV", "TUNGOV", modality="hypothetical"),
    ]
    s = score(events)
    assert len(s.gold) == 4 and len(s.coded) == 1 and s.uncounted == 3
    assert s.prf("triple") == st.PRF(1, 1, 4)


def test_root_and_plover_pair_on_their_key_alone():
    events = [
        coded("met", "036", "MLTGOV", "TUNGOV"),  # root 03 (AGREE): neither pairs with 040
        coded("signed", "057", "TUNGOV", "MLTGOV"),  # actors swapped: root and PLOVER pair
        coded("seized", "173", "TUNMIL", "MLTBUS"),  # 17 COERCE: triple pairs
        coded("protested", "145", "MLTCVL", "MLTGOV"),  # 14 PROTEST: triple pairs
    ]
    s = score(events)
    assert s.prf("triple") == st.PRF(2, 4, 4)
    assert s.prf("root") == st.PRF(3, 4, 4) and s.prf("root").f1 == pytest.approx(0.75)
    # PLOVER: 036 is AGREE, the type this gold gives the signing, so it pairs there though
    # its root does not; the coded 057 is SUPPORT and pairs with nothing
    assert s.pairs["plover"] == [(0, 1), (2, 2), (3, 3)]
    # over the 3 root pairs: the swapped actors get neither prefix right
    assert s.prefix_agreement() == (3, 2, 2)


def test_statements_without_plover_type_agree_on_plover():
    gold = [gold_event(S_SEIZE, "said", "010", None, "MLTGOV", None)]
    s = score([coded("said", "012", "MLTGOV", None)], gold)
    assert len(s.pairs["plover"]) == 1 and len(s.pairs["root"]) == 1


# --- a set --------------------------------------------------------------------------------


def test_set_figures_volume_empty_stories_prefixes_and_unfound_sentences():
    other = "Rebels Shell Port\n\nRebels shelled the port at dawn.  Nobody was hurt."
    lost = gold_event(S_SEIZE, "seized", "171", "COERCE", "TUNMIL", "MLTBUS")
    lost["sentence"] = "Tunisian coast guards seized two trawlers."  # not in the text
    stories = [
        story_from_raw(story_row(), TEXT),
        story_from_raw(story_row([], sid="empty") | {"text": other}, other),
        story_from_raw(story_row([lost], sid="lost"), TEXT),
    ]
    preds = [
        [
            coded("met", "040", "MLTGOV", "TUNGOV"),
            coded("signed", "057", "MLTGOV", "ITA"),  # root pair, target prefix wrong
            coded("seized", "171", "---MIL", "MLTBUS"),  # root pair, source prefix wrong
        ],
        [coded("shelled", "195", "REB", None, text=other)],
        [coded("seized", "171", "TUNMIL", "MLTBUS")],
    ]
    r = st.score_stories("toy", stories, preds)
    # story 1: met pairs on triples; met, signed, seized on roots. "empty": 1 coded, no gold.
    # "lost": its gold sentence is not found, so its event is missed and the coded one spurious
    assert r.prf["triple"] == st.PRF(1, 5, 5)
    assert r.prf["root"] == st.PRF(3, 5, 5)
    assert (r.volume.value, r.volume.n) == (1.0, 5)
    assert (r.empty_stories, r.empty_story_events) == (1, 1)
    assert (r.source_prefix.value, r.source_prefix.n) == (pytest.approx(2 / 3), 3)
    assert r.target_prefix.value == pytest.approx(2 / 3)
    assert (r.unfound_sentences, r.unfound_events) == (1, 1)
    assert stories[2].unfound == [lost["sentence"]]


def test_copied_sentences_are_found_despite_white_space_and_quotes_and_in_order():
    text = "He said \u201cno\u201d twice. Then he left.\nHe said \u201cno\u201d twice."
    assert find_span(text, 'He said "no"  twice.') == (0, 19)
    said = dict(gold_event(0, "said", "012", None, "USA", None), sentence="He said “no” twice.")
    left = dict(said, sentence="Then he left.", trigger="left")
    s = story_from_raw({"id": "r", "events": [said, dict(said), left, dict(said)]}, text)
    # two events of one sentence share it; the repeat after "Then he left." finds its own
    assert [e.sentence for e in s.events] == [(0, 19), (0, 19), (20, 33), (34, 53)]
    assert [e.trigger for e in s.events] == [(3, 7), (3, 7), (28, 32), (37, 41)]


def test_errors_list_matched_missed_and_spurious_in_story_order():
    events = [
        coded("protested", "141", "MLTCVL", "MLTGOV", conf=0.9),
        coded("weather", "190", "MLT", "TUN", conf=0.3),
        coded("met", "040", "MLTGOV", "TUNGOV", conf=0.7),
    ]
    items = story_events(score(events))
    kinds = [
        (i["kind"], i["gold"]["trigger"] if i["gold"] else i["coded"]["trigger"]) for i in items
    ]
    assert kinds == [
        ("matched", "met"),
        ("missed", "signed"),
        ("missed", "seized"),
        ("spurious", "weather"),
        ("matched", "protested"),
    ]
    assert items[0]["correct"] is True and items[0]["confidence"] == 0.7
    assert items[3]["correct"] is False and items[3]["in_gold_sentence"] is False
    assert items[1]["root_paired"] is False and items[1]["sentence"] == sentence_at(S_MEET)


# --- reading, the command, the script ---------------------------------------------------------


class StoryCoder:
    """Codes every occurrence of the words it was given, with document offsets."""

    WORDS = {"met": ("040", "MLTGOV", "TUNGOV", 0.8), "seized": ("171", "TUNMIL", "MLT", 0.6)}
    fast = True

    def code(self, text, date=None, doc_id="doc"):
        out = []
        for word, (code, src, tgt, conf) in self.WORDS.items():
            at = text.find(word)
            while at >= 0:
                out.append(event_from_dict(coded(word, code, src, tgt, conf, after=at, text=text)))
                at = text.find(word, at + 1)
        return out

    def code_documents(self, docs, batch_size=32):
        for doc in docs:
            yield doc, self.code(doc.text, doc.date, doc.id)


@pytest.fixture
def stand_in(monkeypatch):
    monkeypatch.setattr(
        "thucydides.commands.eval.make_coder",
        lambda fast, probabilities=None, stories=False: StoryCoder(),
    )


def write(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def offset_row(sid="s1") -> dict:
    """The story's gold in the offset-only form, written by hand."""
    m = TEXT.index("met")
    sentence = (S_MEET, S_SEIZE - 1)
    return {
        "id": sid,
        "date": "2024-05-06",
        "events": [
            {
                "sentence_start": sentence[0],
                "sentence_end": sentence[1],
                "trigger_start": m,
                "trigger_end": m + 3,
                "source_start": None,
                "source_end": None,
                "target_start": None,
                "target_end": None,
                "cameo": "040",
                "plover": "CONSULT",
                "source_code": "MLTGOV",
                "target_code": "TUNGOV",
                "modality": "actual",
                "date": None,
                "note": None,
            }
        ],
    }


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
    ],
)
def test_offset_gold_without_its_text_is_one_sentence(tmp_path, stand_in, capsys, texts, message):
    gold = write(tmp_path / "mine.jsonl", [offset_row()])
    argv = ["eval", str(gold)]
    path = tmp_path / "texts.jsonl"
    if texts == "not json":
        path.write_text("{\n", encoding="utf-8")
    elif texts is not None:
        write(path, texts)
    if texts is not None:
        argv += ["--texts", str(path)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"thucydides: {message.format(gold=gold, texts=path)}")
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


def test_evaluate_with_story_files_only_needs_no_sentence_coder(tmp_path):
    path = write(tmp_path / "s.jsonl", [story_row()])
    evaluation = evaluate([read_gold(path)], None, StoryCoder())
    assert evaluation.sets == [] and evaluation.n_stories == 1
    r = evaluation.stories[0].result
    # met -> CONSULT pairs (triple); seized: TUNMIL -> MLT: the target prefix MLT agrees
    assert r.prf["triple"] == st.PRF(2, 2, 4)
