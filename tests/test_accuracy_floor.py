"""Accuracy floor (as trafilatura does): code a fixed set of sentences we wrote ourselves,
one to eight per CAMEO root, and fail if accuracy falls below a pinned floor a little
under today's figure. The floor catches regressions; the scores themselves belong in the
evaluation report (`make eval`), not here.

To move a floor after a real improvement: run
`thucydides eval tests/data/floor_sentences.jsonl [--fast]` and pin about 0.05 below it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from thucydides.evaluate.metrics import score_set
from thucydides.evaluate.run import code_gold, read_gold

FLOOR_FILE = Path(__file__).parent / "data" / "floor_sentences.jsonl"

# mode -> figure -> floor, pinned a little under the figures of 2026-11-30 (`thucydides eval [--fast]
# tests/data/floor_sentences.jsonl`): full root 0.820, PLOVER 0.763; fast 0.910, 0.941
FLOORS = {
    "full": {"root_acc": 0.78, "plover_f1": 0.75},
    "fast": {"root_acc": 0.87, "plover_f1": 0.90},
}


def test_floor_sentences_cover_every_cameo_root():
    gold = read_gold(FLOOR_FILE)
    assert gold.problems == []
    roots = [ev["cameo_root"] for s in gold.sentences for ev in s["events"]]
    assert sorted(set(roots)) == [f"{r:02d}" for r in range(1, 21)]
    assert all(
        ev["cameo"].startswith(ev["cameo_root"]) for s in gold.sentences for ev in s["events"]
    )
    assert len(gold.sentences) >= 120


@pytest.fixture(scope="module")
def floor_gold():
    return read_gold(FLOOR_FILE).sentences


@pytest.mark.parametrize("mode", ["full", "fast"])
def test_accuracy_stays_above_the_floor(floor_gold, mode):
    from thucydides.coder import Coder

    predictions, problems = code_gold(Coder(fast=mode == "fast"), floor_gold)
    assert not problems, f"the coder failed on {len(problems)} sentence(s); first: {problems[0]}"
    figures = score_set("floor", floor_gold, predictions).figures
    measured = {name: figures[name].value for name in FLOORS[mode]}
    for name, floor in FLOORS[mode].items():
        assert measured[name] >= floor, f"{mode} coder: {name} {measured[name]:.3f} < {floor}"
