"""The server under attack: injections in every filter, script in article text, oversize
bodies, missing tokens, foreign Host names."""

from __future__ import annotations

import pytest
from _live import browser, live_server
from _seed_db import build_store
from fastapi.testclient import TestClient

from thucydides.analysis import Filters
from thucydides.server import create_app
from thucydides.server.security import LOOPBACK

FILTERS = [f for f in Filters.__slots__]
INJECTIONS = [
    "' OR '1'='1",
    "USAGOV' OR 1=1 --",
    "1; DROP TABLE events; --",
    "x') UNION SELECT text, 1, 2 FROM documents --",
    '" OR ""="',
    "%' OR sentence LIKE '%",
    "1 OR 1=1",
    "\\' OR 1=1 --",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("sec") / "events.duckdb")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db, max_body=2000)) as c:
        yield c


@pytest.mark.parametrize("name", FILTERS)
def test_sql_injection_in_every_filter_is_refused_or_finds_nothing(client, name):
    for attack in INJECTIONS:
        for path in ("/api/events", "/api/series", "/api/top", "/api/network", "/api/places"):
            res = client.get(path, params={name: attack})
            assert res.status_code < 500, (path, name, attack, res.text)
            if res.status_code == 200:
                body = res.json()
                assert body.get("total", 0) == 0 and not body.get("events")
                assert not body.get("series") and not body.get("top") and not body.get("edges")
                assert not body.get("places")
            else:
                assert 400 <= res.status_code < 500 and "detail" in res.json()
    assert client.get("/api/summary").json()["events"] == 9  # nothing dropped or changed


@pytest.mark.parametrize(
    ("name", "value"),
    [("order", "date; DROP TABLE events"), ("interval", "month') --"), ("by", "sentence"),
     ("kind", "dyads UNION SELECT 1"), ("format", "csv'"), ("limit", "1 OR 1=1"),
     ("offset", "0; --"), ("normalize", "yes please"), ("min_weight", "0 OR 1")],
)  # fmt: skip
def test_injection_in_other_parameters_is_a_4xx(client, name, value):
    for path in ("/api/events", "/api/series", "/api/top", "/api/network"):
        res = client.get(path, params={name: value})
        assert res.status_code < 500
        if res.status_code == 200:  # a parameter this route does not take is ignored
            assert name not in {p["name"] for p in _params(client, path)}


def _params(client, path):
    return client.get("/openapi.json").json()["paths"][path]["get"]["parameters"]


def test_bodies_over_the_limit_are_413(client):
    res = client.post("/api/code", json={"text": "x" * 5000})
    assert res.status_code == 413 and "over 2000 bytes" in res.json()["detail"]

    def chunks():  # no Content-Length: the limit must hold while reading
        for _ in range(10):
            yield b"y" * 500

    res = client.post("/api/code", content=chunks(), headers={"content-type": "application/json"})
    assert res.status_code == 413


def test_token_is_required_when_set(db):
    with TestClient(create_app(db, token="s3cret")) as c:
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/events", headers={"Authorization": "Basic s3cret"}).status_code == 401
        assert c.post("/api/code", json={"text": "Hi."}).status_code == 401
        ok = c.get("/api/events", headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.json()["total"] == 9
        assert c.get("/").status_code == 200  # the page itself holds no data


def test_foreign_host_names_are_refused(db):
    with TestClient(create_app(db, hosts=list(LOOPBACK)), base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/summary").status_code == 200
        assert c.get("/api/summary", headers={"host": "evil.example:8000"}).status_code == 400


def test_pages_carry_a_content_security_policy(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_script_in_article_text_is_shown_as_text_in_the_browser(db):
    with live_server(db) as url, browser() as b:
        page = b.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{url}/?doc_id=doc-xss")
        row = page.wait_for_selector("#events tbody tr[data-event]")
        sentence = row.query_selector(".sentence")
        assert "<script>window.__xss=1</script>" in sentence.text_content()
        assert 'onerror="window.__xss=2"' in sentence.text_content()
        assert page.evaluate("window.__xss") is None
        assert page.query_selector_all("#events img, #events script, main img") == []
        assert sentence.query_selector_all("mark") and not errors
        page.close()
