"""Which reader a file needs, and opening it: gzip by suffix or magic bytes, stdin as "-".

The format comes from the name (with any ".gz" removed); a name we do not know is
sniffed from its first bytes, so extensionless article files still read as text.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from thucydides.errors import UserError
from thucydides.ingest.common import BadInput, looks_binary
from thucydides.model import Document

FORMATS = ("text", "jsonl", "csv", "html", "feed")
SUFFIXES = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}  # fmt: skip
STDIN = "-"
STDIN_NAME = "<stdin>"
HEAD_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"
# What a damaged or truncated gzip stream raises while it is read.
READ_ERRORS = (OSError, EOFError, zlib.error)


def check_format(input_format: str | None) -> str | None:
    if input_format is not None and input_format not in FORMATS:
        raise UserError(f"Unknown input format {input_format!r}; use one of {', '.join(FORMATS)}.")
    return input_format


def format_from_name(name: str) -> str | None:
    """ "a.jsonl.gz" -> "jsonl"; None when the suffix says nothing."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return SUFFIXES.get(os.path.splitext(lower)[1])


def sniff_format(head: bytes) -> str:
    """Guess from the first (decompressed) bytes: markup, a JSON object per line, or text."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<rss", b"<feed", b"<rdf")):
        return "feed"
    if start.startswith(b"<?xml"):
        return "html" if b"<html" in start else "feed"
    if start.startswith(b"<"):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"


class _Replay(io.RawIOBase):
    """Bytes already read (the head), then the rest of the stream: sniffing without seek."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_head(stream: BinaryIO) -> tuple[bytes, BinaryIO]:
    head = stream.read(HEAD_BYTES)
    return head, io.BufferedReader(_Replay(head, stream))


@dataclass(slots=True)
class Opened:
    """A readable binary stream of the (decompressed) content and its first bytes."""

    name: str
    stream: BinaryIO
    head: bytes
    gzipped: bool


def read_error(opened: Opened, exc: BaseException) -> BadInput:
    """A stream that broke while being read, as one sentence."""
    if opened.gzipped:
        return BadInput(opened.name, None, f"{opened.name} is a damaged gzip file.")
    why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return BadInput(opened.name, None, f"{opened.name} could not be read ({why}).")


@contextmanager
def open_input(
    source: str | Path | BinaryIO, name: str | None = None, *, strict: bool = True
) -> Iterator[Opened | BadInput]:
    """Open a path, "-" (stdin) or a binary stream; gunzip it when it starts with gzip magic.

    A missing path raises UserError when `strict` (the user named it), else it is a
    BadInput (a file that vanished or a broken link found while walking a folder).
    """
    owned: BinaryIO | None = None
    if isinstance(source, str | Path) and str(source) == STDIN:
        raw: BinaryIO = sys.stdin.buffer
        name = name or STDIN_NAME
    elif isinstance(source, str | Path):
        name = name or str(source)
        try:
            raw = owned = open(source, "rb")  # closed in finally
        except FileNotFoundError:
            if strict:
                raise UserError(f"No such file or directory: {name}.") from None
            yield BadInput(name, None, f"{name} does not exist (a broken link?).")
            return
        except IsADirectoryError:
            yield BadInput(name, None, f"{name} is a folder, not a file.")
            return
        except OSError as exc:
            yield BadInput(name, None, f"{name} cannot be read ({exc.strerror or exc}).")
            return
    else:
        raw = source
        name = name or str(getattr(source, "name", None) or "<stream>")
    try:
        gzipped = False
        try:
            head, stream = _read_head(raw)
            if head.startswith(GZIP_MAGIC):
                gzipped = True
                head, stream = _read_head(gzip.GzipFile(fileobj=stream, mode="rb"))
        except READ_ERRORS as exc:
            yield read_error(Opened(name, raw, b"", gzipped), exc)
            return
        yield Opened(name, stream, head, gzipped)
    finally:
        if owned is not None:
            owned.close()


def check_paths(paths: list[str]) -> None:
    """UserError for the first named path that does not exist ("-" is stdin), or that is
    a folder holding no file to read (an empty folder is a wrong path, not empty news)."""
    for path in paths:
        if path != STDIN and not os.path.exists(path):
            raise UserError(f"No such file or directory: {path}.")
        if os.path.isdir(path) and not _holds_files(path):
            raise UserError(f"No documents found: the folder {path} holds no files to read.")


def _holds_files(folder: str) -> bool:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if any(not f.startswith(".") and os.path.isfile(os.path.join(root, f)) for f in files):
            return True
    return False


def iter_files(paths: list[str]) -> Iterator[str]:
    """Each path given, a folder expanded to its files: recursive, sorted, hidden skipped.

    Every named path is checked before anything is read, so a typo in the last of many
    paths fails at once rather than after hours of work.
    """
    check_paths(paths)
    for path in paths:
        if path == STDIN or not os.path.isdir(path):
            yield path
            continue
        found: list[tuple[tuple[str, ...], str]] = []
        for root, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            rel_root = os.path.relpath(root, path)
            parts = () if rel_root == "." else tuple(Path(rel_root).parts)
            for f in files:
                full = os.path.join(root, f)
                if f.startswith(".") or not (os.path.isfile(full) or os.path.islink(full)):
                    continue  # hidden files, sockets and pipes are not articles
                found.append(((*parts, f), full))
        found.sort()
        yield from (full for _, full in found)


def read_whole(
    source: str | Path | BinaryIO,
    name: str | None,
    strict: bool,
    what: str,
    parse: Callable[[bytes, str], Iterator[Document | BadInput]],
) -> Iterator[Document | BadInput]:
    """Open, refuse binary, read whole and parse: the shared path of the readers that need
    the whole file (plain text, HTML, feeds). An empty file yields nothing."""
    with open_input(source, name, strict=strict) as opened:
        if isinstance(opened, BadInput):
            yield opened
            return
        if looks_binary(opened.head):
            yield BadInput(opened.name, None, f"{opened.name} looks binary, not {what}.")
            return
        try:
            data = opened.stream.read()
        except READ_ERRORS as exc:
            yield read_error(opened, exc)
            return
        if data.strip():
            yield from parse(data, opened.name)
