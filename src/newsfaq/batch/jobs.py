"""One partition's work, on a worker: read its items, run the job through the service core, and write the
shard and its failures atomically (a temporary file renamed into place), so a shard that exists is whole and a
task run twice (a worker lost mid-task) writes the same shard again, never a second copy."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from functools import cache
from typing import Literal

import fsspec

from newsfaq.archive import Archive
from newsfaq.archive.adding import AddReport, PreparedArticle, prepare
from newsfaq.batch.sources import Item, Partition
from newsfaq.check.pairs import BadLine, Pair, read_pairs, verdict_line
from newsfaq.errors import NewsfaqError
from newsfaq.ingest import iter_parsed
from newsfaq.model import Article
from newsfaq.nlp.pipeline import get_nlp
from newsfaq.service import Newsfaq
from newsfaq.settings import Settings


@dataclass(frozen=True)
class Job:
    """What a batch does to each item, with every option that changes its output (they are part of each
    partition's key, so a rerun with other options redoes the work)."""

    kind: Literal["faq", "check", "add"]
    date: str | None = None
    count: int = Settings.max_questions
    engine: str = "fast"
    judge: str = "off"

    def settings(self) -> Settings:
        return Settings(max_questions=self.count, faq_engine=self.engine, judge=self.judge)


@dataclass(frozen=True)
class Done:
    """What one partition gave: lines written to its shard and inputs recorded as failures."""

    key: str
    items: int
    written: int
    failed: int


def shard_name(key: str) -> str:
    """Where a partition's output lines go, under the run's output folder."""
    return f"shards/{key}.jsonl"


def failures_name(key: str) -> str:
    """Where a partition's failures go, one JSON line per input that failed, under the output folder."""
    return f"failures/{key}.jsonl"


def under(out: str, name: str) -> str:
    return f"{out.rstrip('/')}/{name}"


@cache
def _core(settings: Settings) -> Newsfaq:
    """One core per worker process and job: its models are loaded once, not per task."""
    return Newsfaq(settings=settings)


def run_partition(partition: Partition, job: Job, out: str) -> Done:
    """Do ``job`` on every item of ``partition`` and write its shard and failures under ``out``."""
    with get_nlp().memory_zone():  # the strings spaCy adds for this partition are freed after it
        written, failed = (_faqs if job.kind == "faq" else _verdicts)(partition.items, job)
    write_atomically(under(out, shard_name(partition.key)), written)
    write_atomically(under(out, failures_name(partition.key)), failed)
    return Done(partition.key, len(partition.items), len(written), len(failed))


def _failure(name: str, error: Exception) -> str:
    reason = str(error) if isinstance(error, NewsfaqError) else f"internal error ({type(error).__name__}: {error})"
    return failure_line(name, reason)


def failure_line(name: str, reason: str) -> str:
    """A failures file's line: the input (or article id) that failed, and why."""
    return json.dumps({"item": name, "error": reason}, ensure_ascii=False)


def not_stored(report: AddReport) -> list[str]:
    """A failure line for each article the archive could not take."""
    return [failure_line(article_id, reason) for article_id, reason in report.failed]


def _articles(items: tuple[Item, ...], job: Job) -> tuple[list[tuple[str, Article]], list[str]]:
    """The articles the items hold, by name, and a failure line for each input that is not one."""
    articles, failed = [], []
    for item in items:
        try:
            parsed = list(iter_parsed(item.read(), name=item.name, date=job.date))
        except NewsfaqError as error:
            parsed = [(item.name, error)]
        articles += [(name, article) for name, article in parsed if isinstance(article, Article)]
        failed += [_failure(name, error) for name, error in parsed if isinstance(error, NewsfaqError)]
    return articles, failed


def _faqs(items: tuple[Item, ...], job: Job) -> tuple[list[str], list[str]]:
    """Each article's ``newsfaq.faq/1`` document on one line; an article that fails is recorded, the rest go
    on (an unexpected error too: one bad article must not lose a partition)."""
    core = _core(job.settings())
    articles, failed = _articles(items, job)
    written = []
    for name, article in articles:
        try:
            written.append(json.dumps(core.faq(article).to_dict(), ensure_ascii=False))
        except Exception as error:  # noqa: BLE001 - recorded as this article's failure
            failed.append(_failure(name, error))
    return written, failed


@dataclass(frozen=True)
class Prepared:
    """A partition made ready to add: its articles prepared for the archive, and its failure lines."""

    key: str
    items: int
    articles: list[PreparedArticle]
    failed: list[str]


def prepare_partition(partition: Partition, job: Job) -> Prepared:
    """The partition's articles split, embedded and signed on the worker; the one process that writes the
    archive stores them (SQLite takes one writer)."""
    with get_nlp().memory_zone():
        articles, failed = _articles(partition.items, job)
        prepared = prepare([article for _, article in articles])
    return Prepared(partition.key, len(partition.items), prepared, failed)


@dataclass(frozen=True)
class Added:
    """What one partition's adding did on a worker: its ``AddReport``, and its failure lines."""

    key: str
    items: int
    report: AddReport
    failed: list[str]


@cache
def _archive(db: str) -> Archive:
    """One connection to a shared archive per worker process (its pool reconnects a connection lost between
    tasks)."""
    return Archive(db, create=True)


def add_partition(partition: Partition, job: Job, db: str) -> Added:
    """The partition's articles added to the server archive ``db`` by this worker, each in its own transaction
    (a PostgreSQL archive takes many writers; an article already stored, by anyone, is not stored again)."""
    with get_nlp().memory_zone():
        articles, failed = _articles(partition.items, job)
        report = _archive(db).add([article for _, article in articles])
    failed += not_stored(report)
    return Added(partition.key, len(partition.items), report, failed)


def _verdicts(items: tuple[Item, ...], job: Job) -> tuple[list[str], list[str]]:
    """Each ``--pairs`` line's verdict line, as ``newsfaq check --pairs`` writes it; a bad line is recorded."""
    pairs: list[Pair] = []
    failed = []
    for item in items:
        for read in read_pairs([item.read().decode("utf-8", errors="replace")], first=item.line or 1):
            if isinstance(read, BadLine):
                failed.append(_failure(item.name, NewsfaqError(read.message)))
            else:
                pairs.append(read)
    verdicts = _core(job.settings()).check_pairs([(pair.document, pair.claim) for pair in pairs])
    return [verdict_line(pair, verdict) for pair, verdict in zip(pairs, verdicts, strict=True)], failed


def write_atomically(path: str, lines: list[str]) -> None:
    """The lines as a file at ``path``, written under a temporary name and renamed into place."""
    fs, target = fsspec.core.url_to_fs(path)
    fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
    temporary = f"{target}.{uuid.uuid4().hex}.tmp"
    with fs.open(temporary, "w", encoding="utf-8") as handle:
        handle.write("".join(line + "\n" for line in lines))
    fs.mv(temporary, target)
