"""How well title-case headlines are coded, with and without sentence-casing them for the
parser (`thucydides.headlines`).

Reads the synthetic headline templates in ../shared/data/training/synthetic_headlines.csv
(NGEC, MIT), fills {country_1}, {country_2}, {country_3} and {city} from a fixed list,
codes each headline, as written and in all capitals, with the patterns alone and with
the full coder, and reports the
share that yields an event (yield) and the share whose top event has the template's
PLOVER type (accuracy). Usage: python benchmarks/headlines.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COUNTRIES = ["France", "Kenya", "Brazil", "Japan", "Egypt", "Peru", "Turkey", "Ghana", "Chile"]
CITIES = ["Lyon", "Mombasa", "Recife", "Osaka", "Alexandria", "Cusco", "Izmir", "Kumasi"]
ALIASES = {"YIELD": "RETREAT"}


def headlines(shared: Path, seed: int = 13) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    out = []
    path = shared / "data" / "training" / "synthetic_headlines.csv"
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            a, b, c = rng.sample(COUNTRIES, 3)
            title = (
                row["title"]
                .strip()
                .format(country_1=a, country_2=b, country_3=c, city=rng.choice(CITIES))
            )
            out.append((title, ALIASES.get(row["event"], row["event"])))
    return out


def score(coder, rows: list[tuple[str, str]]) -> tuple[float, float]:
    from thucydides.model import Document

    docs = [Document(id=str(i), text=t) for i, (t, _) in enumerate(rows)]
    hits = right = 0
    for (_, label), (_, events) in zip(rows, coder.code_documents(docs), strict=True):
        if events:
            hits += 1
            top = max(events, key=lambda e: e.confidence)
            right += top.plover.event_type == label
    return hits / len(rows), right / len(rows)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = p.parse_args()
    if not (args.shared / "data" / "training").is_dir():
        print(f"headlines: {args.shared}/data/training is missing", file=sys.stderr)
        return 2
    from thucydides.coder import Coder

    rows = headlines(args.shared)
    sets = {"title case": rows, "all capitals": [(t.upper(), label) for t, label in rows]}
    print(f"{len(rows)} headlines from the synthetic templates")
    print(f"{'headlines':<13} {'coder':<6} {'casing':<16} {'yield':>6} {'accuracy':>9}")
    for name, coder in (("fast", Coder(fast=True)), ("full", Coder())):
        recase = coder.recase
        for written, data in sets.items():
            for casing in ("as written", "sentence case"):
                coder.recase = (lambda text: text) if casing == "as written" else recase
                hit, acc = score(coder, data)
                print(f"{written:<13} {name:<6} {casing:<16} {hit:>6.3f} {acc:>9.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
