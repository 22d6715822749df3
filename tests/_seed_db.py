"""A small real event store for the analysis, API and dashboard tests.

`build_store(path)` holds nine events, one record each. `build_store(path, counting=True)`
adds what the counting rule (counting.py) is about: one asset freeze reported by two
outlets with different codes of one root, a headline retold in its lead (`same_as`), and
undated events, so its 9 + 4 = 13 events come from 9 + 7 = 16 records.

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


# (doc id, date or None, place, outlet, [(marked sentence, CAMEO code, index it repeats)])
COUNTING_DOCS = [
    (
        "wire-freeze",
        "2012-03-12",
        "Washington",
        "Capital Wire",
        [
            ("[S:USA Washington] {sanctions} [T:AFG Afghan] militants", "163", None),
            (
                "[S:USAGOV The Treasury] {froze} [T:AFGINS the network's assets] on Monday.",
                "163",
                0,
            ),
            (
                "[S:USAGOV The envoy] {criticized} [T:PAKGOV Islamabad] for its silence.",
                "111",
                None,
            ),
        ],
    ),
    (
        "post-freeze",
        "2012-03-12",
        "Washington",
        "Evening Post",
        [("[S:USAGOV American officials] {blocked} [T:AFGINS the group's accounts].", "160", None)],
    ),
    (
        "undated-talks",
        None,
        "Kabul",
        "Hill Times",
        [
            (
                "[S:AFGGOV Afghan ministers] {met} [T:PAKGOV Pakistani diplomats] in private.",
                "040",
                None,
            ),
            (
                "[S:AFGGOV The ministers] {consulted} [T:PAKGOV the diplomats] again later.",
                "041",
                None,
            ),
            ("[S:AFGINS Fighters] {ambushed} [T:PAKMIL a convoy] near the pass.", "190", None),
        ],
    ),
]
# counted by hand from the rule: the extra documents add 4 events (the freeze once, from
# three records in two articles; the criticism; the undated talks once, from two records;
# the undated ambush)
COUNTING_EVENTS = 9 + 4
COUNTING_RECORDS = 9 + 7
COUNTING_UNDATED = 2


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


def _marked_actors(sentence: str, spans: dict, base: int) -> dict[str, Actor]:
    """The source and target a marked sentence names, at their offsets in the document."""
    actors = {}
    for role in ("source", "target"):
        s, e, actor_code = spans[role]
        actors[role] = Actor(
            sentence[s:e], base + s, base + e, actor_code, actor_code[:3],
            [actor_code[3:]] if len(actor_code) > 3 else [], NAMES.get(actor_code), "dictionary",
        )  # fmt: skip
    return actors


def build_documents() -> list[tuple[Document, list[Event]]]:
    out = []
    for doc_id, day, place, items in DOCS:
        text, events = "", []
        for index, (marked, code) in enumerate(items):
            sentence, spans = parse_marked(marked)
            base = len(text)
            text += sentence + " "
            cameo, plover = ontology.cameo_record(code)
            actors = _marked_actors(sentence, spans, base)
            t0, t1, _ = spans["trigger"]
            events.append(Event(
                doc_id=doc_id, sentence_index=index, sentence=sentence,
                trigger=Trigger(sentence[t0:t1], base + t0, base + t1), cameo=cameo, plover=plover,
                source=actors["source"], target=actors["target"], date=day, date_precision="day",
                location=PLACES[place], confidence=0.4 + 0.1 * index, evidence={"rule": "test"},
            ))  # fmt: skip
        out.append((Document(doc_id, text.strip(), day, title=doc_id, source="test"), events))
    return out


def counting_documents() -> list[tuple[Document, list[Event]]]:
    out = []
    for doc_id, day, place, outlet, items in COUNTING_DOCS:
        text, events = "", []
        for index, (marked, code, repeats) in enumerate(items):
            sentence, spans = parse_marked(marked)
            base = len(text)
            text += sentence + (
                "\n\n" if index == 0 and repeats is None and not sentence.endswith(".") else " "
            )
            cameo, plover = ontology.cameo_record(code)
            actors = _marked_actors(sentence, spans, base)
            t0, t1, _ = spans["trigger"]
            evidence = {"rule": "test"}
            if repeats is not None:
                evidence["same_as"] = events[repeats].event_id
            events.append(Event(
                doc_id=doc_id, sentence_index=index, sentence=sentence,
                trigger=Trigger(sentence[t0:t1], base + t0, base + t1), cameo=cameo, plover=plover,
                source=actors["source"], target=actors["target"], date=day,
                date_precision="day" if day else None, location=PLACES[place],
                confidence=0.6, evidence=evidence,
            ))  # fmt: skip
        out.append((Document(doc_id, text.strip(), day, title=doc_id, source=outlet), events))
    return out


def build_store(path: Path, counting: bool = False) -> Path:
    """Write the seed documents and events into a new DuckDB file at `path`; `counting`
    adds the documents that test the counting rule, in a second batch."""
    with Store(path) as store:
        entries = [Entry(doc, content_hash(doc.text), "new", evs) for doc, evs in build_documents()]
        store.write(entries)
        if counting:
            extra = counting_documents()
            store.write([Entry(d, content_hash(d.text), "new", evs) for d, evs in extra[:1]])
            store.write([Entry(d, content_hash(d.text), "new", evs) for d, evs in extra[1:]])
    return path


def build_wide_store(path: Path, actors: int = 44) -> Path:
    """A store whose network has `actors` actors in a ring of dyads (and a few chords),
    more than a picture can name: for the network's readability."""
    codes = [f"{c}{s}" for c in ("AFG", "PAK", "IRN", "IND", "CHN", "RUS", "USA", "GBR", "FRA",
                                  "DEU", "TUR") for s in ("GOV", "MIL", "REB", "COP")][:actors]  # fmt: skip
    text, events = "", []
    pairs = [(i, (i + 1) % actors) for i in range(actors)] + [(0, i) for i in range(2, actors, 5)]
    for index, (i, j) in enumerate(pairs):
        sentence, spans = parse_marked(
            f"[S:{codes[i]} Officials] {{met}} [T:{codes[j]} envoys] today."
        )
        base = len(text)
        text += sentence + " "
        cameo, plover = ontology.cameo_record("040")
        actor = {r: Actor(sentence[s:e], base + s, base + e, c, c[:3], [c[3:]], None, "dictionary")
                 for r, (s, e, c) in spans.items() if r != "trigger"}  # fmt: skip
        t0, t1, _ = spans["trigger"]
        events.append(Event(
            doc_id="wide", sentence_index=index, sentence=sentence,
            trigger=Trigger("met", base + t0, base + t1), cameo=cameo, plover=plover,
            source=actor["source"], target=actor["target"], date=f"2012-05-{1 + index % 28:02d}",
            date_precision="day", location=PLACES["Kabul"], confidence=0.5,
        ))  # fmt: skip
    doc = Document("wide", text.strip(), "2012-05-01", title="wide", source="test")
    with Store(path) as store:
        store.write([Entry(doc, content_hash(doc.text), "new", events)])
    return path
