"""A small real event store for the analysis, API and dashboard tests.

Sentences are our own. Each is written with its spans marked, `[S:CODE words]` for the
source, `[T:CODE words]` for the target and `{words}` for the trigger, so the offsets in
the records are computed, not typed, and always point at the right words.
"""

from __future__ import annotations

import re
from pathlib import Path

from thucydides import ontology
from thucydides.dedup import content_hash
from thucydides.model import Actor, Document, Event, Location, Trigger
from thucydides.store import Entry, Store

PLACES = {
    "Kabul": Location("Kabul", 1138958, 34.53, 69.17, "AFG", "13", "city"),
    "Islamabad": Location("Islamabad", 1176615, 33.72, 73.04, "PAK", "08", "city"),
    "Washington": Location("Washington", 4140963, 38.9, -77.04, "USA", "DC", "city"),
}
NAMES = {"USAGOV": "United States government", "PAKGOV": "Pakistan government",
         "AFGGOV": "Afghanistan government", "AFGINS": "Afghan insurgents",
         "PAKMIL": "Pakistan military", "USA": "United States"}  # fmt: skip

# (doc id, date, place, [(marked sentence, CAMEO code)])
DOCS = [
    (
        "doc-jan",
        "2012-01-10",
        "Kabul",
        [
            (
                "[S:USAGOV The American envoy] {met} [T:AFGGOV the Afghan president] in the capital.",
                "042",
            ),
            (
                "[S:AFGINS Insurgent fighters] {attacked} [T:AFGGOV a government checkpoint] overnight.",
                "190",
            ),
        ],
    ),
    (
        "doc-feb",
        "2012-02-14",
        "Islamabad",
        [
            (
                "[S:PAKGOV Pakistani ministers] {promised} [T:USAGOV Washington] closer cooperation.",
                "057",
            ),
            (
                "[S:USAGOV The State Department] {praised} [T:PAKGOV Islamabad] for the arrests.",
                "051",
            ),
            (
                "[S:PAKMIL Pakistani troops] {shelled} [T:AFGINS militant hideouts] near the border.",
                "195",
            ),
        ],
    ),
    (
        "doc-mar",
        "2012-03-05",
        "Kabul",
        [
            (
                "[S:AFGINS The militant commander] {rejected} [T:USA American] offers of talks.",
                "125",
            ),
            (
                "[S:AFGGOV Afghan officials] {accused} [T:PAKGOV Pakistan] of sheltering fighters.",
                "112",
            ),
            ("[S:USAGOV The envoy] {visited} [T:PAKGOV Islamabad] again in March.", "042"),
        ],
    ),
    (
        "doc-xss",
        "2012-03-20",
        "Washington",
        [
            (
                "[S:USAGOV <script>window.__xss=1</script> officials] {condemned} "
                '[T:AFGINS <img src=x onerror="window.__xss=2">] in a statement.',
                "111",
            ),
        ],
    ),
]


def parse_marked(marked: str) -> tuple[str, dict[str, tuple[int, int, str | None]]]:
    """Plain sentence text and {role: (start, end, code)} from the span markup."""
    text, spans, pos = "", {}, 0
    for m in re.finditer(r"\[(S|T):(\w+) ([^\]]+)\]|\{([^}]+)\}", marked):
        text += marked[pos : m.start()]
        words = m[3] if m[1] else m[4]
        role = {"S": "source", "T": "target"}.get(m[1] or "", "trigger")
        spans[role] = (len(text), len(text) + len(words), m[2])
        text += words
        pos = m.end()
    return text + marked[pos:], spans


def build_documents() -> list[tuple[Document, list[Event]]]:
    out = []
    for doc_id, day, place, items in DOCS:
        text, events = "", []
        for index, (marked, code) in enumerate(items):
            sentence, spans = parse_marked(marked)
            base = len(text)
            text += sentence + " "
            cameo, plover = ontology.cameo_record(code)
            actors = {}
            for role in ("source", "target"):
                s, e, actor_code = spans[role]
                actors[role] = Actor(
                    sentence[s:e], base + s, base + e, actor_code, actor_code[:3],
                    [actor_code[3:]] if len(actor_code) > 3 else [], NAMES.get(actor_code), "dictionary",
                )  # fmt: skip
            t0, t1, _ = spans["trigger"]
            events.append(Event(
                doc_id=doc_id, sentence_index=index, sentence=sentence,
                trigger=Trigger(sentence[t0:t1], base + t0, base + t1), cameo=cameo, plover=plover,
                source=actors["source"], target=actors["target"], date=day, date_precision="day",
                location=PLACES[place], confidence=0.4 + 0.1 * index, evidence={"rule": "test"},
            ))  # fmt: skip
        out.append((Document(doc_id, text.strip(), day, title=doc_id, source="test"), events))
    return out


def build_store(path: Path) -> Path:
    """Write the seed documents and events into a new DuckDB file at `path`."""
    with Store(path) as store:
        entries = [Entry(doc, content_hash(doc.text), "new", evs) for doc, evs in build_documents()]
        store.write(entries)
    return path
