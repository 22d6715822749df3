"""Whole stories scored event by event, as shared/docs/evaluation.md "Whole stories"
defines it; the choices that text leaves open are stated in docs/gold-format.md.

Every event the coder outputs is set against every event the gold records. A coded event
belongs to the gold sentence whose span holds its trigger's start; inside a sentence,
coded and gold events pair off greedily when they agree on a key (CAMEO root and actor
prefixes for triples; the root alone; the PLOVER type alone). Only `actual` gold events
and the coder's `actual` + `asserted` events count. Pure functions over plain data: a
`Story` from `story_gold` and the coder's `Event.to_dict()` records.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from thucydides.evaluate.metrics import Figure
from thucydides.evaluate.story_gold import GoldEvent, Story

NO_COUNTRY = "---"
# PLOVER has no type for most CAMEO 01x statements: gold and coder both write null, and
# two such events agree on PLOVER as they agree on the root
UNTYPED_STATEMENT = "(no PLOVER type)"


@functools.cache
def _role_blocks() -> frozenset[str]:
    from thucydides.actors.codes import code_blocks

    return frozenset(b for b, (kind, _) in code_blocks().items() if kind == "role")


def actor_prefix(code: str | None) -> str:
    """The scored part of an actor code: its first three letters; a role with no country
    (`LEG`, `---LEG`) and a missing code are both `---`."""
    code = (code or "").strip().upper()
    if not code or code.startswith("-"):
        return NO_COUNTRY
    prefix = code[:3]
    return NO_COUNTRY if prefix in _role_blocks() else prefix


def counted(event: dict[str, Any]) -> bool:
    """The coder's events that count: actual and asserted."""
    return event.get("modality") == "actual" and event.get("polarity", "asserted") == "asserted"


def _nested(event: dict[str, Any], obj: str, key: str) -> Any:
    value = event.get(obj)
    return value.get(key) if isinstance(value, dict) else None


def coded_root(event: dict[str, Any]) -> str | None:
    return _nested(event, "cameo", "root") or (_nested(event, "cameo", "code") or "")[:2] or None


def gold_root(ev: GoldEvent) -> str | None:
    return (ev.cameo or "")[:2] or None


def coded_prefixes(event: dict[str, Any]) -> tuple[str, str]:
    return (
        actor_prefix(_nested(event, "source", "code")),
        actor_prefix(_nested(event, "target", "code")),
    )


def gold_prefixes(ev: GoldEvent) -> tuple[str, str]:
    return actor_prefix(ev.source_code), actor_prefix(ev.target_code)


def trigger_span(event: dict[str, Any]) -> tuple[int, int] | None:
    start, end = _nested(event, "trigger", "start"), _nested(event, "trigger", "end")
    return (start, end) if isinstance(start, int) and isinstance(end, int) else None


def sentence_of(event: dict[str, Any], spans: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The gold sentence span holding the event's trigger start: the shortest where spans
    nest, the first on a tie; None when no gold sentence holds it."""
    trigger = trigger_span(event)
    if trigger is None:
        return None
    holding = [s for s in spans if s[0] <= trigger[0] < s[1]]
    return min(holding, key=lambda s: (s[1] - s[0], s[0])) if holding else None


# --- pairing -----------------------------------------------------------------------------------

PAIRINGS: dict[str, tuple[Callable[[dict[str, Any]], Any], Callable[[GoldEvent], Any]]] = {
    "triple": (
        lambda e: (root, *coded_prefixes(e)) if (root := coded_root(e)) else None,
        lambda g: (root, *gold_prefixes(g)) if (root := gold_root(g)) else None,
    ),
    "root": (coded_root, gold_root),
    "plover": (
        lambda e: _nested(e, "plover", "event_type") or UNTYPED_STATEMENT,
        lambda g: g.plover or UNTYPED_STATEMENT,
    ),
}


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def pair_events(
    coded: Sequence[dict[str, Any]],
    where: Sequence[tuple[int, int] | None],
    gold: Sequence[GoldEvent],
    how: str,
) -> list[tuple[int, int]]:
    """(coded index, gold index) pairs. A pair needs one gold sentence and equal keys (a
    missing root pairs with nothing). Candidate pairs are taken best first: triggers that
    overlap, then more actor prefixes agreeing, then the coded event's higher confidence,
    then story order. Keys are equalities, so how many pair off does not depend on that
    order, only which do (the errors file, prefix accuracy)."""
    coded_key, gold_key = PAIRINGS[how]
    candidates = []
    for ci, event in enumerate(coded):
        if where[ci] is None:
            continue
        key, trigger = coded_key(event), trigger_span(event)
        prefixes = coded_prefixes(event)
        for gi, g in enumerate(gold):
            if key is None or g.sentence != where[ci] or gold_key(g) != key:
                continue
            agree = sum(a == b for a, b in zip(prefixes, gold_prefixes(g), strict=True))
            conf = float(event.get("confidence") or 0.0)
            rank = (not _overlaps(trigger, g.trigger), -agree, -conf, (trigger or (0,))[0], ci, gi)
            candidates.append((rank, ci, gi))
    taken_c: set[int] = set()
    taken_g: set[int] = set()
    pairs = []
    for _, ci, gi in sorted(candidates):
        if ci not in taken_c and gi not in taken_g:
            taken_c.add(ci)
            taken_g.add(gi)
            pairs.append((ci, gi))
    return sorted(pairs)


@dataclass(slots=True)
class StoryScore:
    """One story: the counted coded and gold events and how they paired."""

    story: Story
    coded: list[dict[str, Any]]  # the coder's actual + asserted events
    where: list[tuple[int, int] | None]  # each coded event's gold sentence span
    gold: list[GoldEvent]  # actual gold events
    pairs: dict[str, list[tuple[int, int]]]  # "triple" / "root" / "plover" -> pairs
    uncounted: int  # coded events left out (not actual, or negated)

    @property
    def unfound_events(self) -> int:
        return sum(1 for g in self.gold if g.sentence is None)

    def prf(self, how: str) -> PRF:
        return PRF(len(self.pairs[how]), len(self.coded), len(self.gold))

    def prefix_agreement(self) -> tuple[int, int, int]:
        """(root pairs, source prefixes agreeing, target prefixes agreeing)."""
        source = target = 0
        for ci, gi in self.pairs["root"]:
            c, g = coded_prefixes(self.coded[ci]), gold_prefixes(self.gold[gi])
            source += c[0] == g[0]
            target += c[1] == g[1]
        return len(self.pairs["root"]), source, target


def score_story(story: Story, events: Sequence[dict[str, Any]]) -> StoryScore:
    coded = [e for e in events if counted(e)]
    spans = story.spans
    where = [sentence_of(e, spans) for e in coded]
    gold = [g for g in story.events if g.actual]
    pairs = {how: pair_events(coded, where, gold, how) for how in PAIRINGS}
    return StoryScore(story, coded, where, gold, pairs, len(events) - len(coded))


# --- aggregates ---------------------------------------------------------------------------------


@dataclass(slots=True)
class PRF:
    """Matched pairs over coded events (precision) and over gold events (recall)."""

    matched: int
    coded: int
    gold: int

    @property
    def precision(self) -> float | None:
        return self.matched / self.coded if self.coded else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        """2PR/(P+R), written so that a story with gold events and none coded scores 0."""
        total = self.coded + self.gold
        return 2 * self.matched / total if total else None

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.matched + other.matched, self.coded + other.coded, self.gold + other.gold)


@dataclass(slots=True)
class StorySetResult:
    """Micro-averaged figures over every story of one gold file."""

    name: str
    scores: list[StoryScore]
    prf: dict[str, PRF]  # "triple" / "root" / "plover"
    volume: Figure  # coded counted events per gold actual event (n = gold events)
    empty_stories: int  # stories whose gold has no event at all
    empty_story_events: int  # counted coded events on those
    source_prefix: Figure  # over root pairs
    target_prefix: Figure
    unfound_sentences: int
    unfound_events: int  # actual gold events in those (scored as missed)
    uncounted: int


def score_stories(
    name: str, stories: Sequence[Story], predictions: Sequence[Sequence[dict[str, Any]]]
) -> StorySetResult:
    if len(stories) != len(predictions):
        raise ValueError("one prediction list per story")
    scores = [score_story(s, p) for s, p in zip(stories, predictions, strict=True)]
    prf = {how: sum((s.prf(how) for s in scores), PRF(0, 0, 0)) for how in PAIRINGS}
    n_coded, n_gold = prf["triple"].coded, prf["triple"].gold
    agreement = [s.prefix_agreement() for s in scores]
    root_pairs = sum(a[0] for a in agreement)

    def prefix(i: int) -> Figure:
        return Figure(sum(a[i] for a in agreement) / root_pairs if root_pairs else None, root_pairs)

    empty = [s for s in scores if not s.story.events]
    return StorySetResult(
        name=name,
        scores=scores,
        prf=prf,
        volume=Figure(n_coded / n_gold if n_gold else None, n_gold),
        empty_stories=len(empty),
        empty_story_events=sum(len(s.coded) for s in empty),
        source_prefix=prefix(1),
        target_prefix=prefix(2),
        unfound_sentences=sum(len(s.story.unfound) for s in scores),
        unfound_events=sum(s.unfound_events for s in scores),
        uncounted=sum(s.uncounted for s in scores),
    )
