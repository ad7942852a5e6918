"""The embedded archive: one SQLite file with an FTS5 index over sentences
and their embeddings beside it.

Each article is written in one transaction (article row, its sentences, the
full-text rows, their embeddings and its MinHash signature), so a crash
mid-``add`` leaves the archive as it was before that article. Embeddings are
stored once per distinct sentence text (wire copies repeat most sentences),
as int8, with a count of the sentences using them so ``delete`` can drop
those no longer used.

Reading opens the file with ``mode=ro``, so a read never creates, migrates or
changes it (and WAL lets it read while an ``add`` commits). Only a write opens
it read-write: a new or empty file then gets the schema, an older archive is
migrated (meta ``schema_version``), and any other file is refused first.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import numpy as np

from newsfaq.model import Article, ArticleRef, Citation, Sentence
from newsfaq.store.base import (
    ARCHIVE_FORMAT,
    QUANTUM,
    SIGNATURE_LENGTH,
    TOTALS_QUERY,
    ArchiveError,
    Hit,
    StoredArticle,
    Totals,
    indexed_words,
)

VECTORS = """CREATE TABLE IF NOT EXISTS vectors (
    key BLOB PRIMARY KEY, vector BLOB NOT NULL, uses INTEGER NOT NULL
) WITHOUT ROWID"""
SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    """CREATE TABLE articles (
    id TEXT PRIMARY KEY, title TEXT, date TEXT, url TEXT, source TEXT, body TEXT NOT NULL,
    grp TEXT NOT NULL, signature BLOB NOT NULL, source_id TEXT
)""",
    """CREATE TABLE sentences (
    rowid INTEGER PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL
)""",
    "CREATE INDEX sentences_article ON sentences(article_id)",
    """CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content='sentences', content_rowid='rowid', tokenize='porter unicode61'
)""",
    VECTORS,
)
SCHEMA_VERSION = 2
"""meta 'schema_version' (absent: 1). Opening for writing migrates an older archive; reading never does."""
MIGRATIONS = {
    # Version 1 archives written before embeddings were stored have no vectors table.
    2: (VECTORS, "ALTER TABLE articles ADD COLUMN source_id TEXT"),
}


def _vector_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=12).digest()


def _fts_terms(query: str) -> str:
    """Any of the query's words, quoted so FTS5 syntax in user text is inert."""
    words = [w for w in indexed_words(query) if len(w) > 1]
    return " OR ".join(f'"{w}"' for w in words)


def _schema_version(db: sqlite3.Connection, path: Path) -> int | None:
    """The archive's schema version, None for a file with no tables yet; any other file is refused unread."""
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return None
    found = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() if "meta" in tables else None
    if found is None or found[0] != ARCHIVE_FORMAT:
        raise ArchiveError(f"{path} is a SQLite file but not a {ARCHIVE_FORMAT} archive; it was left as is")
    version = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(version[0]) if version else 1


class SQLiteStore:
    """The archive backend on one SQLite file: articles, their sentences under an FTS5 index, and int8
    embeddings."""

    def __init__(self, path: str | Path, *, create: bool = False, read_only: bool = False) -> None:
        """Open for writing only with ``create``; otherwise open read-only (``mode=ro``) and reopen for writing
        at the first ``add`` or ``delete``, so reading never creates, migrates or changes a file. ``read_only``
        never reopens: SQLite refuses every write (the web server's default)."""
        self.path = Path(path)
        self.read_only = read_only
        if not create and not self.path.exists():
            raise ArchiveError(f"no archive at {self.path}; create one with: newsfaq add FILES --db {self.path}")
        self._open(write=create and not read_only)

    def _open(self, write: bool) -> None:
        try:
            self.db = self._connect_for_writing() if write else self._connect_for_reading()
            columns = {row[1] for row in self.db.execute("PRAGMA table_info(articles)")}
            tables = {name for (name,) in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.OperationalError as error:
            if "locked" in str(error):
                raise ArchiveError(f"{self.path} is locked by another process; try again when it finishes") from None
            raise ArchiveError(f"{self.path} cannot be opened as an archive: {error}") from None
        except sqlite3.DatabaseError as error:
            raise ArchiveError(
                f"{self.path} is not a newsfaq archive or is damaged ({error}); it was left as is"
            ) from None
        self.writable = write
        # An older archive opened for reading is read as it is: what it lacks reads as absent.
        source_id = "source_id" if "source_id" in columns else "NULL"
        self._article_columns = f"id, body, date, title, url, source, {source_id}, grp"
        self._has_vectors = "vectors" in tables

    def _connect_for_reading(self) -> sqlite3.Connection:
        uri = self.path.resolve().as_uri()
        try:
            return self._archive_or_refuse(sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=5.0))
        except sqlite3.OperationalError as error:
            if error.sqlite_errorname != "SQLITE_READONLY_DIRECTORY":
                raise
        # WAL readers share a -shm index beside the archive, and this folder will not take one. With no -wal
        # file beside it (SQLite refuses that case as CANTOPEN), the file alone is the archive: read it as fixed.
        return self._archive_or_refuse(sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True))

    def _archive_or_refuse(self, db: sqlite3.Connection) -> sqlite3.Connection:
        try:
            if _schema_version(db, self.path) is None:
                raise ArchiveError(f"{self.path} is not a newsfaq archive (it holds no tables); it was left as is")
        except BaseException:
            db.close()
            raise
        return db

    def _connect_for_writing(self) -> sqlite3.Connection:
        """Give a new (empty) file the schema, or migrate an older archive; any other file is refused before
        anything is written to it."""
        db = sqlite3.connect(self.path, timeout=5.0)
        try:
            db.execute("BEGIN IMMEDIATE")  # one writer at a time reads the version and changes the schema
            version = _schema_version(db, self.path)
            if version is None:
                steps = [*SCHEMA, f"INSERT INTO meta VALUES ('format', '{ARCHIVE_FORMAT}')"]
            elif version > SCHEMA_VERSION:
                raise ArchiveError(f"{self.path} is from a newer newsfaq (schema version {version}); upgrade to write")
            else:
                steps = [statement for v in range(version + 1, SCHEMA_VERSION + 1) for statement in MIGRATIONS[v]]
            for statement in steps:
                db.execute(statement)
            if version != SCHEMA_VERSION:
                db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            db.commit()
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA journal_mode = WAL")
            # With WAL every commit stays atomic; NORMAL only lets a power cut drop the newest commits.
            db.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            db.rollback()
            db.close()
            raise
        return db

    def _writable(self) -> None:
        """At the first write, reopen the file read-write (migrating an older archive); a ``read_only`` store
        stays as it is, so SQLite refuses the write."""
        if not self.writable and not self.read_only:
            reader = self.db
            self._open(write=True)  # on failure the store keeps reading
            reader.close()

    def add(
        self, article: Article, sentences: list[Sentence], signature: np.ndarray, group: str, vectors: np.ndarray
    ) -> bool:
        """Store the article in one transaction (a store opened to read reopens for writing first); False
        when its id is already stored. A write SQLite refuses (locked, read-only) is an ``ArchiveError``."""
        self._writable()
        try:
            with self.db:
                cursor = self.db.execute(
                    "INSERT OR IGNORE INTO articles (id, title, date, url, source, source_id, body, grp, signature)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (article.id, article.title, article.date, article.url, article.source, article.source_id,
                     article.body, group, signature.astype(np.uint64).tobytes()),
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
        """Sentences with any of the query's words of two letters or more, by FTS5's BM25 over Porter stems;
        ``since`` and ``until`` bound the date as in ``Store.search``."""
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
        """Sentences holding the words of ``text`` as one FTS5 phrase; undated articles first (SQLite sorts
        NULL before any date), then by date, article id and sentence."""
        phrase = " ".join(indexed_words(text))
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
        """The stored embedding of each sentence text (found by a hash of the text), None where there is none
        or the archive predates stored embeddings."""
        if not self._has_vectors:
            return [None] * len(texts)
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
        """The stored article with this id, None when there is none."""
        row = self.db.execute(f"SELECT {self._article_columns} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else StoredArticle(Article(*row[:7]), row[7])

    def delete(self, article_id: str) -> bool:
        """Remove the article in one transaction, with its full-text rows and the embeddings no other sentence
        uses; False when it is not stored. A write SQLite refuses is an ``ArchiveError``."""
        self._writable()
        try:
            with self.db:
                rows = self.db.execute(
                    "SELECT rowid, text FROM sentences WHERE article_id = ?", (article_id,)
                ).fetchall()
                for rowid, text in rows:
                    self.db.execute(
                        "INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', ?, ?)", (rowid, text)
                    )
                    self.db.execute("UPDATE vectors SET uses = uses - 1 WHERE key = ?", (_vector_key(text),))
                self.db.execute("DELETE FROM vectors WHERE uses <= 0")
                return self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0
        except sqlite3.OperationalError as error:
            raise ArchiveError(
                f"{self.path}: could not remove {article_id} ({error}); the archive is unchanged"
            ) from None

    def count(self) -> int:
        """How many articles are stored."""
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def totals(self) -> Totals:
        """Articles, story groups and the date range, counted by SQLite."""
        return Totals(*self.db.execute(TOTALS_QUERY).fetchone())

    def articles(self, limit: int = -1, offset: int = 0) -> list[StoredArticle]:
        """Stored articles, undated ones first, then by date and id; ``limit`` -1 means all, as in SQL."""
        rows = self.db.execute(
            f"SELECT {self._article_columns} FROM articles ORDER BY date, id LIMIT ? OFFSET ?", (limit, offset)
        )
        return [StoredArticle(Article(*row[:7]), row[7]) for row in rows]

    def signatures(self) -> tuple[list[str], np.ndarray]:
        """Each stored article's group and MinHash signature (one uint64 row per article)."""
        rows = self.db.execute("SELECT grp, signature FROM articles").fetchall()
        matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.uint64).reshape(len(rows), SIGNATURE_LENGTH)
        return [r[0] for r in rows], matrix

    def close(self) -> None:
        """Close the database connection; closing again does nothing."""
        self.db.close()
