"""`thucydides dict check [--actors FILE]`: validate every actor dictionary entry (codes
against the CAMEO actor code lists, date ranges, kinds) and exit 1 when any is wrong."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from thucydides.errors import UserError

HELP = "Check the actor dictionaries (package and --actors files) for invalid entries."


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))
    check = sub.add_parser("check", help=HELP, description=HELP)
    check.add_argument(
        "--actors", action="append", type=Path, default=[], metavar="FILE",
        help="also check this user dictionary (TSV: name, kind, codes, aliases); repeatable",
    )  # fmt: skip
    check.add_argument(
        "--only-user", action="store_true", help="check only the --actors files, not the package's"
    )


def run(args: argparse.Namespace) -> int:
    if getattr(args, "action", None) != "check":
        raise UserError("Give an action: `thucydides dict check [--actors FILE]`.")
    from thucydides.actors.dictionary import check_entry, package_texts, parse_entries, read_text

    if args.only_user and not args.actors:
        raise UserError("--only-user needs at least one --actors FILE.")
    texts = [] if args.only_user else package_texts()
    texts += [(str(path), read_text(path)) for path in args.actors]
    n_entries = n_errors = 0
    for label, text in texts:
        entries, errors = parse_entries(text, label)
        for entry in entries:
            errors += check_entry(entry)
        n_entries += len(entries)
        n_errors += len(errors)
        for err in sorted(errors, key=lambda e: int(e.where.rsplit(":", 1)[1])):
            print(err, file=sys.stdout)
    status = "OK" if not n_errors else f"{n_errors} error(s)"
    print(f"checked {n_entries} entries in {len(texts)} file(s): {status}")
    return 1 if n_errors else 0
