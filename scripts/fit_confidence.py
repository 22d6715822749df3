"""Fit `confidence` to story-level correctness: src/thucydides/events/data/confidence.json.

Codes the training stories once (every event, no threshold), keeps for each counted event
(actual + asserted) the features `events/confidence.py` computes and whether the story
scorer pairs it with a gold event on the triple (CAMEO root + source and target prefix),
and fits a logistic model over them (numpy, L2, Newton steps; deterministic). Out-of-fold
figures come from 5 folds grouped by story (stories sorted by id, fold = rank mod 5): the
reliability table and, for each threshold, the triple F1 the coder would get with it. All
figures are of the confidences the coder outputs: the fitted probability, held below the
stronger readings of the same sentence (confidence.keep_sentence_order). The default
threshold is the one with the best out-of-fold triple F1 among those that cost no sentence
set (--sentence-sets, scored with the final fit) more than MAX_SET_LOSS of its PLOVER
macro-F1 (five-class F1 and root accuracy where it has no PLOVER labels) or of its
yield (the share of its sentences coded at all): it is for texts shorter than a story,
as the sentence sets are. The story threshold, used on
documents of coder.STORY_SENTENCES or more sentences, is chosen on the training stories
alone, the records it was fitted on: the lowest threshold within STORY_F1_TOLERANCE of
the best out-of-fold triple F1.

--dev scores held-out stories with the final fit, for the report only: nothing is chosen
on them. Run with the package on the path (PYTHONPATH=src), about 1 minute per 70 stories
and 1.5 minutes for the four sentence sets on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from thucydides.coder import Coder
from thucydides.evaluate.calibration import STORY_BINS
from thucydides.evaluate.metrics import score_set
from thucydides.evaluate.run import code_gold, read_gold, read_texts
from thucydides.evaluate.stories import PRF, counted, score_story
from thucydides.events import combine
from thucydides.events import confidence as cm

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "thucydides" / "events" / "data" / cm.DATA_FILE
FOLDS = 5
L2_GRID = (0.3, 1.0, 3.0, 10.0)  # chosen by out-of-fold log loss
THRESHOLDS = tuple(round(0.01 * i, 2) for i in range(0, 31))
# out-of-fold triple F1 this close to the best is a tie (5 folds of 68 stories)
STORY_F1_TOLERANCE = 0.005
# of PLOVER F1 (five-class F1, root accuracy, yield) a threshold may cost a set
MAX_SET_LOSS = 0.005
# the story report's bins, finer than the sentence sets': right records are rare
BINS = (*(lo for lo, _ in STORY_BINS), STORY_BINS[-1][1])
# the sentence sets' figures a threshold may not lower by more than MAX_SET_LOSS (a cut
# that keeps F1 but leaves a point of the sentences uncoded is a loss too)
SET_FIGURES = ("plover_f1", "penta_f1", "root_acc", "yield")
FEATURE_KEY = "_confidence_features"
ORDER_KEY = "_evidence_score"


class FeatureCoder(Coder):
    """The coder, with each event's confidence features kept in its evidence (for this
    script only: the shipped coder does not write them)."""

    def _events_for(self, cand, *args, **kwargs):
        events = super()._events_for(cand, *args, **kwargs)
        reading = combine.reading_score(cand)
        for ev in events:
            values = cm.features(cand, ev.source, ev.target, reading)
            ev.evidence[FEATURE_KEY] = [values[name] for name in cm.FEATURES]
            ev.evidence[ORDER_KEY] = combine.evidence_score(cand, ev.source, ev.target)
        return events


@dataclass
class CodedStories:
    stories: list  # evaluate.story_gold.Story
    records: list[list[dict]]  # every coded event per story, with features


def code_stories(coder: Coder, path: Path, texts: Path) -> CodedStories:
    gold = read_gold(path, texts=read_texts(texts))
    docs = [{"id": s.id, "text": s.text, "date": s.date} for s in gold.stories]
    records, problems = code_gold(coder, docs, batch_size=4)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    for story_records in records:  # pairing must not depend on the confidence being fitted
        for r in story_records:
            r["confidence"] = 0.5
    return CodedStories(gold.stories, records)


def labelled(coded: CodedStories) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(features, triple-correct, story index) for every counted event."""
    xs, ys, groups = [], [], []
    for i, (story, records) in enumerate(zip(coded.stories, coded.records, strict=True)):
        score = score_story(story, records)
        right = {ci for ci, _ in score.pairs["triple"]}
        for ci, event in enumerate(score.coded):
            xs.append(event["evidence"][FEATURE_KEY])
            ys.append(float(ci in right))
            groups.append(i)
    return np.array(xs, dtype=float), np.array(ys), np.array(groups)


def as_coded(records: list[dict], probs: list[float]) -> list[float]:
    """The confidences the coder gives a document's records: each sentence's order kept."""
    out = [0.0] * len(records)
    by_sentence: dict[int, list[int]] = {}
    for j, r in enumerate(records):
        by_sentence.setdefault(r["sentence_index"], []).append(j)
    for idx in by_sentence.values():
        held = cm.keep_sentence_order([(records[j]["evidence"][ORDER_KEY], probs[j]) for j in idx])
        for j, conf in zip(idx, held, strict=True):
            out[j] = conf
    return out


def counted_values(coded: CodedStories, per_record: list[list[float]]) -> np.ndarray:
    """Per-record values of the counted events, in the order `labelled` gives them."""
    return np.array(
        [v for records, vs in zip(coded.records, per_record, strict=True)
         for r, v in zip(records, vs, strict=True) if counted(r)]
    )  # fmt: skip


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[float, np.ndarray]:
    """Intercept and weights minimising log loss + l2/2 |w|^2 (the intercept is free)."""
    a = np.hstack([np.ones((len(x), 1)), x])
    theta = np.zeros(a.shape[1])
    penalty = np.full(a.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-(a @ theta)))
        grad = a.T @ (p - y) + penalty * theta
        hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(penalty) + 1e-9 * np.eye(len(theta))
        step = np.linalg.solve(hess, grad)
        theta -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return float(theta[0]), theta[1:]


def predict(x: np.ndarray, intercept: float, w: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(intercept + x @ w)))


def story_folds(n_stories: int, ids: list[str]) -> np.ndarray:
    order = sorted(range(n_stories), key=lambda i: ids[i])
    fold = np.empty(n_stories, dtype=int)
    for rank, i in enumerate(order):
        fold[i] = rank % FOLDS
    return fold


def out_of_fold(x, y, groups, fold_of_story, l2: float) -> np.ndarray:
    oof = np.empty(len(y))
    folds = fold_of_story[groups]
    for k in range(FOLDS):
        held = folds == k
        b, w = fit_logistic(x[~held], y[~held], l2)
        oof[held] = predict(x[held], b, w)
    return oof


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def reliability(p: np.ndarray, y: np.ndarray) -> tuple[list[dict], float]:
    """Rows per confidence bin and the expected calibration error over them."""
    rows, ece = [], 0.0
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        inside = (p >= lo) & ((p < hi) | (hi == 1.0))
        n = int(inside.sum())
        row = {"bin": f"{lo:.2f}-{hi:.2f}", "events": n, "correct": int(y[inside].sum())}
        if n:
            row["mean_confidence"] = round(float(p[inside].mean()), 3)
            row["share_correct"] = round(float(y[inside].mean()), 3)
            ece += n * abs(row["mean_confidence"] - row["share_correct"])
        rows.append(row)
    return rows, round(ece / len(p), 4)


def story_figures(coded: CodedStories, probabilities: list[list[float]], threshold: float) -> dict:
    """Triple P/R/F1 and volume over the stories when events under `threshold` go."""
    total = PRF(0, 0, 0)
    for story, records, probs in zip(coded.stories, coded.records, probabilities, strict=True):
        kept = [r for r, p in zip(records, probs, strict=True) if p >= threshold]
        total = total + score_story(story, kept).prf("triple")
    return {
        "threshold": threshold,
        "triple_p": round(total.precision or 0.0, 4),
        "triple_r": round(total.recall or 0.0, 4),
        "triple_f1": round(total.f1 or 0.0, 4),
        "volume": round(total.coded / total.gold, 3) if total.gold else None,
    }


def per_record(coded: CodedStories, score_of) -> list[list[float]]:
    """The coder's confidence for every record (counted or not) of every story."""
    return [
        as_coded(records, [score_of(np.array(r["evidence"][FEATURE_KEY])) for r in records])
        for records in coded.records
    ]


def sentence_figures(coder: Coder, paths: list[Path], score_of) -> dict[str, list[dict]]:
    """PLOVER macro-F1 and yield of each sentence set at each threshold (final fit)."""
    out: dict[str, list[dict]] = {}
    for path in paths:
        gold = read_gold(path)
        preds, _ = code_gold(coder, gold.sentences)
        for events in preds:
            probs = [score_of(np.array(e["evidence"][FEATURE_KEY])) for e in events]
            for e, conf in zip(events, as_coded(events, probs), strict=True):
                e["confidence"] = conf
        rows = []
        for t in THRESHOLDS:
            kept = [[e for e in events if e["confidence"] >= t] for events in preds]
            figures = score_set(gold.name, gold.sentences, kept).figures
            row = {"threshold": t}
            row |= {k: round(figures[k].value, 4) for k in SET_FIGURES if figures[k].value}
            rows.append(row)
        out[gold.name] = rows
        print(f"{gold.name} at threshold 0: {rows[0]}", file=sys.stderr)
    return out


def choose_threshold(oof_rows: list[dict], sentence_rows: dict[str, list[dict]]) -> float:
    """Best out-of-fold triple F1 among thresholds that cost no sentence set more than
    MAX_SET_LOSS of its figures; the lower threshold on a tie."""

    def allowed(i: int) -> bool:
        return all(
            rows[0][key] - rows[i].get(key, 0.0) <= MAX_SET_LOSS
            for rows in sentence_rows.values()
            for key in SET_FIGURES
            if key in rows[0]
        )

    best = max(
        (i for i in range(len(THRESHOLDS)) if allowed(i)),
        key=lambda i: (oof_rows[i]["triple_f1"], -i),
    )
    return THRESHOLDS[best]


def story_threshold(oof_rows: list[dict]) -> float:
    """The lowest threshold whose out-of-fold triple F1 is within STORY_F1_TOLERANCE of
    the best: the curve is flat near its top, and of equal F1 the lower threshold keeps
    more events (volume, root F1)."""
    best = max(r["triple_f1"] for r in oof_rows)
    return min(r["threshold"] for r in oof_rows if r["triple_f1"] >= best - STORY_F1_TOLERANCE)


def evidence_confidence(coded: CodedStories) -> np.ndarray:
    """What `confidence` was before this fit (the evidence score, clipped), per counted event."""
    per = [[min(max(r["evidence"][ORDER_KEY], 0.01), 0.99) for r in rs] for rs in coded.records]
    return counted_values(coded, per)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--stories", type=Path, default=REPO / "training" / "stories_train.jsonl")
    p.add_argument("--texts", type=Path, default=REPO.parent / "shared/data/news/voa_stories.jsonl")
    p.add_argument("--dev", type=Path, help="held-out stories, measured with the final fit only")
    p.add_argument("--sentence-sets", type=Path, nargs="*", default=[])
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args(argv)

    coder = FeatureCoder(min_confidence=0.0)
    train = code_stories(coder, args.stories, args.texts)
    x, y, groups = labelled(train)
    ids = [s.id for s in train.stories]
    fold_of_story = story_folds(len(ids), ids)
    print(f"{len(y)} counted events, {int(y.sum())} triple-correct", file=sys.stderr)

    losses = {l2: log_loss(out_of_fold(x, y, groups, fold_of_story, l2), y) for l2 in L2_GRID}
    l2 = min(L2_GRID, key=lambda v: (losses[v], v))
    intercept, w = fit_logistic(x, y, l2)

    # out-of-fold probability for every record of a story, from the model of its fold
    fold_models = {}
    for k in range(FOLDS):
        held = fold_of_story[groups] == k
        fold_models[k] = fit_logistic(x[~held], y[~held], l2)
    oof_records = [
        as_coded(
            records,
            [
                float(predict(np.array(r["evidence"][FEATURE_KEY]), *fold_models[fold_of_story[i]]))
                for r in records
            ],
        )
        for i, records in enumerate(train.records)
    ]
    oof = counted_values(train, oof_records)
    oof_rows = [story_figures(train, oof_records, t) for t in THRESHOLDS]

    def score_of(features: np.ndarray) -> float:
        return float(predict(features, intercept, w))

    sentence_rows = sentence_figures(coder, args.sentence_sets, score_of)
    threshold = choose_threshold(oof_rows, sentence_rows)
    table, ece = reliability(oof, y)
    story = story_threshold(oof_rows)
    fit = {
        "training": f"{args.stories.name}: {len(ids)} stories, {len(y)} counted events, "
        f"{int(y.sum())} triple-correct",
        "l2": l2,
        "oof_log_loss": {str(k): round(v, 5) for k, v in losses.items()},
        "oof_reliability": table,
        "oof_ece": ece,
        "ece_before": reliability(evidence_confidence(train), y)[1],
        "oof_by_threshold": oof_rows,
        "sentence_sets_by_threshold": sentence_rows,
    }
    if args.dev is not None:
        dev = code_stories(coder, args.dev, args.texts)
        _, yd, _ = labelled(dev)
        dev_records = per_record(dev, score_of)
        dev_table, dev_ece = reliability(counted_values(dev, dev_records), yd)
        fit["held_out"] = {
            "stories": f"{args.dev.name}: {len(dev.stories)} stories, {len(yd)} counted events, "
            f"{int(yd.sum())} triple-correct",
            "reliability": dev_table,
            "ece": dev_ece,
            "ece_before": reliability(evidence_confidence(dev), yd)[1],
            "without_threshold": story_figures(dev, dev_records, 0.0),
            "with_threshold": story_figures(dev, dev_records, threshold),
            "with_story_threshold": story_figures(dev, dev_records, story),
        }
    data = {
        "about": "Logistic model of P(event record triple-correct at story level); "
        "features in thucydides/events/confidence.py; made by scripts/fit_confidence.py",
        "intercept": round(intercept, 4),
        "weights": {name: round(float(v), 4) for name, v in zip(cm.FEATURES, w, strict=True)},
        "threshold": threshold,
        "story_threshold": story,
        "fit": fit,
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    shown = ("intercept", "weights", "threshold", "story_threshold")
    print(json.dumps({k: data[k] for k in shown}, indent=1))
    print(f"out-of-fold ECE {ece}, l2 {l2}; wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
