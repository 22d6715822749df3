"""JSONL and CSV readers, record fields and publication dates (made-up records only)."""

from __future__ import annotations

import gzip
import logging
from pathlib import Path

import pytest

from thucydides.ingest import (
    BadInput,
    Document,
    iter_documents,
    normalize_date,
    read_csv,
    read_jsonl,
)


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- JSONL ---------------------------------------------------------------------------


def test_jsonl_all_fields(tmp_path: Path) -> None:
    line = (
        '{"id": "w-17", "text": "The mayor of Ostrava met striking bus drivers.", '
        '"title": " Mayor meets drivers ", "date": "2021-09-14T16:20:00+02:00", '
        '"url": "https://news.example/w-17", "source": "Example Wire", "lang": "en"}\n'
    )
    path = write(tmp_path / "wire.jsonl", line)
    assert list(read_jsonl(path)) == [
        Document(
            id="w-17",
            text="The mayor of Ostrava met striking bus drivers.",
            date="2021-09-14",
            title="Mayor meets drivers",
            url="https://news.example/w-17",
            source="Example Wire",
        )
    ]


def test_jsonl_missing_id_is_path_colon_line_and_integer_ids_become_strings(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.ndjson",
        '\n{"text": "Farmers blocked the motorway."}\n{"id": 42, "text": "Talks stalled."}\n',
    )
    assert list(iter_documents([path])) == [
        Document(id=f"{path}:2", text="Farmers blocked the motorway."),
        Document(id="42", text="Talks stalled."),
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json}", "line 1 is not valid JSON (expecting property name enclosed in double quotes at column 2)."),
        ('{"text": "cut', "line 1 is not valid JSON (unterminated string starting at column 10)."),
        ('["a", "list"]', "line 1 is an array, not a JSON object."),
        ('"just a string"', "line 1 is a str, not a JSON object."),
        ('{"id": "x"}', 'line 1 has no "text" field.'),
        ('{"text": null}', 'line 1 has no "text" field.'),
        ('{"text": 12}', 'line 1: "text" must be a string, not int.'),
        ('{"text": ["a", "b"]}', 'line 1: "text" must be a string, not list.'),
        ('{"text": "   "}', 'line 1: "text" is empty.'),
        ('{"text": "ok", "id": {"n": 1}}', 'line 1: "id" must be a string or an integer, not dict.'),
    ],
)  # fmt: skip
def test_jsonl_bad_lines(tmp_path: Path, line: str, reason: str) -> None:
    path = write(tmp_path / "bad.jsonl", line + "\n")
    assert list(read_jsonl(path)) == [BadInput(str(path), 1, f"{path} {reason}")]


def test_jsonl_bad_line_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    data = b'{"text": "Ceasefire held."}\n{"text": "bad \xff byte"}\n{broken\n{"text": "Aid arrived."}\n'
    path = write(tmp_path / "mixed.jsonl", data)
    got = list(read_jsonl(path))
    assert [type(g).__name__ for g in got] == ["Document", "BadInput", "BadInput", "Document"]
    assert got[1] == BadInput(str(path), 2, f"{path} line 2 is not UTF-8 text.")
    assert got[2].line == 3 and got[3].id == f"{path}:4"


def test_jsonl_bom_on_the_first_line(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.jsonl", b'\xef\xbb\xbf{"id": "b", "text": "Polls opened."}\n')
    assert list(read_jsonl(path)) == [Document(id="b", text="Polls opened.")]


def test_jsonl_binary_file_is_one_bad_input(tmp_path: Path) -> None:
    path = write(tmp_path / "blob.jsonl", bytes(range(256)) * 20)
    assert list(read_jsonl(path)) == [
        BadInput(str(path), None, f"{path} looks binary, not JSON Lines.")
    ]


def test_jsonl_optional_field_that_is_not_text_is_dropped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path / "t.jsonl", '{"text": "Ports closed.", "title": ["x"], "source": 7}\n')
    with caplog.at_level(logging.WARNING, logger="thucydides.ingest"):
        (doc,) = read_jsonl(path)
    assert doc == Document(id=f"{path}:1", text="Ports closed.", source="7")
    assert (
        f"{path} line 1: ['x'] is not text, so the field 'title' is left empty." in caplog.messages
    )


# --- CSV -----------------------------------------------------------------------------


def test_csv_fields_quoted_newlines_and_row_line_numbers(tmp_path: Path) -> None:
    data = (
        "ID, Text ,title,date,url,source\n"
        'c1,"Unions called a strike, the third this year.",Strike,2020-02-03,,Daily\n'
        ',"Line one.\nLine two.",,,https://x.example/2,\n'
        "c3,,Empty,,,\n"
        'c4,"Too many",a,b,c,d,e\n'
        "\n"
        "c5,Last row.,,garbage date,,\n"
    )
    path = write(tmp_path / "rows.csv", data)
    got = list(read_csv(path))
    assert got == [
        Document(id="c1", text="Unions called a strike, the third this year.", date="2020-02-03",
                 title="Strike", source="Daily"),
        Document(id=f"{path}:3", text="Line one.\nLine two.", url="https://x.example/2"),
        BadInput(str(path), 5, f'{path} line 5: "text" is empty.'),
        BadInput(str(path), 6, f"{path} line 6 has 7 fields but the header has 6."),
        Document(id="c5", text="Last row."),
    ]  # fmt: skip


def test_csv_without_a_text_column(tmp_path: Path) -> None:
    path = write(tmp_path / "h.csv", "id,body\n1,Words.\n")
    assert list(read_csv(path)) == [
        BadInput(str(path), 1, f'{path} has no "text" column in its header (found: id, body).')
    ]


def test_tsv_gzipped_and_a_huge_cell(tmp_path: Path) -> None:
    big = "Negotiators met again. " * 10_000  # 230 kB: over the csv module's default limit
    path = write(tmp_path / "rows.tsv.gz", gzip.compress(f"id\ttext\nt1\t{big}\n".encode()))
    assert list(iter_documents([path])) == [Document(id="t1", text=big)]


def test_csv_not_utf8(tmp_path: Path) -> None:
    data = "id,text\n1,Caf\xe9 closed.\n2,Shops reopened.\n".encode("cp1252")
    path = write(tmp_path / "l.csv", data)
    assert list(read_csv(path)) == [
        BadInput(str(path), 2, f"{path} line 2 is not UTF-8 text."),
        Document(id="2", text="Shops reopened."),
    ]


def test_csv_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "b.csv", b"\x00\x01" * 100)
    assert list(read_csv(path)) == [BadInput(str(path), None, f"{path} looks binary, not CSV.")]


def test_empty_csv_and_jsonl_yield_nothing(tmp_path: Path) -> None:
    assert (
        list(iter_documents([write(tmp_path / "e.csv", ""), write(tmp_path / "e.jsonl", "\n\n")]))
        == []
    )


# --- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2011-10-25", "2011-10-25"), ("2011-10-25T23:10:00Z", "2011-10-25"),
        ("2011-10-25 08:00:00-05:00", "2011-10-25"), ("20111025", "2011-10-25"),
        ("Tue, 25 Oct 2011 14:02:00 GMT", "2011-10-25"), ("October 25, 2011", "2011-10-25"),
        ("Oct. 3, 2011", "2011-10-03"), ("Sept. 3, 2011", "2011-09-03"),
        ("3 October 2011", "2011-10-03"), ("Tuesday, October 25th, 2011", "2011-10-25"),
        ("Oct 25, 2011 at 9:15 am", "2011-10-25"), ("2011/10/25", "2011-10-25"),
        ("10/25/2011", "2011-10-25"), ("25/10/2011", "2011-10-25"), ("03/04/2011", "2011-03-04"),
    ],
)  # fmt: skip
def test_dates_normalise_to_iso(value: str, iso: str) -> None:
    assert normalize_date(value, "x") == iso


@pytest.mark.parametrize(
    "value", ["soon", "yesterday", "2011-13-45", "31/31/2011", "Oct 2011", 20111025]
)
def test_garbage_dates_become_none_with_a_warning(
    value: object, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="thucydides.ingest"):
        assert normalize_date(value, "f.jsonl line 4") is None
    assert caplog.messages == [
        f"f.jsonl line 4: the date {value!r} is not a date we can read; the document is kept "
        "without a date."
    ]


def test_missing_date_is_none_without_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="thucydides.ingest"):
        assert normalize_date(None, "x") is None and normalize_date("  ", "x") is None
    assert caplog.messages == []


def test_garbage_date_keeps_the_document(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = write(
        tmp_path / "d.jsonl", '{"id": "d", "text": "Mediators arrived.", "date": "soonish"}\n'
    )
    with caplog.at_level(logging.WARNING, logger="thucydides.ingest"):
        assert list(read_jsonl(path)) == [Document(id="d", text="Mediators arrived.")]
    assert len(caplog.messages) == 1 and "'soonish' is not a date we can read" in caplog.messages[0]


def test_csv_header_not_utf8_stops_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "h.csv", "id,t\xe9xte,text\n1,a,Buses ran.\n".encode("latin-1"))
    assert list(read_csv(path)) == [BadInput(str(path), 1, f"{path} line 1 is not UTF-8 text.")]


def test_a_single_path_string_is_one_path_not_characters(tmp_path: Path) -> None:
    path = write(tmp_path / "one.jsonl", '{"id": "s", "text": "Voters queued."}\n')
    assert list(iter_documents(str(path))) == [Document(id="s", text="Voters queued.")]
