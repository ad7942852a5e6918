"""``newsfaq batch faq`` on Dask against one ``newsfaq faq`` process, over the same articles, in one run.

    python bench/batch_scale.py [--articles 20000] [--partition-size 500]

The articles are the real ones of ../shared/data/check-dev, replicated with a small edit each (a copy number
in the last sentence) so that every copy is its own article, written as JSONL feeds of 1,000. Three timings
on the same feeds, one after the other, each from a cold start (models loaded, cluster started):
- the baseline: ``newsfaq faq FEEDS -o DIR -f json --engine fast`` in one process;
- ``batch faq`` on a LocalCluster of 1 worker, then of 2.
Parallel efficiency is the 2-worker rate over twice the 1-worker rate; the engine's overhead is the 1-worker
rate against the baseline's (whose busy cores are printed: a worker has one thread). The peak RSS of the
largest worker is sampled when 10% of the articles are done and at the end: flat means no memory grows with
the run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from articles import PLACEHOLDER_DATE, dev_articles
from common import print_table

from newsfaq.batch.jobs import Job
from newsfaq.batch.runner import Summary, run

FEED_SIZE = 1000


def write_feeds(folder: Path, count: int) -> None:
    """``count`` articles as JSONL feeds: the real ones in turn, each copy edited so its hash differs."""
    bodies = [article.body for _, article in dev_articles()]
    folder.mkdir()
    for start in range(0, count, FEED_SIZE):
        lines = []
        for n in range(start, min(count, start + FEED_SIZE)):
            body = bodies[n % len(bodies)].rstrip() + f" (Copy {n // len(bodies) + 1}.)"
            lines.append(json.dumps({"id": str(n), "date": PLACEHOLDER_DATE, "body": body}))
        (folder / f"feed-{start // FEED_SIZE:04d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def largest_worker_rss() -> float:
    """MiB of the largest process under this one (the workers; the nannies and the scheduler are smaller)."""
    sizes = []
    for child in psutil.Process().children(recursive=True):
        try:
            sizes.append(child.memory_info().rss)
        except psutil.NoSuchProcess:
            continue
    return max(sizes, default=0) / 2**20


def timed_batch(feeds: Path, out: Path, workers: int, partition_size: int) -> tuple[Summary, float, float, float]:
    """The run's summary, its wall time from planning to manifest, and the largest worker's RSS when 10% of the
    articles are done and when the last partition is (the workers are gone once ``run`` returns)."""
    samples: dict[str, float] = {}

    def progress(summary: Summary, total: int) -> None:
        if "tenth" not in samples and summary.items >= total / 10:
            samples["tenth"] = largest_worker_rss()
        if summary.items >= total:
            samples["end"] = largest_worker_rss()

    clock = time.perf_counter()
    summary = run(Job("faq"), [str(feeds)], str(out), workers=workers, partition_size=partition_size,
                  progress=progress)  # fmt: skip
    return summary, time.perf_counter() - clock, samples.get("tenth", 0.0), samples.get("end", 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--partition-size", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        feeds = Path(folder, "feeds")
        write_feeds(feeds, args.articles)
        started, cpu_before = time.perf_counter(), _children_cpu()
        command = [sys.executable, "-m", "newsfaq", "faq", str(feeds), "-o", str(Path(folder, "single")), "-f", "json",
                   "--engine", "fast"]  # fmt: skip
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, "NEWSFAQ_JUDGE": "off"})
        baseline_seconds = time.perf_counter() - started
        baseline, baseline_cores = args.articles / baseline_seconds, (_children_cpu() - cpu_before) / baseline_seconds
        rows, rates = [["newsfaq faq, one process", "", f"{baseline:.2f}", "", "", ""]], {}
        for workers in (1, 2):
            summary, seconds, tenth, end = timed_batch(feeds, Path(folder, f"batch{workers}"), workers,
                                                       args.partition_size)  # fmt: skip
            rates[workers] = summary.written / seconds
            rows.append([f"batch faq, {workers} worker(s)", summary.written, f"{rates[workers]:.2f}",
                         f"{rates[workers] / baseline:.2f}", f"{tenth:.0f}", f"{end:.0f}"])  # fmt: skip
    print_table(
        f"batch faq over {args.articles} articles (fast engine, partitions of {args.partition_size}, 2 cores)",
        ["run", "articles written", "articles / s", "vs one process", "worker RSS MiB at 10%", "at the end"],
        rows,
    )
    print(f"\nparallel efficiency (2-worker rate / 2 x 1-worker rate): {rates[2] / (2 * rates[1]):.2f}")
    print(f"engine overhead (1-worker rate / one process): {rates[1] / baseline:.2f}")
    print(f"cores the one process kept busy (CPU seconds / wall seconds): {baseline_cores:.2f}")


def _children_cpu() -> float:
    """CPU seconds (user and system) of the finished child processes of this one."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
