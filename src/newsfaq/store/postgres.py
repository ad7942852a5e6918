"""The team archive: one PostgreSQL database that many people and batch workers read and write at once.

It keeps what the SQLite archive keeps, in the same shape: articles keyed by content hash, their sentences
under PostgreSQL's own full-text index (a generated ``tsvector`` with a GIN index, ranked by ``ts_rank_cd``;
the archive re-ranks the hits as it does SQLite's), and int8 embeddings once per distinct sentence text, fused
in the application. The embeddings sit in their own table keyed by the text's hash: a deployment with pgvector
can add a vector column and an HNSW index there without touching the rest.

Concurrent writers are safe by construction: an article is one transaction (``INSERT ... ON CONFLICT DO
NOTHING`` on its id, so two writers of the same article store it once and a reader never sees half of one),
and the shared embedding counts are updated in key order, so two transactions never wait on each other in a
cycle. A connection lost mid-article is retried once on a new one; failing again, the article is reported as
not stored (``ArticleNotStored``) and the others go on.

newsfaq creates and migrates the schema itself (``newsfaq db upgrade``, or the first ``add``), under an
advisory lock so that two first writers do it once. Reading never migrates or writes: a role with only SELECT
rights runs every read command, and a store opened ``read_only`` makes its sessions read-only as well.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

import numpy as np
import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg_pool import ConnectionPool

from newsfaq.model import Article, ArticleRef, Citation, Sentence
from newsfaq.store.base import (
    ARCHIVE_FORMAT,
    QUANTUM,
    SIGNATURE_LENGTH,
    TOTALS_QUERY,
    ArchiveError,
    ArticleNotStored,
    Hit,
    StoredArticle,
    Totals,
    indexed_words,
)

SCHEMA_VERSION = 1
"""newsfaq_meta 'schema_version': what this newsfaq writes and reads."""
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE newsfaq_meta (key text PRIMARY KEY, value text NOT NULL)",
        # Ids and dates compare byte by byte ("C"), as SQLite compares them, whatever the database's locale.
        """CREATE TABLE articles (
            id text COLLATE "C" PRIMARY KEY, title text, date text COLLATE "C", url text, source text,
            source_id text, body text NOT NULL, grp text NOT NULL, signature bytea NOT NULL)""",
        "CREATE INDEX articles_by_date ON articles (date NULLS FIRST, id)",
        """CREATE TABLE sentences (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            idx integer NOT NULL, start_char integer NOT NULL, end_char integer NOT NULL, text text NOT NULL,
            words tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED)""",
        "CREATE INDEX sentences_by_article ON sentences (article_id, idx)",
        "CREATE INDEX sentences_by_words ON sentences USING gin (words)",
        "CREATE TABLE vectors (key bytea PRIMARY KEY, vector bytea NOT NULL, uses integer NOT NULL)",
    ),
}
MIGRATION_LOCK = 0x6E657773666171
"""The advisory lock key ('newsfaq') held while the schema is created or migrated."""
CONNECT_SECONDS = 10
# psycopg logs each connection it discards; the archive reports what it retried or could not do in its own
# words, so those records reach only an application that configures logging, not the CLI's standard error.
logging.getLogger("psycopg").addHandler(logging.NullHandler())
_Result = TypeVar("_Result")


def describe(url: str) -> str:
    """How messages name the database: its name, host and port, never the password."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "a PostgreSQL database (its URL is malformed)"
    where = f"{parts.get('host') or 'localhost'}:{parts.get('port') or 5432}"
    return f"PostgreSQL database {parts.get('dbname') or parts.get('user') or '?'!r} on {where}"


def _reason(error: psycopg.Error) -> str:
    """The server's or libpq's own reason, on one line (libpq prefixes it with where it tried to connect)."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text.rsplit(" failed: ", 1)[-1].removeprefix("FATAL:").strip()


def _vector_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=12).digest()


def _any_of(query: str) -> str:
    """A tsquery for any of the query's words of two letters or more: only letters and digits reach it, so
    nothing in user text is tsquery syntax."""
    return " | ".join(w for w in indexed_words(query) if len(w) > 1)


class PostgresStore:
    """The archive backend on a PostgreSQL database. Each process's store is used by one thread at a time (a
    command, a batch worker, a web worker), so its pool holds one connection: the pool checks it before lending
    it and replaces it when it was lost (a server restart between two requests)."""

    def __init__(self, url: str, *, create: bool = False, read_only: bool = False) -> None:
        """Connect (a failure names host and database in one line); with ``create``, create or migrate the
        schema first. Without it the schema must be there and current: reading never migrates."""
        self.name = describe(url)
        options = {"autocommit": True, "connect_timeout": CONNECT_SECONDS}
        if read_only:
            options["options"] = "-c default_transaction_read_only=on"
        try:
            with psycopg.connect(url, **options) as first:  # a bad URL, host or password fails here, with its reason
                self._prepare_schema(first, create and not read_only)
        except psycopg.OperationalError as error:
            raise ArchiveError(f"cannot connect to {self.name}: {_reason(error)}") from None
        except psycopg.Error as error:
            raise ArchiveError(f"{self.name} cannot be opened as an archive: {_reason(error)}") from None
        self.pool = ConnectionPool(
            url, min_size=1, max_size=1, kwargs=options, check=ConnectionPool.check_connection, open=True
        )

    def _prepare_schema(self, connection: psycopg.Connection, create: bool) -> None:
        if create:
            with connection.transaction():
                connection.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
                self._migrate(connection, self._version(connection))
        version = self._version(connection)
        if version is None:
            raise ArchiveError(f"{self.name} holds no newsfaq archive; create one with: newsfaq db upgrade --db URL")
        if version != SCHEMA_VERSION:
            newer = version > SCHEMA_VERSION
            raise ArchiveError(
                f"{self.name} holds a newsfaq archive of schema version {version}; "
                + ("upgrade newsfaq to read it" if newer else "run: newsfaq db upgrade --db URL")
            )

    def _version(self, connection: psycopg.Connection) -> int | None:
        """The archive's schema version, None in a database without one; a database that holds other
        tables of these names is refused, unchanged."""
        meta = connection.execute("SELECT to_regclass('newsfaq_meta') IS NOT NULL").fetchone()[0]
        if not meta:
            if connection.execute("SELECT to_regclass('articles') IS NOT NULL").fetchone()[0]:
                raise ArchiveError(f"{self.name} has an 'articles' table but is not a newsfaq archive; left as is")
            return None
        rows = dict(connection.execute("SELECT key, value FROM newsfaq_meta").fetchall())
        if rows.get("format") != ARCHIVE_FORMAT:
            raise ArchiveError(f"{self.name} has a newsfaq_meta table but is not a {ARCHIVE_FORMAT} archive")
        return int(rows["schema_version"])

    def _migrate(self, connection: psycopg.Connection, version: int | None) -> None:
        if version is not None and version > SCHEMA_VERSION:
            raise ArchiveError(f"{self.name} is from a newer newsfaq (schema version {version}); upgrade to write")
        for step in range((version or 0) + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[step]:
                connection.execute(statement)
        connection.execute(
            "INSERT INTO newsfaq_meta VALUES ('format', %s), ('schema_version', %s)"
            " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            (ARCHIVE_FORMAT, str(SCHEMA_VERSION)),
        )

    def _run(
        self, work: Callable[[psycopg.Connection], _Result], doing: str, failure: type[ArchiveError] = ArchiveError
    ) -> _Result:
        """``work`` on a pooled connection. A lost connection (or a deadlock) is retried once on a new one: each
        ``work`` is one transaction or one read, so running it again is safe. What still fails, or any other
        refusal (a read-only role writing, say), is a ``failure`` naming ``doing``."""
        for attempt in (1, 2):
            try:
                with self.pool.connection() as connection:
                    return work(connection)
            except psycopg.OperationalError as error:
                if attempt == 1:
                    continue
                raise failure(f"{self.name}: could not {doing} ({_reason(error)})") from None
            except psycopg.Error as error:
                raise ArchiveError(f"{self.name}: could not {doing} ({_reason(error)})") from None
        raise AssertionError("unreachable")

    def add(
        self, article: Article, sentences: list[Sentence], signature: np.ndarray, group: str, vectors: np.ndarray
    ) -> bool:
        """Store the article in one transaction; False when its id is already stored (by anyone, even a writer
        committing at this moment). A connection lost midway is retried once."""
        keys = [_vector_key(s.text) for s in sentences]
        uses = Counter(keys)
        quantised = {key: np.round(v * QUANTUM).astype(np.int8).tobytes() for key, v in zip(keys, vectors, strict=True)}
        vector_rows = [(key, quantised[key], uses[key]) for key in sorted(uses)]  # key order: no deadlock cycle
        article_row = (article.id, article.title, article.date, article.url, article.source, article.source_id,
                       article.body, group, signature.astype(np.uint64).tobytes())  # fmt: skip

        def insert(connection: psycopg.Connection) -> bool:
            with connection.transaction(), connection.cursor() as cursor:
                # As SQLite's WAL with synchronous=NORMAL: each article stays all or nothing, but its commit does
                # not wait for the disk, so a server crash may lose the newest few (a rerun adds them again).
                cursor.execute("SET LOCAL synchronous_commit = off")
                cursor.execute(
                    "INSERT INTO articles (id, title, date, url, source, source_id, body, grp, signature)"
                    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING RETURNING id",
                    article_row,
                )
                if cursor.fetchone() is None:
                    return False
                cursor.executemany(
                    "INSERT INTO sentences (article_id, idx, start_char, end_char, text) VALUES (%s, %s, %s, %s, %s)",
                    [(article.id, s.index, s.start, s.end, s.text) for s in sentences],
                )
                cursor.executemany(
                    "INSERT INTO vectors VALUES (%s, %s, %s)"
                    " ON CONFLICT (key) DO UPDATE SET uses = vectors.uses + EXCLUDED.uses",
                    vector_rows,
                )
            return True

        return self._run(insert, f"store {article.id}", ArticleNotStored)

    def _hits(self, sql: str, params: tuple) -> list[Hit]:
        rows = self._run(lambda connection: connection.execute(sql, params).fetchall(), "search")
        return [
            Hit(ArticleRef(aid, date, title, url), Citation(idx, start, end, text), float(relevance), group)
            for aid, date, title, url, idx, start, end, text, relevance, group in rows
        ]

    def search(self, query: str, limit: int, since: str | None = None, until: str | None = None) -> list[Hit]:
        """Sentences with any of the query's words of two letters or more, ranked by ``ts_rank_cd`` over the
        english configuration's stems (which also drops English stopwords); dates as in ``Store.search``."""
        terms = _any_of(query)
        if not terms or limit <= 0:
            return []
        return self._hits(
            """SELECT a.id, a.date, a.title, a.url, s.idx, s.start_char, s.end_char, s.text,
                      ts_rank_cd(s.words, q, 1), a.grp
               FROM sentences s JOIN articles a ON a.id = s.article_id, to_tsquery('english', %s) q
               WHERE s.words @@ q AND (%s::text IS NULL OR a.date >= %s) AND (%s::text IS NULL OR a.date <= %s)
               ORDER BY 9 DESC LIMIT %s""",
            (terms, since, since, until, until, limit),
        )

    def phrase(self, text: str, limit: int) -> list[Hit]:
        """Sentences holding the words of ``text`` together and in order (``phraseto_tsquery``); undated
        articles first, then by date, article id and sentence."""
        words = " ".join(indexed_words(text))
        if not words or limit <= 0:
            return []
        return self._hits(
            """SELECT a.id, a.date, a.title, a.url, s.idx, s.start_char, s.end_char, s.text, 0.0, a.grp
               FROM sentences s JOIN articles a ON a.id = s.article_id, phraseto_tsquery('english', %s) q
               WHERE s.words @@ q ORDER BY a.date NULLS FIRST, a.id, s.idx LIMIT %s""",
            (words, limit),
        )

    def vectors(self, texts: list[str]) -> list[np.ndarray | None]:
        """The stored embedding of each sentence text (found by a hash of the text), None where there is none."""
        keys = [_vector_key(t) for t in texts]
        if not keys:
            return []
        rows = self._run(
            lambda connection: connection.execute(
                "SELECT key, vector FROM vectors WHERE key = ANY(%s)", (list(dict.fromkeys(keys)),)
            ).fetchall(),
            "read embeddings",
        )
        found = {bytes(key): np.frombuffer(blob, dtype=np.int8) / QUANTUM for key, blob in rows}
        return [found.get(key) for key in keys]

    def get(self, article_id: str) -> StoredArticle | None:
        """The stored article with this id, None when there is none."""
        rows = self._articles("WHERE id = %s", (article_id,))
        return rows[0] if rows else None

    def _articles(self, where: str, params: tuple) -> list[StoredArticle]:
        rows = self._run(
            lambda connection: connection.execute(
                f"SELECT id, body, date, title, url, source, source_id, grp FROM articles {where}", params
            ).fetchall(),
            "read articles",
        )
        return [StoredArticle(Article(*row[:7]), row[7]) for row in rows]

    def delete(self, article_id: str) -> bool:
        """Remove the article in one transaction, with its sentences and the embeddings no other sentence uses;
        False when it is not stored."""

        def remove(connection: psycopg.Connection) -> bool:
            with connection.transaction():
                texts = connection.execute("SELECT text FROM sentences WHERE article_id = %s", (article_id,)).fetchall()
                uses = Counter(_vector_key(text) for (text,) in texts)
                with connection.cursor() as cursor:
                    cursor.executemany(
                        "UPDATE vectors SET uses = uses - %s WHERE key = %s", [(uses[k], k) for k in sorted(uses)]
                    )
                connection.execute("DELETE FROM vectors WHERE key = ANY(%s) AND uses <= 0", (sorted(uses),))
                return connection.execute("DELETE FROM articles WHERE id = %s", (article_id,)).rowcount > 0

        return self._run(remove, f"remove {article_id}")

    def count(self) -> int:
        """How many articles are stored."""
        return self._run(lambda c: c.execute("SELECT count(*) FROM articles").fetchone()[0], "count articles")

    def totals(self) -> Totals:
        """Articles, story groups and the date range, counted by the server."""
        return Totals(*self._run(lambda c: c.execute(TOTALS_QUERY).fetchone(), "count articles"))

    def articles(self, limit: int = -1, offset: int = 0) -> list[StoredArticle]:
        """Stored articles, undated ones first, then by date and id; ``limit`` -1 means all."""
        return self._articles(
            "ORDER BY date NULLS FIRST, id LIMIT %s OFFSET %s", (None if limit < 0 else limit, offset)
        )

    def signatures(self) -> tuple[list[str], np.ndarray]:
        """Each stored article's group and MinHash signature (one uint64 row per article)."""
        rows = self._run(lambda c: c.execute("SELECT grp, signature FROM articles").fetchall(), "read signatures")
        matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.uint64).reshape(len(rows), SIGNATURE_LENGTH)
        return [r[0] for r in rows], matrix

    def close(self) -> None:
        """Close the pool's connections; closing again does nothing."""
        self.pool.close()
