"""Read gold JSONL files, code them, score them: the part of evaluation that touches files
and the coder. A bad gold line or a sentence the coder fails on is reported, never fatal."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from thucydides.errors import UserError, read_user_text
from thucydides.evaluate.calibration import scored_events
from thucydides.evaluate.metrics import SetResult, score_set
from thucydides.evaluate.stories import StorySetResult, score_stories
from thucydides.evaluate.story_gold import GoldProblem, Story, check_story, is_story_record
from thucydides.evaluate.story_gold import story as story_from_record
from thucydides.model import Document


class CoderLike(Protocol):
    def code(self, text: str, date: str | None = None, doc_id: str = "doc") -> list[Any]: ...

    def code_documents(
        self, docs: Iterable[Document], batch_size: int = 32
    ) -> Iterator[tuple[Document, list[Any]]]: ...


@dataclass(slots=True)
class GoldFile:
    """One gold file = one set: sentences (scored by `metrics`) or whole stories (by
    `stories`). A file is a story file when one of its records is a story."""

    path: Path
    name: str
    sentences: list[dict[str, Any]]
    problems: list[str] = field(default_factory=list)
    total: int = 0  # valid sentences (stories) before --limit
    stories: list[Story] | None = None  # None: a sentence file

    @property
    def usable(self) -> bool:
        return bool(self.stories if self.stories is not None else self.sentences)


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


def _read_rows(path: Path, problems: list[str]) -> list[tuple[int, Any]]:
    rows = []
    with path.open(encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append((lineno, json.loads(line)))
            except json.JSONDecodeError as exc:
                problems.append(f"{path} line {lineno}: not valid JSON ({exc.msg})")
    return rows


def read_texts(path: Path) -> dict[str, dict[str, Any]]:
    """Story texts for offset-only gold: JSONL records `{"id", "text", ...}` by id."""
    text = read_user_text(path, "The story texts file", "JSON Lines text")
    texts: dict[str, dict[str, Any]] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            row = None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise UserError(f'{path} line {lineno} is not a story record {{"id", "text"}}.')
        texts[str(row.get("id"))] = row
    return texts


def _story(
    path: Path, lineno: int, row: dict[str, Any], texts: dict[str, dict[str, Any]] | None
) -> Story:
    """A checked story record with its text (its own, else from --texts)."""
    check_story(row)
    text = row.get("text")
    if text is None:
        sid = str(row["id"])
        if texts is None:
            raise UserError(
                f"Story {sid} ({path} line {lineno}) has no text: give the story texts with "
                "--texts FILE."
            )
        if sid not in texts:
            raise UserError(f"Story {sid} ({path} line {lineno}) is not in the --texts file.")
        text = texts[sid]["text"]
    return story_from_record(row, text)


def read_gold(
    path: Path, limit: int | None = None, texts: dict[str, dict[str, Any]] | None = None
) -> GoldFile:
    """One gold file = one set. Bad lines are kept as problems naming file and line; a story
    whose text is nowhere is a user error (the whole file would be meaningless)."""
    gold = GoldFile(path, path.stem.replace("-", "_"), [])
    rows = _read_rows(path, gold.problems)
    if any(is_story_record(row) for _, row in rows):
        gold.stories = []
        for lineno, row in rows:
            try:
                gold.stories.append(_story(path, lineno, row, texts))
            except GoldProblem as exc:
                gold.problems.append(f"{path} line {lineno}: {exc}; story skipped")
        gold.total = len(gold.stories)
        if not gold.stories:
            gold.problems.append(f"{path}: no usable gold stories")
        if limit is not None:
            gold.stories = sample_evenly(gold.stories, limit)
        return gold
    for lineno, row in rows:
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
class ScoredStories:
    gold: GoldFile
    predictions: list[list[dict[str, Any]]]  # per story, Event.to_dict() records
    result: StorySetResult


@dataclass(slots=True)
class Evaluation:
    files: list[GoldFile]  # every file given, usable or not
    sets: list[ScoredSet]  # the sentence files that had sentences
    problems: list[str]
    seconds: float
    coder: str = "coder"  # how it was configured, for the report
    stories: list[ScoredStories] = field(default_factory=list)  # the story files
    story_seconds: float = 0.0
    story_coder: str = "coder"

    @property
    def n_sentences(self) -> int:
        return sum(len(s.gold.sentences) for s in self.sets)

    @property
    def n_stories(self) -> int:
        return sum(len(s.result.scores) for s in self.stories)

    def scored(self, top_only: bool = True) -> list[tuple[float, bool]]:
        """(confidence, correct) over all sets, for the reliability table."""
        out: list[tuple[float, bool]] = []
        for s in self.sets:
            out.extend(scored_events(s.gold.sentences, s.predictions, top_only))
        return out


def read_gold_files(
    paths: Sequence[Path], limit: int | None = None, texts: dict[str, dict[str, Any]] | None = None
) -> list[GoldFile]:
    """Each file one set, named by its stem; two files with one stem stay two sets."""
    files = [read_gold(p, limit, texts) for p in paths]
    names: set[str] = set()
    for f in files:
        while f.name in names:
            f.name += "'"
        names.add(f.name)
    return files


def describe(coder: CoderLike) -> str:
    """'full coder (model event-type-v1; confidence >= 0.05)' or 'fast coder (patterns
    only; every event)': how it codes and the least confidence it outputs."""
    threshold = getattr(coder, "min_confidence", None)
    story = getattr(coder, "story_min_confidence", threshold)
    kept = f"confidence >= {threshold:g}" if threshold else "every event"
    if story != threshold:
        kept += f"; in stories confidence >= {story:g}" if story else "; in stories every event"
    if getattr(coder, "fast", False):
        return f"fast coder (patterns only; {kept})"
    model = getattr(coder, "model_name", None)
    if not model:
        return f"full coder (no event-type model found; {kept})"
    stored = getattr(coder, "model", None)
    fallbacks = getattr(stored, "fallbacks", 0)
    if fallbacks:  # a stored table with the shipped model behind it (stories)
        model += f"; {fallbacks} of {stored.lookups} sentences were not in the table"
    return f"full coder (model {model}; {kept})"


def evaluate(
    files: Sequence[GoldFile], coder: CoderLike | None, story_coder: CoderLike | None = None
) -> Evaluation:
    """Code every usable sentence and story of the gold files and score each file as a set.
    Stories go to `story_coder` (default: `coder`); a coder is needed only for its kind."""
    problems = [p for f in files for p in f.problems]
    story_coder = story_coder or coder
    sets = []
    started = time.perf_counter()
    for f in files:
        if f.stories is not None or not f.sentences:
            continue
        preds, failed = code_gold(coder, f.sentences)
        problems.extend(failed)
        sets.append(ScoredSet(f, preds, score_set(f.name, f.sentences, preds)))
    seconds = time.perf_counter() - started
    evaluation = Evaluation(list(files), sets, problems, seconds, describe(coder) if sets else "")
    started = time.perf_counter()
    for f in files:
        if not f.stories:
            continue
        docs = [{"id": s.id, "text": s.text, "date": s.date} for s in f.stories]
        preds, failed = code_gold(story_coder, docs, batch_size=4)
        problems.extend(failed)
        result = score_stories(f.name, f.stories, preds)
        evaluation.stories.append(ScoredStories(f, preds, result))
    evaluation.story_seconds = time.perf_counter() - started
    if evaluation.stories:
        evaluation.story_coder = describe(story_coder)
    return evaluation
