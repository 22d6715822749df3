"""Throughput and memory: documents -> events in the store, beside spaCy's parse alone.

    python benchmarks/bench.py                       # real news + generated, 1 MB/5 MB memory
    python benchmarks/bench.py --shared /work/shared # from a worktree: where shared/ is
    python benchmarks/bench.py --memory-mb 1 5 20    # peak RSS against input size (slow)

Two corpora: the 77 Voice of America stories of `shared/data/news/voa_stories.jsonl`
(real news, public domain; the headline row) and a corpus generated here from templates
of our own (news-like sentences about made-up events). Each run happens in a fresh
process (so peak memory is that run's): first spaCy's `nlp.pipe` over the texts, the
floor this design cannot beat, then full ingestion (read JSONL, deduplicate, parse, code,
write DuckDB) with 1 and 2 Dask workers, in the default and `--fast` modes. Models load
before the clock starts; with workers, every worker has loaded them. Ratios are to the
parse of the same texts in the same run, so machine load moves both sides alike.
Memory against input size: one plain-text document of N MB (generated paragraphs), coded
by `thucydides code --fast` and by `thucydides ingest --fast`, each in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS_FILE = Path("data/news/voa_stories.jsonl")
GDELT_DAY = 100_000  # articles GDELT reads in a day, about

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


PEOPLE_FIRST = "Amina Bilal Carlos Dmitri Elena Farid Grace Hassan Ingrid Jamal Keiko Luis".split()
PEOPLE_LAST = "Okafor Haddad Moreno Petrov Ruiz Nasser Kim Varga Mensah Tanaka Silva Novak".split()


def big_document(chars: int, seed: int = 17) -> str:
    """One plain-text document of about `chars` characters: paragraphs of generated
    sentences, with named people and pronouns for coreference to follow."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < chars:
        name = f"{rng.choice(PEOPLE_FIRST)} {rng.choice(PEOPLE_LAST)}"
        lead = f"{name}, a spokesman for {rng.choice(ACTORS)}, said talks would go on."
        body = [sentence(rng) for _ in range(rng.randint(2, 6))]
        text = " ".join([lead, *body, "He said he expected an answer soon."])
        paragraphs.append(text)
        total += len(text) + 2
    return "\n\n".join(paragraphs)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def run_parse(path: Path) -> dict:
    from thucydides.nlp import load_nlp

    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    nlp = load_nlp()
    list(nlp.pipe(texts[:2]))  # warm up
    start = time.perf_counter()
    n = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=32))
    return {"seconds": time.perf_counter() - start, "rss_mb": [_rss_mb()], "sentences": n}


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


CLI_CHILD = """
import sys
from thucydides.cli import main
rc = main(sys.argv[1:])
# VmHWM, not ru_maxrss: ru_maxrss survives exec, so it would report a big parent's size
hwm = next(ln for ln in open("/proc/self/status") if ln.startswith("VmHWM:"))
print(f"peak-mb {int(hwm.split()[1]) / 1024:.0f}", file=sys.stderr)
sys.exit(rc)
"""


def measure_cli(args: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one CLI command in a fresh process, output discarded."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CLI_CHILD, *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=False)  # fmt: skip
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(args[:2])} failed:\n{done.stderr[-3000:]}")
    peak = next(ln for ln in done.stderr.splitlines() if ln.startswith("peak-mb "))
    return seconds, float(peak.split()[1])


def memory_rows(sizes_mb: list[float], tmp: Path) -> list[dict]:
    rows = []
    for mb in sizes_mb:
        path = tmp / f"document-{mb:g}mb.txt"
        path.write_text(big_document(int(mb * 1_000_000)), encoding="utf-8")
        for command in ("code", "ingest"):
            extra = ["--format", "jsonl"] if command == "code" else ["--db", str(tmp / "m.duckdb")]
            (tmp / "m.duckdb").unlink(missing_ok=True)
            seconds, peak = measure_cli([command, str(path), "--fast", *extra])
            rows.append({"mb": mb, "command": command, "seconds": seconds, "peak_mb": peak})
            print(
                f"memory: {mb:g} MB, {command} --fast: {seconds:.0f} s, {peak:.0f} MB", flush=True
            )
    return rows


def write_corpus(path: Path, docs: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({k: d.get(k) for k in ("id", "text", "date", "title")}) + "\n")


def news_corpus(shared: Path) -> list[dict]:
    path = shared / NEWS_FILE
    if not path.is_file():
        print(f"bench: {path} is missing: give --shared PATH to the shared folder "
              "(or --no-news to time the generated corpus alone).", file=sys.stderr)  # fmt: skip
        raise SystemExit(2)
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def run_corpus(name: str, docs: list[dict], args: argparse.Namespace, tmp: Path) -> list[dict]:
    path = tmp / f"{name}.jsonl"
    write_corpus(path, docs)
    parse = measure(path, "parse")
    n = parse["sentences"]
    chars = sum(len(d["text"]) for d in docs)
    print(f"{name}: {len(docs)} documents, {n} sentences, {chars:,} characters", flush=True)
    rows = [{"corpus": name, "run": "spaCy nlp.pipe alone", "workers": 1, **parse}]
    for mode in args.modes:
        for w in args.workers:
            r = measure(path, "ingest", w, mode == "fast")
            rows.append({"corpus": name, "run": f"ingest, {mode}", "workers": w, **r})
            print(f"  {rows[-1]['run']}, {w} worker(s): {r['seconds']:.1f} s", flush=True)
    for r in rows:
        r.update(documents=len(docs), sentences=n, chars=chars)
        r["sentences_per_s"] = n / r["seconds"]
        r["docs_per_s"] = len(docs) / r["seconds"]
        r["ratio"] = parse["seconds"] / r["seconds"]
    return rows


def gdelt_lines(rows: list[dict]) -> list[str]:
    """A GDELT day from the measured one-worker rate on real news."""
    news = [r for r in rows if r["corpus"] == "real news" and r["run"].startswith("ingest")]
    out = []
    for mode in ("default", "fast"):
        one = next((r for r in news if r["run"] == f"ingest, {mode}" and r["workers"] == 1), None)
        if one is None:
            continue
        scaling = _scaling(rows, mode)
        per_core = one["docs_per_s"]
        machine_h = GDELT_DAY / (per_core * 16 * scaling) / 3600
        cluster = GDELT_DAY / (per_core * 16 * scaling * 4) / 60
        out.append(
            f"- {mode}: {per_core:.2f} stories/s per worker -> one 16-core machine "
            f"(16 workers at {scaling:.0%} efficiency, as measured from 1 to 2 workers): "
            f"{machine_h:.1f} h for {GDELT_DAY:,} articles; a Dask cluster of four such "
            f"machines: {cluster:.0f} min."
        )
    if out:
        chars = next(r["chars"] / r["documents"] for r in news)
        out.append(
            f"- Assumptions: articles as long as the VOA stories ({chars:,.0f} characters "
            "on average), one worker per core with the speed of one worker here, the "
            "measured 1-to-2-worker efficiency holding to 16, near-duplicates not removed "
            "first (GDELT's day repeats many wire stories, which ingest codes once), and "
            "one DuckDB writer keeping up (it does here: writes are a small part of a batch)."
        )
    return out


def _scaling(rows: list[dict], mode: str) -> float:
    """Per-worker efficiency from 1 to 2 workers, on the corpus with more documents: 77
    stories are only three batches of 32, too few to keep two workers busy."""
    runs = [r for r in rows if r["run"] == f"ingest, {mode}"]
    best = max({r["corpus"] for r in runs}, key=lambda c: next(r["documents"] for r in runs
                                                               if r["corpus"] == c))  # fmt: skip
    rate = {r["workers"]: r["docs_per_s"] for r in runs if r["corpus"] == best}
    return min(1.0, rate[2] / (2 * rate[1])) if 1 in rate and 2 in rate else 1.0


def table(rows: list[dict], memory: list[dict]) -> str:
    lines = [
        "| corpus | run | workers | sentences/s | ratio to spaCy alone | peak RSS MB (main; workers) |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        rss = r["rss_mb"]
        mem = f"{rss[0]:.0f}" + (f"; {', '.join(f'{m:.0f}' for m in rss[1:])}" if rss[1:] else "")
        lines.append(
            f"| {r['corpus']} ({r['documents']} documents, {r['sentences']:,} sentences) | "
            f"{r['run']} | {r['workers']} | {r['sentences_per_s']:.1f} | {r['ratio']:.2f} | {mem} |"
        )
    if memory:
        lines += ["", "| one plain-text document | command | seconds | peak RSS MB |",
                  "|---|---|---|---|"]  # fmt: skip
        for m in memory:
            lines.append(f"| {m['mb']:g} MB | `{m['command']} --fast` | {m['seconds']:.0f} | "
                         f"{m['peak_mb']:.0f} |")  # fmt: skip
    return "\n".join(lines + [""] + gdelt_lines(rows))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                    help="the shared folder with data/news (default: ../shared)")  # fmt: skip
    ap.add_argument("--no-news", action="store_true", help="skip the real-news corpus")
    ap.add_argument("--sentences", type=int, default=2000, help="generated corpus size (2000)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to try")
    ap.add_argument("--modes", nargs="+", default=["default", "fast"], choices=["default", "fast"])
    ap.add_argument("--memory-mb", type=float, nargs="*", default=[1, 5],
                    help="sizes of one-document inputs for peak RSS (default 1 5; 20 takes ~20 min)")  # fmt: skip
    ap.add_argument("--json", type=Path, help="also write the results here as JSON")
    ap.add_argument("--table", type=Path, help="also write the Markdown table here")
    ap.add_argument("--child", choices=["parse", "ingest"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--fast", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args)
    if args.sentences < 0:
        ap.error("--sentences must be 0 or more")
    news = [] if args.no_news else news_corpus(args.shared)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        if news:
            rows += run_corpus("real news", news, args, Path(tmp))
        if args.sentences:
            rows += run_corpus("generated", corpus(args.sentences), args, Path(tmp))
        memory = memory_rows(args.memory_mb, Path(tmp))
    text = table(rows, memory)
    print("\n" + text)
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")
    if args.table:
        args.table.write_text(text + "\n", encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps({"runs": rows, "memory": memory}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
