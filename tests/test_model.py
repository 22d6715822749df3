"""The event record's field names are the contract (shared/docs/event-record.md)."""

import json

from thucydides.model import (
    FLAT_COLUMNS,
    Actor,
    Cameo,
    Event,
    Location,
    Plover,
    Trigger,
    event_from_dict,
    flat_row,
    make_event_id,
)


def sample_event() -> Event:
    return Event(
        doc_id="d1",
        sentence_index=2,
        sentence="Chile recalled its envoy from Peru.",
        trigger=Trigger("recalled", 6, 14),
        cameo=Cameo("1612", "16", "Recall ambassador", -5.0, 4),
        plover=Plover("SANCTION", "withdraw"),
        source=Actor("Chile", 0, 5, "CHL", "CHL", [], "Chile", "dictionary"),
        target=Actor("Peru", 30, 34, "PER", "PER", [], "Peru", "dictionary"),
        date="2020-01-02",
        date_precision="day",
        location=Location("Lima", 3936456, -12.04, -77.03, "PER", "15", "city"),
        confidence=0.8,
        evidence={"rule": "verbs/16.yaml:recall+envoy", "model": None},
    )


def test_record_has_exactly_the_contract_fields():
    record = json.loads(json.dumps(sample_event().to_dict()))
    assert list(record) == [
        "event_id", "doc_id", "sentence_index", "sentence", "date", "date_precision",
        "source", "target", "trigger", "cameo", "plover", "location", "polarity",
        "modality", "confidence", "evidence",
    ]  # fmt: skip
    assert list(record["source"]) == [
        "text", "start", "end", "code", "country", "sectors", "name", "via"
    ]  # fmt: skip
    assert list(record["trigger"]) == ["text", "start", "end"]
    assert list(record["cameo"]) == ["code", "root", "name", "goldstein", "quad_class"]
    assert list(record["plover"]) == ["event_type", "mode"]
    assert list(record["location"]) == [
        "name", "geonameid", "lat", "lon", "country", "admin1", "feature"
    ]  # fmt: skip


def test_event_id_is_stable_and_depends_on_code():
    a, b = sample_event(), sample_event()
    assert a.event_id == b.event_id and a.event_id.startswith("ev_")
    assert make_event_id("d1", 2, 6, 14, "1612") == a.event_id
    assert make_event_id("d1", 2, 6, 14, "161") != a.event_id


def test_flat_row_uses_underscores_and_keeps_unknowns_null():
    event = sample_event()
    event.target = None
    row = flat_row(event.to_dict())
    assert list(row) == list(FLAT_COLUMNS)
    assert row["source_code"] == "CHL" and row["cameo_code"] == "1612"
    assert row["target_code"] is None and row["location_feature"] == "city"


def test_record_round_trips_through_json():
    event = sample_event()
    back = event_from_dict(json.loads(json.dumps(event.to_dict())))
    assert back.to_dict() == event.to_dict()
