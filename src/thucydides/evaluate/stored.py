"""Event-type probabilities read from a file instead of computed by the shipped model.

The shipped model was trained on the gold sets, so scoring the full coder on them says how
well it fits what it has seen. `scripts/oof_probabilities.py` gives every gold sentence
the probabilities of a model trained without it (out of fold); `thucydides eval
--type-probabilities FILE` codes with those, which is an honest estimate of the coder on
news of the same kind, and a fair ground for tuning how rules and model combine.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from thucydides.errors import UserError
from thucydides.events.classifier import current_types


class MissingSentence(LookupError):
    """A sentence the table has no probabilities for (the gold set changed since)."""


def _record(path: Path, n: int, line: str) -> tuple[str, dict[str, float]]:
    try:
        row = json.loads(line)
        probs = row["probs"]
        return str(row["text"]), current_types(list(probs), [float(p) for p in probs.values()])
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise UserError(
            f'{path} line {n} is not a type-probability record {{"text", "probs"}} '
            f"({type(exc).__name__})."
        ) from None


class StoredTypeProbabilities:
    """Stands in for `EventTypeModel` in the coder: `name` and `type_probabilities`. With a
    `fallback` model, a sentence the table lacks takes that model's probabilities (and is
    counted in `fallbacks`) instead of failing: the table is built for the sentence sets,
    and a whole story's sentences are mostly not in it."""

    def __init__(self, path: Path, fallback=None) -> None:
        self.path = path
        self.fallback = fallback
        self.lookups = 0
        self.fallbacks = 0
        self.table: dict[str, dict[str, float]] = {}
        try:
            with path.open(encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    if line.strip():
                        text, probs = _record(path, n, line)
                        self.table[text] = probs
        except FileNotFoundError:
            raise UserError(
                f"No type-probability file at {path}: build it with "
                "`.venv-train/bin/python scripts/oof_probabilities.py`."
            ) from None
        if not self.table:
            raise UserError(f"{path} holds no type probabilities.")
        self.name = f"out-of-fold probabilities from {path.name}"
        if fallback is not None:
            self.name += f", else {fallback.name}"

    def type_probabilities(self, sentences: Sequence[str]) -> list[dict[str, float]]:
        out: list[dict[str, float] | None] = [self.table.get(text) for text in sentences]
        self.lookups += len(sentences)
        missing = [i for i, probs in enumerate(out) if probs is None]
        if missing and self.fallback is None:
            text = sentences[missing[0]]
            raise MissingSentence(
                f"no stored type probabilities for the sentence {text[:60]!r}: rebuild "
                f"{self.path.name} for these gold files"
            )
        if missing:
            self.fallbacks += len(missing)
            found = self.fallback.type_probabilities([sentences[i] for i in missing])
            for i, probs in zip(missing, found, strict=True):
                out[i] = probs
        return out  # type: ignore[return-value]
