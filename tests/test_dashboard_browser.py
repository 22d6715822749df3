"""The dashboard in a real browser (Debian's Chromium via Playwright) over a real server."""

from __future__ import annotations

import io
import re
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
from _live import browser, live_server
from _seed_db import COUNTING_EVENTS, COUNTING_UNDATED, build_store, build_wide_store


@pytest.fixture(scope="module")
def chromium():
    with browser() as b:
        yield b


@pytest.fixture(scope="module")
def site(tmp_path_factory, chromium):
    db = build_store(tmp_path_factory.mktemp("web") / "events.duckdb")
    with live_server(db) as url:
        yield url, chromium


@pytest.fixture(scope="module")
def counting_site(tmp_path_factory, chromium):
    """The seed plus one event in two articles, a retold headline and undated events."""
    db = build_store(tmp_path_factory.mktemp("web") / "events.duckdb", counting=True)
    with live_server(db) as url:
        yield url, chromium


@pytest.fixture(scope="module")
def wide_site(tmp_path_factory, chromium):
    db = build_wide_store(tmp_path_factory.mktemp("web") / "events.duckdb")
    with live_server(db) as url:
        yield url, chromium


def open_page(site):
    url, b = site
    p = b.new_page(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.base = url  # type: ignore[attr-defined]
    return p, errors


@pytest.fixture()
def counting_page(counting_site):
    p, errors = open_page(counting_site)
    yield p
    p.close()
    assert not errors, errors


@pytest.fixture()
def wide_page(wide_site):
    p, errors = open_page(wide_site)
    yield p
    p.close()
    assert not errors, errors


@pytest.fixture()
def page(site):
    url, b = site
    p = b.new_page(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.base = url  # type: ignore[attr-defined]
    yield p
    p.close()
    assert not errors, errors


def rows(page) -> int:
    return len(page.query_selector_all("#events tbody tr[data-event]"))


def query(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def wait_rows(page, n: int) -> None:
    page.wait_for_function(
        "(n) => document.querySelectorAll('#events tbody tr[data-event]').length === n "
        "&& !document.body.classList.contains('loading')",
        arg=n,
    )


def test_page_loads_all_four_views_and_the_table(page):
    page.goto(page.base + "/")
    wait_rows(page, 9)
    page.wait_for_selector("#map circle.place")
    assert len(page.query_selector_all("#timeline rect.bar")) == 7  # by week (auto): 7 week x quads
    assert page.text_content("#filters select[name=interval] option:checked") == "auto (week)"
    assert len(page.query_selector_all("#dyads a.dyad")) == 8
    assert len(page.query_selector_all("#map circle.place")) == 3
    assert len(page.query_selector_all("#map path.land")) > 100  # the offline basemap
    assert len(page.query_selector_all("#network path.edge")) == 8
    assert "9 events from 4 documents" in page.text_content("#summary")
    first = page.query_selector("#events tbody tr[data-event]")
    marks = {m.get_attribute("class"): m.text_content() for m in first.query_selector_all("mark")}
    assert marks == {
        "hl-source": "The American envoy",
        "hl-trigger": "met",
        "hl-target": "the Afghan president",
    }


def test_filters_update_the_table_and_the_url(page):
    page.goto(page.base + "/")
    wait_rows(page, 9)
    page.fill("#filters input[name=actor]", "PAKGOV")
    page.click("#apply")
    wait_rows(page, 4)
    assert query(page) == {"actor": "PAKGOV"}
    page.select_option("#filters select[name=quad]", "3")
    page.click("#apply")
    wait_rows(page, 1)
    assert query(page) == {"actor": "PAKGOV", "quad": "3"}
    assert page.text_content("#count") == "1–1 of 1"
    page.go_back()
    wait_rows(page, 4)
    page.click("#chips .chip")  # remove the actor filter
    wait_rows(page, 9)
    assert query(page) == {}


def test_a_shared_url_restores_the_view(page):
    page.goto(page.base + "/?source=USAGOV&target=PAKGOV&interval=week")
    wait_rows(page, 2)
    assert page.input_value("#filters input[name=source]") == "USAGOV"
    assert page.input_value("#filters select[name=interval]") == "week"
    both_ways = [d.text_content() for d in page.query_selector_all("#dyads .dyad-dir")]
    assert both_ways == ["USAGOV → PAKGOV: 2 events, mean Goldstein 2.6",
                         "PAKGOV → USAGOV: 1 event, mean Goldstein 8"]  # fmt: skip
    assert len(page.query_selector_all("#dyads rect.dyad-fwd")) == 2  # February and March
    page.click("#dyads .dyad-dir.rev")
    wait_rows(page, 1)
    assert query(page) == {"source": "PAKGOV", "target": "USAGOV", "interval": "week"}


def test_every_number_leads_to_its_sentences_in_one_click(page):
    page.goto(page.base + "/?interval=month")
    wait_rows(page, 9)
    page.click("#timeline rect.bar[data-period='2012-03-01'][data-quad='3']")
    wait_rows(page, 3)
    assert query(page) == {
        "start": "2012-03-01",
        "end": "2012-03-31",
        "quad": "3",
        "interval": "month",
    }
    page.goto(page.base + "/?start=2012-03-01&end=2012-03-31&quad=3")
    wait_rows(page, 3)
    page.click("#chips .chip >> nth=0")
    page.click("#chips .chip >> nth=0")
    page.click("#chips .chip >> nth=0")
    wait_rows(page, 9)
    page.click("#dyads a.dyad >> nth=0")  # USAGOV -> PAKGOV, 2 events
    wait_rows(page, 2)
    page.click("#chips .chip >> nth=0")
    page.click("#chips .chip >> nth=0")
    wait_rows(page, 9)
    page.wait_for_selector("#map circle.place")
    page.dispatch_event("#map circle[data-place='Islamabad']", "click")
    wait_rows(page, 3)
    assert query(page) == {"place": "Islamabad"}
    page.dispatch_event("#network g.node[data-actor='AFGINS']", "click")
    wait_rows(page, 1)  # Islamabad and AFGINS: the shelling
    assert "shelled" in page.text_content("#events tbody")


def test_paging_and_csv_export(page):
    page.goto(page.base + "/?limit=4")
    wait_rows(page, 4)
    assert page.is_disabled("#prev") and not page.is_disabled("#next")
    page.click("#next")
    wait_rows(page, 4)
    assert (
        query(page) == {"limit": "4", "offset": "4"} and page.text_content("#count") == "5–8 of 9"
    )
    page.click("#next")
    wait_rows(page, 1)
    assert page.is_disabled("#next")
    page.click("#prev")
    wait_rows(page, 4)
    assert query(page)["offset"] == "4"
    page.goto(page.base + "/?country=AFG")
    wait_rows(page, 6)
    with page.expect_download() as info:
        page.click("#export")
    text = open(info.value.path(), encoding="utf-8").read()
    lines = text.strip().splitlines()
    assert lines[0].startswith("event_id,doc_id") and len(lines) == 7


def test_screenshot_is_not_blank(page, tmp_path):
    from matplotlib import pyplot as plt

    page.goto(page.base + "/")
    wait_rows(page, 9)
    page.wait_for_selector("#map circle.place")
    png = page.screenshot(full_page=True)
    pixels = plt.imread(io.BytesIO(png), format="png")[..., :3]
    colours = np.unique((pixels * 255).astype(np.uint8).reshape(-1, 3), axis=0)
    assert pixels.std() > 0.05 and len(colours) > 200
    assert re.search(r"\d+ events", page.text_content("#summary"))


# -- issue 12 item 6: hints, network, axis, undated, place names, counts that agree -----


def test_filter_hints_look_like_hints_not_applied_filters(page):
    page.goto(page.base + "/")
    wait_rows(page, 9)
    inputs = page.query_selector_all("#filters input[placeholder]")
    assert len(inputs) >= 8
    for box in inputs:
        assert box.get_attribute("placeholder").startswith("e.g. ") and box.input_value() == ""
        style = box.evaluate(
            "e => [getComputedStyle(e).borderStyle, getComputedStyle(e, '::placeholder').fontStyle]"
        )
        assert style == ["dashed", "italic"]
    assert page.text_content("#chips") == "No filters: every event is shown."
    page.fill("#filters input[name=actor]", "PAKGOV")
    page.click("#apply")
    wait_rows(page, 4)
    box = page.query_selector("#filters input[name=actor]")
    assert box.evaluate("e => getComputedStyle(e).borderStyle") == "solid"  # a value, not a hint
    assert page.text_content("#chips .chip") == "actor: PAKGOV ×"


def test_network_names_its_busiest_actors_readably(wide_page):
    page = wide_page
    page.goto(page.base + "/")
    page.wait_for_selector("#network g.node")
    nodes = page.query_selector_all("#network g.node")
    assert len(nodes) == 16  # of 44 actors
    assert "The 16 of 44 actors with the most events" in page.text_content("#network .note")
    assert page.query_selector("#network g.node[data-actor='AFGGOV']")  # the hub: most events
    svg_box = page.query_selector("#network svg").bounding_box()
    labels = [t.bounding_box() for t in page.query_selector_all("#network g.node text")]
    for b in labels:  # every name whole inside the picture
        assert svg_box["x"] <= b["x"] and b["x"] + b["width"] <= svg_box["x"] + svg_box["width"]
        assert svg_box["y"] <= b["y"] and b["y"] + b["height"] <= svg_box["y"] + svg_box["height"]
    for i, a in enumerate(labels):  # and no name over another
        for b in labels[i + 1 :]:
            apart = (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                     or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])  # fmt: skip
            assert apart, (a, b)
    drawn = {n.get_attribute("data-actor") for n in nodes}
    for e in page.query_selector_all("#network path.edge"):
        assert {e.get_attribute("data-source"), e.get_attribute("data-target")} <= drawn


def test_timeline_axis_has_round_ticks_and_an_interval_for_the_span(page):
    page.goto(page.base + "/?start=2012-03-01&end=2012-03-31")
    wait_rows(page, 4)
    assert page.text_content("#filters select[name=interval] option:checked") == "auto (day)"
    ys = [t.text_content() for t in page.query_selector_all("#timeline text.y-tick")]
    assert ys[0] == "0" and len(ys) >= 3 and ys == sorted(ys, key=int)
    periods = {
        b.get_attribute("data-period") for b in page.query_selector_all("#timeline rect.bar")
    }
    assert periods == {"2012-03-05", "2012-03-20"}  # one bar per day with events
    xs = [t.text_content() for t in page.query_selector_all("#timeline text.x-tick")]
    assert len(xs) >= 3 and xs[0] == "2012-03-05"
    positions = [t.bounding_box() for t in page.query_selector_all("#timeline text.x-tick")]
    assert all(
        a["x"] + a["width"] <= b["x"] for a, b in zip(positions, positions[1:], strict=False)
    )


def test_undated_events_have_a_bar_that_leads_to_them(counting_page):
    page = counting_page
    page.goto(page.base + "/")
    wait_rows(page, 13)
    assert f"{COUNTING_EVENTS} events ({COUNTING_UNDATED} undated)" in page.text_content("#summary")
    bars = page.query_selector_all("#timeline rect.bar[data-undated]")
    assert sum(int(b.get_attribute("data-count")) for b in bars) == COUNTING_UNDATED
    assert page.text_content("#timeline .undated-label") == "undated"
    page.click("#timeline rect.bar[data-undated][data-quad='4']")
    wait_rows(page, 1)
    assert query(page) == {"undated": "1", "quad": "4"}
    assert "ambushed" in page.text_content("#events tbody")


def test_every_place_bubble_has_its_name(page):
    page.goto(page.base + "/")
    wait_rows(page, 9)
    page.wait_for_selector("#map circle.place")
    bubbles = {c.get_attribute("data-place") for c in page.query_selector_all("#map circle.place")}
    names = {
        t.get_attribute("data-place"): t.text_content()
        for t in page.query_selector_all("#map text.place-label")
    }
    assert bubbles == set(names) == {"Kabul", "Islamabad", "Washington"}
    assert all(k == v for k, v in names.items())


def test_every_view_shows_the_same_figures(counting_page):
    """Header, timeline, dyads, network, table and the CSV export count the same events:
    the freeze reported by two articles and a headline once, the undated ones included."""
    page = counting_page
    page.goto(page.base + "/")
    wait_rows(page, 13)
    page.wait_for_selector("#map circle.place")
    header = int(page.text_content("#summary").split()[0])
    timeline = sum(
        int(b.get_attribute("data-count")) for b in page.query_selector_all("#timeline rect.bar")
    )
    table = int(page.get_attribute("#count", "data-total"))
    places = sum(int(re.search(r": (\d+) event", c.text_content())[1])
                 for c in page.query_selector_all("#map circle.place"))  # fmt: skip
    network = sum(
        int(e.get_attribute("data-count")) for e in page.query_selector_all("#network path.edge")
    )
    assert header == timeline == table == places == network == COUNTING_EVENTS
    dyads = {}
    for d in page.query_selector_all("#dyads a.dyad"):
        name = d.query_selector(".dyad-name").text_content()
        dyads[name] = int(d.query_selector(".num").text_content())
    edges = {f"{e.get_attribute('data-source')} → {e.get_attribute('data-target')}": int(e.get_attribute("data-count"))
             for e in page.query_selector_all("#network path.edge")}  # fmt: skip
    assert all(edges[k] == v for k, v in dyads.items())
    assert dyads["AFGGOV → PAKGOV"] == 2  # one dated, one undated (two records)
    assert dyads["USA → AFG"] == 1  # the freeze (by its headline): three records, two articles
    page.click("#dyads a.dyad:has-text('AFGGOV → PAKGOV')")
    wait_rows(page, 2)
    assert page.get_attribute("#count", "data-total") == "2"
    assert page.text_content("#dyads .dyad-dir.fwd").startswith(
        "AFGGOV → PAKGOV: 2 events (1 undated)"
    )
    page.goto(page.base + "/?source=USA&target=AFG")
    wait_rows(page, 1)
    reports = page.query_selector("#events td.reports")
    assert reports.text_content() == "2"
    assert reports.get_attribute("title") == "3 mentions in 2 articles from 2 outlets"
    page.goto(page.base + "/")
    wait_rows(page, 13)
    with page.expect_download() as info:
        page.click("#export")
    lines = open(info.value.path(), encoding="utf-8").read().strip().splitlines()
    assert len(lines) - 1 == header
