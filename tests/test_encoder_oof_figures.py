"""scripts/encoder_oof_figures.py: the encoder's own out-of-fold figures per fold."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

_PATH = Path(__file__).parents[1] / "scripts" / "encoder_oof_figures.py"
_SPEC = importlib.util.spec_from_file_location("encoder_oof_figures", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
eof = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(eof)


def gold(text, *types):
    return {"text": text, "events": [{"plover": t} for t in types]}


TABLE = [
    {"text": "Rebels shelled the town.", "fold": 0, "probs": {"ASSAULT": 0.9, "PROTEST": 0.1}},
    {"text": "Crowds marched downtown.", "fold": 0, "probs": {"ASSAULT": 0.6, "PROTEST": 0.4}},
    {"text": "The envoy met the king.", "fold": 1, "probs": {"CONSULT": 0.7, "AGREE": 0.3}},
]


def test_each_sentence_is_scored_in_its_fold_and_any_gold_type_counts():
    pairs = eof.fold_pairs(
        TABLE,
        [
            gold("Rebels shelled the town.", "ASSAULT"),
            gold("Crowds marched downtown.", "PROTEST"),
            gold("The envoy met the king.", "AGREE", "CONSULT"),
            gold("Not in the table.", "AID"),
        ],
    )
    assert pairs == {
        0: [("ASSAULT", "ASSAULT"), ("PROTEST", "ASSAULT")],
        1: [("CONSULT", "CONSULT")],
    }


def test_a_missing_file_is_one_sentence_and_exit_2(tmp_path, capsys):
    table = tmp_path / "t.jsonl"
    table.write_text("\n".join(json.dumps(r) for r in TABLE), encoding="utf-8")
    assert eof.main(["--table", str(table), "--gold", str(tmp_path / "none.jsonl")]) == 2
    assert "is missing" in capsys.readouterr().err
