"""The server reads a private copy of the store, so `ingest` can write the store meanwhile.

DuckDB lets one process write a file and no one else open it then; a reader's lock keeps
writers out. So `serve` holds the store's lock only while it copies the file (and its
write-ahead log, if a writer left one) into a temporary folder, then answers from the
copy. At most once a second a request looks at the store's size and modification time;
when they changed, a new copy is taken in the background while the old one still
answers, and swapped in when complete. A copy's file is unlinked once it is open (the
open handle keeps it readable), so no copy outlives the process. While `ingest` holds the store, the copy waits
for it to finish (and `ingest`, starting while a copy is taken, waits for the copy).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
import weakref
from collections import OrderedDict
from pathlib import Path
from typing import Any

import duckdb

from thucydides import analysis
from thucydides.errors import UserError
from thucydides.store import Store

CHECK_EVERY = 1.0  # seconds between looks at the store's file
BLOCK = 2048  # page rows read at once: DuckDB decodes a column 2,048 values at a time
BLOCKS = 8  # blocks kept (16,384 events, some 20 MB), least recently used dropped first


class Snapshot:
    """A read-only view of the store at `path` as of its last completed write."""

    def __init__(self, path: str | Path, threads: int = 1) -> None:
        self.path = Path(path)
        self.threads = threads
        self.folder = Path(tempfile.mkdtemp(prefix="thucydides-serve-"))
        weakref.finalize(self, shutil.rmtree, self.folder, True)
        self.generation = 0  # the copy in use: store-{generation}.duckdb
        self._lock = threading.Lock()
        self._taking = False
        self._checked = time.monotonic()
        self._blocks: OrderedDict[tuple[int, int], tuple[list[str], list[tuple]]] = OrderedDict()
        self.stamp, self.con = self._take()  # a store that cannot be read fails here, at once
        self.generation = 1

    def _stamp(self) -> tuple[tuple[int, int], ...]:
        out = []
        for p in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                st = p.stat()
                out.append((st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                out.append((0, 0))
        return tuple(out)

    def _take(self) -> tuple[tuple[tuple[int, int], ...], duckdb.DuckDBPyConnection]:
        """Copy the store under its read lock (no writer can change it meanwhile; an older
        store is upgraded first, by Store) and open the copy."""
        copy = self.folder / f"store-{self.generation + 1}.duckdb"
        with Store(self.path, read_only=True):
            stamp = self._stamp()
            shutil.copyfile(self.path, copy)
            wal = self.path.with_name(self.path.name + ".wal")
            if wal.exists():
                shutil.copyfile(wal, copy.with_name(copy.name + ".wal"))
        con = duckdb.connect(str(copy))  # our own file: replays a copied log, if any
        con.execute(f"SET threads = {int(self.threads)}")  # small queries, many at once
        con.execute("SET temp_directory = ?", [str(self.folder)])
        analysis.prepare_pages(con)  # the copy never changes: its pages can be numbered
        con.execute("CHECKPOINT")  # nothing is written to the copy from here on, so
        for p in (copy, copy.with_name(copy.name + ".wal")):  # its name can go at once: no
            p.unlink(missing_ok=True)  # copies are left behind, however the process ends
        return stamp, con

    def version(self) -> int:
        """The generation of the copy in use, after starting a new copy if the store
        changed (at most one look per CHECK_EVERY seconds, never waiting for a copy)."""
        now = time.monotonic()
        if now - self._checked >= CHECK_EVERY and not self._taking:
            self._checked = now
            if self._stamp() != self.stamp:
                with self._lock:
                    if not self._taking:
                        self._taking = True
                        threading.Thread(target=self._refresh, daemon=True).start()
        return self.generation

    def cursor(self) -> tuple[Any, int]:
        """A cursor on the copy in use and that copy's generation, taken together."""
        with self._lock:
            return self.con.cursor(), self.generation

    def page_rows(self, cur: Any, seqs: list[int], generation: int) -> list[dict[str, Any]]:
        """Rows of the numbered page table (analysis.prepare_pages) by number, read a
        block at a time and kept: the copy never changes, and reading 40 rows of every
        column costs DuckDB about as much as reading 2,048. `cur` must be a cursor of
        copy `generation` (from `cursor`)."""
        out = []
        for seq in seqs:
            key = (generation, (seq - 1) // BLOCK)
            with self._lock:
                block = self._blocks.get(key)
                if block is not None:
                    self._blocks.move_to_end(key)
            if block is None:
                first = key[1] * BLOCK + 1
                rows = analysis.page_rows(cur, list(range(first, first + BLOCK)))
                block = (list(rows[0]) if rows else [], [tuple(r.values()) for r in rows])
                with self._lock:
                    self._blocks[key] = block
                    while len(self._blocks) > BLOCKS:
                        self._blocks.popitem(last=False)
            names, values = block
            out.append(dict(zip(names, values[seq - 1 - key[1] * BLOCK], strict=True)))
        return out

    def _refresh(self) -> None:
        try:
            stamp, con = self._take()
        except UserError:  # a writer holds the store: keep the old copy, look again later
            self._taking = False
            return
        old = self.folder / f"store-{self.generation}.duckdb"
        with self._lock:  # requests that began on the old copy finish on it
            self.stamp, self.con = stamp, con
            self.generation += 1
            self._blocks.clear()
        self._taking = False
        for p in (old, old.with_name(old.name + ".wal")):
            p.unlink(missing_ok=True)  # open handles keep reading it until they close
