"""`thucydides code PATH|-`: code documents and print their events."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from typing import TextIO

from thucydides.errors import UserError
from thucydides.model import FLAT_COLUMNS, Document, Event, flat_row

HELP = "Code news text into CAMEO/PLOVER events and print them."
FORMATS = ("table", "jsonl", "csv")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="+", help="file(s) or folder(s) to code; '-' reads stdin")
    p.add_argument("--date", help="publication date (YYYY-MM-DD) for documents without one")
    p.add_argument(
        "--input-format", choices=("text", "jsonl", "csv", "html", "feed"), default=None,
        help="input format (default: from the file extension; stdin is text)",
    )  # fmt: skip
    p.add_argument("--format", choices=FORMATS, default="table", help="output format")
    p.add_argument("--skip-bad", action="store_true", help="skip bad documents and report them")
    p.add_argument("--fast", action="store_true", help="patterns only, without the learned model")
    p.add_argument("--actors", action="append", default=[], help="extra actor dictionary file")


def run(args: argparse.Namespace) -> int:
    from thucydides.dates import parse_pub_date
    from thucydides.ingest import BadInput, iter_documents

    if args.date:
        try:
            parse_pub_date(args.date)
        except ValueError:
            raise UserError(f"--date must be a date like 2011-10-25, not {args.date!r}.") from None
    skipped: list[BadInput] = []

    def documents() -> Iterator[Document]:
        for item in iter_documents(args.path, input_format=args.input_format):
            if isinstance(item, BadInput):
                reason = item.reason.rstrip(".")
                if not args.skip_bad:
                    raise UserError(f"{reason} (use --skip-bad to code the rest).")
                skipped.append(item)
                print(f"thucydides: skipped: {reason}.", file=sys.stderr)
                continue
            if item.date is None and args.date:
                item.date = args.date
            yield item

    from thucydides.coder import Coder

    coder = Coder(fast=args.fast, actors=args.actors)
    writer = _writer(args.format, sys.stdout)
    n_docs = n_events = 0

    def cut(doc: Document, message: str) -> None:
        print(f"thucydides: {doc.id}: {message}.", file=sys.stderr)

    # events are written piece by piece as they are coded: none is held for a whole file
    for _doc, events, last in coder.code_pieces(documents(), on_notice=cut):
        n_docs += last
        n_events += len(events)
        for event in events:
            writer(event)
    if args.format == "table":
        print(f"\n{n_events} events from {n_docs} document(s)", file=sys.stdout)
    if skipped:
        print(f"thucydides: skipped {len(skipped)} bad input(s)", file=sys.stderr)
    return 0


def _writer(fmt: str, out: TextIO):
    if fmt == "jsonl":
        return lambda ev: out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, extrasaction="ignore")
        w.writeheader()
        return lambda ev: w.writerow(flat_row(ev.to_dict()))
    header = f"{'sent':>4}  {'date':10}  {'source':8} {'code':5} {'target':8} {'plover':9} "
    header += f"{'mood':14} {'conf':>4}  trigger | source text -> target text"
    print(header, file=out)
    return lambda ev: print(table_row(ev), file=out)


def table_row(ev: Event) -> str:
    """One readable line per event: who did what to whom, and the words that said so."""

    def code(actor) -> str:
        return (actor.code or "?") if actor else "-"

    def text(actor) -> str:
        if actor is None:
            return "-"
        return actor.text if len(actor.text) <= 40 else actor.text[:37] + "..."

    mood = ("not " if ev.polarity == "negated" else "") + ev.modality
    return (
        f"{ev.sentence_index:>4}  {ev.date or '-':10}  {code(ev.source):8} {ev.cameo.code:5} "
        f"{code(ev.target):8} {ev.plover.event_type or '-':9} {mood:14} {ev.confidence:4.2f}  "
        f"{ev.trigger.text} | {text(ev.source)} -> {text(ev.target)}"
    )
