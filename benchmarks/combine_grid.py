"""How rules and the event-type model should combine, scored out of fold.

Codes the gold sets with out-of-fold probabilities (scripts/oof_probabilities.py) under
a grid of the combination constants in thucydides.events.combine (MODEL_WEIGHT with
RULE_WEIGHT = 1 - it, MODEL_ALONE_MIN, MODEL_ALONE_FACTOR), and once with a specific pattern vetoing the model
at its own trigger; each line also codes our own floor sentences with the shipped model.
Then the sweep of combine.FRAME_OVERRULE_P (the model's probability above which it
overrules a framed pattern at its word; 1.01: never), at the shipped constants;
`--frame-only` runs that sweep alone (about 2 minutes on 2 cores).
Usage: python benchmarks/combine_grid.py [--shared ../shared] [--oof FILE] [--frame-only]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from thucydides.coder import Coder
from thucydides.evaluate.report import headline
from thucydides.evaluate.run import evaluate, read_gold_files
from thucydides.evaluate.stored import StoredTypeProbabilities
from thucydides.events import combine

REPO = Path(__file__).resolve().parents[1]
GRID = [  # (MODEL_WEIGHT, MODEL_ALONE_MIN, MODEL_ALONE_FACTOR); the first is shipped
    (0.55, 0.75, 0.75), (0.55, 0.55, 0.75), (0.45, 0.75, 0.75), (0.35, 0.75, 0.75),
    (0.55, 0.65, 0.75), (0.55, 0.75, 0.65), (0.45, 0.65, 0.65),
]  # fmt: skip
FRAME_GRID = (0.0, 0.8, 0.85, 0.9, 1.01)  # FRAME_OVERRULE_P values; shipped: 0.85
VETO_SPECIFICITY = 2  # a pattern this specific at the model's anchor keeps the model out


def vetoed(candidates):
    """combine.candidates, less a model-only event at a trigger a specific pattern holds."""

    def wrapped(sent, hits, probs, model_name=combine.MODEL_NAME, blocked=frozenset()):
        out = candidates(sent, hits, probs, model_name, blocked)
        alone = next((c for c in out if c.rule is None), None)
        if alone is not None and any(
            c.rule is not None and c.token == alone.token and c.specificity >= VETO_SPECIFICITY
            for c in out
        ):
            out.remove(alone)
        return out

    return wrapped


def rows(evaluation) -> list[str]:
    return headline(evaluation).splitlines()[1:-1]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    p.add_argument("--oof", type=Path, default=REPO / ".cache" / "oof" / "probabilities.jsonl")
    p.add_argument("--frame-only", action="store_true", help="only the FRAME_OVERRULE_P sweep")
    args = p.parse_args()
    if not (args.shared / "eval").is_dir() or not args.oof.exists():
        print(f"combine_grid: needs {args.shared}/eval and {args.oof}", file=sys.stderr)
        return 2
    gold = read_gold_files(sorted((args.shared / "eval").glob("*.jsonl")))
    floor = read_gold_files([REPO / "tests" / "data" / "floor_sentences.jsonl"])
    oof, shipped = Coder(model=StoredTypeProbabilities(args.oof)), Coder()
    original, shipped_frame = combine.candidates, combine.FRAME_OVERRULE_P
    grid = [] if args.frame_only else [*((str(g), g) for g in GRID), ("pattern veto", GRID[0])]
    for label, setting in grid:
        combine.MODEL_WEIGHT, combine.MODEL_ALONE_MIN, combine.MODEL_ALONE_FACTOR = setting
        combine.RULE_WEIGHT = round(1 - setting[0], 2)
        combine.candidates = vetoed(original) if label == "pattern veto" else original
        print(f"== {label}: MODEL_WEIGHT, MODEL_ALONE_MIN, MODEL_ALONE_FACTOR = {setting}")
        print("\n".join(rows(evaluate(gold, oof)) + rows(evaluate(floor, shipped))), flush=True)
    combine.candidates = original
    combine.MODEL_WEIGHT, combine.MODEL_ALONE_MIN, combine.MODEL_ALONE_FACTOR = GRID[0]
    combine.RULE_WEIGHT = round(1 - GRID[0][0], 2)
    for value in FRAME_GRID:
        combine.FRAME_OVERRULE_P = value
        print(f"== FRAME_OVERRULE_P = {value}")
        print("\n".join(rows(evaluate(gold, oof))), flush=True)
    combine.FRAME_OVERRULE_P = shipped_frame
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
