"""`thucydides series --db DB`: event counts per day, week or month, with Goldstein sums
and means and the conflict-cooperation index. Also holds the options every analysis
command shares (database and filters)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import fields
from pathlib import Path
from typing import Any

from thucydides import analysis
from thucydides.analysis import Filters

HELP = "Event counts over time (by quad class, CAMEO root, PLOVER type...) from a store."
COLUMNS = ("period", "group", "count", "share", "goldstein_sum", "goldstein_mean",
           "cooperation", "conflict", "cci")  # fmt: skip


def add_common(p: argparse.ArgumentParser) -> None:
    """--db and one option per filter (the same names as the API's query parameters)."""
    p.add_argument("--db", type=Path, default=Path("events.duckdb"),
                   help="DuckDB store made by `thucydides ingest` (default: events.duckdb)")  # fmt: skip
    group = p.add_argument_group("filters")
    helps = {"start": "first day, YYYY[-MM[-DD]]", "end": "last day, inclusive",
             "actor": "source or target actor code", "country": "source or target country (ISO3)",
             "code": "CAMEO code or prefix", "root": "CAMEO root (01-20)", "quad": "quad class 1-4",
             "plover": "PLOVER event type", "q": "words in the sentence"}  # fmt: skip
    for f in fields(Filters):
        flag = "--" + f.name.replace("_", "-")
        group.add_argument(flag, dest=f"f_{f.name}", metavar=f.name.upper(), help=helps.get(f.name))


def filters_from(args: argparse.Namespace) -> Filters:
    return Filters.parse({f.name: getattr(args, f"f_{f.name}", None) for f in fields(Filters)})


def open_store(args: argparse.Namespace):
    from thucydides.store import Store

    return Store(args.db, read_only=True)


def write_rows(rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str) -> None:
    """Rows to stdout as an aligned table, CSV or JSON Lines."""
    out = sys.stdout
    if fmt == "json":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return
    cells = [[_show(r.get(c)) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(), file=out)
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip(), file=out)


def _show(value: Any) -> str:
    return "-" if value is None else str(value)


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_common(p)
    p.add_argument("--interval", choices=analysis.INTERVALS, default="month")
    p.add_argument("--by", choices=tuple(analysis.GROUPS), default="quad", help="group by")
    p.add_argument("--normalize", action="store_true",
                   help="add each count's share of all events stored in the period")  # fmt: skip
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")


def run(args: argparse.Namespace) -> int:
    filters = filters_from(args)
    with open_store(args) as store:
        rows = analysis.series(store.con, filters, args.interval, args.by, args.normalize)
        # undated events have no period: they follow as rows of their own, so the counts
        # add up to the events the filters select
        rows += [{"period": "undated", **r} for r in analysis.undated(store.con, filters, args.by)]
    columns = COLUMNS if args.normalize else tuple(c for c in COLUMNS if c != "share")
    write_rows(rows, columns, args.format)
    return 0
