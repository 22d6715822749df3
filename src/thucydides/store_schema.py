"""What a store is: its tables, views and indexes, and how a store written by an older
version becomes one (in place, on first open). Also the one way a store is opened, so a
lock another process holds is one clear sentence, not DuckDB's message.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import duckdb

from thucydides.counting import COUNTED, REPORTS, assign_keys, sentence_start
from thucydides.errors import UserError
from thucydides.model import FLAT_COLUMNS

SCHEMA_VERSION = "2"  # 2: sentence_start, event_key, event_rank and the filter indexes
_INTEGER = {"sentence_index", "sentence_start", "event_rank", "source_start", "source_end",
            "target_start", "target_end", "trigger_start", "trigger_end",
            "cameo_quad_class"}  # fmt: skip
_DOUBLE = {"cameo_goldstein", "location_lat", "location_lon", "confidence"}


def _sql_type(column: str) -> str:
    if column in _INTEGER:
        return "INTEGER"
    if column in _DOUBLE:
        return "DOUBLE"
    return "BIGINT" if column == "location_geonameid" else "VARCHAR"


EVENT_TYPES = {c: _sql_type(c) for c in FLAT_COLUMNS} | {
    "evidence": "JSON",
    "content_hash": "VARCHAR",
    "sentence_start": "INTEGER",  # the sentence's offset in the document, for highlights
    "event_key": "VARCHAR",  # records with one key are one event (counting.py)
    "event_rank": "INTEGER",  # 0: the record that counts the event; 1...: its other reports
}
# what the API and dashboard filter and sort on (DuckDB uses them for selective lookups)
INDEXES = {"events_key": "event_key", "events_source": "source_code",
           "events_target": "target_code", "events_date": "date", "events_doc": "doc_id"}  # fmt: skip
DOCUMENT_TYPES = {
    "content_hash": "VARCHAR", "doc_id": "VARCHAR", "title": "VARCHAR", "url": "VARCHAR",
    "source": "VARCHAR", "pub_date": "VARCHAR", "text": "VARCHAR", "n_events": "INTEGER",
    "duplicate_of": "VARCHAR", "similarity": "DOUBLE", "minhash": "BLOB",
    "ingested_at": "TIMESTAMP",
}  # fmt: skip
SOURCE_TYPES = {
    "article_key": "VARCHAR", "content_hash": "VARCHAR", "doc_id": "VARCHAR", "source": "VARCHAR",
    "url": "VARCHAR", "title": "VARCHAR", "pub_date": "VARCHAR",
}  # fmt: skip
ACTOR_TYPES = {
    "code": "VARCHAR", "name": "VARCHAR", "country": "VARCHAR", "sectors": "VARCHAR",
    "first_seen": "VARCHAR", "last_seen": "VARCHAR", "n_source": "BIGINT", "n_target": "BIGINT",
}  # fmt: skip

TABLES = f"""
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
  {", ".join(f"{c} {t}" for c, t in DOCUMENT_TYPES.items())}, PRIMARY KEY (content_hash));
CREATE TABLE IF NOT EXISTS document_sources (
  {", ".join(f"{c} {t}" for c, t in SOURCE_TYPES.items())}, PRIMARY KEY (article_key));
CREATE TABLE IF NOT EXISTS events ({", ".join(f"{c} {t}" for c, t in EVENT_TYPES.items())});
CREATE TABLE IF NOT EXISTS actors (
  {", ".join(f"{c} {t}" for c, t in ACTOR_TYPES.items())}, PRIMARY KEY (code));
CREATE TABLE IF NOT EXISTS minhash_bands (band_key BIGINT, content_hash VARCHAR);
-- the events with more than one mention (counting.py), kept up to date by every write so a
-- page of events reads its counts without joining every article
-- keys that name the same event as another key (a headline's reading and its lead's)
CREATE TABLE IF NOT EXISTS event_aliases (alias_key VARCHAR, event_key VARCHAR);
CREATE TABLE IF NOT EXISTS multi_reports (
  event_key VARCHAR, num_mentions BIGINT, num_articles BIGINT, num_sources BIGINT);
"""

VIEWS = f"""
-- every article that carried a story, and the story (canonical document) it belongs to
CREATE OR REPLACE VIEW articles AS
SELECT coalesce(d.duplicate_of, d.content_hash) AS story, s.*,
       coalesce(s.source, nullif(regexp_extract(s.url, '^[a-zA-Z]+://([^/:?#]+)', 1), ''),
                s.doc_id) AS outlet
FROM document_sources s JOIN documents d USING (content_hash);
CREATE OR REPLACE VIEW story_counts AS
SELECT story, count(DISTINCT article_key) AS num_articles, count(DISTINCT outlet) AS num_sources,
       list(DISTINCT outlet ORDER BY outlet) AS sources
FROM articles GROUP BY story;
-- every event (counting.py) with how many mentions, articles and outlets report it
CREATE OR REPLACE VIEW event_reports AS {REPORTS} GROUP BY e.event_key;
-- GDELT-like aggregate of events that happened (asserted, actual): one row per
-- (date, source, target, code) of the events' counted records, with how many events,
-- articles and outlets report them
CREATE OR REPLACE VIEW event_counts AS
SELECT e.date, e.source_code, e.target_code, e.cameo_code,
       any_value(e.cameo_root) AS cameo_root, any_value(e.cameo_quad_class) AS quad_class,
       avg(e.cameo_goldstein) AS goldstein, count(DISTINCT e.event_key) AS num_events,
       count(DISTINCT a.article_key) AS num_articles, count(DISTINCT a.outlet) AS num_sources
FROM events e JOIN events m ON m.event_key = e.event_key
LEFT JOIN articles a ON a.story = m.content_hash
WHERE e.{COUNTED} AND e.polarity = 'asserted' AND e.modality = 'actual'
GROUP BY e.date, e.source_code, e.target_code, e.cameo_code;
"""


def connect(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """A connection, waiting up to `wait` seconds while another process holds the lock;
    a lock still held, or a file that is no database, is one clear sentence."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            held = _LOCK.search(str(exc))
            if held and time.monotonic() < deadline:
                time.sleep(0.2)
                continue
            if held:
                who = f"process {held[2]} ({Path(held[1]).name})"
                raise UserError(
                    f"The database {path} is in use by {who} (another `thucydides ingest`?); "
                    "try again when it has finished."
                ) from None
            raise UserError(f"Cannot open the database {path}: {first_line(exc)}.") from exc


_LOCK = re.compile(r"Conflicting lock is held in (.+?) \(PID (\d+)\)")


def missing_columns(con: duckdb.DuckDBPyConnection) -> list[str]:
    have = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'"
    ).fetchall()}  # fmt: skip
    return [c for c in EVENT_TYPES if have and c not in have]


def upgrade(con: duckdb.DuckDBPyConnection) -> None:
    """Bring a store written by an older version up to this schema: new columns, the
    event keys and sentence offsets of its records, the indexes. Idempotent."""
    missing = missing_columns(con)
    con.begin()
    try:
        for column in missing:
            con.execute(f"ALTER TABLE events ADD COLUMN {column} {EVENT_TYPES[column]}")
        if missing:
            con.execute(VIEWS)  # the counts below read them
        if "event_rank" in missing:
            assign_keys(con, "events")
        if "sentence_start" in missing:
            _fill_sentence_starts(con)
        if missing:
            con.execute(f"INSERT INTO multi_reports {REPORTS} GROUP BY 1 HAVING count(*) > 1")
        con.commit()
    except BaseException:
        con.rollback()
        raise
    for name, column in INDEXES.items():  # DuckDB builds no index beside pending updates
        con.execute(f"CREATE INDEX IF NOT EXISTS {name} ON events ({column})")


def _fill_sentence_starts(con: duckdb.DuckDBPyConnection, chunk: int = 50_000) -> None:
    """Sentence offsets for records stored before they were: found in the document text
    around each trigger, `chunk` records at a time (a store of any size fits in memory)."""
    (last,) = con.execute("SELECT max(rowid) FROM events").fetchone()
    names = ("sentence", "trigger_start", "trigger_end", "trigger_text")
    for low in range(0, (last or 0) + 1, chunk):
        rows = con.execute(
            """SELECT e.rowid, e.sentence, e.trigger_start, e.trigger_end, e.trigger_text,
                      greatest(e.trigger_start - length(e.sentence), 0) AS at,
                      substr(d.text, greatest(e.trigger_start - length(e.sentence), 0) + 1,
                             2 * length(e.sentence) + 1)
               FROM events e LEFT JOIN documents d USING (content_hash)
               WHERE e.rowid BETWEEN ? AND ? AND e.sentence_start IS NULL
                 AND e.trigger_start IS NOT NULL""",
            [low, low + chunk - 1],
        ).fetchall()
        found = [(r[0], sentence_start(dict(zip(names, r[1:5], strict=True)), r[6], r[5]))
                 for r in rows]  # fmt: skip
        found = [f for f in found if f[1] is not None]
        if found:
            con.execute(
                """UPDATE events SET sentence_start = s.start FROM
                   (SELECT unnest(?::BIGINT[]) AS rid, unnest(?::INTEGER[]) AS start) s
                   WHERE events.rowid = s.rid""",
                [[f[0] for f in found], [f[1] for f in found]],
            )


def first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0].rstrip(".") if str(exc).strip() else type(exc).__name__
