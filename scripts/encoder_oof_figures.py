"""The encoder alone, out of fold by near-duplicate cluster: PLOVER macro-F1 per fold.

Reads the out-of-fold probability table that `oof_probabilities.py` writes (each gold
sentence scored by a model trained without its cluster's fold) and a sentence gold set,
and scores the encoder's top type per sentence, fold by fold, as `docs/evaluation.md`
scores a set (macro-F1 over the types gold uses; a sentence with several gold types is
right when the top type is one of them). This is the encoder's own cross-validation on
cluster folds, without the patterns and rules the coder adds (`make eval-oof` scores
those). Prints a Markdown table. Reads the shared gold; nothing is written.

    .venv/bin/python scripts/encoder_oof_figures.py --table .cache/oof/probabilities.jsonl \
        --gold ../shared/eval/plv_train.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from thucydides.evaluate.metrics import gold_labels, macro_f1  # noqa: E402


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def fold_pairs(table: list[dict], gold: list[dict]) -> dict[int, list[tuple[str, str]]]:
    """(gold type, top type) per gold sentence that the table scored whole, by fold."""
    by_text = {row["text"]: row for row in table}
    pairs: dict[int, list[tuple[str, str]]] = {}
    for row in gold:
        labels = gold_labels(row, "plover")
        scored = by_text.get(row["text"].strip()) or by_text.get(row["text"])
        if not labels or scored is None:
            continue
        top = max(scored["probs"].items(), key=lambda kv: kv[1])[0]
        pairs.setdefault(scored["fold"], []).append((top if top in labels else labels[0], top))
    return pairs


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--table", type=Path, default=Path(".cache/oof/probabilities.jsonl"))
    p.add_argument("--gold", type=Path, default=Path("../shared/eval/plv_train.jsonl"))
    args = p.parse_args(argv)
    for path in (args.table, args.gold):
        if not path.is_file():
            print(f"encoder_oof_figures: {path} is missing", file=sys.stderr)
            return 2
    pairs = fold_pairs(read_jsonl(args.table), read_jsonl(args.gold))
    if not pairs:
        print("encoder_oof_figures: no gold sentence of the set is in the table", file=sys.stderr)
        return 2
    print(f"| fold | sentences | PLOVER macro-F1 ({args.gold.stem}, encoder alone) |")
    print("|---|---|---|")
    scores = []
    for k in sorted(pairs):
        figure, _ = macro_f1(pairs[k])
        scores.append(figure.value or 0.0)
        print(f"| {k} | {len(pairs[k])} | {figure.value:.3f} |")
    everything = [pair for k in sorted(pairs) for pair in pairs[k]]
    pooled, _ = macro_f1(everything)
    print(f"| **mean** | {len(everything)} | **{sum(scores) / len(scores):.3f}** |")
    print(f"| pooled | {len(everything)} | {pooled.value:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
