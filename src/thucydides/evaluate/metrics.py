"""Gold sets -> accuracy figures, exactly as shared/docs/evaluation.md defines them.

Everything here is a pure function over plain data: a gold sentence is the dict read from
a gold JSONL line, and a prediction is the list of `Event.to_dict()` records coded for it.
That keeps every metric testable with hand-made predictions and no model; the runner that
reads files and codes them lives in `run`, the Markdown report in
`report`, the reliability of `confidence` in `calibration`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

NONE = "none"  # the label of a sentence for which nothing was coded: always wrong
UNTYPED = "null"  # the label of a top event that carries no value for the metric
# Metrics scored per sentence, in report order; triples and yield are counted per set.
SENTENCE_METRICS = (
    *("plover", "penta", "root", "code", "source", "target"),
    *("source_code", "target_code"),  # actor codes, first three letters
)

_WORD = re.compile(r"[^\W_]+")  # letters and digits, any script


def top_event(events: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The event with the highest confidence; on a tie the first one (max keeps the first)."""
    if not events:
        return None
    return max(events, key=lambda e: float(e.get("confidence") or 0.0))


def penta_of_root(root: str | None) -> int | None:
    """CAMEO root -> five-class (penta) label: 0 statement, 1 verbal cooperation,
    2 material cooperation, 3 verbal conflict, 4 material conflict."""
    if not root or not root.isdigit():
        return None
    r = int(root)
    if 1 <= r <= 2:
        return 0
    if 3 <= r <= 5:
        return 1
    if 6 <= r <= 8:
        return 2
    if 9 <= r <= 13 or r == 16:
        return 3
    if r in (14, 15) or 17 <= r <= 20:
        return 4
    return None


def word_tokens(text: str | None) -> set[str]:
    """Lower-cased letter/digit words; U+02BC (a "letter" used as an apostrophe in
    "governmentʼs") splits words like ' and ’ do."""
    return set(_WORD.findall(text.lower().replace("\u02bc", " "))) if text else set()


def text_match(gold: str | None, predicted: str | None) -> bool:
    """Actor text match: Jaccard of word tokens >= 0.5, or all of one side's tokens in the
    other. Gold `"A; B"` lists alternatives: matching any one counts."""
    pred = word_tokens(predicted)
    if not gold or not pred:
        return False
    for alternative in gold.split(";"):
        g = word_tokens(alternative)
        if not g:
            continue
        if g <= pred or pred <= g or len(g & pred) / len(g | pred) >= 0.5:
            return True
    return False


def code_match(gold: str | None, predicted: str | None) -> bool:
    """Actor code match on the first three letters (the country or IGO part); gold
    `"HUN; ROU"` lists alternatives."""
    if not gold or not predicted or len(predicted) < 3:
        return False
    return any(g.strip()[:3].upper() == predicted[:3].upper() for g in gold.split(";"))


def plover_aliases(gold_types: Iterable[str]) -> dict[str, str]:
    """Predicted-type renames for a set labelled in PLOVER 1.0, where YIELD covered what
    PLOVER 2.0 (our output) splits into CONCEDE and RETREAT. Empty for 2.0 gold."""
    types = set(gold_types)
    if "YIELD" in types and not types & {"CONCEDE", "RETREAT"}:
        return {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
    return {}


# --- what one event says, and what the gold says ---------------------------------------


def _nested(event: dict[str, Any] | None, obj: str, key: str) -> Any:
    value = (event or {}).get(obj)
    return value.get(key) if isinstance(value, dict) else None


def predicted_label(
    event: dict[str, Any] | None, metric: str, aliases: dict[str, str] | None = None
) -> Any:
    """The event's value for a label metric; NONE without an event, UNTYPED when missing."""
    if event is None:
        return NONE
    if metric == "plover":
        value = _nested(event, "plover", "event_type")
        value = (aliases or {}).get(value, value)
    elif metric == "root":
        value = _nested(event, "cameo", "root")
    elif metric == "code":
        value = _nested(event, "cameo", "code")
    elif metric == "penta":
        value = penta_of_root(_nested(event, "cameo", "root"))
    else:
        raise ValueError(f"not a label metric: {metric}")
    return UNTYPED if value is None else value


def gold_labels(gold: dict[str, Any], metric: str) -> list[Any]:
    """The non-null values the gold events carry for a metric ([] = not labelled)."""
    values = []
    for ev in gold.get("events") or []:
        if metric == "plover":
            value = ev.get("plover")
        elif metric == "root":
            value = ev.get("cameo_root") or (ev.get("cameo") or "")[:2] or None
        elif metric == "code":
            value = ev.get("cameo")
        elif metric in ("penta", "source", "target", "source_code", "target_code"):
            value = ev.get(metric)
        else:
            raise ValueError(f"not a gold label: {metric}")
        if value is not None:
            values.append(value)
    return values


@dataclass(slots=True)
class Judgement:
    """How one gold sentence fared: the top event, and per metric the (gold, predicted)
    pair and whether it counts as right. Metrics the gold does not label are absent."""

    id: str
    n_events: int
    top: dict[str, Any] | None
    pairs: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    correct: dict[str, bool] = field(default_factory=dict)
    triples: tuple[int, int, int] | None = None  # (matched, predicted, gold) or not scored

    @property
    def failed(self) -> list[str]:
        return [m for m in SENTENCE_METRICS if self.correct.get(m) is False]


def judge(
    gold: dict[str, Any], events: Sequence[dict[str, Any]], aliases: dict[str, str] | None = None
) -> Judgement:
    """Score one sentence on every metric its gold labels. With several gold events the
    top event is credited if it matches any of them."""
    top = top_event(events)
    j = Judgement(id=str(gold.get("id")), n_events=len(events), top=top)
    for metric in ("plover", "penta", "root", "code"):
        golds = gold_labels(gold, metric)
        if not golds:
            continue
        pred = predicted_label(top, metric, aliases)
        ok = pred in golds
        j.pairs[metric] = (pred if ok else golds[0], pred)
        j.correct[metric] = ok
    for role in ("source", "target"):
        golds = gold_labels(gold, role)
        if not golds:
            continue
        pred_text = _nested(top, role, "text")
        ok = any(text_match(g, pred_text) for g in golds)
        j.pairs[role] = (golds[0], pred_text)
        j.correct[role] = ok
    for role in ("source", "target"):  # actor codes: no event or no actor counts as wrong
        golds = gold_labels(gold, f"{role}_code")
        if not golds:
            continue
        pred_code = _nested(top, role, "code")
        ok = any(code_match(g, pred_code) for g in golds)
        j.pairs[f"{role}_code"] = (golds[0], pred_code)
        j.correct[f"{role}_code"] = ok
    j.triples = triple_counts(gold, events)
    return j


# --- triples -----------------------------------------------------------------------------


def _gold_triple(ev: dict[str, Any]) -> tuple[str, str, str] | None:
    root = ev.get("cameo_root") or (ev.get("cameo") or "")[:2]
    if root and ev.get("source_code") and ev.get("target_code"):
        return root, ev["source_code"], ev["target_code"]
    return None


def triple_counts(
    gold: dict[str, Any], events: Sequence[dict[str, Any]]
) -> tuple[int, int, int] | None:
    """(matched, predicted, gold) triples for a sentence whose gold has full triples, or
    that expects no event; None otherwise. Each gold event is matched at most once,
    events taken in order of confidence."""
    gold_events = gold.get("events") or []
    triples = [t for ev in gold_events if (t := _gold_triple(ev))]
    if not triples and gold.get("events") != []:
        return None
    unmatched = list(triples)
    matched = 0
    for event in sorted(events, key=lambda e: -float(e.get("confidence") or 0.0)):
        root = _nested(event, "cameo", "root")
        src, tgt = _nested(event, "source", "code"), _nested(event, "target", "code")
        for t in unmatched:
            if root == t[0] and code_match(t[1], src) and code_match(t[2], tgt):
                unmatched.remove(t)
                matched += 1
                break
    return matched, len(events), len(triples)


# --- aggregates ------------------------------------------------------------------------------


@dataclass(slots=True)
class Figure:
    """One figure with the number of items it was computed over (value None when n = 0)."""

    value: float | None
    n: int


@dataclass(slots=True)
class ClassRow:
    label: Any
    precision: float
    recall: float
    f1: float
    support: int


def macro_f1(pairs: Sequence[tuple[Any, Any]]) -> tuple[Figure, list[ClassRow]]:
    """Macro-F1 over the labels present in gold; predicting a label gold never uses only
    costs the recall of the gold label it replaced."""
    support = Counter(g for g, _ in pairs)
    predicted = Counter(p for _, p in pairs)
    hits = Counter(g for g, p in pairs if g == p)
    rows = []
    for label in sorted(support, key=str):
        p = hits[label] / predicted[label] if predicted[label] else 0.0
        r = hits[label] / support[label]
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rows.append(ClassRow(label, p, r, f1, support[label]))
    value = sum(row.f1 for row in rows) / len(rows) if rows else None
    return Figure(value, len(pairs)), rows


def share(flags: Iterable[bool]) -> Figure:
    flags = list(flags)
    return Figure(sum(flags) / len(flags) if flags else None, len(flags))


def confusion(pairs: Iterable[tuple[Any, Any]]) -> dict[Any, Counter]:
    """gold label -> Counter of predicted labels."""
    table: dict[Any, Counter] = {}
    for g, p in pairs:
        table.setdefault(g, Counter())[p] += 1
    return table


@dataclass(slots=True)
class SetResult:
    name: str
    judgements: list[Judgement]
    figures: dict[str, Figure]
    plover_rows: list[ClassRow]
    penta_rows: list[ClassRow]
    plover_confusion: dict[Any, Counter]
    aliases: dict[str, str]


FIGURE_NAMES = {
    "plover_f1": "PLOVER macro-F1",
    "penta_f1": "five-class macro-F1",
    "root_acc": "CAMEO root accuracy",
    "code_acc": "CAMEO code accuracy",
    "source": "source match",
    "target": "target match",
    "source_code": "source code match",
    "target_code": "target code match",
    "triple_p": "triple precision",
    "triple_r": "triple recall",
    "yield": "yield",
}


def score_set(
    name: str, golds: Sequence[dict[str, Any]], predictions: Sequence[Sequence[dict[str, Any]]]
) -> SetResult:
    """All figures for one gold set; `predictions[i]` are the events coded for `golds[i]`."""
    if len(golds) != len(predictions):
        raise ValueError("one prediction list per gold sentence")
    aliases = plover_aliases(t for g in golds for t in gold_labels(g, "plover"))
    js = [judge(g, p, aliases) for g, p in zip(golds, predictions, strict=True)]

    def pairs(metric: str) -> list[tuple[Any, Any]]:
        return [j.pairs[metric] for j in js if metric in j.pairs]

    plover_f1, plover_rows = macro_f1(pairs("plover"))
    penta_f1, penta_rows = macro_f1(pairs("penta"))
    triples = [j.triples for j in js if j.triples is not None]
    matched = sum(t[0] for t in triples)
    n_pred, n_gold = sum(t[1] for t in triples), sum(t[2] for t in triples)
    scored = n_gold > 0  # a set without any gold triple has no triple figures
    figures = {
        "plover_f1": plover_f1,
        "penta_f1": penta_f1,
        "root_acc": share(j.correct["root"] for j in js if "root" in j.correct),
        "code_acc": share(j.correct["code"] for j in js if "code" in j.correct),
        "source": share(j.correct["source"] for j in js if "source" in j.correct),
        "target": share(j.correct["target"] for j in js if "target" in j.correct),
        "source_code": share(j.correct["source_code"] for j in js if "source_code" in j.correct),
        "target_code": share(j.correct["target_code"] for j in js if "target_code" in j.correct),
        "triple_p": Figure(matched / n_pred if scored and n_pred else None, n_pred * scored),
        "triple_r": Figure(matched / n_gold if scored else None, n_gold),
        "yield": share(j.n_events > 0 for j in js),
    }
    return SetResult(
        name, js, figures, plover_rows, penta_rows, confusion(pairs("plover")), aliases
    )
