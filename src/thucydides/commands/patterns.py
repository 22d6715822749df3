"""`thucydides patterns check [--patterns FILE]`: validate verb and noun pattern files (the
package's and the user's) like `dict check`: every code a CAMEO event code, every key and
synonym set known, every field of the right type; one line per problem, exit 1 if any."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from thucydides.errors import UserError

HELP = "Check the verb and noun patterns (package and --patterns files) for invalid entries."


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))
    check = sub.add_parser("check", help=HELP, description=HELP)
    check.add_argument(
        "--patterns", action="append", type=Path, default=[], metavar="FILE",
        help="also check this user pattern file (YAML, the package's format); repeatable",
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    if getattr(args, "action", None) != "check":
        raise UserError("Give an action: `thucydides patterns check [--patterns FILE]`.")
    from thucydides.events.pattern_compiler import compile_patterns
    from thucydides.events.pattern_files import data_dir, read_user_file
    from thucydides.ontology import cameo_codes

    for path in args.patterns:
        read_user_file(path)  # unreadable or not YAML: one sentence, exit 2
    problems: list[str] = []
    compiled = compile_patterns(
        data_dir(), frozenset(cameo_codes()), user_files=args.patterns, problems=problems
    )
    for problem in problems:
        print(problem)
    status = "OK" if not problems else f"{len(problems)} error(s)"
    print(
        f"checked the package's patterns and {len(args.patterns)} user file(s), "
        f"{compiled.pattern_count} patterns in use: {status}",
        file=sys.stdout,
    )
    return 1 if problems else 0
