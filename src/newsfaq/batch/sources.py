"""What a batch reads: its inputs found (files, directories, glob patterns, fsspec URLs), each cut into items
(an article file, or one line of a JSONL feed), and the items grouped into partitions named by the hash of
their content, so that a rerun knows what it has done already, whatever the files are called."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

import fsspec

from newsfaq.errors import InputError
from newsfaq.ingest import ARTICLE_SUFFIXES

LINE_SUFFIXES = {".jsonl", ".ndjson"}
"""Files whose every line is one item: a feed of articles, or ``--pairs`` of claims."""
_GLOB = set("*?[")


@dataclass(frozen=True)
class Item:
    """One unit of input: a whole file, or one line of a line-per-record file (``line``, counted from 1)."""

    url: str
    start: int
    end: int
    line: int | None = None

    @property
    def name(self) -> str:
        """How errors and outputs name it: the file, with ':N' for a line."""
        return self.url if self.line is None else f"{self.url}:{self.line}"

    def read(self) -> bytes:
        with fsspec.open(self.url, "rb") as stream:
            stream.seek(self.start)
            return stream.read(self.end - self.start)


@dataclass(frozen=True)
class Partition:
    """Items processed together as one task, written as one shard named by ``key``."""

    key: str
    items: tuple[Item, ...]


def find_files(inputs: list[str]) -> list[str]:
    """Every article file the inputs name: files as given, directories walked for article suffixes, glob
    patterns expanded (any fsspec URL: s3://, gcs://, file paths), each list sorted for a stable order."""
    found: list[str] = []
    for given in inputs:
        fs, path = fsspec.core.url_to_fs(given)
        if _GLOB & set(path):
            matches = sorted(fs.glob(path))
        elif fs.isdir(path):
            matches = sorted(p for p in fs.find(path) if PurePosixPath(p).suffix.lower() in ARTICLE_SUFFIXES)
        elif fs.isfile(path):
            matches = [path]
        else:
            raise InputError(f"{given}: no such file, directory or pattern; check the path")
        found += [fs.unstrip_protocol(p) if "://" in given else p for p in matches if not fs.isdir(p)]
    return found


def items_of(url: str) -> Iterator[Item]:
    """The file as one item, or, for a line-per-record file, each non-blank line as one."""
    with fsspec.open(url, "rb") as stream:
        if PurePosixPath(url).suffix.lower() not in LINE_SUFFIXES:
            yield Item(url, 0, stream.seek(0, 2))
            return
        offset = 0
        for number, line in enumerate(stream, start=1):
            if line.strip():
                yield Item(url, offset, offset + len(line), number)
            offset += len(line)


def partitions(urls: list[str], size: int, job: str) -> Iterator[Partition]:
    """The items of ``urls`` in order, ``size`` at a time. A partition's key hashes ``job`` (the work and its
    options) and its items' bytes, not their names: the same content under the same job is the same partition,
    however often the batch is run and wherever the files have moved."""
    batch: list[Item] = []
    for url in urls:
        for item in items_of(url):
            batch.append(item)
            if len(batch) == size:
                yield _partition(batch, job)
                batch = []
    if batch:
        yield _partition(batch, job)


def _partition(items: list[Item], job: str) -> Partition:
    digest = hashlib.sha1(job.encode())
    for item in items:
        data = item.read()
        digest.update(len(data).to_bytes(8, "big") + data)
    return Partition(digest.hexdigest()[:24], tuple(items))
