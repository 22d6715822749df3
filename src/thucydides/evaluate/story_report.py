"""Story sets as text: the summary for the terminal and the report's story sections
(micro-averaged figures over all stories, then one row per story)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from thucydides.evaluate.calibration import STORY_BINS, expected_calibration_error, reliability
from thucydides.evaluate.stories import PRF, StoryScore, StorySetResult
from thucydides.evaluate.tables import fixed, num, table

if TYPE_CHECKING:
    from thucydides.evaluate.run import Evaluation

PAIRING_NAMES = {"triple": "triple", "root": "CAMEO root", "plover": "PLOVER"}
STORY_HEADER = ["story", "gold events", "coded events", "triple P", "triple R", "triple F1"]
STORY_HEADER += ["root F1"]
STORY_NOTE = (
    "Every event the coder outputs against every gold event, micro-averaged over the"
    ' stories (shared/docs/evaluation.md, "Whole stories"; the choices it leaves open are'
    " stated in docs/gold-format.md)."
)


def _prf_row(name: str, prf: PRF) -> list[str]:
    return [name, num(prf.precision), num(prf.recall), num(prf.f1), str(prf.matched)]


def _story_row(score: StoryScore) -> list[str]:
    triple, root = score.prf("triple"), score.prf("root")
    return [score.story.id, str(len(score.gold)), str(len(score.coded))] + [
        num(triple.precision),
        num(triple.recall),
        num(triple.f1),
        num(root.f1),
    ]


def _counts(r: StorySetResult) -> str:
    t = r.prf["triple"]
    return (
        f"{len(r.scores)} stories, {t.gold} gold actual events, {t.coded} coded events counted "
        f"(actual + asserted; {r.uncounted} others left out)"
    )


def _extras(r: StorySetResult) -> list[str]:
    """The figures beside P/R/F1, one phrase each."""
    root_pairs = r.source_prefix.n
    return [
        f"volume ratio {num(r.volume.value, 2)} (coded per gold actual event)",
        f"source prefix accuracy {num(r.source_prefix.value)}, target prefix accuracy"
        f" {num(r.target_prefix.value)} (over {root_pairs} root-matched pairs)",
        f"events on stories whose gold has none: {r.empty_story_events}"
        f" ({r.empty_stories} such stories)",
        f"gold sentences not found in the story text: {r.unfound_sentences}"
        f" ({r.unfound_events} actual gold events in them, scored as missed)",
    ]


def story_headline(evaluation: Evaluation) -> list[str]:
    lines: list[str] = []
    for s in evaluation.stories:
        r = s.result
        lines += [f"{r.name}: {_counts(r)}"]
        rows = [_prf_row(PAIRING_NAMES[how], prf)[:4] for how, prf in r.prf.items()]
        lines += fixed(["pairing", "P", "R", "F1"], rows)
        lines += [f"  {phrase}" for phrase in _extras(r)]
        lines += fixed(STORY_HEADER, [_story_row(score) for score in r.scores])
        lines.append("")
    lines.append(
        f"{evaluation.n_stories} stories coded in {evaluation.story_seconds:.1f} s "
        f"({evaluation.story_coder})"
    )
    return lines


def story_section(r: StorySetResult) -> list[str]:
    lines = [f"## {r.name} (whole stories)", "", f"{_counts(r)}.", "", STORY_NOTE, ""]
    rows = [_prf_row(PAIRING_NAMES[how], prf) for how, prf in r.prf.items()]
    lines += table(["pairing", "precision", "recall", "F1", "pairs"], rows)
    lines += ["", *(f"- {phrase}" for phrase in _extras(r)), ""]
    lines += ["### Stories", ""]
    lines += table(STORY_HEADER, [_story_row(score) for score in r.scores])
    lines += story_reliability(r)
    unfound = [(score.story.id, text) for score in r.scores for text in score.story.unfound]
    if unfound:
        lines += ["", "### Gold sentences not found in the story text", ""]
        lines += [f"- {sid}: {text[:80]!r}" for sid, text in unfound]
    return [*lines, ""]


def story_reliability(r: StorySetResult) -> list[str]:
    """Is `confidence` the probability that a record is right? Counted coded events binned
    by confidence; right = paired with a gold event on the triple."""
    scored = []
    for score in r.scores:
        right = {ci for ci, _ in score.pairs["triple"]}
        scored += [
            (float(e.get("confidence") or 0.0), ci in right) for ci, e in enumerate(score.coded)
        ]
    bins = reliability(scored, STORY_BINS)
    rows = [[f"{b.low:.2f}–{b.high:.2f}", str(b.n), num(b.mean_confidence), num(b.accuracy)]
            for b in bins]  # fmt: skip
    lines = ["", "### Reliability of `confidence` (right = triple-matched)", ""]
    lines += table(["confidence", "events", "mean confidence", "share right"], rows)
    return [*lines, "", f"Expected calibration error: {num(expected_calibration_error(bins))}"]


def story_sections(evaluation: Evaluation) -> list[str]:
    lines: list[str] = []
    for s in evaluation.stories:
        lines += story_section(s.result)
    return lines
