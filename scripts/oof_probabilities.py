"""Out-of-fold event-type probabilities for every gold sentence, for an honest end-to-end
evaluation (`thucydides eval --type-probabilities FILE`).

The shipped model was trained on all four gold sets, so `make eval` with it scores the
coder on sentences its model has seen. Here every gold sentence, of every set, falls in
one of --folds folds by a hash of its near-duplicate cluster (sentence_clusters.py: a
sentence that two sets share, a truncated copy or another filling of one template all
fall in the same fold, so none is scored by a model trained on its twin); the model for fold k is trained exactly as the shipped one (same data,
heads, epochs and seed) on everything outside fold k, and gives the probabilities of the
sentences of fold k, split into sentences the way the coder splits them (so a change to
that splitting, such as datelines set apart, needs the table rebuilt).

Runs in .venv-train with the package installed (`.venv-train/bin/pip install -e .`).
Writes JSON Lines {"text", "fold", "probs"} to --out (default .cache/oof/probabilities.jsonl,
outside git: it is derived from the gold sets). About 5 minutes a fold on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import sentence_clusters  # noqa: E402
import train_event_encoder as tee  # noqa: E402
import train_event_model as tem  # noqa: E402

from thucydides.coder import Coder  # noqa: E402
from thucydides.events.classifier import META_FILE, MODEL_DIR  # noqa: E402


def held_out(
    pairs: list[tuple[str, object]], k: int, fold: dict[str, int]
) -> list[tuple[str, object]]:
    """The training pairs outside fold k."""
    return [(t, lab) for t, lab in pairs if fold[t] != k]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    p.add_argument("--out", type=Path, default=REPO / ".cache" / "oof" / "probabilities.jsonl")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--only", type=int, nargs="*", help="train these folds only (appends)")
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    meta = json.loads((MODEL_DIR / META_FILE).read_text(encoding="utf-8"))
    labels, epochs, seed = meta["labels"], int(meta["encoder_epochs"]), int(meta["seed"])
    data = tem.load_data(args.shared, synthetic=False)
    plover_pairs = data["plv"] + data["gsr"] + data["codebook"]
    penta_pairs = data["cameo5"] + data["codebook_penta"]
    coder = Coder(fast=True)  # split sentences exactly as the coder does (datelines, headlines)
    texts = tem.gold_texts(args.shared)
    fold = sentence_clusters.cluster_folds(texts, args.folds)
    sizes = [sum(1 for f in fold.values() if f == k) for k in range(args.folds)]
    print(f"{len(texts)} gold texts, by fold: {sizes}", flush=True)
    by_fold: dict[int, list[str]] = {}
    for text, doc in zip(texts, coder.nlp.pipe(coder.parse_text(t) for t in texts), strict=True):
        k = fold[text]
        by_fold.setdefault(k, []).extend(text[s.start_char : s.end_char] for s in doc.sents)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    mode = "a" if args.only else "w"
    with args.out.open(mode, encoding="utf-8") as out:
        for k in args.only if args.only is not None else range(args.folds):
            t0 = time.time()
            rows = tee.make_rows(
                held_out(plover_pairs, k, fold), held_out(penta_pairs, k, fold), labels
            )
            net = tee.train(rows, labels, epochs, seed)
            texts = list(dict.fromkeys(by_fold.get(k, [])))
            probs = tee.torch_proba(net, texts)
            for text, row in zip(texts, probs, strict=True):
                record = {
                    "text": text,
                    "fold": k,
                    "probs": dict(zip(labels, map(float, row), strict=True)),
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
            print(f"fold {k}: {len(rows)} training rows, {len(texts)} sentences scored, "
                  f"{time.time() - t0:.0f}s", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
