"""Throughput and memory: documents → events in the store, beside spaCy's parse alone.

    .venv/bin/python benchmarks/bench.py                  # 5,000 sentences, all runs
    .venv/bin/python benchmarks/bench.py --sentences 500  # a quick look

The corpus is generated here from templates of our own (news-like sentences about made-up
but plausible diplomatic, military and domestic events), so nothing needs ../shared. Each
run happens in a fresh process (so peak memory is that run's): first spaCy's `nlp.pipe`
over the texts, the floor this design cannot beat, then full ingestion (read JSONL,
deduplicate, parse, code, write DuckDB) with 1 and 2 workers, in the default and `--fast`
modes. Models load before the clock starts; with workers, every worker has loaded them.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ACTORS = [
    "Pakistan", "India", "the United States", "China", "Russia", "Afghanistan", "Iran",
    "Turkey", "Egypt", "Kenya", "Brazil", "Germany", "France", "Japan", "Nigeria",
    "the Pakistani army", "Indian police", "the Afghan government", "Taliban fighters",
    "the United Nations", "NATO", "the European Union", "Kenyan troops", "Iranian officials",
    "the Turkish foreign minister", "the Egyptian president", "Brazilian prosecutors",
    "Russian diplomats", "Chinese officials", "the Japanese prime minister", "rebel groups",
    "opposition leaders", "protesters", "Nigerian soldiers", "German lawmakers",
]  # fmt: skip
TWO_SIDED = [
    "{a} accused {b} of violating the ceasefire",
    "{a} met {b} to discuss border security",
    "{a} signed a trade agreement with {b}",
    "{a} rejected an offer of talks from {b}",
    "{a} criticized {b} over the detention of journalists",
    "{a} praised {b} for its help with refugees",
    "{a} threatened {b} with new sanctions",
    "{a} attacked positions held by {b}",
    "{a} arrested dozens of supporters of {b}",
    "{a} promised economic aid to {b}",
    "{a} expelled two diplomats from {b}",
    "{a} urged {b} to release the prisoners",
    "{a} hosted a delegation from {b}",
    "{a} demanded an apology from {b}",
    "{a} warned {b} against further military exercises",
    "{a} agreed to resume negotiations with {b}",
]  # fmt: skip
ONE_SIDED = [
    "{a} held a large military parade",
    "{a} announced a new inquiry into the violence",
    "{a} denied any role in the bombing",
    "{a} called for calm after the election",
    "{a} marched through the capital",
]  # fmt: skip
WHEN = ["on Monday", "on Tuesday", "last week", "earlier this month", "over the weekend",
        "yesterday", "on Friday", "in early April", ""]  # fmt: skip
TAIL = ["officials said", "according to a statement", "state media reported",
        "a spokesman said", "witnesses said", ""]  # fmt: skip
FILLER = [
    "The talks are expected to continue next month in {p}.",
    "Markets in {p} were closed for the holiday.",
    "Heavy rain has disrupted travel across the region around {p}.",
    "Analysts in {p} said the move was widely expected.",
]  # fmt: skip
PLACES = ["Islamabad", "Kabul", "New Delhi", "Nairobi", "Cairo", "Ankara", "Geneva",
          "Brussels", "Tokyo", "Lagos", "Brasilia", "Berlin", "Moscow", "Beijing"]  # fmt: skip


def sentence(rng: random.Random) -> str:
    a, b = rng.sample(ACTORS, 2)
    if rng.random() < 0.12:
        return rng.choice(FILLER).format(p=rng.choice(PLACES))
    core = rng.choice(TWO_SIDED if rng.random() < 0.8 else ONE_SIDED).format(a=a, b=b)
    when, tail = rng.choice(WHEN), rng.choice(TAIL)
    if rng.random() < 0.4:
        core += f" in {rng.choice(PLACES)}"
    text = " ".join(x for x in (core, when) if x)
    text = f"{text}, {tail}" if tail else text
    return text[0].upper() + text[1:] + "."


def corpus(n_sentences: int, seed: int = 13) -> list[dict]:
    """Documents of 8 to 20 generated sentences until n_sentences are written."""
    rng = random.Random(seed)
    docs, left = [], n_sentences
    while left > 0:
        k = min(left, rng.randint(8, 20))
        day = f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = " ".join(sentence(rng) for _ in range(k))
        docs.append({"id": f"bench-{len(docs)}", "text": text, "date": day, "n_sentences": k})
        left -= k
    return docs


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def run_parse(path: Path) -> dict:
    from thucydides.nlp import load_nlp

    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    nlp = load_nlp()
    list(nlp.pipe(texts[:2]))  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return {"seconds": time.perf_counter() - start, "rss_mb": [_rss_mb()]}


def run_ingest(path: Path, workers: int, fast: bool) -> dict:
    from thucydides.pipeline import _coder, ingest
    from thucydides.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        if workers == 1:
            _coder(fast).code("The minister met the envoy.")  # load models before the clock
            start = time.perf_counter()
            stats = ingest([path], store, fast=fast)
            seconds, rss = time.perf_counter() - start, [_rss_mb()]
        else:
            from distributed import Client, LocalCluster

            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:  # fmt: skip
                client.run(lambda: _coder(fast).code("The minister met the envoy.") and None)
                start = time.perf_counter()
                stats = ingest([path], store, scheduler=cluster.scheduler_address, fast=fast)
                seconds = time.perf_counter() - start
                rss = [_rss_mb(), *client.run(_rss_mb).values()]
        return {"seconds": seconds, "rss_mb": rss, "events": stats.events, "new": stats.new}


def child(args: argparse.Namespace) -> int:
    path = Path(args.corpus)
    if args.child == "parse":
        result = run_parse(path)
    else:
        result = run_ingest(path, args.workers[0], args.fast)
    print(json.dumps(result))
    return 0


def measure(corpus_path: Path, what: str, workers: int = 1, fast: bool = False) -> dict:
    cmd = [sys.executable, __file__, "--child", what, "--corpus", str(corpus_path),
           "--workers", str(workers)] + (["--fast"] if fast else [])  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench: the {what} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=5000, help="corpus size (default 5000)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to try")
    ap.add_argument("--modes", nargs="+", default=["default", "fast"], choices=["default", "fast"])
    ap.add_argument("--json", type=Path, help="also write the results here as JSON")
    ap.add_argument("--child", choices=["parse", "ingest"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--fast", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args)
    if args.sentences < 1:
        ap.error("--sentences must be 1 or more")

    docs = corpus(args.sentences)
    n = sum(d["n_sentences"] for d in docs)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({k: d[k] for k in ("id", "text", "date")}) + "\n")
        print(f"corpus: {len(docs)} documents, {n} sentences (generated)", flush=True)
        parse = measure(path, "parse")
        results.append({"run": "spaCy nlp.pipe alone", "workers": 1, **parse})
        for mode in args.modes:
            for w in args.workers:
                r = measure(path, "ingest", w, mode == "fast")
                results.append({"run": f"ingest ({mode})", "workers": w, **r})
    base = n / parse["seconds"]
    print(f"\n{'run':<24}{'workers':>8}{'sent/s':>10}{'ratio':>8}  peak RSS MB (main, workers...)")
    for r in results:
        r["sentences_per_s"] = n / r["seconds"]
        r["ratio"] = r["sentences_per_s"] / base
        rss = ", ".join(f"{m:.0f}" for m in r["rss_mb"])
        print(
            f"{r['run']:<24}{r['workers']:>8}{r['sentences_per_s']:>10.1f}{r['ratio']:>8.2f}  {rss}"
        )
    if args.json:
        args.json.write_text(json.dumps({"sentences": n, "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
