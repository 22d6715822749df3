"""The HTTP API over a real store: filters, paging, CSV, aggregates, coding, docs."""

from __future__ import annotations

import csv
import io

import pytest
from _seed_db import build_store
from fastapi.testclient import TestClient

from thucydides.export import CSV_COLUMNS
from thucydides.model import FLAT_COLUMNS
from thucydides.server import create_app
from thucydides.server.app import _cell
from thucydides.store import Store


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("api") / "events.duckdb")
    with TestClient(create_app(db, fast=True)) as c:
        yield c


def get(client, path, **params):
    res = client.get(path, params=params)
    assert res.status_code == 200, res.text
    return res.json()


def test_events_json_with_filters(client):
    body = get(client, "/api/events", actor="PAKGOV", start="2012-03-01")
    assert body["total"] == 2 and body["filters"] == {"start": "2012-03-01", "actor": "PAKGOV"}
    assert {e["cameo_code"] for e in body["events"]} == {"112", "042"}
    assert set(FLAT_COLUMNS) <= set(body["events"][0])
    assert get(client, "/api/events", plover="ACCUSE", q="statement")["total"] == 1
    assert get(client, "/api/events", min_confidence="0.6")["total"] == 2
    assert get(client, "/api/events", doc_id="doc-feb", quad="4")["total"] == 1


def test_events_paging(client):
    first = get(client, "/api/events", limit=5)
    second = get(client, "/api/events", limit=5, offset=5)
    ids = [e["event_id"] for e in first["events"] + second["events"]]
    assert first["total"] == 9 and len(ids) == len(set(ids)) == 9
    assert get(client, "/api/events", limit=5, offset=50)["events"] == []
    assert client.get("/api/events", params={"limit": -1}).status_code == 422
    assert client.get("/api/events", params={"limit": 10**9}).status_code == 422


def test_events_csv_has_the_record_columns(client):
    res = client.get("/api/events", params={"format": "csv", "country": "PAK"})
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/csv")
    assert res.headers["x-total-count"] == "5"
    rows = list(csv.DictReader(io.StringIO(res.text)))
    # the columns of `code --format csv` and `export`, evidence columns included
    assert list(rows[0]) == list(CSV_COLUMNS) and len(rows) == 5
    assert all("PAK" in (r["source_country"], r["target_country"]) for r in rows)


def test_csv_cells_cannot_become_spreadsheet_formulas():
    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _cell("-5 troops") == "'-5 troops"
    assert _cell(-5.0) == -5.0 and _cell("Kabul") == "Kabul"


def test_series_top_places_network_summary(client):
    series = get(client, "/api/series", interval="month", by="quad", actor="USAGOV")["series"]
    assert sum(r["count"] for r in series) == 5
    top = get(client, "/api/top", kind="actors", n=1)["top"]
    assert top == [
        {"key": "USAGOV", "count": 5, "goldstein_mean": 2.64, "name": "United States government"}
    ]
    places = get(client, "/api/places")["places"]
    assert [(p["name"], p["count"]) for p in places] == [
        ("Kabul", 5),
        ("Islamabad", 3),
        ("Washington", 1),
    ]
    net = get(client, "/api/network", min_weight=2)
    assert net["edges"][0]["source"] == "USAGOV" and len(net["edges"]) == 1
    graphml = client.get("/api/network", params={"format": "graphml"})
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    assert graphml.text.count("<edge ") == 8
    assert get(client, "/api/summary") == {"events": 9, "undated": 0, "records": 9, "documents": 4,
                                           "first_date": "2012-01-10", "last_date": "2012-03-20",
                                           "actors": 6}  # fmt: skip


def test_bad_parameters_are_400_or_422_with_a_message(client):
    res = client.get("/api/events", params={"start": "last week"})
    assert res.status_code == 400 and "Dates must look like" in res.json()["detail"]
    assert client.get("/api/series", params={"interval": "fortnight"}).status_code == 422
    assert client.get("/api/top", params={"kind": "sentences"}).status_code == 422
    assert client.get("/api/events", params={"order": "sentence"}).status_code == 400


def test_code_endpoint_codes_without_storing(client):
    text = "Pakistani troops shelled militant hideouts near the Afghan border on Monday."
    res = client.post("/api/code", json={"text": text, "date": "2012-02-14", "doc_id": "mine"})
    assert res.status_code == 200, res.text
    events = res.json()["events"]
    assert events and events[0]["doc_id"] == "mine" and events[0]["cameo"]["quad_class"] == 4
    trig = events[0]["trigger"]
    assert text[trig["start"] : trig["end"]] == trig["text"]
    assert get(client, "/api/summary")["events"] == 9  # nothing stored
    assert client.post("/api/code", json={"text": ""}).status_code == 422
    assert client.post("/api/code", json={"date": "2012-01-01"}).status_code == 422


def test_openapi_docs_and_dashboard_are_served(client):
    spec = get(client, "/openapi.json")
    assert {"/api/events", "/api/series", "/api/top", "/api/network", "/api/code"} <= set(
        spec["paths"]
    )
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"start", "end", "actor", "country", "code", "root", "quad", "plover", "q",
            "min_confidence", "limit", "offset", "format"} <= params  # fmt: skip
    assert "docs.js" in client.get("/docs").text
    page = client.get("/")
    assert page.status_code == 200 and 'src="/static/app.js"' in page.text
    assert client.get("/static/vendor/world-atlas/countries-110m.json").json()["type"] == "Topology"


def test_serve_command_refuses_bad_options(tmp_path, capsys):
    from thucydides.cli import main

    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "There is no database" in capsys.readouterr().err
    assert main(["serve", "--db", str(tmp_path / "none.duckdb"), "--port", "70000"]) == 2
    assert "--port must be 1 to 65535" in capsys.readouterr().err


@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_command_serves_on_loopback(tmp_path, workers):
    import socket
    import subprocess
    import sys
    import time

    import httpx

    db = build_store(tmp_path / "events.duckdb")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "thucydides.cli", "serve", "--db", str(db), "--port", str(port),
           "--workers", workers]  # fmt: skip
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    try:
        deadline, res = time.monotonic() + 30, None
        while res is None and time.monotonic() < deadline and proc.poll() is None:
            try:
                res = httpx.get(f"http://127.0.0.1:{port}/api/summary", timeout=2)
            except httpx.TransportError:
                time.sleep(0.2)
        assert res is not None and res.json()["events"] == 9
        foreign = httpx.get(
            f"http://127.0.0.1:{port}/api/summary", headers={"host": "attacker.test"}
        )
        assert foreign.status_code == 400  # DNS rebinding cannot reach a loopback server
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_repeated_reads_come_from_the_cache(tmp_path):
    db = build_store(tmp_path / "events.duckdb")
    app = create_app(db, token="t0ken")
    cache = app.app
    auth = {"Authorization": "Bearer t0ken"}
    with TestClient(app) as c:
        first = c.get("/api/events?actor=USAGOV&limit=3", headers=auth)
        again = c.get("/api/events?limit=3&actor=USAGOV", headers=auth)
        assert first.content == again.content and cache.stats()["hits"] == 1
        assert c.get("/api/events?limit=3&actor=USAGOV").status_code == 401  # cached, still guarded
        assert c.get("/api/events?actor=bad code", headers=auth).status_code == 400
        assert c.get("/api/events?actor=bad code", headers=auth).status_code == 400
        assert cache.stats()["entries"] == 1  # errors are not kept


def test_code_endpoint_refuses_a_date_that_is_not_iso(client):
    # "06/01/2025" is June 1 to some readers and January 6 to others: refused, not guessed
    res = client.post("/api/code", json={"text": "Chile recalled its envoy.", "date": "06/01/2025"})
    assert res.status_code == 400 and "YYYY-MM-DD" in res.json()["detail"]


def test_ingest_writes_while_serve_serves_and_the_server_follows(tmp_path):
    """A real `serve` process and a real `ingest` on one store at once: serve answers from
    a snapshot, ingest writes the store, and serve's answers follow within seconds."""
    import socket
    import subprocess
    import sys
    import time

    import httpx

    db = build_store(tmp_path / "events.duckdb")
    news = tmp_path / "news.txt"
    news.write_text(
        "Chile recalled its ambassador from Peru on Monday.\n\n"
        "The Peruvian government condemned the decision.\n",
        encoding="utf-8",
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    serve = subprocess.Popen(
        [sys.executable, "-m", "thucydides.cli", "serve", "--db", str(db), "--port", str(port)],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/api/summary"
    try:
        deadline, first = time.monotonic() + 30, None
        while first is None and time.monotonic() < deadline and serve.poll() is None:
            try:
                first = httpx.get(url, timeout=2).json()
            except httpx.TransportError:
                time.sleep(0.2)
        assert first is not None and first["records"] == 9
        ingest = subprocess.run(
            [sys.executable, "-m", "thucydides.cli", "ingest", str(news), "--db", str(db), "--fast"],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert ingest.returncode == 0, ingest.stderr
        assert "1 new" in ingest.stdout
        deadline, now = time.monotonic() + 20, first
        while now["records"] == first["records"] and time.monotonic() < deadline:
            time.sleep(0.3)
            now = httpx.get(url, timeout=2).json()
        with Store(db, read_only=True) as store:
            stored = store.counts()
        assert now["records"] == stored["records"] > 9 and now["events"] == stored["events"]
        page = httpx.get(url.replace("summary", "events"), params={"limit": 100}, timeout=2).json()
        assert page["total"] == stored["events"] == len(page["events"])  # pages follow too
        assert any(not e["doc_id"].startswith("doc-") for e in page["events"])  # the new story's
        assert serve.poll() is None  # still serving
    finally:
        serve.terminate()
        serve.wait(timeout=10)


@pytest.mark.parametrize("cache", [0, 512])
def test_api_pages_are_the_plain_query_pages(tmp_path, cache):
    """The server's numbered, block-cached pages give what analysis.events gives on the store."""
    import json

    import duckdb

    from thucydides import analysis
    from thucydides.analysis import Filters

    db = build_store(tmp_path / "events.duckdb", counting=True)
    with (
        duckdb.connect(str(db), read_only=True) as c,
        TestClient(create_app(db, cache_entries=cache)) as client,
    ):
        for params in ({}, {"actor": "PAKGOV"}, {"undated": "1"}, {"quad": "4", "limit": 2, "offset": 1},
                       {"limit": 3, "offset": 11}, {"q": "envoy"}, {"limit": 5, "offset": 40}):  # fmt: skip
            body = client.get("/api/events", params=params).json()
            f = Filters.parse({k: v for k, v in params.items() if k not in ("limit", "offset")})
            total, rows = analysis.events(c, f, params.get("limit", 50), params.get("offset", 0))
            assert body["total"] == total
            assert body["events"] == json.loads(json.dumps(rows, default=str)), params
