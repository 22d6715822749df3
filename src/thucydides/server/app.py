"""The HTTP API and dashboard over one event store, read-only.

Every route is a thin call into `thucydides.analysis`; filters arrive as query
parameters, are checked there and bound as SQL parameters. The dashboard is static
files from `static/` that call this API, so every chart number is an API number.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from thucydides import analysis
from thucydides.analysis import Filters
from thucydides.dates import check_day
from thucydides.errors import UserError
from thucydides.export import CSV_COLUMNS, csv_row
from thucydides.server.cache import ResponseCache
from thucydides.server.security import MAX_BODY, Guard

STATIC = Path(__file__).parent / "static"
CSV_RISKY = ("=", "+", "-", "@", "\t", "\r")  # cells a spreadsheet would run as formulas


class CodeRequest(BaseModel):
    text: str = Field(..., min_length=1, description="English news text to code")
    date: str | None = Field(None, description="publication date, YYYY-MM-DD")
    doc_id: str = Field("posted", max_length=200)


def _filters(
    start: Annotated[str | None, Query(description="first day, YYYY[-MM[-DD]]")] = None,
    end: Annotated[str | None, Query(description="last day, inclusive")] = None,
    actor: Annotated[str | None, Query(description="source or target actor code")] = None,
    source: Annotated[str | None, Query(description="source actor code")] = None,
    target: Annotated[str | None, Query(description="target actor code")] = None,
    country: Annotated[str | None, Query(description="source or target country, ISO3")] = None,
    code: Annotated[str | None, Query(description="CAMEO code or prefix")] = None,
    root: Annotated[str | None, Query(description="CAMEO root, 01-20")] = None,
    quad: Annotated[str | None, Query(description="quad class 1-4")] = None,
    plover: Annotated[str | None, Query(description="PLOVER event type")] = None,
    place: Annotated[str | None, Query(description="location name")] = None,
    polarity: Annotated[str | None, Query(description="asserted or negated")] = None,
    modality: Annotated[str | None, Query(description="actual, intended, ...")] = None,
    q: Annotated[str | None, Query(description="text in the sentence")] = None,
    min_confidence: Annotated[str | None, Query(description="0 to 1")] = None,
    doc_id: Annotated[str | None, Query(description="document id")] = None,
    undated: Annotated[
        str | None, Query(description="1: only undated events, 0: only dated")
    ] = None,
) -> Filters:
    return Filters.parse(dict(locals()))


def _cursor(request: Request) -> Iterator[Any]:
    snapshot = request.app.state.snapshot
    snapshot.version()  # looks for new writes to the store (at most once a second)
    cur, request.state.generation = snapshot.cursor()  # one per request: safe across threads
    try:
        yield cur
    finally:
        cur.close()


FilterDep = Annotated[Filters, Depends(_filters)]
Con = Annotated[Any, Depends(_cursor)]


def create_app(
    db_path: str | Path,
    token: str | None = None,
    max_body: int = MAX_BODY,
    hosts: list[str] | None = None,
    fast: bool = False,
    cache_entries: int = 512,
) -> Guard:
    """The ASGI app for `db_path`, read from a snapshot that follows the store's writes
    (snapshot.py), so `ingest` can add to the store while it is served. `token` requires
    `Authorization: Bearer` on /api/; `hosts` limits the Host header; `fast` codes POSTs
    without the model; `cache_entries` answers to repeated reads are kept (0: none)."""
    from thucydides.server.snapshot import Snapshot

    snapshot = Snapshot(db_path)
    coder_lock = threading.Lock()
    coder: list[Any] = []
    api = FastAPI(
        title="Thucydides",
        summary="Political events (CAMEO, PLOVER) coded from news, with their sentences.",
        version="0.1.0",
        docs_url=None,  # the stock pages load scripts from a CDN; ours works offline
        redoc_url=None,
    )
    api.state.snapshot = snapshot

    @api.exception_handler(UserError)
    async def user_error(request: Request, exc: UserError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @api.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": "Internal error."}, status_code=500)

    @api.get("/api/events", tags=["events"])
    def events(
        request: Request,
        con: Con,
        f: FilterDep,
        limit: Annotated[int, Query(ge=0, le=analysis.MAX_LIMIT)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
        order: Annotated[str, Query(description="date, confidence or goldstein; -desc")] = "date",
        format: Literal["json", "csv"] = "json",
    ) -> Any:
        """Events matching the filters, one page, with sentence highlights; `format=csv`
        gives the same rows with the record's flat columns."""
        rows_of = functools.partial(snapshot.page_rows, generation=request.state.generation)
        total, rows = analysis.events(con, f, limit, offset, order, paged=rows_of)
        if format == "csv":
            return Response(
                _csv(rows), media_type="text/csv; charset=utf-8",
                headers={"content-disposition": 'attachment; filename="events.csv"',
                         "x-total-count": str(total)},
            )  # fmt: skip
        return _json({"total": total, "limit": limit, "offset": offset, "filters": f.as_params(),
                      "events": rows})  # fmt: skip

    @api.get("/api/series", tags=["aggregates"])
    def series(
        con: Con,
        f: FilterDep,
        interval: Literal["auto", "day", "week", "month", "year"] = "month",
        by: Literal[tuple(analysis.GROUPS)] = "quad",  # type: ignore[valid-type]
        normalize: bool = False,
    ) -> Any:
        """Counts, Goldstein sum and mean, conflict-cooperation index per period and group;
        `interval=auto` picks day, week, month or year for the dates the filters select
        (the answer says which)."""
        if interval == "auto":
            interval = analysis.auto_interval(con, f)
        return _json({"interval": interval, "by": by, "filters": f.as_params(),
                      "series": analysis.series(con, f, interval, by, normalize),
                      "undated": analysis.undated(con, f, by)})  # fmt: skip

    @api.get("/api/top", tags=["aggregates"])
    def top(
        con: Con,
        f: FilterDep,
        kind: Literal[analysis.TOP_KINDS] = "actors",  # type: ignore[valid-type]
        n: Annotated[int, Query(ge=1, le=1000)] = 10,
    ) -> Any:
        """The most frequent actors, dyads, countries, codes, PLOVER types or places."""
        return _json({"kind": kind, "filters": f.as_params(), "top": analysis.top(con, f, kind, n)})

    @api.get("/api/places", tags=["aggregates"])
    def places(con: Con, f: FilterDep, n: Annotated[int, Query(ge=1, le=5000)] = 500) -> Any:
        """Event places with coordinates and counts."""
        return _json({"filters": f.as_params(), "places": analysis.places(con, f, n)})

    @api.get("/api/network", tags=["aggregates"])
    def network(
        con: Con,
        f: FilterDep,
        min_weight: Annotated[int, Query(ge=1)] = 1,
        max_edges: Annotated[int, Query(ge=1, le=10_000)] = 500,
        format: Literal["json", "graphml"] = "json",
    ) -> Any:
        """The actor network: weighted directed edges source -> target."""
        net = analysis.network(con, f, min_weight, max_edges)
        if format == "graphml":
            return Response(analysis.to_graphml(net), media_type="application/graphml+xml")
        return _json({"filters": f.as_params(), **net})

    @api.get("/api/summary", tags=["aggregates"])
    def summary(con: Con) -> Any:
        """How many events, documents and actors the store holds, and their dates."""
        return _json(analysis.summary(con))

    @api.post("/api/code", tags=["coding"])
    def code(body: CodeRequest) -> Any:
        """Code posted text into events; nothing is stored."""
        day = check_day(body.date, "date")  # YYYY-MM-DD only, as the CLI's --date
        with coder_lock:
            if not coder:
                from thucydides.coder import Coder

                coder.append(Coder(fast=fast))
            found = coder[0].code(body.text, date=day, doc_id=body.doc_id)
        return _json({"events": [ev.to_dict() for ev in found]})

    @api.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @api.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @api.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")

    api.mount("/static", StaticFiles(directory=STATIC), name="static")
    app = ResponseCache(api, snapshot.version, cache_entries) if cache_entries > 0 else api
    return Guard(app, max_body=max_body, token=token, hosts=hosts)


def _json(body: Any) -> Response:
    """Serialised directly: FastAPI's generic encoder costs more than the query."""
    return Response(
        json.dumps(body, ensure_ascii=False, default=str), media_type="application/json"
    )


def _csv(rows: list[dict[str, Any]]) -> str:
    """The same columns as `code --format csv` and `export` (export.CSV_COLUMNS)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in csv_row(row, row.get("evidence")).items()})
    return out.getvalue()


def _cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(CSV_RISKY):
        return "'" + value
    return value
