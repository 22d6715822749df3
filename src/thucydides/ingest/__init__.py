"""Readers: files, folders and stdin in; `Document`s (and `BadInput` reports) out.

    for item in iter_documents(["news/", "wire.jsonl.gz"]):
        if isinstance(item, BadInput):
            print("skipped:", item.reason)
        else:
            code(item)

Formats: text (.txt .md, and any unknown name that sniffs as text), jsonl (.jsonl
.ndjson), csv (.csv .tsv), html (.html .htm), feed (.xml .rss .atom), each optionally
gzipped (".gz" or gzip magic bytes). A missing path raises `UserError`; everything wrong
inside a readable path is a `BadInput` and the iteration goes on. A document without a
date of its own gets the date of its dateline, else `default_date` (see `dating`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from thucydides.ingest.common import BadInput, normalize_date
from thucydides.ingest.csvfile import read_csv
from thucydides.ingest.dating import DateTally, fill_date
from thucydides.ingest.detect import (
    FORMATS,
    STDIN,
    check_format,
    check_paths,
    format_from_name,
    iter_files,
    open_input,
    sniff_format,
)
from thucydides.ingest.feed import read_feed
from thucydides.ingest.html import read_html
from thucydides.ingest.jsonl import read_jsonl
from thucydides.ingest.text import read_text
from thucydides.model import Document

__all__ = [
    "FORMATS", "BadInput", "DateTally", "Document", "iter_documents", "normalize_date", "read_csv",
    "read_feed", "read_html", "read_jsonl", "read_text", "reader_for",
]  # fmt: skip

Reader = Callable[..., Iterator[Document | BadInput]]
READERS: dict[str, Reader] = {
    "text": read_text,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "html": read_html,
    "feed": read_feed,
}


def reader_for(input_format: str) -> Reader:
    """The reader function of a format name (one of FORMATS)."""
    return READERS[check_format(input_format) or "text"]


def _read_one(path: str, input_format: str | None) -> Iterator[Document | BadInput]:
    fmt = input_format or ("text" if path == STDIN else format_from_name(path))
    if fmt is not None:
        yield from READERS[fmt](path, strict=False)
        return
    with open_input(path, strict=False) as opened:  # unknown name: look at the bytes
        if isinstance(opened, BadInput):
            yield opened
            return
        stream: BinaryIO = opened.stream
        yield from READERS[sniff_format(opened.head)](stream, opened.name, strict=False)


def iter_documents(
    paths: Sequence[str | Path] | str | Path,
    input_format: str | None = None,
    default_date: str | None = None,
    tally: DateTally | None = None,
) -> Iterator[Document | BadInput]:
    """Every document in `paths` (files, folders walked recursively in sorted order with
    hidden files skipped, "-" for stdin), lazily, in order.

    `input_format` forces one reader for everything; otherwise the file name decides
    and stdin is text. Raises UserError for an unknown format or a path that does not
    exist; both are raised by this call itself, before any document is read.
    `default_date` (ISO) dates what has no date of its own; `tally` counts the undated.
    """
    check_format(input_format)
    if isinstance(paths, str | Path):
        paths = [paths]
    names = [str(p) for p in paths]
    check_paths(names)  # now, not at the first next(): fail before any work starts
    return _iter(names, input_format, default_date, tally)


def _iter(
    names: list[str], input_format: str | None, default: str | None, tally: DateTally | None
) -> Iterator[Document | BadInput]:
    for path in iter_files(names):
        for item in _read_one(path, input_format):
            yield item if isinstance(item, BadInput) else fill_date(item, default, tally)
