"""Evaluation metrics on hand-made gold and predictions whose answers were worked out by
hand, and the `thucydides eval` command's handling of bad input (with a stand-in coder)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.cli import main
from thucydides.evaluate import calibration as cal
from thucydides.evaluate import metrics as ev
from thucydides.evaluate.report import headline, render_markdown
from thucydides.evaluate.run import code_gold, evaluate, read_gold, read_gold_files
from thucydides.model import Actor, Cameo, Event, Plover, Trigger, event_from_dict


def event(
    plover: str | None = None,
    code: str | None = None,
    source: str | None = None,
    target: str | None = None,
    src_code: str | None = None,
    tgt_code: str | None = None,
    conf: float = 0.5,
) -> dict:
    """A predicted event record shaped exactly like the coder's output."""
    code = code or "010"
    actor = lambda text, c: Actor(text, 0, len(text), code=c) if text or c else None  # noqa: E731
    return Event(
        doc_id="d",
        sentence_index=0,
        sentence="s",
        trigger=Trigger("t", 0, 1),
        cameo=Cameo(code, code[:2], None, None, None),
        plover=Plover(plover),
        source=actor(source or "", src_code),
        target=actor(target or "", tgt_code),
        confidence=conf,
    ).to_dict()


def gold(i: int, events: list[dict] | None = None, **labels) -> dict:
    """A gold line; `labels` fill one gold event, every other label null."""
    keys = ("plover", "cameo", "cameo_root", "penta", "source", "target")
    keys += ("source_code", "target_code")
    if events is None:
        events = [{k: labels.get(k) for k in keys}]
    return {"id": f"g{i}", "set": "toy", "text": f"sentence {i}", "date": None, "events": events}


# --- single pieces ------------------------------------------------------------------------


def test_top_event_takes_highest_confidence_and_first_on_ties():
    a, b, c = event("AGREE", conf=0.4), event("ASSAULT", conf=0.7), event("REJECT", conf=0.7)
    assert ev.top_event([a, b, c]) is b
    assert ev.top_event([]) is None


def test_penta_classes_of_all_twenty_roots():
    expected = [0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 3, 4, 4, 4, 4]
    assert [ev.penta_of_root(f"{r:02d}") for r in range(1, 21)] == expected
    assert ev.penta_of_root(None) is None and ev.penta_of_root("21") is None


@pytest.mark.parametrize(
    ("gold_text", "predicted", "expected"),
    [
        ("Iraqi troops", "the Iraqi troops", True),  # containment
        ("rebel army units", "rebel army", True),  # gold contains prediction
        ("A B C", "A B D", True),  # Jaccard 2/4 = 0.5
        ("A B C D", "A B X", False),  # Jaccard 2/5 = 0.4, no containment
        ("Hungarian; Romanian", "Romanian officials", True),  # any one of "; " alternatives
        ("Hungarian; Romanian", "Bulgarian officials", False),
        ("U.S. envoy", "the u.s. envoy", True),  # case and punctuation ignored
        ("Croatian government 's request", "the Croatian government\u02bcs request", True),
        ("rebel fighters", "rebels", False),  # words, not stems
        ("the police", None, False),
        ("the police", "...", False),  # no word tokens
    ],
)
def test_text_match(gold_text, predicted, expected):
    assert ev.text_match(gold_text, predicted) is expected


def test_code_match_on_first_three_letters_and_alternatives():
    assert ev.code_match("HUN; ROU", "ROUGOV")
    assert ev.code_match("IGO", "IGOUNO")
    assert not ev.code_match("USA", "RUSGOV")
    assert not ev.code_match("USA", None)


def test_macro_f1_by_hand():
    pairs = [("A", "A"), ("A", "B"), ("B", "B"), ("B", "none"), ("C", "C")]
    figure, rows = ev.macro_f1(pairs)
    # A: P 1/1, R 1/2 -> F1 2/3; B: P 1/2, R 1/2 -> 1/2; C: 1. Mean = 13/18.
    assert figure.n == 5
    assert figure.value == pytest.approx(13 / 18)
    by_label = {r.label: r for r in rows}
    assert by_label["A"].f1 == pytest.approx(2 / 3) and by_label["B"].precision == 0.5
    assert by_label["C"].support == 1 and "none" not in by_label  # only gold labels count
    assert ev.macro_f1([])[0].value is None


# --- a whole set --------------------------------------------------------------------------


def test_score_set_plover_actors_yield_ties_none_and_null_labels():
    golds = [
        gold(1, plover="AGREE", source="Hungarian; Romanian"),
        gold(2, plover="ASSAULT", source="rebel fighters", target="an army convoy"),
        gold(3, plover="ASSAULT", source="the police", target="protesters"),
        gold(4),  # every label null: scored for yield only
        gold(5, events=[]),  # no event expected
    ]
    preds = [
        [event("AGREE", source="Romanian officials", conf=0.9)],
        # a tie: the first event (ACCUSE) is the top event, though the second is right
        [
            event("ACCUSE", source="rebels", conf=0.4),
            event("ASSAULT", source="rebel fighters", target="army convoy", conf=0.4),
        ],
        [],  # predicts none
        [event("ASSAULT", conf=0.8)],
        [],
    ]
    r = ev.score_set("toy", golds, preds)
    f = r.figures
    assert (f["plover_f1"].value, f["plover_f1"].n) == (0.5, 3)  # AGREE 1, ASSAULT 0
    assert f["source"].value == pytest.approx(1 / 3) and f["source"].n == 3
    assert (f["target"].value, f["target"].n) == (0.0, 2)
    assert (f["yield"].value, f["yield"].n) == (0.6, 5)
    unlabelled = ("root_acc", "code_acc", "penta_f1", "triple_p", "triple_r")
    for name in (*unlabelled, "source_code", "target_code"):
        assert f[name].value is None and f[name].n == 0
    assert r.plover_confusion["ASSAULT"] == {"ACCUSE": 1, "none": 1}
    assert r.judgements[1].failed == ["plover", "source", "target"]
    assert r.judgements[3].failed == []


def test_score_set_cameo_root_code_and_penta():
    golds = [
        gold(1, cameo="0214", cameo_root="02", penta=0),
        gold(2, cameo="180", cameo_root="18", penta=4),
        gold(3, cameo="111", cameo_root="11", penta=3),
    ]
    preds = [[event(code="021")], [event(code="190")], []]
    f = ev.score_set("codes", golds, preds).figures
    assert f["root_acc"].value == pytest.approx(1 / 3)
    assert f["code_acc"].value == 0.0  # "021" is not "0214"
    # penta pairs (0,0), (4,4), (3,none): F1 1, 1, 0
    assert f["penta_f1"].value == pytest.approx(2 / 3) and f["penta_f1"].n == 3


def test_triples_match_once_and_count_events_where_none_were_expected():
    golds = [
        gold(1, cameo="190", source_code="RUS", target_code="UKR"),
        gold(2, events=[]),
        gold(3, cameo="042", source_code="USA"),  # no target code: not a triple
    ]
    preds = [
        [
            event(code="190", src_code="RUSMIL", tgt_code="UKRMIL", conf=0.9),
            event(code="193", src_code="RUSMIL", tgt_code="UKRMIL", conf=0.5),  # duplicate
            event(code="173", src_code="RUS", tgt_code="UKR", conf=0.3),  # wrong root
        ],
        [event(code="042", src_code="USA", tgt_code="CHN")],
        [event(code="042", src_code="USAGOV", tgt_code="CHN")],
    ]
    assert ev.triple_counts(golds[0], preds[0]) == (1, 3, 1)
    assert ev.triple_counts(golds[1], preds[1]) == (0, 1, 0)
    assert ev.triple_counts(golds[2], preds[2]) is None
    f = ev.score_set("triples", golds, preds).figures
    assert (f["triple_p"].value, f["triple_p"].n) == (0.25, 4)
    assert (f["triple_r"].value, f["triple_r"].n) == (1.0, 1)


def test_set_without_gold_triples_has_no_triple_figures():
    f = ev.score_set("x", [gold(1, events=[])], [[event("AGREE")]]).figures
    assert f["triple_p"].value is None and f["triple_r"].value is None


def test_plover_one_yield_accepts_concede_and_retreat_only_in_such_sets():
    old = [gold(1, plover="YIELD"), gold(2, plover="YIELD"), gold(3, plover="AGREE")]
    preds = [[event("CONCEDE")], [event("RETREAT")], [event("AGREE")]]
    assert ev.score_set("v1", old, preds).figures["plover_f1"].value == 1.0
    new = [gold(1, plover="CONCEDE"), gold(2, plover="CONCEDE")]
    r = ev.score_set("v2", new, [[event("RETREAT")], [event("CONCEDE")]])
    assert r.aliases == {} and r.figures["plover_f1"].value == pytest.approx(2 / 3)


def test_several_gold_events_credit_a_match_with_any():
    two = [
        {"plover": "ACCUSE", "source": "the senator"},
        {"plover": "REJECT", "source": "the ministry"},
    ]
    j = ev.judge(gold(1, events=two), [event("REJECT", source="ministry")])
    assert j.correct == {"plover": True, "source": True}
    assert j.pairs["plover"] == ("REJECT", "REJECT")


def test_actor_codes_of_the_top_event_on_three_letters_and_alternatives():
    golds = [
        gold(1, source_code="HUN; ROU", target_code="USA"),
        gold(2, source_code="RUS"),  # null target code: target not scored
        gold(3, source_code="ISR", target_code="PSE"),
        gold(4, source_code="IGO", target_code="SDN"),
        gold(5, plover="AGREE"),  # no codes at all: skipped
        gold(6, events=[]),
        gold(
            7,
            events=[
                {"source_code": "USA", "target_code": "IRN"},
                {"source_code": "IRN", "target_code": None},
            ],
        ),
    ]
    preds = [
        [
            event(src_code="UKRGOV", tgt_code="RUSMIL", conf=0.2),  # not the top event
            event(src_code="ROUGOV", tgt_code="USAMIL", conf=0.9),
        ],
        [event(source="the ministry", src_code=None)],  # an actor without a code
        [event(target="militants", tgt_code="PSEINS")],  # the top event has no source
        [],  # no event: both wrong
        [event("AGREE", src_code="FRA", tgt_code="DEU")],
        [event(src_code="USA", tgt_code="IRN")],
        [event(src_code="IRNGOV", tgt_code="IRQ")],  # source matches the second gold event
    ]
    r = ev.score_set("codes", golds, preds)
    f = r.figures
    assert (f["source_code"].value, f["source_code"].n) == (pytest.approx(2 / 5), 5)
    assert (f["target_code"].value, f["target_code"].n) == (0.5, 4)
    j = r.judgements
    assert j[0].correct == {"source_code": True, "target_code": True}
    assert j[1].correct == {"source_code": False} and j[1].pairs["source_code"] == ("RUS", None)
    assert j[2].failed == ["source_code"] and j[2].correct["target_code"] is True
    assert j[3].failed == ["source_code", "target_code"]
    assert j[4].correct == {"plover": True} and j[5].correct == {}
    assert j[6].correct == {"source_code": True, "target_code": False}
    # codes alone are no triples: those still need a gold CAMEO root as well
    assert f["triple_r"].value is None and f["triple_p"].value is None


def test_headline_and_report_show_actor_code_columns(tmp_path):
    rows = [
        gold(1, plover="ASSAULT", source_code="REB", target_code="AFG")
        | {"text": "Rebels attacked."},
        gold(2, plover="ASSAULT", source_code="SOM") | {"text": "Pirates attacked a ship."},
        gold(3, plover="CONSULT") | {"text": "Envoys met."},
    ]
    path = write_gold(tmp_path / "coded.jsonl", [json.dumps(r) for r in rows])
    evaluation = evaluate(read_gold_files([path]), StandInCoder())
    table = headline(evaluation).splitlines()
    # right-aligned columns: each value ends where its header ends
    for name, value in (("src code", "0.500"), ("tgt code", "0.000")):
        end = table[0].index(name) + len(name)
        assert table[1][end - len(value) : end] == value  # REB right; "Pirates" -> PIR, not SOM
    assert table[1].split()[6:8] == ["–", "–"]  # source/target text match: not labelled
    text = render_markdown(evaluation)
    assert "| source code match | target code match |" in text
    assert "- source code match: **0.500** (n = 2)" in text
    assert "- target code match: **0.000** (n = 1)" in text


# --- reliability --------------------------------------------------------------------------


def test_reliability_bins_edges_filter_check_and_calibration_error():
    scored = [(0.1, False), (0.15, True), (0.3, False), (0.5, True), (0.6, True), (0.9, True)]
    scored.append((1.0, True))
    bins = cal.reliability(scored)
    assert [(b.n, b.correct) for b in bins] == [(2, 1), (1, 0), (1, 1), (1, 1), (2, 2)]
    assert bins[0].mean_confidence == pytest.approx(0.125) and bins[3].accuracy == 1.0
    # |0.125-0.5|*2 + |0.3-0|*1 + |0.5-1| + |0.6-1| + |0.95-1|*2 = 2.05, over 7 events
    assert cal.expected_calibration_error(bins) == pytest.approx(2.05 / 7)
    check = cal.filter_check(scored, 0.5)
    assert (check.wrong_removed, check.right_removed, check.passes) == (2, 1, True)
    assert not cal.filter_check([(0.2, True), (0.3, True), (0.4, False)]).passes


def test_event_correct_by_type_root_or_penta():
    assert cal.event_correct(event("AGREE"), gold(1, plover="AGREE")) is True
    assert cal.event_correct(event("AGREE", code="036"), gold(1, cameo_root="03")) is True
    assert cal.event_correct(event(code="190"), gold(1, penta=4)) is True
    assert cal.event_correct(event(code="190"), gold(1, events=[])) is False
    assert cal.event_correct(event("AGREE"), gold(1, source="someone")) is None
    golds = [gold(1, plover="AGREE"), gold(2, plover="AGREE"), gold(3, events=[])]
    preds = [[event("AGREE", conf=0.9), event("REJECT", conf=0.2)], [], [event(conf=0.3)]]
    assert cal.scored_events(golds, preds) == [(0.9, True), (0.3, False)]
    assert len(cal.scored_events(golds, preds, top_only=False)) == 3


# --- reading, coding and the command ---------------------------------------------------------


class StandInCoder:
    """Codes 'attacked' as ASSAULT and 'met' as CONSULT; fails on 'explode'."""

    def code(self, text, date=None, doc_id="doc"):
        if "explode" in text:
            raise ValueError("cannot parse")
        events = []
        if "attacked" in text:
            actor = text.split()[0]
            src_code = actor[:3].upper()  # "Rebels" -> REB: a code the actor-code tests check
            events.append(event("ASSAULT", "190", actor, src_code=src_code, conf=0.8))
        if "met" in text:
            events.append(event("CONSULT", code="040", conf=0.3))
        return [event_from_dict(e) for e in events]

    def code_documents(self, docs, batch_size=32):
        for doc in docs:
            yield doc, self.code(doc.text, doc.date, doc.id)


def write_gold(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def line(i: int, text: str, plover: str | None, source: str | None = None) -> str:
    return json.dumps(gold(i, plover=plover, source=source) | {"text": text})


def test_read_gold_names_each_bad_line(tmp_path):
    path = write_gold(
        tmp_path / "set.jsonl",
        [
            line(1, "Rebels attacked a post.", "ASSAULT"),
            "{not json",
            json.dumps({"id": "x", "events": []}),
            json.dumps({"id": "y", "text": "Envoys met.", "events": "AGREE"}),
            "[1, 2]",
        ],
    )
    g = read_gold(path)
    assert [s["id"] for s in g.sentences] == ["g1"]
    assert [p.split(": ", 1)[0] for p in g.problems] == [f"{path} line {n}" for n in (2, 3, 4, 5)]
    assert "not valid JSON" in g.problems[0] and 'no "text"' in g.problems[1]


def test_code_gold_survives_a_sentence_the_coder_fails_on():
    sentences = [
        gold(1) | {"text": t} for t in ("Rebels attacked.", "It may explode.", "They met.")
    ]
    preds, problems = code_gold(StandInCoder(), sentences, batch_size=8)
    assert [len(p) for p in preds] == [1, 0, 1]
    assert len(problems) == 1 and "g1: the coder failed (ValueError" in problems[0]


@pytest.fixture
def stand_in(monkeypatch):
    monkeypatch.setattr(
        "thucydides.commands.eval.make_coder",
        lambda fast, probabilities=None, stories=False: StandInCoder(),
    )


def test_eval_command_writes_report_and_errors_and_reports_bad_lines(tmp_path, stand_in, capsys):
    path = write_gold(
        tmp_path / "toy_set.jsonl",
        [
            line(1, "Rebels attacked a convoy.", "ASSAULT", "Rebels"),
            line(2, "Envoys met in Oslo.", "AGREE", "Envoys"),
            '{"id": "broken", "text": "half a line',
            line(4, "Nothing happened.", "PROTEST"),
        ],
    )
    report = tmp_path / "eval-report.md"
    assert main(["eval", str(path), "--report", str(report)]) == 0
    out, err = capsys.readouterr()
    assert f"{path} line 3: not valid JSON" in err
    assert "toy_set" in out and "3 sentences coded" in out
    text = report.read_text()
    assert "PLOVER macro-F1: **0.333** (n = 3)" in text  # ASSAULT 1, AGREE 0, PROTEST 0
    assert "Reliability of `confidence`" in text and "line 3" in text
    errors = [json.loads(x) for x in (tmp_path / "eval-errors.jsonl").read_text().splitlines()]
    assert [(e["id"], e["failed"]) for e in errors] == [
        ("g2", ["plover", "source"]),
        ("g4", ["plover"]),
    ]
    assert errors[0]["top"]["plover"] == "CONSULT" and errors[1]["top"] is None


def test_eval_limit_spreads_through_the_file(tmp_path, stand_in, capsys):
    lines = [line(i, f"Unit {i} attacked a post.", "ASSAULT") for i in range(10)]
    path = write_gold(tmp_path / "ten.jsonl", lines)
    errors = tmp_path / "e.jsonl"
    assert main(["eval", str(path), "--limit", "3", "--errors", str(errors)]) == 0
    assert "3 sentences coded" in capsys.readouterr().out
    assert errors.read_text() == ""


def test_eval_shows_ten_problems_and_counts_the_rest(tmp_path, stand_in, capsys):
    lines = [line(0, "Rebels attacked a post.", "ASSAULT")] + ["{"] * 12
    path = write_gold(tmp_path / "many.jsonl", lines)
    assert main(["eval", str(path)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 11 and err[9].startswith(f"thucydides: {path} line 11: not valid JSON")
    assert err[10] == "thucydides: ... and 2 more problems (all listed with --report)"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["eval", "{tmp}/absent.jsonl"], "Gold file {tmp}/absent.jsonl does not exist."),
        (
            ["eval", "{tmp}/no-shared/eval/*.jsonl"],
            "Gold file {tmp}/no-shared/eval/*.jsonl does not exist (the folder "
            "{tmp}/no-shared/eval does not exist either).",
        ),
        (["eval", "{tmp}"], "{tmp} is a folder; give the gold .jsonl files in it."),
        (["eval", "{good}", "--limit", "0"], "--limit must be a positive number"),
        (["eval", "{good}", "--report", "{tmp}/nope/r.md"], "Cannot write --report"),
        (["eval", "{bad}"], "None of the gold files holds a usable sentence"),
    ],
)
def test_eval_bad_input_is_one_clear_sentence(tmp_path, stand_in, capsys, argv, message):
    good = write_gold(tmp_path / "good.jsonl", [line(1, "Rebels attacked.", "ASSAULT")])
    bad = write_gold(tmp_path / "bad.jsonl", ["not json", "{}"])
    fill = {"tmp": str(tmp_path), "good": str(good), "bad": str(bad)}
    assert main([a.format(**fill) for a in argv]) == 2
    err = capsys.readouterr().err
    assert message.format(**fill) in err
    assert err.count("thucydides: ") == (4 if "usable" in message else 1)  # + 2 lines, 1 file
