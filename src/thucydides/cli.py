"""One CLI; each command lives in `thucydides.commands.<name>` and is a thin call into
the library. A user error is one clear sentence on stderr and exit code 2."""

from __future__ import annotations

import argparse
import importlib
import sys

from thucydides.errors import UserError

# name -> module exposing `HELP`, `add_arguments(parser)` and `run(args) -> int`
COMMANDS: dict[str, str] = {
    "code": "thucydides.commands.code",
    "actors": "thucydides.commands.actors",
    "dict": "thucydides.commands.dict",
    "patterns": "thucydides.commands.patterns",
    "series": "thucydides.commands.series",
    "top": "thucydides.commands.top",
    "network": "thucydides.commands.network",
    "plot": "thucydides.commands.plot",
    "serve": "thucydides.commands.serve",
    "eval": "thucydides.commands.eval",
    "ingest": "thucydides.commands.ingest",
    "export": "thucydides.commands.export",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse prints usage + exits 2; keep it to one line
        raise UserError(message[0].upper() + message[1:].rstrip(".") + ".")


def version() -> str:
    """The installed package's version; "unknown" when run from a source tree alone."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("thucydides")
    except PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="thucydides", description="Code news text into CAMEO/PLOVER events.")
    parser.add_argument("--version", action="version", version=f"thucydides {version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if not getattr(args, "_run", None):
            raise UserError("Give a command, e.g. `thucydides code FILE`; see `thucydides --help`.")
        return int(args._run(args) or 0)
    except UserError as exc:
        print(f"thucydides: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("thucydides: interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
