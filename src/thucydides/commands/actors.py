"""`thucydides actors lookup "NAME" [--date YYYY-MM-DD]`: the actor code a mention gets,
and why (which dictionary entry, which dated role)."""

from __future__ import annotations

import argparse
from pathlib import Path

from thucydides.errors import UserError

HELP = "Look up the CAMEO actor code of a name or phrase, and why."


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))
    lookup = sub.add_parser("lookup", help="code of NAME on a date", description=HELP)
    lookup.add_argument("name", metavar="NAME", help='a mention, e.g. "Pakistan\'s army"')
    lookup.add_argument("--date", help="YYYY-MM-DD: chooses among a person's dated roles")
    lookup.add_argument(
        "--actors", action="append", type=Path, default=[], metavar="FILE",
        help="extra actor dictionary (TSV, same format as the package's); repeatable",
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    if getattr(args, "action", None) != "lookup":
        raise UserError('Give an action: `thucydides actors lookup "NAME" [--date YYYY-MM-DD]`.')
    from thucydides.actors import ActorResolver
    from thucydides.dates import check_day

    day = check_day(args.date)
    if not args.name.strip():
        raise UserError("Give a non-empty NAME to look up.")
    resolver = ActorResolver.load(tuple(args.actors))
    match = resolver.resolve_text(args.name, day)
    if match is None:
        print(f"{args.name}: no actor code (no dictionary phrase matches)")
        return 1
    print(f"{args.name}: {match.code}")
    print(f"  name:    {match.name or '-'}")
    print(f"  country: {match.country or '-'}   sectors: {' '.join(match.sectors) or '-'}")
    print(f"  via:     {match.via} (matched {match.matched!r})")
    print(f"  why:     {match.why}")
    for line in resolver.explain(args.name, day):
        print(f"  phrase:  {line}")
    return 0
