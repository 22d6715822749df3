"""CSV (and TSV): a header row naming id, text, title, date, url, source (text required).

Streamed row by row with the csv module; a bad row is reported with the line it starts
on. Header names are matched without regard to case or surrounding spaces.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from thucydides.ingest.common import BadInput, looks_binary, record_to_document
from thucydides.ingest.detect import READ_ERRORS, open_input, read_error
from thucydides.model import Document

# A whole article can sit in one cell: lift the csv module's 128 KiB default.
_FIELD_LIMIT = 256 * 1024 * 1024


def read_csv(
    source: str | Path | BinaryIO,
    name: str | None = None,
    *,
    strict: bool = True,
    delimiter: str | None = None,
) -> Iterator[Document | BadInput]:
    """Each data row's Document (missing id -> "PATH:LINE"); ".tsv" means tab-separated."""
    with open_input(source, name, strict=strict) as opened:
        if isinstance(opened, BadInput):
            yield opened
            return
        name = opened.name
        if looks_binary(opened.head):
            yield BadInput(name, None, f"{name} looks binary, not CSV.")
            return
        if delimiter is None:
            bare = name.lower().removesuffix(".gz")
            delimiter = "\t" if bare.endswith(".tsv") else ","
        if csv.field_size_limit() < _FIELD_LIMIT:
            csv.field_size_limit(min(_FIELD_LIMIT, sys.maxsize))
        not_utf8: list[int] = []
        reader = csv.reader(_decoded_lines(opened.stream, not_utf8), delimiter=delimiter)
        yield from _rows(reader, name, opened, not_utf8)


def _decoded_lines(stream: BinaryIO, not_utf8: list[int]) -> Iterator[str]:
    """Lines decoded one by one, so a bad byte is pinned to its line and the rest reads on."""
    for n, raw in enumerate(stream, start=1):
        try:
            yield raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError:
            not_utf8.append(n)
            yield raw.decode("utf-8", errors="replace")


def _rows(reader, name: str, opened, not_utf8: list[int]) -> Iterator[Document | BadInput]:  # type: ignore[no-untyped-def]
    header: list[str] | None = None
    start = 1  # the line the current row starts on
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield BadInput(name, start, f"{name} line {start} is not valid CSV ({exc}).")
            start = reader.line_num + 1
            continue
        except READ_ERRORS as exc:
            yield read_error(opened, exc)
            return
        line, start = start, reader.line_num + 1
        if not_utf8:
            bad = not_utf8[0]
            not_utf8.clear()
            yield BadInput(name, bad, f"{name} line {bad} is not UTF-8 text.")
            if header is None:
                return  # without a readable header no row can be read
            continue
        if header is None:
            header = [h.strip().lower() for h in row]
            if "text" not in header:
                found = ", ".join(h for h in header if h) or "nothing"
                yield BadInput(
                    name, line, f'{name} has no "text" column in its header (found: {found}).'
                )
                return
            continue
        if not any(cell.strip() for cell in row):
            continue  # a blank row
        if len(row) > len(header):
            yield BadInput(
                name,
                line,
                f"{name} line {line} has {len(row)} fields but the header has {len(header)}.",
            )
            continue
        record = dict(zip(header, row, strict=False))  # blank cells: None downstream
        yield record_to_document(record, name, line)
