"""`thucydides ingest PATH... --db events.duckdb`: files and folders into the event store."""

from __future__ import annotations

import argparse
import re
import sys
import threading
import time
from pathlib import Path
from typing import IO

from thucydides.commands import MIN_CONFIDENCE_HELP, default_date, min_confidence, plural
from thucydides.errors import UserError

HELP = "Code files and folders of news into a DuckDB event store; a rerun adds only what is new."
SCHEDULER = re.compile(r"^(tcp|tls|ws|wss|ucx|inproc)://\S+$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (any format the readers know)")  # fmt: skip
    parser.add_argument("--db", type=Path, default=Path("events.duckdb"), help="the DuckDB file (default: events.duckdb)")  # fmt: skip
    parser.add_argument("--workers", type=int, default=1, help="local Dask worker processes (default: 1, no Dask)")  # fmt: skip
    parser.add_argument("--scheduler", help="a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    parser.add_argument("--date", help="publication date (YYYY-MM-DD) for documents without one of their own (default: [documents] date in thucydides.toml); it also gives a dateline its year")  # fmt: skip
    parser.add_argument("--fast", action="store_true", help="rules only, no learned classifier")
    parser.add_argument("--skip-bad", action="store_true", help="skip unreadable documents and list them instead of stopping")  # fmt: skip
    parser.add_argument("--batch-size", type=int, default=32, help="documents per batch and per transaction")  # fmt: skip
    parser.add_argument("--min-confidence", metavar="X", help=MIN_CONFIDENCE_HELP)
    parser.add_argument("--progress", action="store_true", help="show progress even when stderr is not a terminal")  # fmt: skip
    parser.add_argument("--patterns", action="append", default=[], metavar="FILE", help="extra verb/noun pattern file (YAML, the package's format); repeatable")  # fmt: skip


def run(args: argparse.Namespace) -> int:
    from thucydides.ingest.detect import check_paths
    from thucydides.pipeline import ingest
    from thucydides.store import Store

    default = default_date(args.date)
    threshold = min_confidence(args.min_confidence)
    if args.workers < 1:
        raise UserError("--workers must be 1 or more.")
    if args.batch_size < 1:
        raise UserError("--batch-size must be 1 or more.")
    if args.scheduler is not None and not SCHEDULER.match(args.scheduler):
        raise UserError(
            f"--scheduler wants an address like tcp://HOST:PORT, not {args.scheduler!r}."
        )
    for path in args.paths:
        if path != "-" and not Path(path).exists():
            raise UserError(f"{path} does not exist.")
    check_paths(args.paths)  # an empty folder too, before the store file is made
    if args.patterns:
        use_patterns(args.patterns)
    show = args.progress or sys.stderr.isatty()
    progress = Progress(args.paths, sys.stderr) if show else None
    with Store(args.db) as store:
        try:
            stats = ingest(
                [Path(p) for p in args.paths], store, workers=args.workers,
                scheduler=args.scheduler, fast=args.fast, batch_size=args.batch_size,
                skip_bad=args.skip_bad, on_progress=progress, default_date=default,
                min_confidence=threshold,
            )  # fmt: skip
        finally:
            if progress is not None:
                progress.finish()
        totals = store.counts()
    print(
        f"Read {plural(stats.read, 'document')}: {stats.new} new, "
        f"{plural(stats.duplicates, 'duplicate')}, "
        f"{plural(stats.near_duplicates, 'near-duplicate')}, {len(stats.skipped)} skipped; "
        f"{plural(stats.events, 'new event')}."
    )
    for reason in stats.skipped:
        print(f"  skipped: {reason}")
    if warning := stats.dates.warning():
        print(f"  warning: {warning}")
    print(
        f"{args.db} now holds {plural(totals['stories'], 'story', 'stories')} "
        f"({plural(totals['near_duplicates'], 'near-duplicate')}, "
        f"{plural(totals['articles'], 'article')}), {plural(totals['events'], 'event')} and "
        f"{plural(totals['actors'], 'actor')}."
    )
    return 0


class Progress:
    """A one-line progress bar: documents done, documents/s and, once the inputs are
    counted (in a background thread, so the work does not wait), a bar and an ETA."""

    def __init__(self, paths: list[str], stream: IO[str], interval: float = 0.5) -> None:
        self.stream, self.interval = stream, interval
        self.start = time.monotonic()
        self.last = self.start - interval  # the first batch shows at once
        self.total: int | None = None
        self.width = 0
        threading.Thread(target=self._count, args=(paths,), daemon=True).start()

    def _count(self, paths: list[str]) -> None:
        from thucydides.ingest import iter_documents

        try:
            self.total = sum(1 for _ in iter_documents([p for p in paths if p != "-"]))
        except Exception:  # noqa: BLE001 - no total means no ETA, nothing worse
            self.total = None

    def __call__(self, stats) -> None:
        now = time.monotonic()
        if now - self.last < self.interval:
            return
        self.last = now
        self.stream.write("\r" + self.line(stats.done, now - self.start).ljust(self.width))
        self.stream.flush()

    def line(self, done: int, elapsed: float) -> str:
        rate = done / elapsed if elapsed > 0 else 0.0
        text = f"{done} docs  {rate:.1f} docs/s"
        if self.total:
            frac = min(done / self.total, 1.0)
            bar = "#" * int(frac * 20)
            eta = (self.total - done) / rate if rate > 0 else None
            text = f"[{bar:<20}] {done}/{self.total} docs  {rate:.1f} docs/s  ETA {_clock(eta)}"
        self.width = max(self.width, len(text))
        return text

    def finish(self) -> None:
        if self.width:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    s = int(round(seconds))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


def use_patterns(files: list[str]) -> None:
    """Check the user's pattern files once, here, then hand them to every Coder (in this
    process and in the Dask workers it starts) through THUCYDIDES_PATTERNS."""
    import os

    from thucydides.events.triggers import TriggerMatcher

    paths = [str(Path(f).resolve()) for f in files]
    TriggerMatcher.load(tuple(files))  # a bad file is one sentence now, not one per worker
    old = os.environ.get("THUCYDIDES_PATTERNS")
    os.environ["THUCYDIDES_PATTERNS"] = os.pathsep.join(paths + ([old] if old else []))
