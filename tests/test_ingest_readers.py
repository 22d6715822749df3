"""Readers: plain text, format detection, gzip, folders, stdin and streaming.

Every fixture is written here, in tmp_path, from sentences made up for these tests.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import tracemalloc
from pathlib import Path

import pytest

from thucydides.errors import UserError
from thucydides.ingest import BadInput, Document, iter_documents, read_jsonl, read_text
from thucydides.ingest.common import looks_binary
from thucydides.ingest.detect import format_from_name, sniff_format

STORY = "The harbour council of Lindqvist voted on Tuesday to reopen the ferry link.\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def items(*paths: Path | str, fmt: str | None = None) -> list[Document | BadInput]:
    return list(iter_documents([str(p) for p in paths], fmt))


# --- plain text ----------------------------------------------------------------------


def test_text_file_is_one_document_with_the_path_as_id(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", STORY)
    assert items(path) == [Document(id=str(path), text=STORY)]


def test_text_bom_is_stripped_and_markdown_reads_as_text(tmp_path: Path) -> None:
    path = write(tmp_path / "note.md", b"\xef\xbb\xbf" + STORY.encode())
    (doc,) = items(path)
    assert isinstance(doc, Document) and doc.text == STORY


def test_text_not_utf8_is_bad_input_naming_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "old.txt", "First line.\nThe caf\xe9 reopened.\n".encode("latin-1"))
    assert items(path) == [BadInput(str(path), 2, f"{path} is not UTF-8 text (line 2).")]


def test_text_with_nul_bytes_looks_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "odd.txt", b"some words\x00\x00\x01\x02 more")
    assert items(path) == [BadInput(str(path), None, f"{path} looks binary, not text.")]


def test_binary_without_nul_bytes_still_looks_binary(tmp_path: Path) -> None:
    noise = bytes((i * 97 + 13) % 256 for i in range(4000)).replace(b"\x00", b"\x01")
    path = write(tmp_path / "image.png", noise)
    assert items(path) == [BadInput(str(path), None, f"{path} looks binary, not text.")]


def test_looks_binary_spares_non_ascii_text() -> None:
    assert not looks_binary("Ministers in Zürich and Łódź met; «talks» resumed — 東京".encode())
    assert not looks_binary("Le maire a parlé à Montréal lundi.".encode("latin-1"))


def test_empty_and_blank_text_files_yield_nothing(tmp_path: Path) -> None:
    assert items(write(tmp_path / "empty.txt", b""), write(tmp_path / "blank.txt", "\n \n")) == []


def test_read_text_directly_on_a_missing_path_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"^No such file or directory: .*nope\.txt\.$"):
        list(read_text(tmp_path / "nope.txt"))


# --- detection -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "text"), ("a.MD", "text"), ("a.jsonl", "jsonl"), ("a.ndjson.gz", "jsonl"),
        ("a.csv", "csv"), ("a.tsv.gz", "csv"), ("a.htm", "html"), ("a.html.gz", "html"),
        ("a.rss", "feed"), ("a.atom", "feed"), ("a.xml", "feed"), ("a", None), ("a.gz", None),
    ],
)  # fmt: skip
def test_format_from_name(name: str, fmt: str | None) -> None:
    assert format_from_name(name) == fmt


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b'{"text": "x"}\n', "jsonl"), (b"<!DOCTYPE html><html>", "html"),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        (b"\n  <feed xmlns='http://www.w3.org/2005/Atom'>", "feed"), (b"Plain words.", "text"),
    ],
)  # fmt: skip
def test_sniff_format(head: bytes, fmt: str) -> None:
    assert sniff_format(head) == fmt


def test_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    path = write(tmp_path / "export.dat", '{"id": "n1", "text": "Talks resumed."}\n')
    assert items(path) == [Document(id="n1", text="Talks resumed.")]


def test_forced_format_overrides_the_suffix(tmp_path: Path) -> None:
    path = write(tmp_path / "records.txt", '{"id": "n2", "text": "Troops withdrew."}\n')
    assert items(path, fmt="jsonl") == [Document(id="n2", text="Troops withdrew.")]
    assert items(path, fmt="text")[0].text.startswith('{"id"')


def test_unknown_input_format_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"^Unknown input format 'pdf'; use one of text, "):
        iter_documents([tmp_path], "pdf")


def test_missing_path_fails_before_anything_is_read(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", STORY)
    missing = tmp_path / "missing.jsonl"
    with pytest.raises(UserError) as err:
        iter_documents([good, missing])  # raised by the call, not at the first next()
    assert str(err.value) == f"No such file or directory: {missing}."


# --- gzip ----------------------------------------------------------------------------


def test_gzip_by_suffix(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt.gz", gzip.compress(STORY.encode()))
    assert items(path) == [Document(id=str(path), text=STORY)]


def test_gzip_by_magic_bytes_with_a_misleading_name(tmp_path: Path) -> None:
    record = json.dumps({"id": "g1", "text": "Rebels seized the depot."}) + "\n"
    path = write(tmp_path / "batch.jsonl", gzip.compress(record.encode()))
    assert items(path) == [Document(id="g1", text="Rebels seized the depot.")]


def test_gzip_of_an_unknown_name_is_sniffed_after_decompression(tmp_path: Path) -> None:
    page = "<html><body><p>The governor signed the water accord.</p></body></html>"
    path = write(tmp_path / "page.gz", gzip.compress(page.encode()))
    (doc,) = items(path)
    assert isinstance(doc, Document) and doc.text == "The governor signed the water accord."


def test_truncated_gzip_is_bad_input_after_the_good_lines(tmp_path: Path) -> None:
    lines = "".join(
        json.dumps({"id": f"t{i}", "text": f"Item {i} " * 50}) + "\n" for i in range(400)
    )
    data = gzip.compress(lines.encode())
    path = write(tmp_path / "cut.jsonl.gz", data[: len(data) // 2])
    got = items(path)
    assert all(isinstance(d, Document) for d in got[:-1]) and len(got) > 1
    assert got[-1] == BadInput(str(path), None, f"{path} is a damaged gzip file.")


# --- folders -------------------------------------------------------------------------


def test_folder_is_walked_sorted_recursively_skipping_hidden(tmp_path: Path) -> None:
    root = tmp_path / "news"
    write(root / "b.txt", "Second story.")
    write(root / "a.txt", "First story.")
    write(root / "sub" / "c.txt", "Nested story.")
    write(root / ".draft.txt", "Hidden draft.")
    write(root / ".cache" / "d.txt", "Hidden folder.")
    got = items(root)
    assert [d.id for d in got] == [
        str(root / "a.txt"),
        str(root / "b.txt"),
        str(root / "sub" / "c.txt"),
    ]


def test_folder_of_mixed_good_and_broken_files(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    write(root / "1-good.txt", STORY)
    write(root / "2-binary.bin", bytes(range(256)) * 8)
    write(root / "3-latin1.txt", "Caf\xe9 owners protested.".encode("latin-1"))
    write(root / "4-records.jsonl", '{"id": "r1", "text": "Police arrested two men."}\n{oops\n')
    write(root / "5-empty.txt", b"")
    write(root / "6-last.md", "The last story.")
    got = items(root)
    assert got == [
        Document(id=str(root / "1-good.txt"), text=STORY),
        BadInput(
            str(root / "2-binary.bin"), None, f"{root / '2-binary.bin'} looks binary, not text."
        ),
        BadInput(
            str(root / "3-latin1.txt"), 1, f"{root / '3-latin1.txt'} is not UTF-8 text (line 1)."
        ),
        Document(id="r1", text="Police arrested two men."),
        BadInput(
            str(root / "4-records.jsonl"),
            2,
            f"{root / '4-records.jsonl'} line 2 is not valid JSON "
            "(expecting property name enclosed in double quotes at column 2).",
        ),
        Document(id=str(root / "6-last.md"), text="The last story."),
    ]


def test_broken_link_in_a_folder_is_bad_input_not_an_error(tmp_path: Path) -> None:
    root = tmp_path / "links"
    write(root / "a.txt", "Real story.")
    (root / "b.txt").symlink_to(tmp_path / "gone.txt")
    got = items(root)
    assert got[0] == Document(id=str(root / "a.txt"), text="Real story.")
    assert got[1] == BadInput(
        str(root / "b.txt"), None, f"{root / 'b.txt'} does not exist (a broken link?)."
    )


# --- stdin ---------------------------------------------------------------------------


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_is_text_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(STORY.encode()))
    assert items("-") == [Document(id="<stdin>", text=STORY)]


def test_stdin_with_a_forced_format_and_gzip(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'{"text": "Envoys met in the capital."}\n\n{"text": "Strikers marched."}\n'
    monkeypatch.setattr(sys, "stdin", _Stdin(gzip.compress(data)))
    assert items("-", fmt="jsonl") == [
        Document(id="<stdin>:1", text="Envoys met in the capital."),
        Document(id="<stdin>:3", text="Strikers marched."),
    ]


def test_empty_stdin_yields_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b""))
    assert items("-") == []


# --- streaming -----------------------------------------------------------------------


class _CountingReader(io.RawIOBase):
    """A stream that records how many bytes have been pulled from it."""

    def __init__(self, data: bytes) -> None:
        self._inner = io.BytesIO(data)
        self.pulled = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        n = self._inner.readinto(buffer)
        self.pulled += n
        return n


def _jsonl(count: int, words: int = 40) -> bytes:
    body = " ".join(["The delegation discussed grain exports."] * (words // 5))
    return "".join(
        json.dumps({"id": f"s{i}", "text": f"{i}. {body}", "date": "2022-05-01"}) + "\n"
        for i in range(count)
    ).encode()


def test_first_document_arrives_before_the_file_is_read() -> None:
    data = _jsonl(20_000)
    stream = _CountingReader(data)
    docs = read_jsonl(io.BufferedReader(stream), "big.jsonl")
    first = next(docs)
    assert isinstance(first, Document) and first.id == "s0"
    assert stream.pulled < len(data) // 50  # a few buffers, not the whole file


def test_20_mb_jsonl_streams_in_small_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    chunk = _jsonl(2_000, words=200)
    chunks = 0
    with path.open("wb") as f:
        while f.tell() < 20 * 1024 * 1024:
            f.write(chunk)
            chunks += 1
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for d in iter_documents([path]) if isinstance(d, Document))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == chunks * 2_000
    assert peak < size // 20, f"peak {peak} bytes while reading {size} bytes"
