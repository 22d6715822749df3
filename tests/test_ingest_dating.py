"""Publication dates for documents that come without one: Date: lines, datelines, the
default date, and the one warning line that counts what stays undated."""

from __future__ import annotations

import pytest

from thucydides.ingest import iter_documents
from thucydides.ingest.dating import DateTally, fill_date, split_date_line
from thucydides.model import Document


@pytest.mark.parametrize(
    ("text", "body", "iso"),
    [
        ("Date: 2025-03-05\n\nRiot police cleared the square.", "Riot police cleared the square.", "2025-03-05"),
        ("\nDATE: March 5, 2025\nRiot police cleared the square.", "Riot police cleared the square.", "2025-03-05"),
        ("Title: Square cleared\nDate: Wed, 05 Mar 2025 08:00:00 GMT\n\nRiot police moved in.",
         "Title: Square cleared\n\nRiot police moved in.", "2025-03-05"),
    ],
)  # fmt: skip
def test_a_date_line_at_the_top_dates_the_text_and_leaves_it(text, body, iso):
    assert split_date_line(text, "memo.txt") == (body, iso)


@pytest.mark.parametrize(
    "text",
    [
        "Riot police cleared the square.\nDate: 2025-03-05",  # not at the top
        "Riot police cleared the square.\n\nDate: 2025-03-05",  # after the first paragraph
        "Date: sometime in spring\n\nRiot police cleared the square.",  # unreadable: kept
    ],
)
def test_other_date_lines_are_text(text):
    assert split_date_line(text, "memo.txt") == (text, None)


def doc(text: str, date: str | None = None) -> Document:
    return Document(id="d", text=text, date=date)


@pytest.mark.parametrize(
    ("text", "own", "default", "expected"),
    [
        ("OSLO, May 2, 2024 (NTB) - Talks resumed.", "2024-06-01", None, "2024-06-01"),  # own date first
        ("OSLO, May 2, 2024 (NTB) - Talks resumed.", None, "2025-01-09", "2024-05-02"),  # dateline over default
        ("OSLO, May 2 (NTB) - Talks resumed.", None, "2025-01-09", "2025-05-02"),  # the default's year
        ("OSLO, May 2 (NTB) - Talks resumed.", None, None, None),  # a year is never guessed
        ("Talks resumed in Oslo.", None, "2025-01-09", "2025-01-09"),
        ("Talks resumed in Oslo.", None, None, None),
        ("OSLO, Feb 30, 2024 (NTB) - Talks resumed.", None, None, None),  # no such day
    ],
)  # fmt: skip
def test_fill_date_order(text, own, default, expected):
    assert fill_date(doc(text, own), default).date == expected


def test_tally_counts_the_undated_and_says_why():
    tally = DateTally()
    for text in (
        "OSLO, May 2 (NTB) - Talks resumed.",
        "Talks resumed.",
        "OSLO, May 2, 2024 - Talks.",
    ):
        fill_date(doc(text), None, tally)
    assert (tally.documents, tally.undated, tally.yearless) == (3, 2, ["May 2"])
    assert tally.warning() == (
        "2 of 3 documents have no date; their events are undated (give --date or a Date: line)."
        " 1 of them has a dateline date without a year ('May 2'); --date gives it the year."
    )


def test_tally_grammar_for_one_and_silence_for_none():
    one = DateTally()
    fill_date(doc("Talks resumed."), None, one)
    assert one.warning() == (
        "1 of 1 document has no date; its events are undated (give --date or a Date: line)."
    )
    dated = DateTally()
    fill_date(doc("Talks resumed.", "2025-01-01"), None, dated)
    assert dated.warning() is None


def test_every_reader_gets_dateline_dates(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        '{"id": "r1", "text": "QUITO, April 8, 2025 (AP) - Ecuador closed its border."}\n'
        '{"id": "r2", "text": "Ecuador closed its border.", "date": "2025-04-09"}\n'
    )
    (tmp_path / "b.txt").write_text("Date: 2025-04-10\n\nEcuador reopened its border.")
    tally = DateTally()
    dates = {d.id: d.date for d in iter_documents([tmp_path], tally=tally)}
    assert dates == {"r1": "2025-04-08", "r2": "2025-04-09", str(tmp_path / "b.txt"): "2025-04-10"}
    assert tally.undated == 0
