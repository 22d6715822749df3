"""JSON Lines: one object per line with id, text, title, date, url, source (text required).

Read line by line from the (possibly gzipped) stream, so a file of any size streams
through in constant memory; a broken line is reported with its number and skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from thucydides.ingest.common import BadInput, looks_binary, record_to_document
from thucydides.ingest.detect import READ_ERRORS, open_input, read_error
from thucydides.model import Document


def parse_line(raw: bytes, name: str, line: int) -> Document | BadInput | None:
    """One line -> Document, BadInput, or None for a blank line."""
    if not raw.strip():
        return None
    where = f"{name} line {line}"
    try:
        text = raw.decode("utf-8-sig" if line == 1 else "utf-8")
    except UnicodeDecodeError:
        return BadInput(name, line, f"{where} is not UTF-8 text.")
    try:
        record = json.loads(text.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        msg = exc.msg[0].lower() + exc.msg[1:]
        detail = (
            f"{msg} column {exc.colno}" if msg.endswith(" at") else f"{msg} at column {exc.colno}"
        )
        return BadInput(name, line, f"{where} is not valid JSON ({detail}).")
    except (ValueError, RecursionError):
        return BadInput(name, line, f"{where} is not valid JSON.")
    if not isinstance(record, dict):
        kind = "an array" if isinstance(record, list) else f"a {type(record).__name__}"
        return BadInput(name, line, f"{where} is {kind}, not a JSON object.")
    return record_to_document(record, name, line)


def read_jsonl(
    source: str | Path | BinaryIO, name: str | None = None, *, strict: bool = True
) -> Iterator[Document | BadInput]:
    """Each line's Document (missing id -> "PATH:LINE"); blank lines are ignored."""
    with open_input(source, name, strict=strict) as opened:
        if isinstance(opened, BadInput):
            yield opened
            return
        if looks_binary(opened.head):
            yield BadInput(opened.name, None, f"{opened.name} looks binary, not JSON Lines.")
            return
        try:
            for line, raw in enumerate(opened.stream, start=1):
                item = parse_line(raw, opened.name, line)
                if item is not None:
                    yield item
        except READ_ERRORS as exc:
            yield read_error(opened, exc)
