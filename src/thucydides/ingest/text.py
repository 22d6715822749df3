"""Plain text (.txt, .md, stdin): one file is one Document whose id is the path as given.

A `Date: ...` line among the "Key: value" lines that open the file is the document's
publication date, and is taken out of the text that is coded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from thucydides.ingest.common import BadInput, looks_binary
from thucydides.ingest.dating import split_date_line
from thucydides.ingest.detect import read_whole
from thucydides.model import Document


def decode_text(data: bytes, name: str) -> str | BadInput:
    """UTF-8 (a BOM is dropped) or the one-sentence reason it is not text."""
    if looks_binary(data[:8192]) or b"\x00" in data:
        return BadInput(name, None, f"{name} looks binary, not text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return BadInput(name, line, f"{name} is not UTF-8 text (line {line}).")


def read_text(
    source: str | Path | BinaryIO, name: str | None = None, *, strict: bool = True
) -> Iterator[Document | BadInput]:
    """The whole file as one Document; an empty or blank file yields nothing (no news, no
    error: "empty input gives no events")."""
    yield from read_whole(source, name, strict, "text", _parse_text)


def _parse_text(data: bytes, name: str) -> Iterator[Document | BadInput]:
    text = decode_text(data, name)
    if isinstance(text, BadInput):
        yield text
        return
    body, date = split_date_line(text, name)
    if body.strip():
        yield Document(id=name, text=body, date=date)
