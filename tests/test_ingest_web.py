"""HTML pages (trafilatura) and RSS/Atom feeds (feedparser), from pages written here."""

from __future__ import annotations

import gzip
import logging
from pathlib import Path

import pytest

from thucydides.ingest import BadInput, Document, iter_documents, read_feed, read_html


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


PAGE = """<!DOCTYPE html>
<html><head><title>Port of Selvik reopens | Coastal Ledger</title>
<meta name="author" content="Mara Quint">
<meta property="article:published_time" content="2023-03-14T08:00:00Z">
<meta property="og:site_name" content="Coastal Ledger">
<link rel="canonical" href="https://ledger.example/selvik-port"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Port of Selvik reopens</h1>
<p>The harbour authority of Selvik reopened the northern port on Tuesday after a week of storms.</p>
<p>Officials said ferry services to the outer islands would resume by Friday.</p></article>
<footer>Copyright Coastal Ledger. All rights reserved. Subscribe to our newsletter.</footer>
<script>var tracker = "do not extract me";</script></body></html>"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "selvik.html", PAGE)
    assert list(read_html(path)) == [
        Document(
            id=str(path),
            text=(
                "The harbour authority of Selvik reopened the northern port on Tuesday after a "
                "week of storms.\n\nOfficials said ferry services to the outer islands would "
                "resume by Friday."
            ),
            date="2023-03-14",
            title="Port of Selvik reopens",
            url="https://ledger.example/selvik-port",
            source="Coastal Ledger",
        )
    ]


def test_html_gzipped_through_iter_documents(tmp_path: Path) -> None:
    path = write(tmp_path / "selvik.htm.gz", gzip.compress(PAGE.encode()))
    (doc,) = iter_documents([path])
    assert isinstance(doc, Document) and doc.title == "Port of Selvik reopens"
    assert "tracker" not in doc.text and "Subscribe" not in doc.text


def test_html_fragment_and_legacy_encoding(tmp_path: Path) -> None:
    page = "<p>Le maire de Québec a rencontré les grévistes.</p>".encode("cp1252")
    path = write(tmp_path / "frag.html", page)
    assert list(read_html(path)) == [
        Document(id=str(path), text="Le maire de Québec a rencontré les grévistes.")
    ]


def test_html_without_text_is_bad_input(tmp_path: Path) -> None:
    path = write(
        tmp_path / "shell.html", "<html><head><script>app()</script></head><body></body></html>"
    )
    assert list(read_html(path)) == [
        BadInput(str(path), None, f"{path} has no article text that could be extracted.")
    ]


def test_html_binary_and_empty(tmp_path: Path) -> None:
    blob = write(tmp_path / "blob.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    empty = write(tmp_path / "empty.html", b"")
    assert list(iter_documents([blob, empty])) == [
        BadInput(str(blob), None, f"{blob} looks binary, not HTML.")
    ]


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Selvik Wire</title><link>https://wire.example</link>
<item><title>Talks resume in Selvik</title><link>https://wire.example/1</link>
<guid>wire-0001</guid><pubDate>Mon, 06 Mar 2023 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Negotiators from &lt;b&gt;both unions&lt;/b&gt; met on Monday.&lt;/p&gt;&lt;p&gt;A deal is expected.&lt;/p&gt;</description></item>
<item><title>Headline only: dockers end strike</title><link>https://wire.example/2</link>
<pubDate>sometime soon</pubDate></item>
<item><description>   </description></item>
</channel></rss>"""


def test_rss_entries(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = write(tmp_path / "wire.rss", RSS)
    with caplog.at_level(logging.WARNING, logger="thucydides.ingest"):
        got = list(read_feed(path))
    assert got == [
        Document(
            id="wire-0001",
            text="Negotiators from both unions met on Monday.\n\nA deal is expected.",
            date="2023-03-06",
            title="Talks resume in Selvik",
            url="https://wire.example/1",
            source="Selvik Wire",
        ),
        Document(
            id="https://wire.example/2",
            text="Headline only: dockers end strike",
            title="Headline only: dockers end strike",
            url="https://wire.example/2",
            source="Selvik Wire",
        ),
        BadInput(str(path), None, f"{path} entry 3 has no text and no title."),
    ]
    assert caplog.messages == [
        f"{path} entry 2: the date 'sometime soon' is not a date we can read; the document is "
        "kept without a date."
    ]


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Notes</title>
<entry><id>urn:notes:7</id><title>Council vote</title>
<link href="https://notes.example/7"/><published>2022-11-30T21:00:00-05:00</published>
<summary>Short version.</summary>
<content type="html">&lt;div&gt;&lt;p&gt;The council voted 7 to 2 to fund the sea wall.&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;&lt;/div&gt;</content>
</entry>
<entry><title>No id or link</title><updated>2022-12-01T09:00:00Z</updated>
<summary type="text">Fishermen rallied outside the council hall.</summary></entry>
</feed>"""


def test_atom_entries_prefer_full_content_and_fall_back_to_path_ids(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.atom", ATOM)
    assert list(iter_documents([path])) == [
        Document(
            id="urn:notes:7",
            text="The council voted 7 to 2 to fund the sea wall.",
            date="2022-11-30",  # the day as published, not feedparser's UTC day
            title="Council vote",
            url="https://notes.example/7",
            source="Harbour Notes",
        ),
        Document(
            id=f"{path}#2",
            text="Fishermen rallied outside the council hall.",
            date="2022-12-01",
            title="No id or link",
            source="Harbour Notes",
        ),
    ]


def test_a_file_that_is_no_feed(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.xml", "this is neither XML nor a feed <<<")
    assert list(read_feed(path)) == [
        BadInput(str(path), None, f"{path} is not a valid RSS or Atom feed.")
    ]


def test_feed_sniffed_from_an_unknown_name_and_forced_format(tmp_path: Path) -> None:
    path = write(tmp_path / "latest", RSS)
    assert [d.id for d in iter_documents([path]) if isinstance(d, Document)][0] == "wire-0001"
    page = write(tmp_path / "page.txt", PAGE)
    (doc,) = iter_documents([page], "html")
    assert isinstance(doc, Document) and doc.source == "Coastal Ledger"


@pytest.mark.parametrize(
    "meta",
    [
        '<meta name="date" content="2025-03-06">',
        '<meta itemprop="datePublished" content="2025-03-06">',
    ],
)
def test_html_date_metadata_dates_the_page(tmp_path: Path, meta: str) -> None:
    page = (f"<html><head><title>Talks</title>{meta}</head><body><article><p>Envoys of Norland "
            "and Vesta met in Lisbon on Thursday.</p><p>They agreed to meet again.</p>"
            "</article></body></html>")  # fmt: skip
    (doc,) = iter_documents([write(tmp_path / "talks.html", page)])
    assert doc.date == "2025-03-06"
