"""The coder alone against spaCy's parse alone, on the generated corpus of bench.py
(or, with --news, on the real news stories of ../shared/data/news).

No store, no dedup, no workers: how much the coding stages (triggers, roles, actors,
places, dates and, by default, the event-type model) add to the parse. Both modes run in
one process, each timed --repeats times, so the spread between runs shows too.
Run it at two commits (a checkout of each) to compare their coding time on one machine.
Usage: python benchmarks/coder_speed.py [--sentences 2000] [--repeats 2] [--news [--shared PATH]]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # noqa: E402

from thucydides.coder import Coder  # noqa: E402
from thucydides.model import Document  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sentences", type=int, default=2000)
    p.add_argument("--repeats", type=int, default=2)
    p.add_argument("--news", action="store_true", help="the real news stories instead")
    p.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = p.parse_args()
    texts = bench.news_corpus(args.shared) if args.news else bench.corpus(args.sentences)
    docs = [Document(id=str(i), text=d["text"], date=d.get("date")) for i, d in enumerate(texts)]
    coders = {"default": Coder(), "fast": Coder(fast=True)}
    for coder in coders.values():  # warm caches and models outside the timings
        list(coder.code_documents(docs[:20]))
    print(f"{'mode':<8} {'parse s':>8} {'coder s':>8} {'ratio':>6}")
    for _ in range(args.repeats):
        for mode, coder in coders.items():
            t = time.perf_counter()
            list(coder.nlp.pipe([d.text for d in docs], batch_size=32))
            parse = time.perf_counter() - t
            t = time.perf_counter()
            for _doc, _events in coder.code_documents(docs):
                pass
            code = time.perf_counter() - t
            print(f"{mode:<8} {parse:>8.2f} {code:>8.2f} {parse / code:>6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
