"""Load test of ``newsfaq serve`` on loopback, beside the same work done in-process.

    python bench/web_load.py [--requests 2000] [--concurrency 20]

The server is the real CLI (``python -m newsfaq serve --db ARCHIVE``) in its
own process, over an archive of the 499 check-dev articles. The client sends
a fixed list of requests, alternately ``POST /api/faq`` (a real article's
text) and ``POST /api/ask`` (a question from that article's FAQ, asked of the
archive), at a fixed concurrency, then stops. The floor is the same list run
through ``Core`` (the code behind each endpoint) in this process, one at a
time. The server runs with one worker (a thread), then with ``--workers 2``
(two forked processes, one per core here). Server memory is read before the
load, half-way and at the end.
"""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psutil
from articles import PLACEHOLDER_DATE, dev_articles
from common import FAST_FAQ, percentile, print_table

from newsfaq.archive import Archive
from newsfaq.faq.writer import make_faq
from newsfaq.web.core import Core
from newsfaq.web.requests import AskRequest, FaqRequest

PAYLOAD_ARTICLES = 60


def _option(name: str, default: int) -> int:
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def workload(count: int) -> list[tuple[str, dict]]:
    """(endpoint, JSON body) pairs: FAQ and ask requests in turn, cycling over real articles."""
    articles = [a for _, a in dev_articles()[:PAYLOAD_ARTICLES]]
    questions = [item.question for a in articles for item in make_faq(a, FAST_FAQ).items[:2]]
    work = []
    for n in range(count):
        if n % 2 == 0:
            body = articles[(n // 2) % len(articles)].body
            work.append(
                ("/api/faq", {"article": {"text": body, "date": PLACEHOLDER_DATE, "format": "text"}, "engine": "fast"})
            )
        else:
            work.append(("/api/ask", {"question": questions[(n // 2) % len(questions)]}))
    return work


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, workers: int) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    command = [sys.executable, "-m", "newsfaq", "serve", "--db", str(db), "--port", str(port)]
    command += ["--workers", str(workers)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.25)
    process.kill()
    sys.exit("newsfaq serve did not start within 120 s")


async def load(url: str, work: list[tuple[str, dict]], concurrency: int, on_half) -> tuple[dict, int, float]:
    """Send every request at ``concurrency``; latencies (s) per endpoint, error count, wall time."""
    latencies: dict[str, list[float]] = {}
    errors = 0
    queue = list(reversed(work))
    done = 0

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors, done
        while queue:
            path, body = queue.pop()
            start = time.perf_counter()
            try:
                response = await client.post(path, json=body)
                errors += response.status_code != 200
            except httpx.HTTPError:
                errors += 1
            latencies.setdefault(path, []).append(time.perf_counter() - start)
            done += 1
            if done == len(work) // 2:
                on_half()

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=600, limits=limits) as client:
        start = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        return latencies, errors, time.perf_counter() - start


def in_process(db: Path, work: list[tuple[str, dict]]) -> tuple[dict, float]:
    """The floor: the same requests through ``Core``, one after another, in this process, no HTTP."""
    core = Core(db)
    calls = {"/api/faq": (FaqRequest, "faq"), "/api/ask": (AskRequest, "ask")}
    latencies: dict[str, list[float]] = {}
    start = time.perf_counter()
    for path, body in work:
        model, method = calls[path]
        request = model.model_validate(body)
        began = time.perf_counter()
        getattr(core, method)(request)
        latencies.setdefault(path, []).append(time.perf_counter() - began)
    wall = time.perf_counter() - start
    core.close()
    return latencies, wall


def _rss_mb(server: psutil.Process) -> float:
    """The server's memory, its worker processes included, as PSS: pages the forked workers
    share with the server are split between them, not counted once per process as RSS would."""
    processes = [server, *server.children(recursive=True)]
    return sum(p.memory_full_info().pss for p in processes) / (1024 * 1024)


def _settled_memory(server: psutil.Process) -> float:
    """Memory once every worker has loaded its models (two readings 2 s apart within 2 MB)."""
    before = _rss_mb(server)
    while True:
        time.sleep(2)
        now = _rss_mb(server)
        if abs(now - before) < 2:
            return now
        before = now


def served(db: Path, work: list[tuple[str, dict]], concurrency: int, workers: int) -> dict:
    server, url = start_server(db, workers)
    try:
        memory = psutil.Process(server.pid)
        rss = [_settled_memory(memory)]
        latencies, errors, wall = asyncio.run(load(url, work, concurrency, lambda: rss.append(_rss_mb(memory))))
        rss.append(_rss_mb(memory))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"latencies": latencies, "errors": errors, "wall": wall, "rss": rss}


def main() -> None:
    count, concurrency = _option("--requests", 2000), _option("--concurrency", 20)
    work = workload(count)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "archive.db"
        with Archive(db, create=True) as archive:
            archive.add(a for _, a in dev_articles())
        floor, floor_wall = in_process(db, work)
        runs = {workers: served(db, work, concurrency, workers) for workers in (1, 2)}
    rows = []
    for path in ("/api/faq", "/api/ask"):
        rows.append([f"{path}, in-process (floor)", len(floor[path]), 1000 * statistics.median(floor[path]),
                     1000 * percentile(floor[path], 0.95), "", "", ""])  # fmt: skip
        for workers, run in runs.items():
            times = run["latencies"][path]
            rows.append([f"{path}, HTTP, {workers} worker(s)", len(times), 1000 * statistics.median(times),
                         1000 * percentile(times, 0.95), "", "", ""])  # fmt: skip
    rows.append(["all, in-process (floor)", len(work), "", "", len(work) / floor_wall, 0, 1.0])
    for workers, run in runs.items():
        label, ratio = f"all, HTTP, {workers} worker(s)", floor_wall / run["wall"]
        rows.append([label, len(work), "", "", len(work) / run["wall"], run["errors"], ratio])
    print_table(
        f"Load test: {len(work)} requests (half /api/faq, half /api/ask) at concurrency {concurrency} on loopback, "
        f"{os.cpu_count()} CPU cores",
        ["requests", "count", "latency p50 (ms)", "latency p95 (ms)", "throughput (req/s)", "errors",
         "throughput ratio to floor"],
        rows,
    )  # fmt: skip
    print_table(
        "Server memory (PSS in MB, server and worker processes together)",
        ["workers", "before the load", "after half", "after all", "growth in the second half"],
        [[w, r["rss"][0], r["rss"][1], r["rss"][2], r["rss"][2] - r["rss"][1]] for w, r in runs.items()],
    )


if __name__ == "__main__":
    main()
