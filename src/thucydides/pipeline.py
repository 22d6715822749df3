"""Documents → events in batches, in this process or on Dask workers, and into the store.

The unit of work is a batch of documents: a worker codes it with its own Coder (loaded
once per process) and sends back events. Coding is deterministic, so where it runs does
not change what comes out; only the order of batches may differ on Dask.
"""

from __future__ import annotations

import functools
import itertools
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from thucydides import dedup
from thucydides.errors import UserError
from thucydides.ingest.dating import DateTally
from thucydides.model import Document, Event
from thucydides.store import Entry, Store

BATCH_SIZE = 32
SPILL_EVENTS = 2_000  # a document's events held in memory before the rest go to disk
SCHEDULER_TIMEOUT = "10s"  # how long to try reaching a --scheduler before giving up
ErrorHandler = Callable[[Document, str], None]
# one coded document: its events, or None and why coding failed
Outcome = tuple[Document, list[Event] | None, str | None]


@functools.cache
def _coder(fast: bool, min_confidence: float | None = None, pattern_files: tuple[str, ...] = ()):
    """One Coder per process, mode, threshold and set of user pattern files (`ingest
    --patterns` hands them on through THUCYDIDES_PATTERNS): models load once per worker."""
    from thucydides.coder import Coder

    return Coder(fast=fast, min_confidence=min_confidence)


class HeldEvents:
    """A document's events while it waits to be stored: in memory up to SPILL_EVENTS, the
    rest pickled to a temporary file in slices, so a huge document costs disk, not memory.
    Iterable any number of times (the store counts them, then writes them)."""

    def __init__(self) -> None:
        self._memory: list[Event] = []
        self._file: IO[bytes] | None = None
        self._offsets: list[int] = []
        self._count = 0

    def extend(self, events: Iterable[Event]) -> None:
        before = len(self._memory)
        self._memory.extend(events)
        self._count += len(self._memory) - before
        if len(self._memory) >= SPILL_EVENTS:
            if self._file is None:
                self._file = tempfile.TemporaryFile()
            self._offsets.append(self._file.seek(0, 2))
            pickle.dump(self._memory, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._memory = []

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Event]:
        for offset in self._offsets:  # seek before each load: two readers may interleave
            assert self._file is not None
            self._file.seek(offset)
            yield from pickle.load(self._file)
        yield from list(self._memory)


def code_batch(
    docs: Sequence[Document],
    fast: bool = False,
    spill: bool = False,
    min_confidence: float | None = None,
) -> list[Outcome]:
    """Code a batch; a document that makes the coder fail is reported, the rest go on.
    `spill` (in this process only): a document's events past SPILL_EVENTS wait on disk.
    Events under `min_confidence` are left out (None: the coder's default)."""
    from thucydides import config

    coder = _coder(fast, min_confidence, tuple(config.pattern_files()))
    out: list[Outcome] = []

    def failed(doc: Document, exc: Exception) -> None:
        out.append((doc, None, f"coding failed: {type(exc).__name__}: {exc}"))

    held: tuple[Document, HeldEvents | list[Event]] | None = None
    try:
        pieces = coder.code_pieces(docs, batch_size=len(docs) or 1, on_error=failed)
        for doc, events, last in pieces:
            if held is None or held[0] is not doc:  # a new document (or one that failed)
                held = (doc, HeldEvents() if spill else [])
            held[1].extend(events)
            if last:
                out.append((doc, held[1], None))  # type: ignore[arg-type]
                held = None
    except Exception:  # the parse itself failed mid-stream: redo the rest one by one
        seen = {id(o[0]) for o in out}
        for doc in docs:
            if id(doc) in seen:
                continue
            try:
                out.append((doc, coder.code(doc.text, doc.date, doc.id), None))
            except Exception as exc:  # noqa: BLE001 - reported per document, never silent
                failed(doc, exc)
    return out


def code_documents(
    docs: Iterable[Document],
    workers: int = 1,
    scheduler: str | None = None,
    fast: bool = False,
    batch_size: int = BATCH_SIZE,
    on_error: ErrorHandler | None = None,
    min_confidence: float | None = None,
) -> Iterator[tuple[Document, list[Event]]]:
    """Stream (document, events). workers=1 and no scheduler: this process, input order.
    workers=N: a local Dask cluster of N processes; scheduler="tcp://HOST:PORT": an
    existing Dask cluster. Failed documents go to `on_error`, never stop the stream."""
    if workers < 1:
        raise UserError("--workers must be 1 or more.")
    if workers == 1 and scheduler is None:
        outcomes = (
            o for b in _batches(docs, batch_size) for o in code_batch(b, fast, True, min_confidence)
        )
    else:
        outcomes = _dask_outcomes(docs, workers, scheduler, fast, batch_size, min_confidence)
    for doc, events, error in outcomes:
        if events is not None:
            yield doc, events
        elif on_error is not None:
            on_error(doc, error or "coding failed")


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


@contextmanager
def dask_client(workers: int, scheduler: str | None):
    """A Client on the given scheduler, or on a LocalCluster of `workers` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - dask[distributed] is a dependency
        raise UserError("Running on Dask needs `pip install 'dask[distributed]'`.") from exc
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise UserError(f"Cannot reach the Dask scheduler at {scheduler}: {exc}.") from exc
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:  # fmt: skip
        yield client


def _dask_outcomes(
    docs: Iterable[Document],
    workers: int,
    scheduler: str | None,
    fast: bool,
    batch_size: int,
    min_confidence: float | None = None,
) -> Iterator[Outcome]:
    """Keep a few batches per worker in flight (bounded memory), yield as they finish."""
    from distributed import as_completed

    with dask_client(workers, scheduler) as client:
        slots = 2 * max(len(client.scheduler_info().get("workers", {})), workers)
        batches = _batches(docs, batch_size)
        running = as_completed()
        for batch in itertools.islice(batches, slots):
            running.add(client.submit(code_batch, batch, fast, False, min_confidence, pure=False))
        for future in running:
            yield from future.result()
            future.release()
            for batch in itertools.islice(batches, 1):
                running.add(
                    client.submit(code_batch, batch, fast, False, min_confidence, pure=False)
                )


# -- ingest: read → deduplicate → code → store -----------------------------------------


@dataclass
class IngestStats:
    read: int = 0
    new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    events: int = 0
    skipped: list[str] = field(default_factory=list)  # one sentence each: what and why
    dates: DateTally = field(default_factory=DateTally)  # how many documents are undated

    @property
    def done(self) -> int:
        """Documents whose fate is settled: stored, recognised as duplicates, or skipped."""
        return self.new + self.duplicates + self.near_duplicates + len(self.skipped)


class _Gate:
    """Decides before coding whether a document is new or a duplicate, against the store
    and against documents of this run not yet written."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.pending: dict[str, Entry] = {}  # new documents in flight, by hash
        self.pending_bands: dict[int, set[str]] = {}

    def classify(self, docs: list[Document]) -> list[Entry]:
        hashes = [dedup.content_hash(d.text) for d in docs]
        stored = self.store.known_hashes(hashes)
        sigs = [
            None if h in stored else dedup.signature(d.text)
            for d, h in zip(docs, hashes, strict=True)
        ]
        fuzzy = [s for s in sigs if s is not None]
        found = self.store.similar_stories(fuzzy)
        near_stored = iter([found.get(i, []) for i in range(len(fuzzy))])
        out: list[Entry] = []
        for doc, h, sig in zip(docs, hashes, sigs, strict=True):
            if h in stored or h in self.pending:
                out.append(Entry(doc, h, "exact"))
                continue
            if sig is not None:
                candidates = next(near_stored) + self._pending_candidates(sig)
                best = max(((sig.similarity(s), c) for c, s in candidates), default=(0.0, ""))
                if best[0] >= dedup.THRESHOLD:
                    out.append(Entry(doc, h, "near", duplicate_of=best[1], similarity=best[0]))
                    continue
            entry = Entry(doc, h, "new", signature=sig)
            self.pending[h] = entry
            for key in sig.bands if sig else ():
                self.pending_bands.setdefault(key, set()).add(h)
            out.append(entry)
        return out

    def _pending_candidates(self, sig: dedup.Signature) -> list[tuple[str, dedup.Signature]]:
        hits = {h for k in sig.bands for h in self.pending_bands.get(k, ())}
        return [(h, self.pending[h].signature) for h in hits if self.pending[h].signature]

    def release(self, content_hash: str) -> Entry:
        """A pending document is written or failed: the store answers for it from now on."""
        entry = self.pending.pop(content_hash)
        for key in entry.signature.bands if entry.signature else ():
            bucket = self.pending_bands[key]
            bucket.discard(content_hash)
            if not bucket:
                del self.pending_bands[key]
        return entry


def ingest(
    paths: Sequence[Path],
    store: Store,
    workers: int = 1,
    scheduler: str | None = None,
    fast: bool = False,
    batch_size: int = BATCH_SIZE,
    skip_bad: bool = False,
    on_progress: Callable[[IngestStats], None] | None = None,
    default_date: str | None = None,
    min_confidence: float | None = None,
) -> IngestStats:
    """Read, deduplicate, code and store; each batch is one transaction, so a rerun
    after any crash finishes the job without doubling anything. `default_date` (ISO)
    dates the documents that carry no date of their own (ingest.dating); events under
    `min_confidence` are not stored (None: the coder's default)."""
    from thucydides.ingest import BadInput, iter_documents

    stats = IngestStats()
    gate = _Gate(store)
    batch: list[Entry] = []
    stop: list[str] = []  # the bad input that ends reading (without skip_bad)

    def flush() -> None:
        if batch:
            written = store.write(batch)
            stats.new += written.documents
            stats.events += written.events
            for entry in batch:
                if entry.kind == "new":
                    gate.release(entry.content_hash)
            batch.clear()
        if on_progress is not None:
            on_progress(stats)

    def documents() -> Iterator[Document]:
        for item in iter_documents(list(paths), default_date=default_date, tally=stats.dates):
            if isinstance(item, BadInput):
                if not skip_bad:  # stop reading; what is in flight is still stored
                    stop.append(f"{item.reason.rstrip('.')}; --skip-bad skips bad input.")
                    return
                stats.skipped.append(item.reason)
                continue
            stats.read += 1
            if not item.text.strip():
                stats.skipped.append(f"{item.id}: the text is empty.")
                continue
            yield item

    def to_code() -> Iterator[Document]:
        for docs in _batches(documents(), batch_size):
            for entry in gate.classify(docs):
                if entry.kind == "new":
                    yield entry.document
                    continue
                batch.append(entry)
                if entry.kind == "exact":
                    stats.duplicates += 1
                else:
                    stats.near_duplicates += 1
            if len(batch) >= batch_size:
                flush()

    def failed(doc: Document, reason: str) -> None:
        gate.release(dedup.content_hash(doc.text))
        stats.skipped.append(f"{doc.id}: {reason}")

    coded = code_documents(
        to_code(), workers, scheduler, fast, batch_size, on_error=failed,
        min_confidence=min_confidence,
    )  # fmt: skip
    for doc, events in coded:
        entry = gate.pending[dedup.content_hash(doc.text)]
        entry.events = events
        batch.append(entry)
        if len(batch) >= batch_size:
            flush()
    flush()
    if stop:
        raise UserError(stop[0])
    return stats
