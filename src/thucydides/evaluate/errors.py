"""The errors files `thucydides eval` writes: for sentence sets, one record per gold
sentence that failed a metric; for stories, one record per story with every missed,
spurious and matched event (matched ones flagged `correct: true` with the coded event's
confidence, so that confidence can later be calibrated against triple correctness)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from thucydides.evaluate.calibration import event_correct
from thucydides.evaluate.run import Evaluation
from thucydides.evaluate.stories import StoryScore


def _brief(event: dict[str, Any] | None) -> dict[str, Any] | None:
    """The fields of a predicted event a reader needs to see why it was scored wrong."""
    if event is None:
        return None

    def actor(role: str) -> dict[str, Any] | None:
        a = event.get(role)
        return {"text": a.get("text"), "code": a.get("code")} if isinstance(a, dict) else None

    return {
        "plover": (event.get("plover") or {}).get("event_type"),
        "cameo": (event.get("cameo") or {}).get("code"),
        "trigger": (event.get("trigger") or {}).get("text"),
        "source": actor("source"),
        "target": actor("target"),
        "polarity": event.get("polarity"),
        "modality": event.get("modality"),
        "confidence": event.get("confidence"),
        "evidence": event.get("evidence"),
    }


def error_records(evaluation: Evaluation) -> Iterator[dict[str, Any]]:
    """One record per gold sentence that failed any metric, to read side by side."""
    for s in evaluation.sets:
        aliases = s.result.aliases
        for gold, events, j in zip(
            s.gold.sentences, s.predictions, s.result.judgements, strict=True
        ):
            extra = [e for e in events if e is not j.top and event_correct(e, gold, aliases)]
            failed = j.failed + (["precision"] if gold.get("events") == [] and events else [])
            if not failed:
                continue
            yield {
                "id": gold["id"],
                "set": s.result.name,
                "text": gold["text"],
                "gold": gold.get("events"),
                "top": _brief(j.top),
                "n_events": len(events),
                "failed": failed,
                "right_type_not_top": bool(extra),
            }


def write_errors(evaluation: Evaluation, path: Path) -> int:
    return write_jsonl(error_records(evaluation), path)


def write_story_errors(evaluation: Evaluation, path: Path) -> int:
    return write_jsonl(story_error_records(evaluation), path)


# --- stories -----------------------------------------------------------------------------------

GOLD_FIELDS = ("trigger", "cameo", "plover", "source", "source_code", "target", "target_code")
GOLD_FIELDS += ("modality", "date", "note")


def _gold_brief(record: dict[str, Any]) -> dict[str, Any]:
    return {key: record.get(key) for key in GOLD_FIELDS}


def story_events(score: StoryScore) -> list[dict[str, Any]]:
    """Every counted event of one story as matched, missed or spurious (on triples), in
    story order; `root_paired` says whether the root alone would have paired it."""
    text = score.story.text
    triple = dict(score.pairs["triple"])
    gold_taken = {gi: ci for ci, gi in triple.items()}
    root_c = {ci for ci, _ in score.pairs["root"]}
    root_g = {gi for _, gi in score.pairs["root"]}
    items: list[tuple[int, dict[str, Any]]] = []
    for gi, g in enumerate(score.gold):
        at = g.sentence[0] if g.sentence else -1
        sentence = text[g.sentence[0] : g.sentence[1]] if g.sentence else g.record.get("sentence")
        ci = gold_taken.get(gi)
        item: dict[str, Any] = {"kind": "matched" if ci is not None else "missed"}
        item |= {"correct": ci is not None, "confidence": None, "sentence": sentence}
        item["gold"] = _gold_brief(g.record)
        if ci is None:
            item |= {"coded": None, "root_paired": gi in root_g, "sentence_found": at >= 0}
        else:
            coded = score.coded[ci]
            item |= {"confidence": coded.get("confidence"), "coded": _brief(coded)}
        items.append((max(at, 0), item))
    for ci, coded in enumerate(score.coded):
        if ci in triple:
            continue
        where = score.where[ci]
        sentence = text[where[0] : where[1]] if where else coded.get("sentence")
        item = {"kind": "spurious", "correct": False, "confidence": coded.get("confidence")}
        item |= {"sentence": sentence, "in_gold_sentence": where is not None, "gold": None}
        item |= {"coded": _brief(coded), "root_paired": ci in root_c}
        start = (coded.get("trigger") or {}).get("start") or 0
        items.append((where[0] if where else start, item))
    items.sort(key=lambda pair: pair[0])
    return [item for _, item in items]


def story_error_records(evaluation: Evaluation) -> Iterator[dict[str, Any]]:
    """One record per story."""
    for s in evaluation.stories:
        for score in s.result.scores:
            yield {
                "id": score.story.id,
                "set": s.result.name,
                "gold_events": len(score.gold),
                "coded_events": len(score.coded),
                "unfound_sentences": score.story.unfound,
                "events": story_events(score),
            }


def write_jsonl(records: Iterable[dict[str, Any]], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n
