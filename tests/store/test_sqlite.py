"""What only the SQLite backend does: its files, read-only opening, one embedding row per sentence text.
What every backend does (add, search, phrase, delete, ...) is the store contract, contract.py, run on it in
test_contract.py."""

import sqlite3

import numpy as np
import pytest

from newsfaq.archive.story_groups import signature
from newsfaq.model import Article, Sentence
from newsfaq.store.base import ArchiveError
from newsfaq.store.sqlite import SQLiteStore

BODY = "Dock workers struck on Thursday. The union wants job guarantees."
SENTENCES = [Sentence(0, 0, 32, "Dock workers struck on Thursday."), Sentence(1, 33, 64, BODY[33:])]
VECTORS = np.linalg.qr(np.random.default_rng(0).normal(size=(384, 2)))[0].T  # two orthogonal unit vectors


def _article(id_="a1", date="2025-03-14"):
    return Article(id=id_, body=BODY, date=date)


@pytest.fixture
def store(tmp_path):
    store = SQLiteStore(tmp_path / "a.db", create=True)
    yield store
    store.close()


def _add(store, article):
    return store.add(article, SENTENCES, signature(BODY), article.id, VECTORS)


def test_missing_corrupt_and_foreign_files_are_clear_errors(tmp_path):
    with pytest.raises(ArchiveError, match="no archive"):
        SQLiteStore(tmp_path / "missing.db")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ArchiveError, match="damaged"):
        SQLiteStore(bad)
    assert bad.read_bytes() == b"not a database at all" * 100
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)").connection.commit()
    connection = sqlite3.connect(foreign)
    connection.execute("INSERT INTO meta VALUES ('format', 'something-else')")
    connection.commit()
    with pytest.raises(ArchiveError, match="not a newsfaq-archive"):
        SQLiteStore(foreign)


def test_a_read_only_store_reads_but_sqlite_refuses_its_writes(store, tmp_path):
    _add(store, _article())
    reader = SQLiteStore(tmp_path / "a.db", read_only=True)
    assert reader.search("union", 5)[0].article.id == "a1"
    with pytest.raises(ArchiveError, match="the archive is unchanged"):
        _add(reader, _article("a2"))
    with pytest.raises(ArchiveError, match="the archive is unchanged"):
        reader.delete("a1")
    assert [a.article.id for a in reader.articles(limit=1)] == ["a1"]
    reader.close()


def test_embeddings_are_stored_once_per_sentence_text_and_dropped_with_their_last_user(store):
    _add(store, _article("a1"))
    _add(store, _article("a2"))  # a wire copy: same sentences
    assert store.db.execute("SELECT count(*), sum(uses) FROM vectors").fetchone() == (2, 4)
    store.delete("a1")
    assert store.db.execute("SELECT count(*), sum(uses) FROM vectors").fetchone() == (2, 2)
    store.delete("a2")
    assert store.db.execute("SELECT count(*) FROM vectors").fetchone() == (0,)
