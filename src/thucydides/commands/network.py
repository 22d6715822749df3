"""`thucydides network --db DB`: the actor network as JSON or GraphML."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from thucydides import analysis
from thucydides.commands import plural
from thucydides.commands.series import add_common, filters_from, open_store
from thucydides.errors import UserError

HELP = "The actor network (weighted source -> target edges) as JSON or GraphML."


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_common(p)
    p.add_argument("--format", choices=("json", "graphml"), default=None,
                   help="default: from the output file's extension, else json")  # fmt: skip
    p.add_argument("--min-weight", type=int, default=1, help="drop edges with fewer events")
    p.add_argument("--max-edges", type=int, default=500)
    p.add_argument("-o", "--output", help="file to write (default: stdout)")


def run(args: argparse.Namespace) -> int:
    filters = filters_from(args)
    fmt = args.format or ("graphml" if (args.output or "").endswith(".graphml") else "json")
    with open_store(args) as store:
        net = analysis.network(store.con, filters, args.min_weight, args.max_edges)
    text = analysis.to_graphml(net) if fmt == "graphml" else json.dumps(net, indent=1) + "\n"
    if not args.output:
        sys.stdout.write(text)
        return 0
    out = Path(args.output)
    if not out.parent.is_dir():
        raise UserError(f"The folder {out.parent} does not exist.")
    out.write_text(text, encoding="utf-8")
    shown = f"{plural(len(net['nodes']), 'actor')}, {plural(len(net['edges']), 'edge')}"
    print(f"{shown} -> {out}", file=sys.stderr)
    return 0
