"""Story gold without story text, and back (docs/gold-format.md).

    python scripts/story_gold.py pack RAW.jsonl... --texts ../shared/data/news/voa_stories.jsonl \\
        --out training/stories_train.jsonl
    python scripts/story_gold.py unpack training/stories_train.jsonl \\
        --texts ../shared/data/news/voa_stories.jsonl --out stories_train_raw.jsonl

`pack` reads hand-coded stories in the stories_dev form (sentence, trigger, source and
target copied from the story), finds each copied span in the story text of `--texts`,
checks that the offsets give the copied text back, and writes offsets and labels only:
the story text never enters the repository. What it cannot find is listed on stderr (an
event whose sentence is not in the text is left out; a trigger or actor not found gets
null offsets). `unpack` turns offsets and texts back into the stories_dev form.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from thucydides.errors import UserError
from thucydides.evaluate.run import read_texts
from thucydides.evaluate.story_gold import GoldProblem, check_story, pack, unpack


def read_jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    try:
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield lineno, json.loads(line)
                    except json.JSONDecodeError:
                        raise UserError(f"{path} line {lineno} is not valid JSON.") from None
    except FileNotFoundError:
        raise UserError(f"{path} does not exist.") from None
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text.") from None


def run_pack(args: argparse.Namespace) -> int:
    texts = read_texts(args.texts)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    n_events = n_left = 0
    for path in args.raw:
        for lineno, row in read_jsonl(path):
            where = f"{path} line {lineno}"
            try:
                check_story(row)
            except GoldProblem as exc:
                print(f"{where}: {exc}; story skipped", file=sys.stderr)
                continue
            sid = str(row["id"])
            if sid in seen:
                print(f"{where}: story {sid} again; the first one is kept", file=sys.stderr)
                continue
            if sid not in texts:
                print(f"{where}: story {sid} is not in {args.texts}; skipped", file=sys.stderr)
                continue
            seen.add(sid)
            text = texts[sid]["text"]
            packed, missing = pack(row, text)
            for what in missing:
                print(f"{where} ({sid}): {what}", file=sys.stderr)
            n_events += len(row["events"])
            n_left += len(row["events"]) - len(packed["events"])
            out.append(packed)
    with args.out.open("w", encoding="utf-8") as fh:
        for record in out:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(
        f"{args.out}: {len(out)} stories, {n_events - n_left} of {n_events} events"
        f" ({n_left} left out: sentence not in the text)"
    )
    return 0


def run_unpack(args: argparse.Namespace) -> int:
    texts = read_texts(args.texts)
    out = []
    for lineno, row in read_jsonl(args.gold):
        where = f"{args.gold} line {lineno}"
        try:
            check_story(row)
            sid = str(row["id"])
            if sid not in texts:
                raise UserError(f"Story {sid} ({where}) is not in {args.texts}.")
            out.append(unpack(row, texts[sid]))
        except GoldProblem as exc:
            print(f"{where}: {exc}; story skipped", file=sys.stderr)
    with args.out.open("w", encoding="utf-8") as fh:
        for record in out:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{args.out}: {len(out)} stories")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pack", help="raw story gold -> offsets and labels (no story text)")
    p.add_argument("raw", nargs="+", type=Path)
    p.add_argument("--texts", type=Path, required=True, help='story texts {"id", "text"} JSONL')
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(run=run_pack)
    u = sub.add_parser("unpack", help="offsets + story texts -> the stories_dev form")
    u.add_argument("gold", type=Path)
    u.add_argument("--texts", type=Path, required=True)
    u.add_argument("--out", type=Path, required=True)
    u.set_defaults(run=run_unpack)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if not args.out.parent.exists():
            raise UserError(
                f"Cannot write {args.out}: the folder {args.out.parent} does not exist."
            )
        return args.run(args)
    except UserError as exc:
        print(f"story_gold: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
