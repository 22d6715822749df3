"""`thucydides eval GOLD.jsonl ...`: code gold sets and score them (shared/docs/evaluation.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from thucydides.errors import UserError

MAX_PROBLEMS_SHOWN = 10  # on stderr; the report lists every one

HELP = "Code gold JSONL sets and report accuracy (PLOVER/CAMEO/actors/calibration)."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold", nargs="+", type=Path, help="gold JSONL file(s); each file is one set")
    p.add_argument("--report", type=Path, help="write the Markdown report here (eval-report.md)")
    p.add_argument(
        "--errors", type=Path,
        help="write failed sentences as JSONL here (default with --report: eval-errors.jsonl "
        "beside the report)",
    )  # fmt: skip
    p.add_argument("--limit", type=int, help="score N sentences per set, spread through the file")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--fast", action="store_true", help="patterns only, without the learned model")
    how.add_argument(
        "--type-probabilities", type=Path, metavar="FILE",
        help="event-type probabilities per sentence from FILE (out-of-fold, made by "
        "scripts/oof_probabilities.py) instead of the shipped model",
    )  # fmt: skip


def make_coder(fast: bool, type_probabilities: Path | None = None):
    """The coder to evaluate (a seam so that tests can score a coder of their own)."""
    from thucydides.coder import Coder

    if type_probabilities is None:
        return Coder(fast=fast)
    from thucydides.evaluate.stored import StoredTypeProbabilities

    return Coder(model=StoredTypeProbabilities(type_probabilities))


def _check_paths(args: argparse.Namespace) -> None:
    for path in args.gold:
        if not path.exists():
            folder = path.parent
            where = f" (the folder {folder} does not exist either)" if not folder.exists() else ""
            raise UserError(f"Gold file {path} does not exist{where}.")
        if path.is_dir():
            raise UserError(f"{path} is a folder; give the gold .jsonl files in it.")
    for option, path in (("--report", args.report), ("--errors", args.errors)):
        if path is not None and not path.parent.exists():
            raise UserError(
                f"Cannot write {option} {path}: the folder {path.parent} does not exist."
            )
    if args.limit is not None and args.limit < 1:
        raise UserError(f"--limit must be a positive number of sentences, not {args.limit}.")


def run(args: argparse.Namespace) -> int:
    from thucydides.evaluate.report import headline, render_markdown
    from thucydides.evaluate.run import evaluate, read_gold_files, write_errors

    _check_paths(args)
    files = read_gold_files(args.gold, args.limit)
    if not any(f.sentences for f in files):
        for problem in (p for f in files for p in f.problems):
            print(f"thucydides: {problem}", file=sys.stderr)
        raise UserError("None of the gold files holds a usable sentence (one JSON object a line).")
    evaluation = evaluate(files, make_coder(args.fast, args.type_probabilities))
    for problem in evaluation.problems[:MAX_PROBLEMS_SHOWN]:
        print(f"thucydides: {problem}", file=sys.stderr)
    if len(evaluation.problems) > MAX_PROBLEMS_SHOWN:
        more = len(evaluation.problems) - MAX_PROBLEMS_SHOWN
        where = "in the report" if args.report else "with --report"
        print(f"thucydides: ... and {more} more problems (all listed {where})", file=sys.stderr)
    print(headline(evaluation))
    if args.report is not None:
        args.report.write_text(render_markdown(evaluation), encoding="utf-8")
        print(f"report: {args.report}")
    errors = args.errors
    if errors is None and args.report is not None:
        errors = args.report.parent / "eval-errors.jsonl"
    if errors is not None:
        n = write_errors(evaluation, errors)
        print(f"errors: {errors} ({n} sentences)")
    return 0
