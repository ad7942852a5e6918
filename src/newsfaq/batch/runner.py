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
from dataclasses import asdict, dataclass, field
from pathlib import Path

import dask
import fsspec
from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from newsfaq.archive import AddReport, Archive
from newsfaq.ask.reader import get_reader
from newsfaq.batch.jobs import (
    Added,
    Done,
    Job,
    Prepared,
    add_partition,
    failures_name,
    not_stored,
    prepare_partition,
    run_partition,
    shard_name,
    under,
    write_atomically,
)
from newsfaq.batch.sources import Partition, find_files, partitions
from newsfaq.check.scorer import get_model
from newsfaq.errors import InputError
from newsfaq.nlp.embeddings import get_embedder
from newsfaq.nlp.pipeline import get_nlp
from newsfaq.store.opening import is_postgres_url

MANIFEST_SCHEMA = "newsfaq.batch/1"
MODELS = {
    "faq": (get_nlp, get_model, get_reader, get_embedder),
    "check": (get_nlp, get_model),
    "add": (get_nlp, get_embedder),
}
"""What each job's tasks use, loaded when a worker starts."""
MALLOC_TRIM_THRESHOLD = 16 * 2**20
"""Bytes glibc keeps before it hands freed memory back. Dask's default for the worker processes it starts,
64 KiB, made a warm partition of 150 articles 13-20% slower than in one process (malloc giving memory back and
taking it again); at 16 MiB it is as fast, and the worker's RSS stays below that of a process with glibc's own
default (bench/batch_scale.py)."""


@dataclass
class Summary:
    """What a run did: partitions run now and skipped as done, items, lines written (articles stored, for
    ``add``), failures, and for ``add`` the archive's counts."""

    partitions: int = 0
    skipped: int = 0
    items: int = 0
    written: int = 0
    failed: int = 0
    seconds: float = 0.0
    dashboard: str | None = None
    added: AddReport = field(default_factory=AddReport)


class LoadModels(WorkerPlugin):
    """Loads the job's models when a worker starts, so no task pays for them (and each worker loads them once:
    the caches live as long as the worker process)."""

    def __init__(self, job: Job) -> None:
        self.job = job

    def setup(self, worker) -> None:
        for load in MODELS[self.job.kind]:
            load()


@contextmanager
def _client(workers: int, scheduler: str | None):
    """A client of the scheduler given, or of a local cluster of ``workers`` single-threaded processes."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": MALLOC_TRIM_THRESHOLD}),
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
    """Run ``job`` (faq or check) over ``inputs`` into ``out``; ``progress`` is told the summary so far and the
    number of items to do, ``started`` the dashboard's address once the cluster is up."""
    fs, root = fsspec.core.url_to_fs(out)
    fs.makedirs(root, exist_ok=True)
    planned = _plan(job, inputs, partition_size)
    todo = _distinct([p for p in planned if not _done(fs, out, p.key)])
    summary = Summary(skipped=len(planned) - len(todo))
    clock = time.perf_counter()
    if todo:
        total = sum(len(p.items) for p in todo)
        with _client(workers, scheduler) as client:
            for future in as_completed(_submit(client, run_partition, todo, job, summary, started, out=out)):
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


def run_add(
    job: Job,
    inputs: list[str],
    db: str | Path,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    partition_size: int = 500,
    progress: Callable[[Summary, int], None] | None = None,
    started: Callable[[str | None], None] | None = None,
    failed: Callable[[str], None] | None = None,
) -> Summary:
    """Add the articles of ``inputs`` to the archive ``db``, each stored once and whole; ``failed`` is told each
    failure line. A PostgreSQL archive takes many writers, so the workers write it (``_add_from_workers``); a
    SQLite file takes one, so this process does (``_add_here``)."""
    planned = _plan(job, inputs, partition_size)
    add = _add_from_workers if is_postgres_url(str(db)) else _add_here
    return add(job, planned, db, workers, scheduler, progress, started, failed or (lambda line: None))


def _add_from_workers(job, planned, db, workers, scheduler, progress, started, failed) -> Summary:
    """Each worker reads, embeds and stores its partitions in the shared archive. A rerun reads everything
    again and stores only what is missing (the archive knows what it holds); a task run twice, its worker lost,
    finds the articles it stored the first time already there."""
    Archive(db, create=True).close()  # the schema made once, and an unreachable server named, before any task
    todo = _distinct(planned)
    summary, total = Summary(), sum(len(p.items) for p in todo)
    clock = time.perf_counter()
    with _client(workers, scheduler) as client:
        for future in as_completed(_submit(client, add_partition, todo, job, summary, started, db=str(db))):
            added: Added = future.result()
            for line in added.failed:
                failed(line)
            _count(summary, added.items, added.report, added.failed)
            if progress:
                progress(summary, total)
    summary.seconds = time.perf_counter() - clock
    return summary


def _add_here(job, planned, db, workers, scheduler, progress, started, failed) -> Summary:
    """Workers read, split and embed; this process is the SQLite archive's one writer, storing each article in
    its own transaction and the partitions in input order, so story groups come out as a plain ``add`` would
    make them. A partition stored is noted in ``DB.batch-done`` and skipped by a rerun; one stored but not yet
    noted is stored again as duplicates, never twice."""
    noted = Path(f"{db}.batch-done")
    done = set(noted.read_text().split()) if noted.exists() else set()
    todo = _distinct([p for p in planned if p.key not in done])
    summary = Summary(skipped=len(planned) - len(todo))
    clock = time.perf_counter()
    with Archive(db, create=True) as archive:
        writer = archive.writer()
        if todo:
            total = sum(len(p.items) for p in todo)
            with _client(workers, scheduler) as client, noted.open("a", encoding="utf-8") as log:
                futures = _submit(client, prepare_partition, todo, job, summary, started)
                order = {future.key: n for n, future in enumerate(futures)}
                ready: dict[int, Prepared] = {}
                for future in as_completed(futures):
                    ready[order[future.key]] = future.result()
                    while summary.partitions in ready:  # store in input order
                        prepared = ready.pop(summary.partitions)
                        report = AddReport()
                        writer.add(prepared.articles, report)
                        log.write(prepared.key + "\n")
                        log.flush()
                        lines = prepared.failed + not_stored(report)
                        for line in lines:
                            failed(line)
                        _count(summary, prepared.items, report, lines)
                        if progress:
                            progress(summary, total)
    summary.seconds = time.perf_counter() - clock
    return summary


def _count(summary: Summary, items: int, report: AddReport, failed: list[str]) -> None:
    """Add one partition's figures to the run's."""
    summary.partitions += 1
    summary.items += items
    summary.failed += len(failed)
    summary.added.added += report.added
    summary.added.duplicates += report.duplicates
    summary.added.grouped += report.grouped
    summary.written = summary.added.added


def _distinct(todo: list[Partition]) -> list[Partition]:
    """One task per key: partitions of the same content under the same job give the same output once."""
    return list({p.key: p for p in todo}.values())


def _plan(job: Job, inputs: list[str], partition_size: int) -> list[Partition]:
    urls = find_files(inputs)
    if not urls:
        raise InputError(f"no article files under {', '.join(inputs)}")
    return list(partitions(urls, partition_size, repr(job)))


def _submit(client: Client, work: Callable, todo: list[Partition], job: Job, summary: Summary, started, **more):
    """One task per partition, named by its key, on workers that load the job's models when they start."""
    served = client.scheduler_info().get("services", {})  # no dashboard without bokeh installed
    summary.dashboard = client.dashboard_link if "dashboard" in served else None
    if started:
        started(summary.dashboard)
    client.register_plugin(LoadModels(job))
    keys = [f"newsfaq-{job.kind}-{p.key}" for p in todo]
    return client.map(work, todo, job=job, key=keys, pure=False, **more)


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
