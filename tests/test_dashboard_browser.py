"""The dashboard in a real browser (Debian's Chromium via Playwright) over a real server."""

from __future__ import annotations

import io
import re
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
from _live import browser, live_server
from _seed_db import build_store


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("web") / "events.duckdb")
    with live_server(db) as url, browser() as b:
        yield url, b


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
    assert len(page.query_selector_all("#timeline rect.bar")) == 6  # 3 months x quads present
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
    page.goto(page.base + "/")
    wait_rows(page, 9)
    page.click("#timeline rect.bar[data-period='2012-03-01'][data-quad='3']")
    wait_rows(page, 3)
    assert query(page) == {"start": "2012-03-01", "end": "2012-03-31", "quad": "3"}
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
