"""Archive at scale: ingest speed, size on disk and ask latency, beside the floors.

    python bench/archive_scale.py [--articles 10000] [--no-floors]

The 499 check-dev articles are replicated with varied numbers and dates up
to the requested count (each copy a distinct article; some become near
duplicates, which is realistic for wire copy). Floors in the same run: the
sentence-splitting pass alone and the embedding of every distinct sentence
alone (ingest: the archive embeds each distinct sentence once), and the raw
FTS5 query that ``ask`` starts with (latency). ``--no-floors`` skips the ingest floors (re-embedding every
sentence takes as long as the ingest itself) when only the latency is wanted.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from articles import dev_articles
from common import FAST_FAQ, percentile, print_table

from newsfaq.archive import Archive
from newsfaq.ask.question_analysis import analyse_question
from newsfaq.faq.writer import make_faq
from newsfaq.model import Article
from newsfaq.nlp.embeddings import get_embedder
from newsfaq.nlp.sentences import split_sentences

QUESTION_ARTICLES = 30


def _variant(article: Article, copy: int) -> Article:
    body = re.sub(r"\b\d+\b", lambda m: str(int(m.group()) + copy), article.body) if copy else article.body
    year = 2000 + (copy % 25)
    return Article(id=f"{article.id}-{copy}", body=body, date=f"{year}-{1 + copy % 12:02d}-{1 + copy % 28:02d}")


def corpus(size: int) -> list[Article]:
    base = [a for _, a in dev_articles()]
    return [_variant(base[n % len(base)], n // len(base)) for n in range(size)]


def ingest_floors(articles: list[Article]) -> tuple[float, float, int]:
    """Seconds to split every article alone and to embed every distinct sentence alone, and how many."""
    start = time.perf_counter()
    distinct: dict[str, None] = {}
    for n in range(0, len(articles), 64):
        for sentences in split_sentences([a.body for a in articles[n : n + 64]]):
            distinct.update(dict.fromkeys(s.text for s in sentences))
    floor = time.perf_counter() - start
    start = time.perf_counter()
    get_embedder().embed(list(distinct))
    return floor, time.perf_counter() - start, len(distinct)


def main() -> None:
    size = int(sys.argv[sys.argv.index("--articles") + 1]) if "--articles" in sys.argv else 10_000
    articles = corpus(size)
    questions = [item.question for a in articles[:QUESTION_ARTICLES] for item in make_faq(a, FAST_FAQ).items]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scale.db"
        archive = Archive(path, create=True)
        start = time.perf_counter()
        report = archive.add(articles)
        ingest = time.perf_counter() - start
        if "--no-floors" not in sys.argv:
            floors = ingest_floors(articles)
        archive.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size_kb = path.stat().st_size / 1024
        raw, full = [], []
        for question in questions:
            terms = " ".join(w.text for w in analyse_question(question).words if w.content)
            start = time.perf_counter()
            archive.store.search(terms, archive.reading.retrieve)
            raw.append(1000 * (time.perf_counter() - start))
            start = time.perf_counter()
            archive.ask(question)
            full.append(1000 * (time.perf_counter() - start))
        archive.close()
    rows = [["newsfaq add (split + embed + MinHash + SQLite/FTS5)", len(articles) / ingest, ingest, 1.0]]
    if "--no-floors" not in sys.argv:
        floor, embedding, distinct = floors
        rows = [["sentence splitting alone (floor)", len(articles) / floor, floor, floor / ingest],
                [f"embedding the {distinct} distinct sentences alone", len(articles) / embedding, embedding,
                 embedding / ingest], *rows]  # fmt: skip
    print_table(
        f"Archive ingest ({len(articles)} articles, {report.added} stored, {report.grouped} grouped as copies)",
        ["pass", "articles/s", "seconds", "share of ingest time"],
        rows,
    )
    print_table("Size on disk", ["measure", "value"], [["KB per article", size_kb / len(articles)]])
    print_table(
        f"Ask latency over {len(questions)} FAQ questions (ms)",
        ["pass", "p50", "p95", "ratio p50 to raw FTS5"],
        [["raw FTS5 BM25 query, question's content words (floor)", statistics.median(raw), percentile(raw, 0.95), 1.0],
         ["archive.ask (retrieve, re-rank, parse, align, read)", statistics.median(full), percentile(full, 0.95),
          statistics.median(full) / statistics.median(raw)]],
    )  # fmt: skip


if __name__ == "__main__":
    main()
