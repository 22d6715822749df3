"""`thucydides top --db DB`: the most frequent actors, dyads, countries or codes."""

from __future__ import annotations

import argparse

from thucydides import analysis
from thucydides.commands.series import add_common, filters_from, open_store, write_rows

HELP = "The most frequent actors, dyads, countries, codes or places in a store."


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_common(p)
    p.add_argument("--kind", choices=analysis.TOP_KINDS, default="actors")
    p.add_argument("-n", "--n", type=int, default=10, help="how many (default 10)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")


def run(args: argparse.Namespace) -> int:
    filters = filters_from(args)
    with open_store(args) as store:
        rows = analysis.top(store.con, filters, args.kind, args.n)
    columns = ("key", "count", "goldstein_mean")
    if args.kind in ("actors", "sources", "targets"):
        columns += ("name",)
    write_rows(rows, columns, args.format)
    return 0
