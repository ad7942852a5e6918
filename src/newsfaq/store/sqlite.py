"""The embedded archive: one SQLite file with an FTS5 index over sentences
and their embeddings beside it.

Each article is written in one transaction (article row, its sentences, the
full-text rows, their embeddings and its MinHash signature), so a crash
mid-``add`` leaves the archive as it was before that article. Embeddings are
stored once per distinct sentence text (wire copies repeat most sentences),
as int8, with a count of the sentences using them so ``delete`` can drop
those no longer used.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import numpy as np

from newsfaq.errors import NewsfaqError
from newsfaq.model import Article, ArticleRef, Citation, Sentence
from newsfaq.store.base import Hit, StoredArticle
from newsfaq.store.minhash import PERMUTATIONS

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT, date TEXT, url TEXT, source TEXT, body TEXT NOT NULL,
    grp TEXT NOT NULL, signature BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences (
    rowid INTEGER PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sentences_article ON sentences(article_id);
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
    text, content='sentences', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL, uses INTEGER NOT NULL) WITHOUT ROWID;
"""
QUANTUM = 127.0
"""Unit vectors are stored as int8 (value * 127): a quarter of float32's size, cosines within about 0.01."""
FORMAT = "newsfaq-archive/1"


class ArchiveError(NewsfaqError):
    """The archive file is missing, locked or damaged."""


def _vector_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=12).digest()


def _fts_terms(query: str) -> str:
    """Any of the query's words, quoted so FTS5 syntax in user text is inert."""
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in query).split() if len(w) > 1]
    return " OR ".join(f'"{w}"' for w in words)


class SQLiteStore:
    def __init__(self, path: str | Path, *, create: bool = False, read_only: bool = False) -> None:
        """``read_only`` opens the file so that SQLite itself refuses every write (the web server's default)."""
        self.path = Path(path)
        if not create and not self.path.exists():
            raise ArchiveError(f"no archive at {self.path}; create one with: newsfaq add FILES --db {self.path}")
        try:
            if read_only:
                self.db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
            else:
                self.db = sqlite3.connect(self.path, timeout=5.0)
                self._prepare()
            found = self.db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except sqlite3.OperationalError as error:
            if "locked" in str(error):
                raise ArchiveError(f"{self.path} is locked by another process; try again when it finishes") from None
            raise ArchiveError(f"{self.path} cannot be opened as an archive: {error}") from None
        except sqlite3.DatabaseError as error:
            raise ArchiveError(
                f"{self.path} is not a newsfaq archive or is damaged ({error}); it was left as is"
            ) from None
        if found is None or found[0] != FORMAT:
            raise ArchiveError(f"{self.path} is a SQLite file but not a {FORMAT} archive; it was left as is")

    def _prepare(self) -> None:
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA journal_mode = WAL")
        # With WAL every commit stays atomic; NORMAL only lets a power cut drop the newest commits.
        self.db.execute("PRAGMA synchronous = NORMAL")
        with self.db:
            self.db.executescript(SCHEMA)
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (FORMAT,))

    def add(
        self, article: Article, sentences: list[Sentence], signature: np.ndarray, group: str, vectors: np.ndarray
    ) -> bool:
        try:
            with self.db:
                cursor = self.db.execute(
                    "INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (article.id, article.title, article.date, article.url, article.source, article.body, group,
                     signature.astype(np.uint64).tobytes()),
                )  # fmt: skip
                if cursor.rowcount == 0:
                    return False
                for s in sentences:
                    row = self.db.execute(
                        "INSERT INTO sentences (article_id, idx, start_char, end_char, text) VALUES (?, ?, ?, ?, ?)",
                        (article.id, s.index, s.start, s.end, s.text),
                    ).lastrowid
                    self.db.execute("INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)", (row, s.text))
                self.db.executemany(
                    "INSERT INTO vectors VALUES (?, ?, 1) ON CONFLICT(key) DO UPDATE SET uses = uses + 1",
                    [(_vector_key(s.text), np.round(v * QUANTUM).astype(np.int8).tobytes())
                     for s, v in zip(sentences, vectors, strict=True)],
                )  # fmt: skip
            return True
        except sqlite3.OperationalError as error:
            raise ArchiveError(
                f"{self.path}: could not store {article.id} ({error}); the archive is unchanged"
            ) from None

    def _hits(self, rows) -> list[Hit]:
        return [
            Hit(ArticleRef(aid, date, title, url), Citation(idx, start, end, text), relevance, group)
            for aid, date, title, url, idx, start, end, text, relevance, group in rows
        ]

    def search(self, query: str, limit: int, since: str | None = None, until: str | None = None) -> list[Hit]:
        terms = _fts_terms(query)
        if not terms:
            return []
        rows = self.db.execute(
            """SELECT a.id, a.date, a.title, a.url, s.idx, s.start_char, s.end_char, s.text, -bm25(sentences_fts), a.grp
               FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid
               JOIN articles a ON a.id = s.article_id
               WHERE sentences_fts MATCH ? AND (? IS NULL OR a.date >= ?) AND (? IS NULL OR a.date <= ?)
               ORDER BY bm25(sentences_fts) LIMIT ?""",
            (terms, since, since, until, until, limit),
        )
        return self._hits(rows)

    def phrase(self, text: str, limit: int) -> list[Hit]:
        phrase = " ".join(w for w in "".join(ch if ch.isalnum() else " " for ch in text).split())
        if not phrase:
            return []
        rows = self.db.execute(
            """SELECT a.id, a.date, a.title, a.url, s.idx, s.start_char, s.end_char, s.text, 0.0, a.grp
               FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid
               JOIN articles a ON a.id = s.article_id
               WHERE sentences_fts MATCH ? ORDER BY a.date, a.id, s.idx LIMIT ?""",
            (f'"{phrase}"', limit),
        )
        return self._hits(rows)

    def vectors(self, texts: list[str]) -> list[np.ndarray | None]:
        found: dict[bytes, np.ndarray] = {}
        keys = [_vector_key(t) for t in texts]
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            rows = self.db.execute(
                f"SELECT key, vector FROM vectors WHERE key IN ({', '.join('?' * len(chunk))})", chunk
            )
            found.update((key, np.frombuffer(blob, dtype=np.int8) / QUANTUM) for key, blob in rows)
        return [found.get(key) for key in keys]

    def get(self, article_id: str) -> StoredArticle | None:
        row = self.db.execute(
            "SELECT id, body, date, title, url, source, grp FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        return StoredArticle(Article(*row[:6]), row[6])

    def delete(self, article_id: str) -> bool:
        with self.db:
            rows = self.db.execute("SELECT rowid, text FROM sentences WHERE article_id = ?", (article_id,)).fetchall()
            for rowid, text in rows:
                self.db.execute(
                    "INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', ?, ?)", (rowid, text)
                )
                self.db.execute("UPDATE vectors SET uses = uses - 1 WHERE key = ?", (_vector_key(text),))
            self.db.execute("DELETE FROM vectors WHERE uses <= 0")
            return self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def articles(self, limit: int = -1, offset: int = 0) -> list[StoredArticle]:
        rows = self.db.execute(
            "SELECT id, body, date, title, url, source, grp FROM articles ORDER BY date, id LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [StoredArticle(Article(*row[:6]), row[6]) for row in rows]

    def signatures(self) -> tuple[list[str], np.ndarray]:
        rows = self.db.execute("SELECT grp, signature FROM articles").fetchall()
        matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.uint64).reshape(len(rows), PERMUTATIONS)
        return [r[0] for r in rows], matrix

    def close(self) -> None:
        self.db.close()
