import sqlite3

import numpy as np
import pytest

from newsfaq.archive.story_groups import signature
from newsfaq.model import Article, Sentence
from newsfaq.store.sqlite import ArchiveError, SQLiteStore

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


def test_add_is_idempotent_and_search_finds_sentences(store):
    assert _add(store, _article())
    assert not _add(store, _article())
    assert store.count() == 1
    hits = store.search("job guarantees", 5)
    assert hits[0].citation.text == "The union wants job guarantees." and hits[0].article.date == "2025-03-14"


def test_date_filters_and_phrase_search(store):
    _add(store, _article("old", "2020-01-01"))
    _add(store, _article("new", "2025-01-01"))
    assert {h.article.id for h in store.search("workers", 10, since="2024-01-01")} == {"new"}
    assert {h.article.id for h in store.search("workers", 10, until="2024-01-01")} == {"old"}
    assert [h.article.id for h in store.phrase("dock workers", 10)] == ["old", "new"]


def test_delete_removes_the_article_and_its_index_entries(store):
    _add(store, _article())
    assert store.delete("a1") and not store.delete("a1")
    assert store.search("workers", 5) == [] and store.count() == 0


def test_the_sources_own_id_is_stored_and_returned(store):
    _add(store, Article(id="e3b0c44298fc1c14", body=BODY, date="2025-03-14", source_id="feed-7"))
    assert store.get("e3b0c44298fc1c14").article.source_id == "feed-7"
    assert [a.article.source_id for a in store.articles()] == ["feed-7"]


def test_user_text_cannot_inject_fts_syntax(store):
    _add(store, _article())
    assert store.search('workers" OR NEAR(', 5)
    assert store.search("***", 5) == []


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
    found = store.vectors([SENTENCES[1].text, "a sentence nobody stored", SENTENCES[0].text])
    assert found[1] is None
    assert np.allclose(found[0], VECTORS[1], atol=0.01) and np.allclose(found[2], VECTORS[0], atol=0.01)
    assert store.db.execute("SELECT count(*), sum(uses) FROM vectors").fetchone() == (2, 4)
    store.delete("a1")
    assert store.vectors([SENTENCES[0].text])[0] is not None
    store.delete("a2")
    assert store.vectors([SENTENCES[0].text]) == [None]
    assert store.db.execute("SELECT count(*) FROM vectors").fetchone() == (0,)
