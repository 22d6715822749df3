"""`thucydides export --db events.duckdb --format csv|jsonl|parquet|gdelt [--out FILE]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "Write the events of a store as CSV, JSON Lines, Parquet or GDELT 2.0 event rows."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, default=Path("events.duckdb"), help="the DuckDB file (default: events.duckdb)")  # fmt: skip
    parser.add_argument("--format", default="csv", help="csv (default), jsonl, parquet or gdelt")
    parser.add_argument("--out", type=Path, help="output file (default: stdout; parquet needs one)")


def run(args: argparse.Namespace) -> int:
    from thucydides.commands import plural
    from thucydides.export import export
    from thucydides.store import Store

    with Store(args.db, read_only=True) as store:
        n = export(store, args.format, args.out)
    if args.out is not None:
        unit = "event" if args.format == "gdelt" else "record"  # counting.py: rows are records
        print(f"Wrote {plural(n, unit)} to {args.out}.", file=sys.stderr)
    return 0
