"""Read gold JSONL files, code them, score them: the part of evaluation that touches files
and the coder. A bad gold line or a sentence the coder fails on is reported, never fatal."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from thucydides.evaluate.calibration import event_correct, scored_events
from thucydides.evaluate.metrics import SetResult, score_set
from thucydides.model import Document


class CoderLike(Protocol):
    def code(self, text: str, date: str | None = None, doc_id: str = "doc") -> list[Any]: ...

    def code_documents(
        self, docs: Iterable[Document], batch_size: int = 32
    ) -> Iterator[tuple[Document, list[Any]]]: ...


@dataclass(slots=True)
class GoldFile:
    path: Path
    name: str
    sentences: list[dict[str, Any]]
    problems: list[str] = field(default_factory=list)
    total: int = 0  # valid sentences before --limit


def _check_sentence(row: Any) -> str | None:
    """Why a parsed gold line cannot be used, or None."""
    if not isinstance(row, dict):
        return "not a JSON object"
    if not isinstance(row.get("id"), str | int) or str(row.get("id")) == "":
        return 'no "id"'
    if not isinstance(row.get("text"), str) or not row["text"].strip():
        return 'no "text"'
    events = row.get("events")
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        return '"events" is not a list of objects'
    if row.get("date") is not None and not isinstance(row["date"], str):
        return '"date" is not a string'
    return None


def read_gold(path: Path, limit: int | None = None) -> GoldFile:
    """One gold file = one set. Bad lines are kept as problems naming file and line."""
    gold = GoldFile(path, path.stem.replace("-", "_"), [])
    with path.open(encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                gold.problems.append(f"{path} line {lineno}: not valid JSON ({exc.msg})")
                continue
            why = _check_sentence(row)
            if why:
                gold.problems.append(f"{path} line {lineno}: {why}; skipped")
                continue
            row["id"] = str(row["id"])
            gold.sentences.append(row)
    gold.total = len(gold.sentences)
    if not gold.sentences:
        gold.problems.append(f"{path}: no usable gold sentences")
    if limit is not None:
        gold.sentences = sample_evenly(gold.sentences, limit)
    return gold


def sample_evenly(rows: Sequence[Any], limit: int) -> list[Any]:
    """`limit` rows spread evenly through the file (gold files are often sorted by type,
    so the first N would all be one type)."""
    if limit >= len(rows):
        return list(rows)
    return [rows[i * len(rows) // limit] for i in range(limit)]


def _records(events: Iterable[Any]) -> list[dict[str, Any]]:
    return [e.to_dict() if hasattr(e, "to_dict") else dict(e) for e in events]


def code_gold(
    coder: CoderLike, sentences: Sequence[dict[str, Any]], batch_size: int = 32
) -> tuple[list[list[dict[str, Any]]], list[str]]:
    """Events for each sentence, in order. A batch that fails is recoded one sentence at a
    time so that a single sentence the coder cannot handle costs only itself."""
    predictions: list[list[dict[str, Any]]] = []
    problems: list[str] = []
    for start in range(0, len(sentences), batch_size):
        chunk = sentences[start : start + batch_size]
        docs = [Document(id=s["id"], text=s["text"], date=s.get("date")) for s in chunk]
        try:
            coded = [_records(events) for _, events in coder.code_documents(docs, batch_size)]
            if len(coded) != len(docs):
                raise RuntimeError(f"coder returned {len(coded)} results for {len(docs)} documents")
        except Exception:  # recode one by one to find the sentence at fault
            coded = []
            for doc in docs:
                try:
                    coded.append(_records(coder.code(doc.text, doc.date, doc.id)))
                except Exception as exc:  # reported; the sentence scores as no events
                    problems.append(f"{doc.id}: the coder failed ({type(exc).__name__}: {exc})")
                    coded.append([])
        predictions.extend(coded)
    return predictions, problems


@dataclass(slots=True)
class ScoredSet:
    gold: GoldFile
    predictions: list[list[dict[str, Any]]]  # per sentence, Event.to_dict() records
    result: SetResult


@dataclass(slots=True)
class Evaluation:
    files: list[GoldFile]  # every file given, usable or not
    sets: list[ScoredSet]  # the files that had sentences
    problems: list[str]
    seconds: float
    coder: str = "coder"  # how it was configured, for the report

    @property
    def n_sentences(self) -> int:
        return sum(len(s.gold.sentences) for s in self.sets)

    def scored(self, top_only: bool = True) -> list[tuple[float, bool]]:
        """(confidence, correct) over all sets, for the reliability table."""
        out: list[tuple[float, bool]] = []
        for s in self.sets:
            out.extend(scored_events(s.gold.sentences, s.predictions, top_only))
        return out


def read_gold_files(paths: Sequence[Path], limit: int | None = None) -> list[GoldFile]:
    """Each file one set, named by its stem; two files with one stem stay two sets."""
    files = [read_gold(p, limit) for p in paths]
    names: set[str] = set()
    for f in files:
        while f.name in names:
            f.name += "'"
        names.add(f.name)
    return files


def describe(coder: CoderLike) -> str:
    """'full coder (model event-type-v1)' or 'fast coder (patterns only)'."""
    if getattr(coder, "fast", False):
        return "fast coder (patterns only)"
    model = getattr(coder, "model_name", None)
    return f"full coder (model {model})" if model else "full coder (no event-type model found)"


def evaluate(files: Sequence[GoldFile], coder: CoderLike) -> Evaluation:
    """Code every usable sentence of the gold files and score each file as a set."""
    problems = [p for f in files for p in f.problems]
    sets = []
    started = time.perf_counter()
    for f in files:
        if not f.sentences:
            continue
        preds, failed = code_gold(coder, f.sentences)
        problems.extend(failed)
        sets.append(ScoredSet(f, preds, score_set(f.name, f.sentences, preds)))
    seconds = time.perf_counter() - started
    return Evaluation(list(files), sets, problems, seconds, describe(coder))


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
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for record in error_records(evaluation):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n
