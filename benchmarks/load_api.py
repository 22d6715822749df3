"""Load test of `/api/events` on loopback, bounded in time.

Starts `thucydides serve` in a subprocess over a store (yours with --db, or a synthetic one
built here: our own template sentences over random actors, codes and dates), then runs
client threads that page through filtered event lists for at most --seconds, and prints
requests/s, latency percentiles, server CPU per request and errors. Goal (issue 11):
>= 300 requests/s on distinct filtered pages over 10,000 events, with no errors.
`--compare-src DIR` first runs the same phases against a server from another source tree
(e.g. `git archive HEAD~5 src | tar -x -C DIR`), so before and after come from one run.

    .venv/bin/python benchmarks/load_api.py [--db events.duckdb] [--seconds 4.5] [--threads 8]
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from thucydides import ontology
from thucydides.dedup import content_hash
from thucydides.model import Actor, Document, Event, Location, Trigger
from thucydides.store import Entry, Store

ACTORS = ["USAGOV", "PAKGOV", "AFGGOV", "AFGINS", "PAKMIL", "IRNGOV", "INDGOV", "CHNGOV"]
VERBS = [("met", "042"), ("praised", "051"), ("accused", "112"), ("threatened", "138"),
         ("attacked", "190"), ("promised", "057"), ("criticized", "111"), ("rejected", "125")]  # fmt: skip
PLACES = [Location("Kabul", 1138958, 34.53, 69.17, "AFG"), Location("Islamabad", 1176615, 33.72, 73.04, "PAK"),
          Location("Washington", 4140963, 38.9, -77.04, "USA"), Location("Delhi", 1273294, 28.65, 77.23, "IND")]  # fmt: skip


def synthetic_store(path: Path, documents: int, seed: int = 7) -> None:
    """`documents` stories of five template sentences each, one event per sentence."""
    rng = random.Random(seed)
    entries = []
    for d in range(documents):
        day = f"20{rng.randint(10, 14)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text, events = "", []
        for i in range(5):
            src, tgt = rng.sample(ACTORS, 2)
            verb, code = rng.choice(VERBS)
            base = len(text)
            sentence = f"Officials of {src} {verb} {tgt} in talks number {d}-{i}."
            s0, v0 = base + 13, base + 14 + len(src)
            t0 = v0 + len(verb) + 1
            cameo, plover = ontology.cameo_record(code)
            events.append(Event(
                doc_id=f"bench-{d}", sentence_index=i, sentence=sentence,
                trigger=Trigger(verb, v0, v0 + len(verb)), cameo=cameo, plover=plover,
                source=Actor(src, s0, s0 + len(src), src, src[:3], [src[3:]]),
                target=Actor(tgt, t0, t0 + len(tgt), tgt, tgt[:3], [tgt[3:]]),
                date=day, date_precision="day", location=rng.choice(PLACES),
                confidence=round(rng.random(), 2),
            ))  # fmt: skip
            text += sentence + " "
        doc = Document(f"bench-{d}", text, day)
        entries.append(Entry(doc, content_hash(doc.text), "new", events))
    with Store(path) as store:
        for i in range(0, len(entries), 500):
            store.write(entries[i : i + 500])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time so far of a process and its children (Linux), or nan."""
    total = float("nan")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if stat.parent.name == str(pid) or fields[1] == str(pid):
            seconds = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            total = seconds if total != total else total + seconds
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# What a dashboard asks again and again (answered from the server's cache after the first
# time) and, in the "distinct" phase, every request with its own random page (never cached).
QUERIES = [{"limit": 50}, {"actor": "PAKGOV", "limit": 25}, {"source": "USAGOV", "target": "AFGINS"},
           {"quad": 4, "start": "2012-01-01", "end": "2012-12-31"}, {"q": "talks number 1"},
           {"plover": "ACCUSE", "offset": 100}, {"min_confidence": 0.8, "country": "AFG"}]  # fmt: skip


def load(base: str, pid: int, phase: str, seconds: float, n_threads: int) -> tuple[float, int]:
    """Run client threads against /api/events for `seconds`; print the numbers; return
    (requests/s, errors)."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker(n: int) -> None:
        mine, bad, rng = [], [], random.Random(n)
        with httpx.Client(base_url=base, timeout=10) as client:
            i = n
            while time.monotonic() < stop:
                params = dict(QUERIES[i % len(QUERIES)])
                if phase == "distinct":
                    params.update(offset=rng.randrange(2000), limit=rng.randint(20, 60))
                t0 = time.perf_counter()
                res = client.get("/api/events", params=params)
                mine.append(time.perf_counter() - t0)
                if res.status_code != 200:
                    bad.append(f"{res.status_code} {res.text[:80]}")
                i += 1
        with lock:
            latencies.extend(mine)
            errors.extend(bad)

    cpu0 = cpu_seconds(pid)
    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    cpu = cpu_seconds(pid) - cpu0
    q = statistics.quantiles(latencies, n=100)
    print(f"/api/events, {phase} queries: {len(latencies)} requests in {elapsed:.1f} s with "
          f"{n_threads} client threads = {len(latencies) / elapsed:.0f} requests/s; "
          f"errors: {len(errors)}; latency p50 {q[49] * 1000:.1f} ms, p95 {q[94] * 1000:.1f} ms; "
          f"server CPU {1000 * cpu / max(1, len(latencies)):.2f} ms per request")  # fmt: skip
    for e in errors[:5]:
        print("  error:", e)
    return len(latencies) / elapsed, len(errors)


GOAL = 300  # distinct filtered pages per second (issue 11)


def serve(db: Path, workers: int, src: str | None) -> tuple[subprocess.Popen, str] | None:
    """A `thucydides serve` process on a free port (from source tree `src`, if given)."""
    port = free_port()
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = str(Path(src) / "src")
    cmd = [sys.executable, "-m", "thucydides.cli", "serve", "--db", str(db), "--port", str(port),
           "--workers", str(workers)]  # fmt: skip
    server = subprocess.Popen(cmd, stderr=subprocess.DEVNULL, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"{base}/api/summary", timeout=1).raise_for_status()
            return server, base
        except httpx.HTTPError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.terminate()
                print("the server did not start", file=sys.stderr)
                return None
            time.sleep(0.2)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="an existing store (default: build a synthetic one)")
    ap.add_argument("--documents", type=int, default=2000, help="synthetic stories (5 events each)")
    ap.add_argument("--seconds", type=float, default=4.5, help="per phase (both phases: <= 10 s)")
    ap.add_argument("--threads", type=int, default=8, help="client threads")
    ap.add_argument("--workers", type=int, default=1, help="server processes (serve --workers)")
    ap.add_argument("--compare-src", help="also measure a server from this source tree, first")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = Path(args.db) if args.db else Path(tmp.name) / "bench.duckdb"
    if not args.db:
        t = time.perf_counter()
        synthetic_store(db, args.documents)
        print(f"synthetic store: {args.documents * 5} events in {time.perf_counter() - t:.1f} s")
    failures, distinct = 0, {}
    try:
        for name, src in (("compared", args.compare_src), ("this tree", None)):
            if name == "compared" and not src:
                continue
            started = serve(db, args.workers, src)
            if started is None:
                return 1
            server, base = started
            print(f"-- server from {src or 'this tree'}, {args.workers} worker(s)")
            try:
                for phase in ("repeated", "distinct"):
                    rate, errors = load(
                        base, server.pid, phase, min(args.seconds, 5.0), args.threads
                    )
                    failures += errors
                    if phase == "distinct":
                        distinct[name] = rate
            finally:
                server.terminate()
                server.wait(timeout=10)
    finally:
        tmp.cleanup()
    rate = distinct["this tree"]
    before = f" (compared tree: {distinct['compared']:.0f})" if "compared" in distinct else ""
    print(
        f"distinct pages: {rate:.0f} requests/s{before}; goal >= {GOAL}: "
        f"{'met' if rate >= GOAL and not failures else 'NOT met'}"
    )
    print(
        f"machine load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
        "(client and server share them)"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
