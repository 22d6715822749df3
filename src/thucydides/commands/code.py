"""`thucydides code PATH|-`: code documents and print their events."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from typing import TextIO

from thucydides.commands import MIN_CONFIDENCE_HELP, default_date, min_confidence, plural
from thucydides.errors import UserError
from thucydides.model import Document, Event, flat_row

HELP = "Code news text into CAMEO/PLOVER events and print them."
FORMATS = ("table", "jsonl", "csv")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="+", help="file(s) or folder(s) to code; '-' reads stdin")
    p.add_argument(
        "--date", help="publication date (YYYY-MM-DD) for documents without one of their own "
        "(default: [documents] date in thucydides.toml); it also gives a dateline its year",
    )  # fmt: skip
    p.add_argument(
        "--input-format", choices=("text", "jsonl", "csv", "html", "feed"), default=None,
        help="input format (default: from the file extension; stdin is text)",
    )  # fmt: skip
    p.add_argument("--format", choices=FORMATS, default="table", help="output format")
    p.add_argument("--skip-bad", action="store_true", help="skip bad documents and report them")
    p.add_argument("--fast", action="store_true", help="patterns only, without the learned model")
    p.add_argument("--actors", action="append", default=[], help="extra actor dictionary file")
    p.add_argument(
        "--patterns", action="append", default=[], metavar="FILE",
        help="extra verb/noun pattern file (YAML, the package's format; wins over its patterns)",
    )  # fmt: skip
    p.add_argument("--min-confidence", metavar="X", help=MIN_CONFIDENCE_HELP)


def run(args: argparse.Namespace) -> int:
    from thucydides.ingest import BadInput, DateTally, iter_documents

    default = default_date(args.date)
    threshold = min_confidence(args.min_confidence)
    skipped: list[BadInput] = []
    tally = DateTally()

    def documents() -> Iterator[Document]:
        items = iter_documents(args.path, args.input_format, default, tally)
        for item in items:
            if isinstance(item, BadInput):
                reason = item.reason.rstrip(".")
                if not args.skip_bad:
                    raise UserError(f"{reason} (use --skip-bad to code the rest).")
                skipped.append(item)
                print(f"thucydides: skipped: {reason}.", file=sys.stderr)
                continue
            yield item

    from thucydides.coder import Coder

    coder = Coder(
        fast=args.fast, actors=args.actors, patterns=args.patterns, min_confidence=threshold
    )
    writer = Writer(args.format, sys.stdout)
    n_docs = n_events = 0

    def cut(doc: Document, message: str) -> None:
        print(f"thucydides: {doc.id}: {message}.", file=sys.stderr)

    # events are written piece by piece as they are coded: none is held for a whole file
    for _doc, events, last in coder.code_pieces(documents(), on_notice=cut):
        n_docs += last
        n_events += len(events)
        for event in events:
            writer.write(event)
    writer.finish()
    if args.format == "table":
        print(f"\n{plural(n_events, 'event')} from {plural(n_docs, 'document')}")
    if skipped:
        print(f"thucydides: skipped {plural(len(skipped), 'bad input')}", file=sys.stderr)
    if warning := tally.warning():
        print(f"thucydides: {warning}", file=sys.stderr)
    return 0


class Writer:
    """Events out as a table, JSON Lines or CSV. The header is written with the first
    event (or at the end, for an empty CSV), so a run that fails prints no stray header."""

    def __init__(self, fmt: str, out: TextIO) -> None:
        from thucydides.export import CSV_COLUMNS

        self.fmt, self.out = fmt, out
        self.started = False
        self.csv = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")

    def _start(self) -> None:
        self.started = True
        if self.fmt == "csv":
            self.csv.writeheader()
        elif self.fmt == "table":
            print(TABLE_HEADER, file=self.out)

    def write(self, ev: Event) -> None:
        if not self.started:
            self._start()
        if self.fmt == "jsonl":
            self.out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            from thucydides.export import csv_row

            self.csv.writerow(csv_row(flat_row(ev.to_dict()), ev.evidence))
        else:
            print(table_row(ev), file=self.out)

    def finish(self) -> None:
        if not self.started and self.fmt == "csv":
            self._start()


TABLE_HEADER = (
    f"{'sent':>4}  {'date':10}  {'source':8} {'code':5} {'target':8} {'plover':9} "
    f"{'mood':14} {'conf':>4}  trigger | source text -> target text"
)


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
