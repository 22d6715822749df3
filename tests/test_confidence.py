"""`confidence`: the probability that a record is right, its shipped fit, the order it keeps
within a sentence, and the --min-confidence threshold of code, ingest and eval."""

import json

import pytest

from thucydides.cli import main
from thucydides.coder import Coder
from thucydides.evaluate.run import describe
from thucydides.events import combine
from thucydides.events import confidence as cm
from thucydides.model import Actor

TEXT = (
    "Kenya accused Uganda of shelling a border village on Tuesday.\n\n"
    "Police arrested dozens of demonstrators, and officials urged calm.\n"
)


@pytest.fixture(scope="module")
def fast_coder():
    return Coder(fast=True, min_confidence=0.0)


def candidate(**changes) -> combine.Candidate:
    fields = dict(
        token=1, object_token=None, code="112", kind="verb", text="accused", start=6,
        end=13, rule="verbs/accuse.yaml:accuse", model="event-type-v1", specificity=2,
        p_model=0.7,
    )  # fmt: skip
    return combine.Candidate(**(fields | changes))


KENYA = Actor("Kenya", 0, 5, code="KEN", country="KEN", via="dictionary")
UGANDA = Actor("Uganda", 14, 20, code="UGA", country="UGA", via="dictionary")
NAMELESS = Actor("the group", 0, 9)
POLICE = Actor("Police", 0, 6, code="COP", via="dictionary")


def test_confidence_is_a_probability_on_every_event(fast_coder):
    events = fast_coder.code(TEXT, "2024-05-07")
    assert len(events) >= 2
    assert all(0.0 <= e.confidence <= 1.0 for e in events)


def test_both_actors_coded_scores_above_the_same_record_without():
    cand = candidate()
    both = combine.confidence(cand, KENYA, UGANDA)
    assert both > combine.confidence(cand, KENYA, None)
    assert both > combine.confidence(cand, KENYA, NAMELESS)
    assert combine.confidence(cand, KENYA, None) > combine.confidence(cand, NAMELESS, None)
    assert combine.confidence(cand, NAMELESS, None) >= combine.confidence(cand, None, None)
    # a role with no country is not a scored prefix: no better than no code at all
    assert combine.confidence(cand, POLICE, UGANDA) < both


def test_a_pattern_and_a_surer_model_score_above_the_model_alone():
    pattern = candidate()
    model_alone = candidate(rule=None, specificity=0)
    assert combine.confidence(pattern, KENYA, UGANDA) > combine.confidence(
        model_alone, KENYA, UGANDA
    )
    sure, unsure = candidate(p_model=0.95), candidate(p_model=0.2)
    assert combine.confidence(sure, KENYA, UGANDA) > combine.confidence(unsure, KENYA, UGANDA)


def test_the_fit_is_loaded_once(fast_coder):
    cm.load.cache_clear()
    fast_coder.code(TEXT)
    fast_coder.code(TEXT)
    info = cm.load.cache_info()
    assert info.misses == 1 and info.hits >= 2


def test_the_shipped_fit_names_every_feature_and_a_threshold_in_range():
    from importlib import resources

    data = json.loads(
        resources.files("thucydides.events").joinpath("data", cm.DATA_FILE).read_text()
    )
    assert set(data["weights"]) == set(cm.FEATURES)
    assert 0.0 <= data["threshold"] <= 1.0 and 0.0 <= data["story_threshold"] <= 1.0
    assert data["weights"]["source_country"] > 0 and data["weights"]["target_country"] > 0
    assert data["fit"]["oof_reliability"], "the fit's figures travel with the weights"


def test_a_file_naming_an_unknown_feature_is_refused():
    with pytest.raises(ValueError, match="shoe_size"):
        cm.ConfidenceModel.from_dict({"intercept": 0.0, "weights": {"shoe_size": 1.0}})


def test_a_lesser_reading_is_held_below_the_sentences_leading_one():
    # (evidence score, fitted probability): the lesser reading has coded actors
    held = cm.keep_sentence_order([(0.8, 0.05), (0.4, 0.30), (0.4, 0.02)])
    assert held[0] == 0.05 and held[1] < 0.05 and held[2] == 0.02
    assert max(range(3), key=lambda i: held[i]) == 0
    assert cm.keep_sentence_order([(0.5, 0.001), (0.2, 0.4)]) == [0.001, 0.0]
    assert cm.keep_sentence_order([]) == []


def test_the_governing_reading_stays_the_top_event():
    coder = Coder(min_confidence=0.0)
    events = coder.code("Ghana refused to release the detained fishermen.")
    top = max(events, key=lambda e: e.confidence)
    assert top.cameo.root == "12", [(e.cameo.code, e.confidence) for e in events]


def test_the_coder_leaves_out_events_under_its_threshold(fast_coder):
    every = fast_coder.code(TEXT)
    top = max(e.confidence for e in every)
    assert min(e.confidence for e in every) < top, "the test text needs unequal events"
    kept = Coder(fast=True, min_confidence=top).code(TEXT)
    assert 1 <= len(kept) < len(every) and all(e.confidence >= top for e in kept)
    assert {e.event_id for e in kept} <= {e.event_id for e in every}


def test_the_default_threshold_is_the_fitted_one():
    coder = Coder(fast=True)
    assert coder.min_confidence == cm.default_threshold()
    assert coder.story_min_confidence == cm.default_story_threshold()
    assert Coder(fast=True, min_confidence=0.3).story_min_confidence == 0.3


def test_a_fit_without_a_story_threshold_uses_its_one_threshold():
    fit = {"intercept": 0.0, "weights": {}, "threshold": 0.2}
    assert cm.ConfidenceModel.from_dict(fit).story_threshold == 0.2
    fit["story_threshold"] = 0.1
    assert cm.ConfidenceModel.from_dict(fit).story_threshold == 0.1


# a complaint with a coded source and no target: a record of low confidence
WEAK = "Kenyan traders complained about the new taxes."


def test_a_story_drops_what_a_lone_sentence_keeps(monkeypatch):
    monkeypatch.setattr(
        cm, "load", lambda: cm.ConfidenceModel(-1.0, dict.fromkeys(cm.FEATURES, 0.0), 0.0, 0.5)
    )
    coder = Coder(fast=True)
    weak = Coder(fast=True, min_confidence=0.0).code(WEAK)
    assert weak and max(e.confidence for e in weak) < 0.5, "the test needs a weak record"
    assert coder.code(WEAK), "a sentence alone keeps its readings"
    story = f"The weather was mild on Monday. {WEAK} The market reopened later."
    assert not coder.code(story), "in a story, records under the story threshold go"
    assert describe(coder).endswith("every event; in stories confidence >= 0.5)")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_code_min_confidence_option(capsys, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out, err = run(capsys, "code", str(path), "--fast", "--format", "jsonl",
                         "--min-confidence", "0")  # fmt: skip
    assert code == 0, err
    every = [json.loads(line) for line in out.splitlines()]
    top = max(r["confidence"] for r in every)
    code, out, _ = run(capsys, "code", str(path), "--fast", "--format", "jsonl",
                       "--min-confidence", str(top))  # fmt: skip
    kept = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and 1 <= len(kept) < len(every)
    assert all(r["confidence"] >= top for r in kept)


def test_ingest_min_confidence_option(capsys, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "e.duckdb"
    code, out, err = run(capsys, "ingest", str(path), "--db", str(db), "--fast",
                         "--min-confidence", "1")  # fmt: skip
    assert code == 0, err
    assert "0 new events" in out


@pytest.mark.parametrize("command", ["code", "ingest", "eval"])
@pytest.mark.parametrize("value", ["2", "abc", "-0.1", "nan"])
def test_a_bad_min_confidence_is_one_sentence_and_exit_2(capsys, tmp_path, command, value):
    path = tmp_path / ("gold.jsonl" if command == "eval" else "story.txt")
    path.write_text('{"id": "1", "text": "Kenya met Uganda.", "events": []}\n', encoding="utf-8")
    argv = [command, str(path), "--min-confidence", value]
    if command == "ingest":
        argv += ["--db", str(tmp_path / "e.duckdb")]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("thucydides: --min-confidence must be") and err.count("\n") == 1
    assert not (tmp_path / "e.duckdb").exists()


def test_eval_says_which_threshold_it_scored():
    assert describe(Coder(fast=True, min_confidence=0.2)).endswith("; confidence >= 0.2)")
    assert describe(Coder(fast=True, min_confidence=0.0)).endswith("; every event)")


def test_eval_scores_what_the_threshold_leaves(capsys, tmp_path):
    gold = tmp_path / "gold.jsonl"
    row = {"id": "k1", "text": "Kenya accused Uganda of shelling a border village.",
           "events": [{"plover": "ACCUSE", "cameo": "112"}]}  # fmt: skip
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "eval", str(gold), "--fast", "--min-confidence", "1")
    assert code == 0, err
    assert "confidence >= 1)" in out
    assert out.splitlines()[1].split()[-1] == "0.000", "nothing reaches confidence 1: yield 0"
    code, out, _ = run(capsys, "eval", str(gold), "--fast", "--min-confidence", "0")
    assert code == 0 and "every event)" in out and out.splitlines()[1].split()[-1] == "1.000"


def test_one_actor_as_both_sides_and_cooperation_are_features():
    cand = combine.Candidate(
        token=0, object_token=None, code="050", kind="verb", text="defended", start=0, end=8,
        rule="verbs/x.yaml:defend", model=None, specificity=1, p_model=None,
    )  # fmt: skip
    envoy = Actor(text="the envoy", start=0, end=9, code="PRKGOV", country="PRK")
    capital = Actor(text="Pyongyang", start=20, end=29, code="PRKGOV", country="PRK")
    values = cm.features(cand, envoy, capital, 0.5)
    assert values["same_actor"] == 1.0 and values["cooperation"] == 1.0
    other = Actor(text="Seoul", start=20, end=25, code="KORGOV", country="KOR")
    assert cm.features(cand, envoy, other, 0.5)["same_actor"] == 0.0
