"""Aggregates over the event store: the numbers analysts chart, each traceable to sentences.

Every function takes a DuckDB connection (or cursor) over a store made by `store.Store`
and a `Filters`; filters become `?` parameters, and the only names that reach SQL text
come from the whitelists below, so nothing a user types is ever formatted into SQL.
The same functions serve the CLI (`series`, `top`, `network`, `plot`) and the HTTP API,
and all of them count events by the one rule of `counting.py`: each event once, by its
counted record, so the header, timeline, dyads, network, places and table agree.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from xml.etree import ElementTree as ET

from thucydides.counting import COUNTED, sentence_start
from thucydides.errors import UserError
from thucydides.pages import (  # one page of events lives in its own module
    DEEP_PAGE,
    MAX_LIMIT,
    ORDERS,
    _rows,
    counted,
    events,
    highlights,
    page_rows,
    prepare_pages,
)
from thucydides.query import MODALITIES, POLARITIES, Filters

__all__ = [
    "DEEP_PAGE", "Filters", "MAX_LIMIT", "MODALITIES", "ORDERS", "POLARITIES", "counted",
    "events", "highlights", "network", "page_rows", "periods", "places", "prepare_pages",
    "sentence_start", "series", "summary", "to_graphml", "top", "undated",
]  # fmt: skip

INTERVALS = ("day", "week", "month", "year")
# group-by name -> column: the whitelist of what may follow GROUP BY
GROUPS = {
    "none": None, "quad": "cameo_quad_class", "root": "cameo_root", "code": "cameo_code",
    "plover": "plover_event_type", "source": "source_code", "target": "target_code",
    "modality": "modality", "polarity": "polarity",
}  # fmt: skip
TOP_KINDS = (
    "actors",
    "dyads",
    "sources",
    "targets",
    "countries",
    "codes",
    "roots",
    "plover",
    "places",
)
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}  # fmt: skip


DATED = "TRY_CAST(date AS DATE) IS NOT NULL"

# -- series ---------------------------------------------------------------------------


def series(
    con,
    filters: Filters,
    interval: str = "month",
    by: str = "quad",
    normalize: bool = False,
) -> list[dict[str, Any]]:
    """Counts per period and group, with Goldstein sum and mean, the conflict-cooperation
    index and (with `normalize`) each count's share of all events stored for the period.

    The conflict-cooperation index is (cooperative - conflictual) / (both), from quad
    classes 1-2 and 3-4: +1 all cooperation, -1 all conflict, like a Goldstein sign that
    does not let one large score drown many small ones. Periods without events are rows
    of zeros, so a timeline has no silent gaps. Undated events have no period: `undated`
    counts them."""
    if interval == "auto":
        interval = auto_interval(con, filters)
    if interval not in INTERVALS:
        raise UserError(f"interval must be one of: {', '.join(INTERVALS)} or auto.")
    if by not in GROUPS:
        raise UserError(f"by must be one of: {', '.join(GROUPS)}.")
    col = GROUPS[by]
    group = f"CAST({col} AS VARCHAR)" if col else "'all'"
    where, params = counted(filters)
    rows = _rows(
        con,
        f"""SELECT {_period(interval)} AS period, {group} AS "group", count(*) AS count,
                   sum(cameo_goldstein) AS goldstein_sum, avg(cameo_goldstein) AS goldstein_mean,
                   count(*) FILTER (WHERE cameo_quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE cameo_quad_class IN (3, 4)) AS conflict
            FROM events WHERE {DATED} AND {where}
            GROUP BY ALL ORDER BY 1, 2""",
        params,
    )
    totals: dict[str, int] = {}
    if normalize and rows:
        totals = {r["period"]: r["n"] for r in _rows(
            con, f"""SELECT {_period(interval)} AS period, count(*) AS n FROM events
                     WHERE {COUNTED} AND {DATED} GROUP BY 1""", [])}  # fmt: skip
    for r in rows:
        r["goldstein_sum"] = _round(r["goldstein_sum"])
        r["goldstein_mean"] = _round(r["goldstein_mean"])
        both = r["cooperation"] + r["conflict"]
        r["cci"] = _round((r["cooperation"] - r["conflict"]) / both) if both else None
        if normalize:
            r["share"] = (
                _round(r["count"] / totals[r["period"]], 6) if totals.get(r["period"]) else None
            )
    return _fill(rows, interval, normalize)


def auto_interval(con, filters: Filters) -> str:
    """The interval that gives a readable number of bars for the dated events the filters
    select: days for up to 45 days of them, weeks up to 300, months up to 8 years."""
    where, params = counted(filters)
    first, last = con.execute(
        f"SELECT min(TRY_CAST(date AS DATE)), max(TRY_CAST(date AS DATE)) FROM events "
        f"WHERE {DATED} AND {where}",
        params,
    ).fetchone()
    days = (last - first).days if first and last else 0
    return "day" if days <= 45 else "week" if days <= 300 else "month" if days <= 2922 else "year"


def undated(con, filters: Filters, by: str = "quad") -> list[dict[str, Any]]:
    """Events the filters select that have no date, per group (as `series` groups)."""
    if by not in GROUPS:
        raise UserError(f"by must be one of: {', '.join(GROUPS)}.")
    col = GROUPS[by]
    where, params = counted(filters)
    return _rows(
        con,
        f"""SELECT {f"CAST({col} AS VARCHAR)" if col else "'all'"} AS "group", count(*) AS count
            FROM events WHERE NOT {DATED} AND {where} GROUP BY ALL ORDER BY 1""",
        params,
    )


def _period(interval: str) -> str:
    return f"strftime(date_trunc('{interval}', TRY_CAST(date AS DATE)), '%Y-%m-%d')"


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(float(value), digits)


def periods(first: str, last: str, interval: str) -> list[str]:
    """Every period start from `first` to `last` (both period starts, ISO)."""
    out, d, end = [], date.fromisoformat(first), date.fromisoformat(last)
    while d <= end:
        out.append(d.isoformat())
        if interval == "day":
            d += timedelta(days=1)
        elif interval == "week":
            d += timedelta(days=7)
        elif interval == "month":
            d = date(d.year + d.month // 12, d.month % 12 + 1, 1)
        else:
            d = date(d.year + 1, 1, 1)
    return out


def _fill(rows: list[dict[str, Any]], interval: str, normalize: bool) -> list[dict[str, Any]]:
    if not rows:
        return rows
    have = {r["period"] for r in rows}
    group = "all" if rows[0]["group"] == "all" else None
    zero = {"group": group, "count": 0, "goldstein_sum": 0.0, "goldstein_mean": None,
            "cooperation": 0, "conflict": 0, "cci": None}  # fmt: skip
    if normalize:
        zero["share"] = 0.0
    missing = [p for p in periods(rows[0]["period"], rows[-1]["period"], interval) if p not in have]
    filled = rows + [{"period": p, **zero} for p in missing]
    return sorted(filled, key=lambda r: (r["period"], r["group"] or ""))


# -- top, places, network -------------------------------------------------------------

_TOP_SQL = {
    "actors": "SELECT source_code AS key, cameo_goldstein AS g FROM f WHERE source_code IS NOT NULL "
    "UNION ALL SELECT target_code, cameo_goldstein FROM f WHERE target_code IS NOT NULL",
    "dyads": "SELECT source_code || '>' || target_code AS key, cameo_goldstein AS g FROM f "
    "WHERE source_code IS NOT NULL AND target_code IS NOT NULL",
    "sources": "SELECT source_code AS key, cameo_goldstein AS g FROM f WHERE source_code IS NOT NULL",
    "targets": "SELECT target_code AS key, cameo_goldstein AS g FROM f WHERE target_code IS NOT NULL",
    "countries": "SELECT source_country AS key, cameo_goldstein AS g FROM f WHERE source_country IS NOT NULL "
    "UNION ALL SELECT target_country, cameo_goldstein FROM f WHERE target_country IS NOT NULL",
    "codes": "SELECT cameo_code AS key, cameo_goldstein AS g FROM f WHERE cameo_code IS NOT NULL",
    "roots": "SELECT cameo_root AS key, cameo_goldstein AS g FROM f WHERE cameo_root IS NOT NULL",
    "plover": "SELECT plover_event_type AS key, cameo_goldstein AS g FROM f "
    "WHERE plover_event_type IS NOT NULL",
    "places": "SELECT location_name AS key, cameo_goldstein AS g FROM f WHERE location_name IS NOT NULL",
}


def top(con, filters: Filters, kind: str = "actors", n: int = 10) -> list[dict[str, Any]]:
    """The `n` most frequent actors, dyads, countries, codes, ... with their event counts
    and mean Goldstein score. Dyads carry `source` and `target` as well as `key`."""
    if kind not in TOP_KINDS:
        raise UserError(f"kind must be one of: {', '.join(TOP_KINDS)}.")
    if not 1 <= n <= 1000:
        raise UserError("n must be 1 to 1000.")
    where, params = counted(filters)
    rows = _rows(
        con,
        f"""WITH f AS (SELECT * FROM events WHERE {where}), k AS ({_TOP_SQL[kind]})
            SELECT key, count(*) AS count, avg(g) AS goldstein_mean FROM k
            GROUP BY key ORDER BY count DESC, key LIMIT ?""",
        [*params, n],
    )
    names = actor_names(con) if kind in ("actors", "sources", "targets", "dyads") else {}
    for r in rows:
        r["goldstein_mean"] = _round(r["goldstein_mean"])
        if kind == "dyads":
            r["source"], r["target"] = r["key"].split(">", 1)
        elif names:
            r["name"] = names.get(r["key"])
    return rows


def places(con, filters: Filters, n: int = 500) -> list[dict[str, Any]]:
    """Event places with coordinates and counts: the map's points."""
    where, params = counted(filters)
    rows = _rows(
        con,
        f"""SELECT location_name AS name, any_value(location_country) AS country,
                   avg(location_lat) AS lat, avg(location_lon) AS lon, count(*) AS count,
                   avg(cameo_goldstein) AS goldstein_mean
            FROM events WHERE location_lat IS NOT NULL AND location_lon IS NOT NULL AND {where}
            GROUP BY location_name ORDER BY count DESC, name LIMIT ?""",
        [*params, n],
    )
    for r in rows:
        r["lat"], r["lon"] = _round(r["lat"]), _round(r["lon"])
        r["goldstein_mean"] = _round(r["goldstein_mean"])
    return rows


def actor_names(con) -> dict[str, str]:
    """Actor code -> name, from the store's actors table."""
    return {c: n for c, n in con.execute("SELECT code, name FROM actors").fetchall() if n}


def network(con, filters: Filters, min_weight: int = 1, max_edges: int = 500) -> dict[str, Any]:
    """The directed actor network: an edge per (source, target) weighted by event count,
    with mean Goldstein and counts per quad class; nodes with in/out event counts."""
    if min_weight < 1 or not 1 <= max_edges <= 10_000:
        raise UserError("min_weight must be 1 or more and max_edges 1 to 10000.")
    where, params = counted(filters)
    edges = _rows(
        con,
        f"""SELECT source_code AS source, target_code AS target, count(*) AS weight,
                   avg(cameo_goldstein) AS goldstein_mean,
                   count(*) FILTER (WHERE cameo_quad_class = 1) AS quad1,
                   count(*) FILTER (WHERE cameo_quad_class = 2) AS quad2,
                   count(*) FILTER (WHERE cameo_quad_class = 3) AS quad3,
                   count(*) FILTER (WHERE cameo_quad_class = 4) AS quad4
            FROM events WHERE source_code IS NOT NULL AND target_code IS NOT NULL AND {where}
            GROUP BY ALL HAVING count(*) >= ? ORDER BY weight DESC, source, target LIMIT ?""",
        [*params, min_weight, max_edges],
    )
    names = actor_names(con)
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        e["goldstein_mean"] = _round(e["goldstein_mean"])
        for end, key in (("source", "out"), ("target", "in")):
            node = nodes.setdefault(
                e[end], {"id": e[end], "name": names.get(e[end]), "out": 0, "in": 0}
            )
            node[key] += e["weight"]
    return {"nodes": sorted(nodes.values(), key=lambda n: n["id"]), "edges": edges}


def to_graphml(net: dict[str, Any]) -> str:
    """The network as GraphML (Gephi, networkx, igraph, Cytoscape read it)."""
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    keys = [("name", "node", "string"), ("out", "node", "int"), ("in", "node", "int"),
            ("weight", "edge", "int"), ("goldstein_mean", "edge", "double")]  # fmt: skip
    keys += [(f"quad{i}", "edge", "int") for i in range(1, 5)]
    for name, where, kind in keys:
        ET.SubElement(root, "key", {"id": name, "for": where, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", id="actors", edgedefault="directed")
    for node in net["nodes"]:
        el = ET.SubElement(graph, "node", id=node["id"])
        for k in ("name", "out", "in"):
            if node.get(k) is not None:
                ET.SubElement(el, "data", key=k).text = str(node[k])
    for i, edge in enumerate(net["edges"]):
        el = ET.SubElement(graph, "edge", id=f"e{i}", source=edge["source"], target=edge["target"])
        for k in ("weight", "goldstein_mean", "quad1", "quad2", "quad3", "quad4"):
            if edge.get(k) is not None:
                ET.SubElement(el, "data", key=k).text = str(edge[k])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def summary(con) -> dict[str, Any]:
    """What the store holds, for the dashboard's header: events (by the counting rule),
    how many of them are undated, the records and documents they come from, actors, and
    the first and last date."""
    row = con.execute(
        f"""SELECT count(*) FILTER (WHERE {COUNTED}),
                   count(*) FILTER (WHERE {COUNTED} AND NOT {DATED}),
                   count(*), count(DISTINCT content_hash),
                   min(date) FILTER (WHERE {DATED}), max(date) FILTER (WHERE {DATED}),
                   (SELECT count(*) FROM actors) FROM events"""
    ).fetchone()
    names = ("events", "undated", "records", "documents", "first_date", "last_date", "actors")
    return dict(zip(names, row, strict=True))
