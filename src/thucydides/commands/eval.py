"""`thucydides eval GOLD.jsonl ...`: code gold sets and whole stories and score them
(shared/docs/evaluation.md; the gold formats are in docs/gold-format.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from thucydides.commands import min_confidence
from thucydides.errors import UserError

MAX_PROBLEMS_SHOWN = 10  # on stderr; the report lists every one

HELP = "Code gold JSONL sets and stories and report accuracy (PLOVER/CAMEO/actors/calibration)."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "gold", nargs="+", type=Path,
        help="gold JSONL file(s), sentences or whole stories; each file is one set",
    )  # fmt: skip
    p.add_argument("--report", type=Path, help="write the Markdown report here (eval-report.md)")
    p.add_argument(
        "--errors", type=Path,
        help="write failed sentences as JSONL here (default with --report: eval-errors.jsonl "
        "beside the report)",
    )  # fmt: skip
    p.add_argument(
        "--story-errors", type=Path, metavar="FILE",
        help="write each story's missed, spurious and matched events as JSONL here (default: "
        "eval-story-errors.jsonl beside the report or the --errors file)",
    )  # fmt: skip
    p.add_argument(
        "--texts", type=Path, metavar="FILE",
        help='story texts ({"id", "text"} JSONL) for story gold that holds offsets only',
    )  # fmt: skip
    p.add_argument(
        "--min-confidence", metavar="X",
        help="score the events at or above this confidence (0 to 1; 0: every event; default: "
        "the threshold `code` and `ingest` use, so the scores are of what users get)",
    )  # fmt: skip
    p.add_argument("--limit", type=int, help="score N sentences (stories) per set, spread evenly")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--fast", action="store_true", help="patterns only, without the learned model")
    how.add_argument(
        "--type-probabilities", type=Path, metavar="FILE",
        help="event-type probabilities per sentence from FILE (out-of-fold, made by "
        "scripts/oof_probabilities.py) instead of the shipped model; story sentences not in "
        "FILE take the shipped model's",
    )  # fmt: skip


def make_coder(
    fast: bool,
    type_probabilities: Path | None = None,
    stories: bool = False,
    threshold: float | None = None,
):
    """The coder to evaluate (a seam so that tests can score a coder of their own). For
    stories, stored probabilities fall back to the shipped model for sentences they lack.
    `threshold`: the least confidence output (None: the default users get)."""
    from thucydides.coder import Coder

    if type_probabilities is None:
        return Coder(fast=fast, min_confidence=threshold)
    from thucydides.evaluate.stored import StoredTypeProbabilities

    fallback = None
    if stories:
        from thucydides.events.classifier import EventTypeModel

        fallback = EventTypeModel.load()
    return Coder(
        model=StoredTypeProbabilities(type_probabilities, fallback), min_confidence=threshold
    )


def _check_paths(args: argparse.Namespace) -> None:
    for path in args.gold:
        if not path.exists():
            folder = path.parent
            where = f" (the folder {folder} does not exist either)" if not folder.exists() else ""
            raise UserError(f"Gold file {path} does not exist{where}.")
        if path.is_dir():
            raise UserError(f"{path} is a folder; give the gold .jsonl files in it.")
    outputs = (("--report", args.report), ("--errors", args.errors))
    for option, path in (*outputs, ("--story-errors", args.story_errors)):
        if path is not None and not path.parent.exists():
            raise UserError(
                f"Cannot write {option} {path}: the folder {path.parent} does not exist."
            )
    if args.limit is not None and args.limit < 1:
        raise UserError(f"--limit must be a positive number of sentences, not {args.limit}.")


def _output_paths(args: argparse.Namespace) -> tuple[Path | None, Path | None]:
    errors, story_errors = args.errors, args.story_errors
    if errors is None and args.report is not None:
        errors = args.report.parent / "eval-errors.jsonl"
    if story_errors is None and errors is not None:
        story_errors = errors.parent / "eval-story-errors.jsonl"
    return errors, story_errors


def run(args: argparse.Namespace) -> int:
    from thucydides.evaluate.errors import write_errors, write_story_errors
    from thucydides.evaluate.report import headline, render_markdown
    from thucydides.evaluate.run import evaluate, read_gold_files, read_texts

    _check_paths(args)
    threshold = min_confidence(args.min_confidence)
    # only a threshold given travels: the default is the coder's own
    given = {"threshold": threshold} if threshold is not None else {}
    texts = read_texts(args.texts) if args.texts is not None else None
    files = read_gold_files(args.gold, args.limit, texts)
    if not any(f.usable for f in files):
        for problem in (p for f in files for p in f.problems):
            print(f"thucydides: {problem}", file=sys.stderr)
        raise UserError(
            "None of the gold files holds a usable sentence or story (one JSON object a line)."
        )
    coder = story_coder = None
    if any(f.stories is None and f.sentences for f in files):
        coder = make_coder(args.fast, args.type_probabilities, **given)
    if any(f.stories for f in files):
        story_coder = coder
        if story_coder is None or args.type_probabilities is not None:
            story_coder = make_coder(args.fast, args.type_probabilities, stories=True, **given)
    evaluation = evaluate(files, coder, story_coder)
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
    errors, story_errors = _output_paths(args)
    if errors is not None and evaluation.sets:
        n = write_errors(evaluation, errors)
        print(f"errors: {errors} ({n} sentences)")
    if story_errors is not None and evaluation.stories:
        n = write_story_errors(evaluation, story_errors)
        print(f"story errors: {story_errors} ({n} stories)")
    return 0
