"""The DuckDB store: documents, events and actors, written idempotently and crash-safely.

A document's content hash is its identity: a batch writes only documents whose hash is
not yet stored, and writes them with their events in one transaction, so running the
same input twice adds nothing and a run killed at any point loses only its open batch.
Near-duplicate documents (the same wire story elsewhere) are stored without text and
without events, pointing at the story they repeat; every outlet that carried a story is
a row of `document_sources`, which is what the article and source counts count.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from thucydides.actors.codes import code_name
from thucydides.counting import COUNTED, REPORTS, assign_keys, sentence_start
from thucydides.dedup import Signature
from thucydides.errors import UserError
from thucydides.model import (
    FLAT_COLUMNS,
    Actor,
    Cameo,
    Document,
    Event,
    Location,
    Plover,
    Trigger,
    flat_row,
)
from thucydides.store_schema import (
    ACTOR_TYPES,
    DOCUMENT_TYPES,
    EVENT_TYPES,
    SCHEMA_VERSION,
    SOURCE_TYPES,
    TABLES,
    VIEWS,
    connect,
    missing_columns,
    upgrade,
)

EVENT_SLICE = 5_000  # event rows built and inserted at a time within a transaction


@dataclass(slots=True)
class Entry:
    """One document as ingest decided it: `new` (coded, stored with its events), `near`
    (a near-duplicate of story `duplicate_of`: stored without text or events) or `exact`
    (its text is stored already: only the outlet that carried it is recorded)."""

    document: Document
    content_hash: str
    kind: Literal["new", "near", "exact"]
    events: list[Event] = field(default_factory=list)
    signature: Signature | None = None
    duplicate_of: str | None = None
    similarity: float | None = None


@dataclass(slots=True)
class Written:
    documents: int = 0
    near_duplicates: int = 0
    events: int = 0  # new events, as counting.py counts them
    records: int = 0  # new coded records (an event reported twice is two)


class Store:
    """One DuckDB file. Only one process may write it at a time (DuckDB's rule)."""

    def __init__(self, path: str | Path, read_only: bool = False, wait: float = 10.0) -> None:
        """Open (or, writable, create) the store. A writer waits up to `wait` seconds for
        another process's lock to go (`serve` holds one only while it copies a snapshot);
        a store written by an older version is upgraded in place first."""
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise UserError(
                f"There is no database at {self.path}; create it with `thucydides ingest`."
            )
        if not self.path.parent.is_dir():
            raise UserError(f"The folder for the database, {self.path.parent}, does not exist.")
        self.con = connect(self.path, read_only, 0.0 if read_only else wait)
        if not read_only:
            self.con.execute(TABLES)
            upgrade(self.con)
            self.con.execute(VIEWS)
            self.con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO UPDATE SET value = ?",
                [SCHEMA_VERSION, SCHEMA_VERSION],
            )
        elif missing_columns(self.con):  # an older store: upgrade it once, then read it
            self.con.close()
            try:
                Store(self.path, wait=0.0).close()
            except UserError as exc:
                raise UserError(
                    f"The database {self.path} was written by an older version of Thucydides "
                    "and needs a one-time upgrade, which needs it free: "
                    f"{str(exc)[0].lower()}{str(exc)[1:]}"
                ) from None
            self.con = connect(self.path, True, 0.0)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- dedup lookups -----------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        wanted = list(set(hashes))
        if not wanted:
            return set()
        rows = self.con.execute(
            "SELECT content_hash FROM documents WHERE content_hash IN (SELECT unnest(?))", [wanted]
        ).fetchall()
        return {r[0] for r in rows}

    def similar_stories(
        self, signatures: Sequence[Signature]
    ) -> dict[int, list[tuple[str, Signature]]]:
        """For each signature (by position), the stored stories sharing an LSH band with it."""
        keys = {k: i for i, s in enumerate(signatures) for k in s.bands}
        if not keys:
            return {}
        rows = self.con.execute(
            "SELECT DISTINCT b.band_key, d.content_hash, d.minhash FROM minhash_bands b "
            "JOIN documents d USING (content_hash) WHERE b.band_key IN (SELECT unnest(?))",
            [list(keys)],
        ).fetchall()
        found: dict[int, dict[str, Signature]] = {}
        for key, chash, blob in rows:
            found.setdefault(keys[key], {})[chash] = Signature.from_bytes(blob)
        return {i: list(stories.items()) for i, stories in found.items()}

    # -- writing -----------------------------------------------------------------------

    def write(self, entries: Sequence[Entry]) -> Written:
        """Write one batch in one transaction; documents already stored are left as they are."""
        written = Written()
        now = datetime.now(UTC).replace(tzinfo=None)
        self.con.begin()
        try:
            stored = self.known_hashes(e.content_hash for e in entries if e.kind != "exact")
            fresh: dict[str, Entry] = {}
            for e in entries:
                if e.kind != "exact" and e.content_hash not in stored:
                    fresh.setdefault(e.content_hash, e)
            self._insert("document_sources", SOURCE_TYPES, [_source_row(e) for e in entries],
                         conflict="ON CONFLICT DO NOTHING")  # fmt: skip
            self._insert(
                "documents", DOCUMENT_TYPES, [_document_row(e, now) for e in fresh.values()]
            )
            new = [e for e in fresh.values() if e.kind == "new"]
            rows = (_event_row(e, ev) for e in new for ev in _unique(e.events))
            counted = n_records = 0  # rows are built and inserted in slices: a huge
            while events := list(itertools.islice(rows, EVENT_SLICE)):  # document's too
                counted += self._insert_events(events)
                self._upsert_actors(events)
                n_records += len(events)
            bands = [(k, e.content_hash) for e in new if e.signature for k in e.signature.bands]
            self._insert("minhash_bands", {"band_key": "BIGINT", "content_hash": "VARCHAR"},
                         [dict(zip(("band_key", "content_hash"), b, strict=True)) for b in bands])  # fmt: skip
            stories = {e.duplicate_of if e.kind == "near" else e.content_hash for e in entries}
            self._update_reports(stories)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        written.documents = len(new)
        written.near_duplicates = len(fresh) - len(new)
        written.events, written.records = counted, n_records
        return written

    def _insert(self, table: str, types: dict[str, str], rows: list[dict[str, Any]],
                conflict: str = "") -> None:  # fmt: skip
        """Column-wise insert: one list parameter per column, unnested side by side."""
        if not rows:
            return
        cols = list(types)
        select = ", ".join(f"unnest(?::{types[c]}[])" for c in cols)
        self.con.execute(
            f"INSERT INTO {table} ({', '.join(cols)}) SELECT {select} {conflict}",
            [[r.get(c) for r in rows] for c in cols],
        )

    def _insert_events(self, rows: list[dict[str, Any]]) -> int:
        """Events go through a staging table, where they get their event keys and ranks
        (counting.py) against the stored events, then into `events` in one insert.
        Returns how many of them are new events (rank 0)."""
        if not rows:
            return 0
        self.con.execute(
            "CREATE TEMP TABLE IF NOT EXISTS staged_events AS SELECT * FROM events LIMIT 0"
        )
        self.con.execute("DELETE FROM staged_events")
        self._insert("staged_events", EVENT_TYPES, rows)
        assign_keys(self.con, "staged_events")
        (counted,) = self.con.execute(
            f"SELECT count(*) FROM staged_events WHERE {COUNTED}"
        ).fetchone()
        self.con.execute("INSERT INTO events BY NAME SELECT * FROM staged_events")
        self.con.execute("DELETE FROM staged_events")
        return int(counted)

    def _update_reports(self, stories: set[str | None]) -> None:
        """Recount the events of the stories this batch wrote or added articles to."""
        keys = "SELECT DISTINCT event_key FROM events WHERE content_hash IN (SELECT unnest(?))"
        wanted = [[s for s in stories if s]]
        self.con.execute(f"DELETE FROM multi_reports WHERE event_key IN ({keys})", wanted)
        self.con.execute(
            f"""INSERT INTO multi_reports {REPORTS} WHERE e.event_key IN ({keys})
                GROUP BY e.event_key HAVING count(*) > 1""",
            wanted,
        )

    def _upsert_actors(self, events: list[dict[str, Any]]) -> None:
        stats: dict[str, dict[str, Any]] = {}
        for ev in events:
            for role in ("source", "target"):
                code = ev[f"{role}_code"]
                if not code:
                    continue
                s = stats.setdefault(code, {"code": code, "name": code_name(code), "country": None,
                                            "sectors": None, "first_seen": None,
                                            "last_seen": None, "n_source": 0, "n_target": 0})  # fmt: skip
                for key in ("country", "sectors"):  # the name is the code's, not a person's
                    s[key] = s[key] or ev[f"{role}_{key}"] or None
                if ev["date"]:
                    s["first_seen"] = min(filter(None, (s["first_seen"], ev["date"])))
                    s["last_seen"] = max(filter(None, (s["last_seen"], ev["date"])))
                s[f"n_{role}"] += 1
        self._insert("actors", ACTOR_TYPES, list(stats.values()), conflict="""
            ON CONFLICT (code) DO UPDATE SET
              name = coalesce(actors.name, excluded.name),
              country = coalesce(actors.country, excluded.country),
              sectors = coalesce(actors.sectors, excluded.sectors),
              first_seen = least(actors.first_seen, excluded.first_seen),
              last_seen = greatest(actors.last_seen, excluded.last_seen),
              n_source = actors.n_source + excluded.n_source,
              n_target = actors.n_target + excluded.n_target""")  # fmt: skip

    # -- queries -----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How much is stored: for summaries, tests and the API's status. `events` are
        counted by the one rule (counting.py), `records` are the coded sentences' readings."""
        row = self.con.execute(f"""
            SELECT (SELECT count(*) FROM documents WHERE duplicate_of IS NULL),
                   (SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL),
                   (SELECT count(*) FROM document_sources),
                   (SELECT count(*) FROM events WHERE {COUNTED}),
                   (SELECT count(*) FROM events),
                   (SELECT count(*) FROM actors)""").fetchone()  # fmt: skip
        names = ("stories", "near_duplicates", "articles", "events", "records", "actors")
        return dict(zip(names, row, strict=True))

    def rows(
        self, sql: str, params: Sequence[Any] = (), chunk: int = 10_000
    ) -> Iterator[dict[str, Any]]:
        """Stream a query's rows as dicts, `chunk` at a time (exports of any size)."""
        cur = self.con.cursor()
        try:
            cur.execute(sql, list(params))
            names = [d[0] for d in cur.description]
            while batch := cur.fetchmany(chunk):
                for row in batch:
                    yield dict(zip(names, row, strict=True))
        finally:
            cur.close()

    def iter_events(self, with_story: bool = False) -> Iterator[dict[str, Any]]:
        """Every record as a flat row (FLAT_COLUMNS, evidence, event_key, event_rank).
        `with_story` gives the counted events instead (one record each, counting.py), with
        the document's url and ingestion time and the event's mention, article and source
        counts."""
        cols = ", ".join(f"e.{c}" for c in (*FLAT_COLUMNS, "evidence", "event_key", "event_rank"))
        if not with_story:
            yield from self.rows(f"SELECT {cols} FROM events e ORDER BY e.content_hash, e.event_id")
            return
        yield from self.rows(f"""
            SELECT {cols}, d.url AS doc_url, d.ingested_at, r.num_mentions, r.num_articles,
                   r.num_sources
            FROM events e JOIN documents d USING (content_hash)
            LEFT JOIN event_reports r USING (event_key)
            WHERE e.{COUNTED} ORDER BY e.content_hash, e.event_id""")  # fmt: skip

    def sources_of(self, content_hash: str) -> list[dict[str, Any]]:
        """Every article (outlet, url, id) that carried this story or a near-duplicate of it."""
        return list(self.rows("SELECT * FROM articles WHERE story = ? ORDER BY outlet, doc_id",
                              [content_hash]))  # fmt: skip


def event_from_row(row: Mapping[str, Any]) -> Event:
    """A stored row back into the record, so JSONL and the API give the contract's shape."""

    def part(cls: type, prefix: str) -> Any:
        values = {f.name: row.get(f"{prefix}_{f.name}") for f in fields(cls)}
        if all(v is None or v == "" for v in values.values()):
            return None
        if cls is Actor:
            values["sectors"] = [s for s in (values["sectors"] or "").split(";") if s]
        return cls(**values)

    evidence = row.get("evidence")
    return Event(
        doc_id=row["doc_id"], sentence_index=row["sentence_index"], sentence=row["sentence"],
        trigger=part(Trigger, "trigger"), cameo=part(Cameo, "cameo"),
        plover=part(Plover, "plover") or Plover(None), source=part(Actor, "source"),
        target=part(Actor, "target"), date=row["date"], date_precision=row["date_precision"],
        location=part(Location, "location"), polarity=row["polarity"], modality=row["modality"],
        confidence=row["confidence"],
        evidence=json.loads(evidence) if isinstance(evidence, str) else
        {"rule": row.get("evidence_rule"), "model": row.get("evidence_model")},
        event_id=row["event_id"],
    )  # fmt: skip


def _unique(events: list[Event]) -> Iterator[Event]:
    seen: set[str] = set()
    for ev in events:
        if ev.event_id not in seen:
            seen.add(ev.event_id)
            yield ev


def _event_row(entry: Entry, event: Event) -> dict[str, Any]:
    record = event.to_dict()
    row = flat_row(record)
    row["evidence"] = json.dumps(record["evidence"], ensure_ascii=False, default=str)
    row["content_hash"] = entry.content_hash
    row["sentence_start"] = sentence_start(row, entry.document.text)
    return row


def _document_row(e: Entry, now: datetime) -> dict[str, Any]:
    d = e.document
    new = e.kind == "new"
    return {
        "content_hash": e.content_hash, "doc_id": d.id, "title": d.title, "url": d.url,
        "source": d.source, "pub_date": d.date, "text": d.text if new else None,
        "n_events": sum(1 for _ in _unique(e.events)) if new else 0,
        "duplicate_of": e.duplicate_of, "similarity": e.similarity,
        "minhash": e.signature.to_bytes() if new and e.signature else None, "ingested_at": now,
    }  # fmt: skip


def _source_row(e: Entry) -> dict[str, Any]:
    d = e.document
    key = "\x1f".join((e.content_hash, d.id, d.source or "", d.url or ""))
    return {
        "article_key": hashlib.sha1(key.encode("utf-8")).hexdigest(), "content_hash": e.content_hash,
        "doc_id": d.id, "source": d.source, "url": d.url, "title": d.title, "pub_date": d.date,
    }  # fmt: skip
