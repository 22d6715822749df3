"""Is `confidence` worth trusting? Reliability bins, expected calibration error and the
check that a confidence filter removes more wrong events than right ones. Kept apart from
the per-sentence metrics in `evaluate`; like them, pure functions over plain data."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from thucydides.evaluate.metrics import gold_labels, plover_aliases, predicted_label, top_event

RELIABILITY_BINS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0))
# for whole records on stories, where right is rare and most confidences are low
STORY_BINS = (
    (0.0, 0.02),
    (0.02, 0.05),
    (0.05, 0.1),
    (0.1, 0.2),
    (0.2, 0.3),
    (0.3, 0.5),
    (0.5, 1.0),
)


def event_correct(
    event: dict[str, Any], gold: dict[str, Any], aliases: dict[str, str] | None = None
) -> bool | None:
    """Reliability's notion of right: the event's PLOVER type or CAMEO root matches a gold
    label (penta class where the gold has only that). None when the gold labels no type;
    any event in a sentence with `events: []` is wrong."""
    if gold.get("events") == []:
        return False
    verdicts = [
        predicted_label(event, metric, aliases) in golds
        for metric in ("plover", "root")
        if (golds := gold_labels(gold, metric))
    ]
    if not verdicts and (golds := gold_labels(gold, "penta")):
        verdicts = [predicted_label(event, "penta") in golds]
    return any(verdicts) if verdicts else None


@dataclass(slots=True)
class ReliabilityBin:
    low: float
    high: float
    n: int
    correct: int
    mean_confidence: float | None

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.n if self.n else None


def reliability(
    scored: Iterable[tuple[float, bool]], edges: Sequence[tuple[float, float]] = RELIABILITY_BINS
) -> list[ReliabilityBin]:
    """(confidence, correct) pairs binned 0-0.2, ..., 0.8-1.0 (the last bin includes 1.0)."""
    bins = [[lo, hi, 0, 0, 0.0] for lo, hi in edges]
    for conf, ok in scored:
        i = sum(conf >= lo for lo, _ in edges[1:])  # edges, not conf/0.2: 0.6/0.2 < 3
        bins[i][2] += 1
        bins[i][3] += int(ok)
        bins[i][4] += conf
    return [ReliabilityBin(lo, hi, n, c, s / n if n else None) for lo, hi, n, c, s in bins]


def expected_calibration_error(bins: Sequence[ReliabilityBin]) -> float | None:
    total = sum(b.n for b in bins)
    if not total:
        return None
    return sum(b.n * abs(b.mean_confidence - b.accuracy) for b in bins if b.n) / total


@dataclass(slots=True)
class FilterCheck:
    """What dropping events under a confidence threshold would remove."""

    threshold: float
    wrong_removed: int
    right_removed: int

    @property
    def passes(self) -> bool:
        return (
            self.wrong_removed > self.right_removed or self.wrong_removed == self.right_removed == 0
        )


def filter_check(scored: Iterable[tuple[float, bool]], threshold: float = 0.5) -> FilterCheck:
    removed = [ok for conf, ok in scored if conf < threshold]
    return FilterCheck(threshold, sum(not ok for ok in removed), sum(removed))


def scored_events(
    golds: Sequence[dict[str, Any]],
    predictions: Sequence[Sequence[dict[str, Any]]],
    top_only: bool = True,
) -> list[tuple[float, bool]]:
    """(confidence, correct) for each top event (or every event) whose gold labels a type."""
    aliases = plover_aliases(t for g in golds for t in gold_labels(g, "plover"))
    out = []
    for gold, events in zip(golds, predictions, strict=True):
        chosen = ([top] if (top := top_event(events)) else []) if top_only else list(events)
        for event in chosen:
            ok = event_correct(event, gold, aliases)
            if ok is not None:
                out.append((float(event.get("confidence") or 0.0), ok))
    return out
