"""A batch run on Dask: plan the partitions, skip those whose shard exists, run the rest on a cluster (a
``LocalCluster`` started and stopped here, or the scheduler given), and write the manifest.

The same command runs on a laptop and on a cluster: without a scheduler address, ``workers`` processes are
started on this machine; with one, its workers do the work, and ``out`` must be storage they can all reach (a
shared file system, or an object store through an fsspec URL)."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import asdict, dataclass

import fsspec
from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from newsfaq.batch.jobs import Done, Job, failures_name, run_partition, shard_name, under, write_atomically
from newsfaq.batch.sources import Partition, find_files, partitions
from newsfaq.errors import InputError

MANIFEST_SCHEMA = "newsfaq.batch/1"


@dataclass
class Summary:
    """What a run did: partitions run now and skipped as done, items, lines written, failures."""

    partitions: int = 0
    skipped: int = 0
    items: int = 0
    written: int = 0
    failed: int = 0
    seconds: float = 0.0
    dashboard: str | None = None


class LoadModels(WorkerPlugin):
    """Loads the job's models when a worker starts, so no task pays for them (and each worker loads them once:
    the caches live as long as the worker process)."""

    def __init__(self, job: Job) -> None:
        self.job = job

    def setup(self, worker) -> None:
        from newsfaq.check.scorer import get_model
        from newsfaq.nlp.pipeline import get_nlp

        get_nlp(), get_model()
        if self.job.kind == "faq":
            from newsfaq.ask.reader import get_reader
            from newsfaq.nlp.embeddings import get_embedder

            get_reader(), get_embedder()


@contextmanager
def _client(workers: int, scheduler: str | None):
    """A client of the scheduler given, or of a local cluster of ``workers`` single-threaded processes."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def run(
    job: Job,
    inputs: list[str],
    out: str,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    partition_size: int = 500,
    progress: Callable[[Summary, int], None] | None = None,
    started: Callable[[str | None], None] | None = None,
) -> Summary:
    """Run ``job`` over ``inputs`` into ``out``; ``progress`` is told the summary so far and the number of items
    to do, ``started`` the dashboard's address once the cluster is up."""
    urls = find_files(inputs)
    if not urls:
        raise InputError(f"no article files under {', '.join(inputs)}")
    fs, root = fsspec.core.url_to_fs(out)
    fs.makedirs(root, exist_ok=True)
    planned = list(partitions(urls, partition_size, repr(job)))
    todo = [p for p in planned if not _done(fs, out, p.key)]
    summary = Summary(skipped=len(planned) - len(todo))
    clock = time.perf_counter()
    if todo:
        total = sum(len(p.items) for p in todo)
        with _client(workers, scheduler) as client:
            served = client.scheduler_info().get("services", {})  # no dashboard without bokeh installed
            summary.dashboard = client.dashboard_link if "dashboard" in served else None
            if started:
                started(summary.dashboard)
            client.register_plugin(LoadModels(job))
            keys = [f"newsfaq-{job.kind}-{p.key}" for p in todo]
            futures = client.map(run_partition, todo, job=job, out=out, key=keys, pure=False)
            for future in as_completed(futures):
                done: Done = future.result()
                summary.partitions += 1
                summary.items += done.items
                summary.written += done.written
                summary.failed += done.failed
                if progress:
                    progress(summary, total)
    summary.seconds = time.perf_counter() - clock
    _write_manifest(fs, out, job, planned)
    return summary


def _done(fs, out: str, key: str) -> bool:
    """A partition is done when its shard and failures files both exist: each is renamed into place whole."""
    return all(fs.exists(_path(out, name)) for name in (shard_name(key), failures_name(key)))


def _write_manifest(fs, out: str, job: Job, planned: list[Partition]) -> None:
    """``manifest.json``: the job, and every partition in input order with its items, shard and failures
    (concatenating the shards in this order gives the outputs in input order)."""
    entries = [
        {
            "key": partition.key,
            "items": [item.name for item in partition.items],
            "shard": shard_name(partition.key),
            "failures": failures_name(partition.key),
            "written": _lines(fs, _path(out, shard_name(partition.key))),
            "failed": _lines(fs, _path(out, failures_name(partition.key))),
        }
        for partition in planned
    ]
    manifest = {"schema": MANIFEST_SCHEMA, "job": asdict(job), "partitions": entries}
    write_atomically(under(out, "manifest.json"), [json.dumps(manifest, ensure_ascii=False, indent=2)])


def _path(out: str, name: str) -> str:
    """A file under ``out`` as its file system names it (the URL without its protocol)."""
    return fsspec.core.url_to_fs(under(out, name))[1]


def _lines(fs, path: str) -> int:
    with fs.open(path, "rb") as handle:
        return sum(1 for _ in handle)
