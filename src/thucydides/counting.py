"""The one counting rule: which stored records are the same event, and which one counts.

A coded record is one sentence's reading of an act. Several records can report one
event: the same asset freeze in two articles, a headline retold in the lead. Records are
one *event* when they share

- the day (their `date`), the source and target actor codes and the CAMEO root, and the
  polarity and modality (an attack and a threatened attack stay two events); or
- the document, for undated records with the same dyad, root and mood (two articles'
  undated records are never merged: nothing says they are the same day); or
- `evidence.same_as`: the coder marked the record as the repeat of another record of the
  same document (a headline and its lead). The two records' keys then name one event, for
  every record with either key, in this document or any other.

A record without a source or target code, or without a root, is its own event. Every
event is counted once, by its first stored record (`event_rank` 0, its *representative*;
among records stored together, the one with the most precise date):
filters, timelines, dyads, networks, places, tables and the GDELT export all look at
representatives only, and the other records add to the event's mention, article and
source counts, as GDELT's NumMentions, NumArticles and NumSources do.

Keys and ranks are computed in SQL, so the rule has one definition for new batches and for
stores written before it existed.
"""

from __future__ import annotations

import re
from typing import Any

SAME_AS = "json_extract_string(evidence, '$.same_as')"
EVENT_KEY = """CASE
  WHEN source_code IS NULL OR target_code IS NULL OR cameo_root IS NULL THEN event_id
  ELSE 'ek_' || md5(concat_ws('|',
      coalesce(CAST(TRY_CAST(date AS DATE) AS VARCHAR), 'undated ' || content_hash),
      source_code, target_code, cameo_root, coalesce(polarity, ''), coalesce(modality, '')))[:16]
END"""
PRECISION = """CASE n.date_precision WHEN 'day' THEN 0 WHEN 'week' THEN 1 WHEN 'month' THEN 2
  WHEN 'year' THEN 3 WHEN 'publication' THEN 4 ELSE 5 END"""
COUNTED = "event_rank = 0"  # the condition that picks one record per event

# every event's reports: records (mentions in every article carrying their story),
# articles and distinct outlets; `events` is the table, `articles` the store's view
REPORTS = """
SELECT e.event_key, count(*) AS num_mentions, count(DISTINCT a.article_key) AS num_articles,
       count(DISTINCT a.outlet) AS num_sources
FROM events e LEFT JOIN articles a ON a.story = e.content_hash"""


def assign_keys(con: Any, table: str) -> None:
    """Give the rows of `table` whose `event_rank` is NULL their event key and rank, after
    every record already in `events` with a rank. `table` is `events` itself (an upgrade)
    or the staging table of a batch; its name comes from this package, never from input."""
    new = f"{table}.event_rank IS NULL"
    con.execute(f"UPDATE {table} SET event_key = {EVENT_KEY} WHERE event_rank IS NULL")
    con.execute(f"""UPDATE {table} SET event_key = a.event_key FROM event_aliases a
                    WHERE {new} AND {table}.event_key = a.alias_key""")  # fmt: skip
    _join_repeats(con, table)
    # in a key, records already stored keep their ranks; new ones follow in the order they
    # were ingested (so an upgrade ranks as the batches did), dated before undated, the
    # most precise date first ("on Monday" before the publication date a headline has),
    # the record that others repeat (no same_as) first, then in reading order
    con.execute(f"""
        UPDATE {table} SET event_rank = r.rank FROM (
          SELECT n.content_hash, n.event_id, coalesce(o.n, 0) - 1 + row_number() OVER (
                   PARTITION BY n.event_key
                   ORDER BY d.ingested_at, TRY_CAST(n.date AS DATE) IS NULL, {PRECISION},
                            {SAME_AS.replace("evidence", "n.evidence")} IS NOT NULL,
                            n.doc_id, n.sentence_index, n.trigger_start, n.event_id) AS rank
          FROM {table} n LEFT JOIN (SELECT event_key, count(*) AS n FROM events
                                    WHERE event_rank IS NOT NULL GROUP BY 1) o USING (event_key)
          LEFT JOIN documents d ON d.content_hash = n.content_hash
          WHERE n.event_rank IS NULL) r
        WHERE {table}.content_hash = r.content_hash AND {table}.event_id = r.event_id
          AND {new}""")  # fmt: skip


def _join_repeats(con: Any, table: str) -> None:
    """A record marked `same_as` another of its document joins that record's event, and
    the two keys become one: every record, then or later, with either key is one event
    (an alias row says so). Records already stored keep their key, so the new side moves;
    where both sides are stored events, only the repeat moves."""
    links = con.execute(f"""
        SELECT r.event_id, r.content_hash, r.event_key, f.event_key FROM {table} r
        JOIN {table} f ON f.content_hash = r.content_hash
         AND f.event_id = json_extract_string(r.evidence, '$.same_as')
        WHERE r.event_rank IS NULL AND f.event_id <> r.event_id AND f.event_key <> r.event_key
        ORDER BY r.doc_id, r.sentence_index, r.event_id""").fetchall()  # fmt: skip
    for event_id, chash, repeat, first in links:
        (repeat_now,) = con.execute(
            f"SELECT event_key FROM {table} WHERE event_id = ? AND content_hash = ?",
            [event_id, chash],
        ).fetchone()
        if repeat_now != repeat:  # an earlier link moved it already
            repeat = repeat_now
        stored = {k for (k,) in con.execute(
            "SELECT DISTINCT event_key FROM events WHERE event_rank IS NOT NULL AND "
            "event_key IN (?, ?)", [repeat, first]).fetchall()}  # fmt: skip
        if repeat == first:
            continue
        if stored == {repeat, first}:
            con.execute(f"UPDATE {table} SET event_key = ? WHERE event_id = ? AND content_hash = ?",
                        [first, event_id, chash])  # fmt: skip
            continue
        keep, move = (repeat, first) if stored == {repeat} else (first, repeat)
        con.execute(f"UPDATE {table} SET event_key = ? WHERE event_rank IS NULL AND event_key = ?",
                    [keep, move])  # fmt: skip
        con.execute("UPDATE event_aliases SET event_key = ? WHERE event_key = ?", [keep, move])
        con.execute("INSERT INTO event_aliases VALUES (?, ?)", [move, keep])


def sentence_start(row: dict[str, Any], text: str | None = None, at: int = 0) -> int | None:
    """Where the event's sentence starts in its document. The record's offsets point into
    the document; the sentence is found in `text` (the document, or a window of it that
    starts at offset `at`) where it holds the trigger or, without the text, from where the
    trigger's words sit in the sentence. None when neither places it."""
    sent, t0, t1 = row.get("sentence") or "", row.get("trigger_start"), row.get("trigger_end")
    if not sent or t0 is None or t1 is None:
        return None
    if text:
        i = text.find(sent, max(0, t0 - len(sent) - at))
        while 0 <= i and at + i <= t0:
            if t1 <= at + i + len(sent):
                return at + i
            i = text.find(sent, i + 1)
    word = row.get("trigger_text") or ""
    hits = [m.start() for m in re.finditer(re.escape(word), sent)] if word else []
    return t0 - hits[0] if len(hits) == 1 else None
