"""Measure actor resolution on the PLOVER gold sentences: the share of gold actor texts
(`source`/`target` with `source_code`/`target_code`) that `ActorResolver.resolve_text`
maps to the right country or international prefix (the code's first three letters).

    .venv/bin/python scripts/measure_actors.py [--shared ../shared] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from thucydides.actors import ActorResolver  # noqa: E402


def pairs(event: dict) -> list[tuple[str, str]]:
    """(actor text, gold code) pairs; several actors are joined by "; " in both fields."""
    out = []
    for role in ("source", "target"):
        text, code = event.get(role), event.get(f"{role}_code")
        if not text or not code:
            continue
        texts = [t.strip() for t in text.split(";")]
        codes = [c.strip() for c in code.split(";")]
        if len(texts) == len(codes):
            out += [(t, c) for t, c in zip(texts, codes, strict=True) if t and c]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--errors", type=int, default=0, help="print this many misses")
    ap.add_argument(
        "--coder", action="store_true", help="also code the sentences end to end and score the "
        "top event's source/target codes against the gold codes",
    )  # fmt: skip
    args = ap.parse_args(argv)
    gold = args.shared / "eval" / "plover_gsr.jsonl"
    if not gold.is_file():
        print(f"error: gold file not found at {gold} (give --shared PATH)", file=sys.stderr)
        return 2
    start = time.perf_counter()
    resolver = ActorResolver.load()
    load_s = time.perf_counter() - start
    counts: Counter[str] = Counter()
    misses = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for event in record.get("events", []):
            for text, code in pairs(event):
                match = resolver.resolve_text(text, record.get("date"))
                got = (match.code or "")[:3] if match else ""
                counts["total"] += 1
                counts["resolved"] += bool(got)
                if got == code[:3]:
                    counts["right"] += 1
                else:
                    misses.append((text, code, match.code if match else None))
    n = counts["total"] or 1
    print(f"resolver load: {load_s * 1000:.0f} ms")
    print(f"actor texts with gold codes: {counts['total']}")
    print(f"resolved to any code: {counts['resolved'] / n:.3f}")
    print(
        f"right country/prefix (first 3 letters): {counts['right']}/{counts['total']} = {counts['right'] / n:.3f}"
    )
    for text, code, got in misses[: args.errors]:
        print(f"  miss: {text!r} gold {code} got {got}")
    if args.coder:
        end_to_end(gold)
    return 0


def end_to_end(gold: Path) -> None:
    """Top event (highest confidence) per sentence: does its source (target) code start
    with one of the gold codes' three letters? Over sentences with a gold code."""
    from thucydides.coder import Coder
    from thucydides.model import Document

    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    docs = [Document(id=r["id"], text=r["text"], date=r.get("date")) for r in records]
    wanted = {r["id"]: r for r in records}
    counts: Counter[str] = Counter()
    for doc, events in Coder().code_documents(docs):
        top = max(events, key=lambda e: e.confidence, default=None)
        for role in ("source", "target"):
            golds = {
                c.strip()[:3]
                for ev in wanted[doc.id].get("events", [])
                for c in (ev.get(f"{role}_code") or "").split(";")
                if c.strip()
            }
            if not golds:
                continue
            actor = getattr(top, role) if top else None
            counts[f"{role}_n"] += 1
            counts[f"{role}_ok"] += bool(actor and actor.code and actor.code[:3] in golds)
    for role in ("source", "target"):
        n = counts[f"{role}_n"] or 1
        print(
            f"end to end, top event {role} code right: {counts[f'{role}_ok']}/{n} = {counts[f'{role}_ok'] / n:.3f}"
        )


if __name__ == "__main__":
    sys.exit(main())
