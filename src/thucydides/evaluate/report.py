"""An evaluation as text: the headline table for the terminal and the Markdown report
(per-set figures, per-type tables, confusion matrix, reliability of `confidence`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from thucydides.evaluate.calibration import expected_calibration_error, filter_check, reliability
from thucydides.evaluate.metrics import (
    FIGURE_NAMES,
    NONE,
    UNTYPED,
    ClassRow,
    Figure,
    SetResult,
)
from thucydides.evaluate.run import Evaluation
from thucydides.evaluate.story_report import story_headline, story_sections
from thucydides.evaluate.tables import fixed
from thucydides.evaluate.tables import num as _num
from thucydides.evaluate.tables import table as _table

PENTA_NAMES = {
    0: "statement",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def headline_rows(results: Sequence[SetResult]) -> tuple[list[str], list[list[str]]]:
    header = ["set", "sentences", *FIGURE_NAMES.values()]
    rows = [
        [r.name, str(len(r.judgements)), *(_num(r.figures[k].value) for k in FIGURE_NAMES)]
        for r in results
    ]
    return header, rows


def headline(evaluation: Evaluation) -> str:
    """Fixed-width tables for the terminal: one row per sentence set ('–' where a set has no
    labels), then the story sets' figures and their stories."""
    lines: list[str] = []
    if evaluation.sets:
        _, rows = headline_rows([s.result for s in evaluation.sets])
        short = ["set", "n", "PLOVER F1", "5-class F1", "root", "code", "source", "target"]
        short += ["src code", "tgt code", "triple P", "triple R", "yield"]
        lines += fixed(short, rows)
        rate = evaluation.n_sentences / evaluation.seconds if evaluation.seconds else 0.0
        lines.append(
            f"{evaluation.n_sentences} sentences coded in {evaluation.seconds:.1f} s "
            f"({rate:.0f}/s, {evaluation.coder})"
        )
    if evaluation.stories:
        lines += ["", *story_headline(evaluation)] if lines else story_headline(evaluation)
    return "\n".join(lines)


def _class_table(rows: Sequence[ClassRow], names: dict[Any, str] | None = None) -> list[str]:
    body = [
        [names.get(r.label, r.label) if names else r.label, _num(r.precision), _num(r.recall)]
        + [_num(r.f1), r.support]
        for r in rows
    ]
    return _table(["type", "precision", "recall", "F1", "support"], body)


def _confusion_table(result: SetResult) -> list[str]:
    gold_types = sorted(result.plover_confusion, key=str)
    predicted = {p for counts in result.plover_confusion.values() for p in counts}
    extra = sorted(predicted - set(gold_types) - {NONE, UNTYPED}, key=str)
    columns = gold_types + extra + [c for c in (UNTYPED, NONE) if c in predicted]
    body = []
    for g in gold_types:
        counts = result.plover_confusion[g]
        body.append([f"**{g}**", *(counts.get(c, 0) or "·" for c in columns)])
    return _table(["gold \\ predicted", *columns], body)


def _figure_line(name: str, figure: Figure) -> str:
    return f"- {name}: **{_num(figure.value)}** (n = {figure.n})"


def set_section(result: SetResult) -> list[str]:
    lines = [f"## {result.name}", ""]
    lines += [_figure_line(FIGURE_NAMES[k], f) for k, f in result.figures.items() if f.n]
    missing = [FIGURE_NAMES[k] for k, f in result.figures.items() if not f.n]
    if missing:
        lines.append(f"- not labelled in this set: {', '.join(missing)}")
    if result.aliases:
        pairs = ", ".join(f"{a} → {b}" for a, b in result.aliases.items())
        lines.append(
            f"- this set uses PLOVER 1.0's YIELD; predicted types were renamed to match: {pairs}"
        )
    n_failed = sum(1 for j in result.judgements if j.failed)
    lines += [f"- sentences with at least one failed metric: {n_failed}", ""]
    if result.plover_rows:
        lines += ["### PLOVER types", "", *_class_table(result.plover_rows), ""]
        lines += ["### PLOVER confusion (rows: gold, columns: top event)", ""]
        lines += [*_confusion_table(result), ""]
    if result.penta_rows:
        lines += ["### Five classes", "", *_class_table(result.penta_rows, PENTA_NAMES), ""]
    return lines


def reliability_section(evaluation: Evaluation) -> list[str]:
    top = evaluation.scored(top_only=True)
    every = evaluation.scored(top_only=False)
    lines = [
        "## Reliability of `confidence`",
        "",
        "Top events (one per sentence whose gold labels a PLOVER type, CAMEO root or five-class"
        " label), binned by confidence; correct = the event's PLOVER type or CAMEO root matches"
        " gold (the five-class label where that is all the gold has). `confidence` is fitted"
        " to whole records on stories (root and both actors' country prefixes right), so on"
        " this looser notion of right it reads low (README, Accuracy).",
        "",
    ]
    bins = reliability(top)
    body = [
        [f"{b.low:.1f}–{b.high:.1f}", b.n, _num(b.mean_confidence), _num(b.accuracy)] for b in bins
    ]
    lines += _table(["confidence", "events", "mean confidence", "share correct"], body)
    lines += ["", f"Expected calibration error: {_num(expected_calibration_error(bins))}", ""]
    for label, scored in (("top events", top), ("all events", every)):
        check = filter_check(scored, 0.5)
        verdict = "yes" if check.passes else "**no**"
        lines.append(
            f"- Filtering at {check.threshold} removes more wrong events than right ones"
            f" ({label}): {verdict} — removes {check.wrong_removed} wrong,"
            f" {check.right_removed} right (of {len(scored)})"
        )
    return [*lines, ""]


def render_markdown(evaluation: Evaluation) -> str:
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = ["# Thucydides evaluation", ""]
    if evaluation.sets:
        rate = evaluation.n_sentences / evaluation.seconds if evaluation.seconds else 0.0
        lines.append(
            f"{when}; {evaluation.coder}; {evaluation.n_sentences} sentences coded in"
            f" {evaluation.seconds:.1f} s ({rate:.0f} sentences/s)."
        )
    if evaluation.stories:
        lines.append(
            f"{when}; stories: {evaluation.story_coder}; {evaluation.n_stories} stories coded"
            f" in {evaluation.story_seconds:.1f} s."
        )
    lines += [
        "",
        "Metrics as defined in shared/docs/evaluation.md; each gold file is one set;"
        " '–' = not labelled in that set.",
        "",
        "Figures on a set the event-type model was trained or tuned on are in-sample and"
        " flatter the coder: quote the training script's cross-validated figures for those.",
        "",
    ]
    for f in evaluation.files:
        kind, n = (
            ("stories", len(f.stories))
            if f.stories is not None
            else ("sentences", len(f.sentences))
        )
        limited = f" (of {f.total}, spread evenly)" if n < f.total else ""
        lines.append(f"- `{f.path}`: {n} {kind}{limited}")
    lines.append("")
    if evaluation.sets:
        header, rows = headline_rows([s.result for s in evaluation.sets])
        lines += [*_table(header, rows), ""]
        for s in evaluation.sets:
            lines += set_section(s.result)
        lines += reliability_section(evaluation)
    lines += story_sections(evaluation)
    if evaluation.problems:
        lines += ["## Problems", "", *(f"- {p}" for p in evaluation.problems), ""]
    return "\n".join(lines)
