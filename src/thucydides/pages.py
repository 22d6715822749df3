"""One page of events, as the API, the dashboard's table and its CSV export show them.

Each event is its counted record (counting.py) with its mention, article and source
counts and the spans to mark in its sentence. The server reads pages from a numbered
copy of its snapshot (`prepare_pages`), the rest of the package from the store itself;
both give the same rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from thucydides.counting import COUNTED
from thucydides.errors import UserError
from thucydides.model import FLAT_COLUMNS
from thucydides.query import Filters

ORDERS = {"date": "date", "confidence": "confidence", "goldstein": "cameo_goldstein"}
MAX_LIMIT = 100_000
DEEP_PAGE = 4000  # from this offset on, pages are found by sorting row ids only (faster there)


def counted(filters: Filters) -> tuple[str, list[Any]]:
    """The SQL condition for the events the filters select, one record per event."""
    where, params = filters.where()
    return f"{COUNTED} AND {where}", params


def _rows(con, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def events(
    con,
    filters: Filters,
    limit: int = 50,
    offset: int = 0,
    order: str = "date",
    paged: bool | Callable[[Any, list[int]], list[dict[str, Any]]] = False,
) -> tuple[int, list[dict[str, Any]]]:
    """(how many events match, one page of them): each event's counted record as a flat
    row, with `event_key`, its `num_mentions`, `num_articles` and `num_sources`, the
    stored `sentence_start` (the sentence's offset in the document) and `highlights`:
    source, target and trigger spans relative to the sentence, so a page can mark them
    without the document. `paged`: `con` has the table of `prepare_pages` (a store copy
    that does not change), so pages in date order are found by their numbers; a callable
    reads the rows of those numbers (`page_rows`, or a cache of it)."""
    if not 0 <= limit <= MAX_LIMIT or offset < 0:
        raise UserError(f"limit must be 0 to {MAX_LIMIT} and offset 0 or more.")
    desc = order.startswith("-")
    if order.lstrip("-") not in ORDERS:
        raise UserError(f"order must be one of: {', '.join(ORDERS)} (with - for descending).")
    if paged and order == "date":
        total, rows = _paged(con, filters, limit, offset, paged if callable(paged) else page_rows)
        for row in rows:
            row["highlights"] = highlights(row, row["sentence_start"])
        return total, rows
    where, params = counted(filters)
    (total,) = con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()
    key = f"{ORDERS[order.lstrip('-')]} {'DESC' if desc else 'ASC'} NULLS LAST, {TIE_BREAK}"
    page = f"SELECT {PAGE_COLUMNS} FROM events WHERE {where} ORDER BY {key} LIMIT ? OFFSET ?"
    if offset >= DEEP_PAGE:  # deep pages: sort row ids only, then read the page's rows
        page = f"""SELECT {PAGE_COLUMNS} FROM events WHERE rowid IN
                   (SELECT rowid FROM events WHERE {where} ORDER BY {key} LIMIT ? OFFSET ?)
                   ORDER BY {key}"""
    rows = _rows(con, page, [*params, limit, offset])
    reports = _reports(con, [r["event_key"] for r in rows])
    for row in rows:
        row.update(reports.get(row["event_key"], _ONE_REPORT))
        row["highlights"] = highlights(row, row["sentence_start"])
    return int(total), rows


TIE_BREAK = "doc_id, sentence_index, trigger_start, event_id"
PAGE_COLUMNS = ", ".join((*FLAT_COLUMNS, "event_key", "sentence_start"))
REPORT_COLUMNS = ("num_mentions", "num_articles", "num_sources")
PAGED = "paged_events"


def prepare_pages(con) -> None:
    """On a store copy that will not change (the server's snapshot): the counted events
    in date order with their report counts, numbered 1, 2, ... (`page_seq`), so that a
    page is found by sorting small integers and read by its numbers, instead of sorting
    every matching row with all its columns (DuckDB reads whole column vectors per row)."""
    con.execute(f"""CREATE OR REPLACE TABLE {PAGED} AS
        SELECT {", ".join(f"e.{c}" for c in PAGE_COLUMNS.split(", "))},
               {", ".join(f"coalesce(r.{c}, 1) AS {c}" for c in REPORT_COLUMNS)},
               row_number() OVER (ORDER BY e.date ASC NULLS LAST, {TIE_BREAK}) AS page_seq
        FROM events e LEFT JOIN multi_reports r USING (event_key) WHERE e.{COUNTED}
        ORDER BY page_seq""")  # fmt: skip


def page_rows(con, seqs: list[int]) -> list[dict[str, Any]]:
    """The rows numbered `seqs` (ascending) of the `prepare_pages` table."""
    return _rows(
        con,
        f"""SELECT * EXCLUDE (page_seq) FROM {PAGED} WHERE page_seq BETWEEN ? AND ?
            AND list_contains(?::BIGINT[], page_seq) ORDER BY page_seq""",
        [seqs[0], seqs[-1], seqs],
    )


def _paged(con, filters: Filters, limit: int, offset: int, read) -> tuple[int, list]:
    where, params = filters.where()
    found = con.execute(
        f"""SELECT page_seq, count(*) OVER () FROM {PAGED} WHERE {where}
            ORDER BY page_seq LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    ).fetchall()
    if not found:  # an empty page still says how many match
        (total,) = con.execute(f"SELECT count(*) FROM {PAGED} WHERE {where}", params).fetchone()
        return total, []
    return found[0][1], read(con, [s for s, _ in found])


_ONE_REPORT = {"num_mentions": 1, "num_articles": 1, "num_sources": 1}


def _reports(con, keys: list[str]) -> dict[str, dict[str, int]]:
    """Mention, article and source counts of the events `keys`: the store keeps them for
    events with more than one mention; every other event has one of each."""
    if not keys:
        return {}
    found = con.execute(
        "SELECT * FROM multi_reports WHERE event_key IN (SELECT unnest(?::VARCHAR[]))", [keys]
    ).fetchall()
    names = ("num_mentions", "num_articles", "num_sources")
    return {k: dict(zip(names, counts, strict=True)) for k, *counts in found}


def highlights(row: dict[str, Any], start: int | None) -> list[dict[str, Any]]:
    """Source, target and trigger spans as offsets into the sentence, in reading order."""
    if start is None:
        return []
    n = len(row.get("sentence") or "")
    out = []
    for role in ("source", "target", "trigger"):
        s, e = row.get(f"{role}_start"), row.get(f"{role}_end")
        if s is not None and e is not None and start <= s < e <= start + n:
            out.append({"role": role, "start": s - start, "end": e - start})
    return sorted(out, key=lambda h: (h["start"], h["end"]))
