"""The event record (shared/docs/event-record.md) as dataclasses.

Field names here are the contract: JSON keys, DuckDB columns, API fields and CSV
headers all come from `Event.to_dict()` and `flatten()`, so they cannot drift apart.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Polarity = Literal["asserted", "negated"]
Modality = Literal["actual", "intended", "hypothetical", "reported_possible"]
DatePrecision = Literal["day", "week", "month", "year", "publication"]


@dataclass(slots=True)
class Document:
    """One input article or record; `text` is what every offset points into."""

    id: str
    text: str
    date: str | None = None  # publication date, ISO 8601
    title: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(slots=True)
class Actor:
    text: str
    start: int
    end: int
    code: str | None = None
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    name: str | None = None
    via: str | None = None  # dictionary | coreference | metonymy | document | implied | author

    @classmethod
    def implied(cls, country: str, role: str | None, at: int) -> Actor:
        """A country's branch (`role`; None: the country itself) that the story implies
        and no words name: no text of its own, at the trigger's offset `at` (`via =
        "implied"`)."""
        code = country + (role or "")
        sectors = [role] if role else []
        return cls(
            text="", start=at, end=at, code=code, country=country, sectors=sectors, via="implied"
        )


@dataclass(slots=True)
class Trigger:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Cameo:
    code: str
    root: str
    name: str | None
    goldstein: float | None
    quad_class: int | None


@dataclass(slots=True)
class Plover:
    event_type: str | None
    mode: str | None = None


@dataclass(slots=True)
class Location:
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature: str | None = None


@dataclass(slots=True)
class Event:
    doc_id: str
    sentence_index: int
    sentence: str
    trigger: Trigger
    cameo: Cameo
    plover: Plover
    source: Actor | None = None
    target: Actor | None = None
    date: str | None = None
    date_precision: DatePrecision | None = None
    location: Location | None = None
    polarity: Polarity = "asserted"
    modality: Modality = "actual"
    confidence: float = 0.5
    evidence: dict[str, Any] = field(default_factory=dict)
    event_id: str = ""

    def __post_init__(self) -> None:
        if not self.event_id:
            self.event_id = make_event_id(
                self.doc_id,
                self.sentence_index,
                self.trigger.start,
                self.trigger.end,
                self.cameo.code,
            )

    def to_dict(self) -> dict[str, Any]:
        """The record in the contract's field order (built by hand: `dataclasses.asdict`
        deep-copies recursively and cost more than coding the event)."""
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "date": self.date,
            "date_precision": self.date_precision,
            "source": _actor_dict(self.source),
            "target": _actor_dict(self.target),
            "trigger": {
                "text": self.trigger.text,
                "start": self.trigger.start,
                "end": self.trigger.end,
            },
            "cameo": {
                "code": self.cameo.code,
                "root": self.cameo.root,
                "name": self.cameo.name,
                "goldstein": self.cameo.goldstein,
                "quad_class": self.cameo.quad_class,
            },
            "plover": {"event_type": self.plover.event_type, "mode": self.plover.mode},
            "location": asdict(self.location) if self.location is not None else None,
            "polarity": self.polarity,
            "modality": self.modality,
            "confidence": self.confidence,
            "evidence": dict(self.evidence),
        }


def _actor_dict(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "text": actor.text,
        "start": actor.start,
        "end": actor.end,
        "code": actor.code,
        "country": actor.country,
        "sectors": list(actor.sectors),
        "name": actor.name,
        "via": actor.via,
    }


def make_event_id(doc_id: str, sentence_index: int, start: int, end: int, code: str) -> str:
    """Stable id: the same input coded twice gives the same id."""
    key = f"{doc_id}\x1f{sentence_index}\x1f{start}\x1f{end}\x1f{code}"
    return "ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects flatten with `_` (source.code -> source_code), lists join with `;`."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, name + "_"))
        elif isinstance(value, list):
            out[name] = ";".join(str(v) for v in value)
        else:
            out[name] = value
    return out


# Every flat column an event can have, so CSV headers and table schemas do not depend
# on which optional objects happened to be present in the first row.
FLAT_COLUMNS = (
    "event_id", "doc_id", "sentence_index", "sentence", "date", "date_precision",
    "source_text", "source_start", "source_end", "source_code", "source_country",
    "source_sectors", "source_name", "source_via",
    "target_text", "target_start", "target_end", "target_code", "target_country",
    "target_sectors", "target_name", "target_via",
    "trigger_text", "trigger_start", "trigger_end",
    "cameo_code", "cameo_root", "cameo_name", "cameo_goldstein", "cameo_quad_class",
    "plover_event_type", "plover_mode",
    "location_name", "location_geonameid", "location_lat", "location_lon", "location_country",
    "location_admin1", "location_feature",
    "polarity", "modality", "confidence", "evidence_rule", "evidence_model",
)  # fmt: skip


def flat_row(record: dict[str, Any]) -> dict[str, Any]:
    """A record as one flat row with every column of FLAT_COLUMNS (missing -> None)."""
    flat = flatten(record)
    return {c: flat.get(c) for c in FLAT_COLUMNS}


def event_from_dict(record: dict[str, Any]) -> Event:
    """The inverse of `Event.to_dict()`: a record read back from JSON Lines."""

    def actor(d: dict[str, Any] | None) -> Actor | None:
        return Actor(**d) if d is not None else None

    loc = record.get("location")
    return Event(
        doc_id=record["doc_id"],
        sentence_index=record["sentence_index"],
        sentence=record["sentence"],
        trigger=Trigger(**record["trigger"]),
        cameo=Cameo(**record["cameo"]),
        plover=Plover(**record["plover"]),
        source=actor(record.get("source")),
        target=actor(record.get("target")),
        date=record.get("date"),
        date_precision=record.get("date_precision"),
        location=Location(**loc) if loc is not None else None,
        polarity=record.get("polarity", "asserted"),
        modality=record.get("modality", "actual"),
        confidence=record.get("confidence", 0.5),
        evidence=dict(record.get("evidence") or {}),
        event_id=record.get("event_id", ""),
    )
