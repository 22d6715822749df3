"""Story gold: whole stories with every event hand-coded (shared/docs/story-coding.md).

Two forms. A raw record copies text from the story (`sentence`, `trigger`, `source`,
`target`), as in shared/eval/stories_dev.jsonl. An offset-only record holds character
offsets into a story text kept elsewhere (`training/stories_train.jsonl`), so that no
story text enters the repository. Locating the copied text in the story turns the first
form into the second (`pack`); slicing the text turns it back (`unpack`). Both become a
`Story` for scoring (`evaluate.stories`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

ROLES = ("sentence", "trigger", "source", "target")  # the spans an event may locate
LABELS = ("cameo", "plover", "source_code", "target_code", "modality", "date", "note")
MODALITIES = ("actual", "intended", "hypothetical", "negated")
_QUOTE_CLASSES = {c: "['\u2018\u2019\u02bc`]" for c in "'\u2018\u2019\u02bc`"} | {
    c: '["\u201c\u201d]' for c in '"\u201c\u201d'
}


class GoldProblem(ValueError):
    """Why a story gold record cannot be used (one clause; the reader adds file and line)."""


@dataclass(slots=True)
class GoldEvent:
    """One gold event located in its story: spans are (start, end) into the story text."""

    index: int  # position among the story's gold events
    sentence: tuple[int, int] | None  # None: the copied sentence was not found in the text
    trigger: tuple[int, int] | None
    cameo: str | None
    plover: str | None
    source_code: str | None
    target_code: str | None
    modality: str
    record: dict[str, Any]  # as given (raw form), for the errors file

    @property
    def actual(self) -> bool:
        return self.modality == "actual"


@dataclass(slots=True)
class Story:
    id: str
    set: str | None
    text: str
    date: str | None
    events: list[GoldEvent]
    unfound: list[str] = field(default_factory=list)  # gold sentences not found in `text`

    @property
    def spans(self) -> list[tuple[int, int]]:
        """The distinct gold sentence spans, in story order."""
        return sorted({e.sentence for e in self.events if e.sentence is not None})


# --- recognising and checking records ------------------------------------------------------


def is_story_record(row: Any) -> bool:
    """A record is a story when one of its events names a sentence (copied or by offsets);
    a sentence-set event never does."""
    events = row.get("events") if isinstance(row, dict) else None
    return isinstance(events, list) and any(
        isinstance(e, dict) and ("sentence" in e or "sentence_start" in e) for e in events
    )


def is_offset_record(row: dict[str, Any]) -> bool:
    return any(isinstance(e, dict) and "sentence_start" in e for e in row.get("events") or [])


def _text_field(ev: dict[str, Any], key: str, n: int, required: bool = False) -> str | None:
    value = ev.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise GoldProblem(f'event {n} has no "{key}" text')
    return value


def _label(ev: dict[str, Any], key: str, n: int) -> str | None:
    value = ev.get(key)
    if value is not None and not isinstance(value, str):
        raise GoldProblem(f'event {n} has a "{key}" that is not a string')
    return value.strip() if value else None


def _modality(ev: dict[str, Any], n: int) -> str:
    value = _label(ev, "modality", n)
    if value is None or value.lower() not in MODALITIES:
        raise GoldProblem(f'event {n} has no "modality" among {", ".join(MODALITIES)}')
    return value.lower()


def check_story(row: Any) -> None:
    """Raise GoldProblem when a story record (either form) cannot be used."""
    if not isinstance(row, dict):
        raise GoldProblem("not a JSON object")
    if not isinstance(row.get("id"), str | int) or str(row.get("id")) == "":
        raise GoldProblem('no "id"')
    events = row.get("events")
    if not isinstance(events, list):
        raise GoldProblem('"events" is not a list')
    if row.get("date") is not None and not isinstance(row["date"], str):
        raise GoldProblem('"date" is not a string')
    if "text" in row and (not isinstance(row["text"], str) or not row["text"].strip()):
        raise GoldProblem('"text" is empty or not a string')
    for n, ev in enumerate(events, 1):
        if not isinstance(ev, dict):
            raise GoldProblem(f"event {n} is not a JSON object")
        _modality(ev, n)
        for key in ("cameo", "plover", "source_code", "target_code"):
            _label(ev, key, n)
        if "sentence_start" not in ev:
            _text_field(ev, "sentence", n, required=True)
            for role in ROLES[1:]:
                _text_field(ev, role, n)


# --- finding copied text -------------------------------------------------------------------


def _loose_pattern(needle: str) -> re.Pattern[str] | None:
    """`needle` with any run of white space matching any other, and any quote style."""
    parts = []
    for chunk in re.split(r"(\s+)", needle.strip()):
        if not chunk:
            continue
        if chunk.isspace():
            parts.append(r"\s+")
        else:
            parts.append("".join(_QUOTE_CLASSES.get(c) or re.escape(c) for c in chunk))
    return re.compile("".join(parts)) if parts else None


def same_text(copied: str, found: str) -> bool:
    """Whether `found` (sliced from the story) is `copied`, up to white space and quotes."""
    pattern = _loose_pattern(copied)
    return pattern is not None and pattern.fullmatch(found.strip()) is not None


def find_span(
    text: str, needle: str | None, start: int = 0, end: int | None = None
) -> tuple[int, int] | None:
    """The first occurrence of `needle` in text[start:end]: exact, else allowing other white
    space and quote styles (copying text often changes those). None when absent."""
    if not needle or not needle.strip():
        return None
    end = len(text) if end is None else end
    i = text.find(needle, start, end)
    if i >= 0:
        return i, i + len(needle)
    pattern = _loose_pattern(needle)
    match = pattern.search(text, start, end) if pattern else None
    return (match.start(), match.end()) if match else None


def find_sentence(text: str, sentence: str, after: int) -> tuple[int, int] | None:
    """A gold sentence: its first occurrence at or after the previous event's sentence (gold
    lists events in story order, so a repeated sentence finds its own place), else the
    first occurrence anywhere."""
    return find_span(text, sentence, after) or (find_span(text, sentence) if after else None)


def find_actor(text: str, actor: str | None, sentence: tuple[int, int]) -> tuple[int, int] | None:
    """An actor's text: in its sentence, else (an antecedent written for a pronoun) its last
    occurrence before the sentence, else its first anywhere."""
    if not actor:
        return None
    inside = find_span(text, actor, *sentence)
    if inside:
        return inside
    before = None
    at = 0
    while (hit := find_span(text, actor, at, sentence[0])) is not None:
        before, at = hit, hit[0] + 1
    return before or find_span(text, actor)


# --- the two forms -> Story -----------------------------------------------------------------


def _gold_event(
    n: int, ev: dict[str, Any], sentence: tuple[int, int] | None, trigger, record
) -> GoldEvent:
    return GoldEvent(
        index=n,
        sentence=sentence,
        trigger=trigger,
        cameo=_label(ev, "cameo", n + 1),
        plover=_label(ev, "plover", n + 1),
        source_code=_label(ev, "source_code", n + 1),
        target_code=_label(ev, "target_code", n + 1),
        modality=_modality(ev, n + 1),
        record=record,
    )


def story_from_raw(row: dict[str, Any], text: str) -> Story:
    """A raw record (copied text) located in `text`; sentences not found are kept in
    `unfound` and their events stay gold events with no sentence (nothing can match them)."""
    events: list[GoldEvent] = []
    unfound: list[str] = []
    after = 0
    for n, ev in enumerate(row["events"]):
        sentence = find_sentence(text, ev["sentence"], after)
        trigger = None
        if sentence is None:
            if ev["sentence"] not in unfound:
                unfound.append(ev["sentence"])
        else:
            after = sentence[0]
            trigger = find_span(text, ev.get("trigger"), *sentence)
        events.append(_gold_event(n, ev, sentence, trigger, ev))
    return Story(str(row["id"]), row.get("set"), text, row.get("date"), events, unfound)


def _offsets(ev: dict[str, Any], role: str, n: int, length: int) -> tuple[int, int] | None:
    start, end = ev.get(f"{role}_start"), ev.get(f"{role}_end")
    if start is None and end is None and role != "sentence":
        return None
    ok = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length
    if not ok:
        raise GoldProblem(
            f"event {n} has {role} offsets {start!r}..{end!r} outside the story text "
            f"({length} characters)"
        )
    return start, end


def unpack_event(ev: dict[str, Any], text: str, n: int) -> dict[str, Any]:
    """An offset-only event -> the raw form (text copied from the story)."""
    out: dict[str, Any] = {}
    for role in ROLES:
        span = _offsets(ev, role, n, len(text))
        out[role] = text[span[0] : span[1]] if span else None
    out |= {key: ev.get(key) for key in LABELS}
    return out


def story_from_offsets(row: dict[str, Any], text: str) -> Story:
    """An offset-only record with its story text."""
    events = []
    for n, ev in enumerate(row["events"]):
        sentence = _offsets(ev, "sentence", n + 1, len(text))
        trigger = _offsets(ev, "trigger", n + 1, len(text))
        events.append(_gold_event(n, ev, sentence, trigger, unpack_event(ev, text, n + 1)))
    return Story(str(row["id"]), row.get("set"), text, row.get("date"), events)


def story(row: dict[str, Any], text: str) -> Story:
    """Either form -> Story (raises GoldProblem for bad offsets)."""
    return story_from_offsets(row, text) if is_offset_record(row) else story_from_raw(row, text)


# --- pack and unpack (scripts/story_gold.py) --------------------------------------------------


def pack(row: dict[str, Any], text: str) -> tuple[dict[str, Any], list[str]]:
    """A raw record -> the offset-only record (no story text in it) and what could not be
    found. An event whose sentence is not in the text is left out (and named); a trigger or
    actor not found gets null offsets (and is named)."""
    out_events: list[dict[str, Any]] = []
    missing: list[str] = []
    after = 0
    for n, ev in enumerate(row["events"], 1):
        sentence = find_sentence(text, ev["sentence"], after)
        if sentence is None:
            missing.append(f"event {n}: sentence {ev['sentence'][:60]!r} not in the story text")
            continue
        after = sentence[0]
        spans = {"sentence": sentence, "trigger": find_span(text, ev.get("trigger"), *sentence)}
        for role in ("source", "target"):
            spans[role] = find_actor(text, ev.get(role), sentence)
        record: dict[str, Any] = {}
        for role in ROLES:
            if ev.get(role) and spans[role] is None:
                missing.append(f"event {n}: {role} {ev[role][:60]!r} not found")
            elif spans[role] and not same_text(ev[role], text[slice(*spans[role])]):
                missing.append(f"event {n}: {role} offsets do not give {ev[role][:60]!r} back")
                spans[role] = None
            span = spans[role] or (None, None)
            record[f"{role}_start"], record[f"{role}_end"] = span
        if record["sentence_start"] is None:
            continue  # named above: an event needs its sentence
        record |= {key: ev.get(key) for key in LABELS}
        out_events.append(record)
    packed = {"id": str(row["id"]), "date": row.get("date"), "events": out_events}
    return packed, missing


def unpack(row: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
    """An offset-only record and its story (`{"id", "text", "title", "date", "url"}`) -> a
    raw record in the stories_dev form."""
    text = source["text"]
    events = [unpack_event(ev, text, n) for n, ev in enumerate(row["events"], 1)]
    return {
        "id": str(row["id"]),
        "set": row.get("set"),
        "title": source.get("title"),
        "text": text,
        "date": row.get("date") or source.get("date"),
        "url": source.get("url"),
        "events": events,
    }
