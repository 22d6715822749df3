"""Confidence: the probability that an event record is right as a whole.

Right means what `thucydides eval` scores on whole stories: the gold sentence holds an
actual event with the same CAMEO root and the same first three letters of source and
target code. A small logistic model over what the coder knows when it makes the event
(how the reading was found, how sure the model was, how the actors were resolved) gives
that probability. Its weights are package data (data/confidence.json), fitted by
scripts/fit_confidence.py on the project's own story coding (training/stories_train.jsonl)
and loaded once; the file also holds the default output threshold and the fit's figures.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from thucydides import ontology

if TYPE_CHECKING:  # combine imports this module; a runtime import would be circular
    from thucydides.events.combine import Candidate
    from thucydides.model import Actor

DATA_FILE = "confidence.json"
# an alternative reading this close to the winner's score makes the code a toss-up
CLOSE_ALTERNATIVE = 0.1
# the model's probability where it has none to give (--fast, or a CAMEO 01/02 statement)
NO_MODEL_P = 0.35

# the model's inputs, in the order of the weights in data/confidence.json
FEATURES = (
    "model_only",  # no pattern: the model's reading at the sentence's main verb
    "specificity",  # the pattern's specificity, 0-3, over 3
    "p_model",  # the model's probability of the event's PLOVER type
    "subordinate",  # the trigger sits below another event's trigger
    "noun",  # a noun trigger ("the arrest of"), not a verb
    "close_alternative",  # a losing reading of the act scored nearly as high
    "statement",  # CAMEO 01/02: says, appeals (no PLOVER type)
    "conflict",  # CAMEO 10-20: demands to fighting
    "source_country",  # the source's code has a country or IGO prefix (scored)
    "source_role_only",  # the source has a code with no country ("COP", "REB")
    "source_missing",  # no source found in the parse
    "source_coreference",  # the source's code came through coreference
    "target_country",
    "target_missing",
    "same_country",  # source and target share their prefix (a domestic event)
    "same_actor",  # source and target have one code ("North Korea's envoy defended Pyongyang")
    "cooperation",  # CAMEO 03-08: intents, consultations, support, aid, yielding
)


@functools.cache
def _role_blocks() -> frozenset[str]:
    from thucydides.actors.codes import code_blocks

    return frozenset(b for b, (kind, _) in code_blocks().items() if kind == "role")


def scored_prefix(actor: Actor | None) -> str | None:
    """The actor code's first three letters where they name a country or organisation,
    the part a story is scored on; None for no code or a bare role ("COP")."""
    code = ((actor.code if actor is not None else None) or "").strip().upper()
    if not code or code.startswith("-") or code[:3] in _role_blocks():
        return None
    return code[:3]


def features(
    cand: Candidate, source: Actor | None, target: Actor | None, reading: float
) -> dict[str, float]:
    """The named inputs of the model for one event; `reading` is the winning reading's
    score (combine.reading_score), set against its alternatives'."""
    root = cand.code[:2]
    src, tgt = scored_prefix(source), scored_prefix(target)
    best_rival = max((float(a.get("score") or 0.0) for a in cand.alternatives), default=None)
    return {
        "model_only": float(cand.rule is None),
        "specificity": 0.0 if cand.rule is None else min(cand.specificity, 3) / 3,
        "p_model": NO_MODEL_P if cand.p_model is None else float(cand.p_model),
        "subordinate": float(cand.subordinate),
        "noun": float(cand.kind == "noun"),
        "close_alternative": float(
            best_rival is not None and best_rival >= reading - CLOSE_ALTERNATIVE
        ),
        "statement": float(root in {"01", "02"} or ontology.cameo(cand.code).plover_type is None),
        "conflict": float(root.isdigit() and int(root) >= 10),
        "source_country": float(src is not None),
        "source_role_only": float(source is not None and src is None and bool(source.code)),
        "source_missing": float(source is None),
        "source_coreference": float(source is not None and source.via == "coreference"),
        "target_country": float(tgt is not None),
        "target_missing": float(target is None),
        "same_country": float(src is not None and src == tgt),
        "same_actor": float(
            source is not None
            and target is not None
            and bool(source.code)
            and source.code == target.code
        ),
        "cooperation": float(root in {"03", "04", "05", "06", "07", "08"}),
    }


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """Logistic weights by feature name, and the confidence under which the coder
    outputs no event by default (0: every event): `threshold` for a text shorter than a
    story (a sentence given alone keeps its readings), `story_threshold` in a story, whose
    records the weights were fitted on."""

    intercept: float
    weights: dict[str, float]
    threshold: float
    story_threshold: float = 0.0

    @classmethod
    def from_dict(cls, data: dict) -> ConfidenceModel:
        unknown = set(data["weights"]) - set(FEATURES)
        if unknown:  # a file from another version of the features would mean nothing
            raise ValueError(f"confidence weights for unknown features: {sorted(unknown)}")
        weights = {name: float(data["weights"].get(name, 0.0)) for name in FEATURES}
        threshold = float(data.get("threshold", 0.0))
        story = float(data.get("story_threshold", threshold))
        return cls(float(data["intercept"]), weights, threshold, story)

    def probability(self, values: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights[name] * values[name] for name in FEATURES)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


@functools.cache
def load() -> ConfidenceModel:
    """The shipped model, read once per process."""
    path = resources.files("thucydides.events").joinpath("data", DATA_FILE)
    return ConfidenceModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


def default_threshold() -> float:
    return load().threshold


def default_story_threshold() -> float:
    return load().story_threshold


# how far below a stronger reading of its sentence a lesser one's confidence is held
ORDER_STEP = 0.001


def keep_sentence_order(ranked: list[tuple[float, float]]) -> list[float]:
    """Confidences for one sentence's events, given (evidence score, confidence) each: an
    event is held below every event of the sentence with a higher evidence score, so the
    sentence's leading reading stays its most confident event. (Story correctness turns
    mostly on the actors; left alone it would put a lesser reading with coded actors above
    the sentence's act, and the sentence sets, scored on the top event, lost 3-9 points.)
    Holding down only lowers confidences: calibration gives up little (ECE 0.009 -> 0.010)."""
    out = []
    for key, conf in ranked:
        above = [c for k, c in ranked if k > key]
        out.append(round(max(min(conf, min(above) - ORDER_STEP), 0.0), 3) if above else conf)
    return out
