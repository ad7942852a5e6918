"""The archive on SQLite and on PostgreSQL, side by side in one run: ingest, size, ``search`` and ``ask`` latency.

    python bench/archive_backends.py [--articles 100000] [--postgres URL]

The 499 check-dev articles are replicated to the requested count, each copy edited (a dated copy line at its
end, and its own date) so that every copy is its own article; wire copies of one story look like this too.
Without ``--postgres``, a throwaway server is started (tests/postgres_server.py) with fsync on and 1 GB of
shared buffers, on the same disk as the SQLite file.

Ingest runs in chunks of 1,000 articles. Each chunk is prepared once (sentences, embeddings of the sentences
neither archive holds, MinHash) and written to both archives: what differs between backends is the archive's
own work, its look-ups before adding (is the article stored? which embeddings does it hold?) and its writes
(``store.add``), timed per backend. Grouping copies of a story (in memory, against every stored signature) is
timed apart: it is the same work on both. The full ``add`` rate of each is all of it plus the shared
preparation. PostgreSQL is then ANALYZEd, as autovacuum would do on a live server.

Latency: the questions of the fast FAQ of 30 articles, through ``Archive.search`` and ``Archive.ask`` on each
backend, interleaved so both see the same machine. The last table says how often both backends give the same
answer from the same sentence: their keyword rankings differ (BM25 against ts_rank_cd), the re-ranking after
them does not.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

import psycopg
from articles import dev_articles
from common import FAST_FAQ, percentile, print_table

from newsfaq.archive import AddReport, Archive
from newsfaq.archive.adding import prepare
from newsfaq.faq.writer import make_faq
from newsfaq.model import Article

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from postgres_server import throwaway_server  # noqa: E402

CHUNK = 1000
QUESTION_ARTICLES = 30


def corpus(size: int) -> list[Article]:
    """``size`` articles: the real ones in turn, each copy with its own closing line and date."""
    base = [a for _, a in dev_articles()]
    articles = []
    for n in range(size):
        copy = n // len(base)
        date = f"{2000 + copy % 25}-{1 + copy % 12:02d}-{1 + n % 28:02d}"
        body = base[n % len(base)].body.rstrip() + f"\n\nThis copy, number {copy + 1}, was filed on {date}."
        articles.append(Article(id=f"{n:06d}", body=body, date=date))
    return articles


class Timed:
    """An archive with the seconds its own work took: look-ups before adding, and the store's writes (timed
    around ``store.add``); ``grouping`` is the rest of the writer's time, grouping copies of a story in memory,
    the same work on either backend."""

    def __init__(self, name: str, archive: Archive) -> None:
        self.name, self.archive = name, archive
        self.lookups = self.writes = self.grouping = 0.0
        self.writer = archive.writer()
        self.report = AddReport()
        store_add = archive.store.add

        def timed_add(*args):
            clock = time.perf_counter()
            try:
                return store_add(*args)
            finally:
                self.writes += time.perf_counter() - clock

        archive.store.add = timed_add

    @property
    def own(self) -> float:
        """The backend's own seconds: look-ups and writes."""
        return self.lookups + self.writes

    def missing(self, articles: list[Article]) -> list[Article]:
        clock = time.perf_counter()
        missing = [a for a in articles if self.archive.store.get(a.id) is None]
        self.lookups += time.perf_counter() - clock
        return missing

    def vectors(self, texts: list[str]):
        clock = time.perf_counter()
        found = self.archive.store.vectors(texts)
        self.lookups += time.perf_counter() - clock
        return found

    def write(self, prepared) -> None:
        clock, writes = time.perf_counter(), self.writes
        self.writer.add(prepared, self.report)
        self.grouping += time.perf_counter() - clock - (self.writes - writes)


def ingest(articles: list[Article], backends: list[Timed]) -> float:
    """Add every article to every backend; the seconds of the shared preparation (the backends' look-ups
    during it are theirs)."""
    shared = 0.0
    for start in range(0, len(articles), CHUNK):
        chunk = articles[start : start + CHUNK]
        missing = [backend.missing(chunk) for backend in backends][0]

        def stored_vectors(texts: list[str]):
            return [backend.vectors(texts) for backend in backends][0]

        clock, theirs = time.perf_counter(), sum(b.lookups for b in backends)
        prepared = prepare(missing, stored_vectors)
        shared += time.perf_counter() - clock - (sum(b.lookups for b in backends) - theirs)
        for backend in backends:
            backend.write(prepared)
        spent = ", ".join(f"{b.name} {b.own:.0f} s (+ grouping {b.grouping:.0f} s)" for b in backends)
        print(f"{start + len(chunk)} articles: preparing {shared:.0f} s, {spent}", file=sys.stderr, flush=True)
    return shared


def sizes(sqlite: Archive, url: str) -> list[float]:
    """MiB on disk: the SQLite file after a checkpoint, the PostgreSQL database (tables, indexes, TOAST)."""
    sqlite.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with psycopg.connect(url) as connection:
        database = connection.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    return [Path(sqlite.store.path).stat().st_size / 2**20, database / 2**20]


def latency(questions: list[str], backends: list[Timed]) -> tuple[dict, dict, float]:
    """Milliseconds of ``search`` and ``ask`` per backend, and the share of questions both answer alike (or
    both decline)."""
    search = {b.name: [] for b in backends}
    ask = {b.name: [] for b in backends}
    same = 0
    for question in questions:
        answers = []
        for backend in backends:
            clock = time.perf_counter()
            backend.archive.search(question, 10)
            search[backend.name].append(1000 * (time.perf_counter() - clock))
            clock = time.perf_counter()
            answer = backend.archive.ask(question)
            ask[backend.name].append(1000 * (time.perf_counter() - clock))
            cited = answer.evidence[0].citation.text if answer.answer and answer.evidence else None
            answers.append((answer.answer, cited))  # the text, not the copy: copies of a story tie
        same += answers[0] == answers[1]
    return search, ask, same / len(questions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--postgres", help="an empty database's URL; default: a throwaway server")
    args = parser.parse_args()
    articles = corpus(args.articles)
    questions = [item.question for a in articles[:QUESTION_ARTICLES] for item in make_faq(a, FAST_FAQ).items]
    server = nullcontext(None) if args.postgres else throwaway_server(durable=True)
    with server as running, tempfile.TemporaryDirectory() as folder:
        url = args.postgres or running.url()
        backends = [
            Timed("SQLite (FTS5)", Archive(Path(folder) / "bench.db", create=True)),
            Timed("PostgreSQL (tsvector, GIN)", Archive(url, create=True)),
        ]
        shared = ingest(articles, backends)
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("ANALYZE")
        megabytes = sizes(backends[0].archive, url)
        search, ask, agreement = latency(questions, backends)
        for backend in backends:
            backend.archive.close()
    print_table(
        f"Ingest of {len(articles)} articles (prepared once for both: {shared:.0f} s; grouped as copies: "
        f"{backends[0].report.grouped} on SQLite, {backends[1].report.grouped} on PostgreSQL)",
        ["backend", "look-ups s", "writes s", "own articles/s", "grouping s", "add articles/s (all)", "size MiB",
         "KB per article"],
        [[b.name, b.lookups, b.writes, len(articles) / b.own, b.grouping,
          len(articles) / (b.own + b.grouping + shared), size, 1024 * size / len(articles)]
         for b, size in zip(backends, megabytes, strict=True)],
    )  # fmt: skip
    rows = []
    for name, times in (("search", search), ("ask", ask)):
        for backend in backends:
            values = times[backend.name]
            rows.append([name, backend.name, statistics.median(values), percentile(values, 0.95)])
    print_table(f"Latency over {len(questions)} FAQ questions (ms)", ["command", "backend", "p50", "p95"], rows)
    print(
        f"\nquestions both backends answer alike (same answer from the same sentence, or both decline): {agreement:.1%}"
    )


if __name__ == "__main__":
    main()
