import sqlite3

import pytest

from newsfaq.model import Article, Sentence
from newsfaq.store.minhash import signature
from newsfaq.store.sqlite import ArchiveError, SQLiteStore

BODY = "Dock workers struck on Thursday. The union wants job guarantees."
SENTENCES = [Sentence(0, 0, 32, "Dock workers struck on Thursday."), Sentence(1, 33, 64, BODY[33:])]


def _article(id_="a1", date="2025-03-14"):
    return Article(id=id_, body=BODY, date=date)


@pytest.fixture
def store(tmp_path):
    store = SQLiteStore(tmp_path / "a.db", create=True)
    yield store
    store.close()


def test_add_is_idempotent_and_search_finds_sentences(store):
    assert store.add(_article(), SENTENCES, signature(BODY), "a1")
    assert not store.add(_article(), SENTENCES, signature(BODY), "a1")
    assert store.count() == 1
    hits = store.search("job guarantees", 5)
    assert hits[0].citation.text == "The union wants job guarantees." and hits[0].article.date == "2025-03-14"


def test_date_filters_and_phrase_search(store):
    store.add(_article("old", "2020-01-01"), SENTENCES, signature(BODY), "old")
    store.add(_article("new", "2025-01-01"), SENTENCES, signature(BODY), "new")
    assert {h.article.id for h in store.search("workers", 10, since="2024-01-01")} == {"new"}
    assert {h.article.id for h in store.search("workers", 10, until="2024-01-01")} == {"old"}
    assert [h.article.id for h in store.phrase("dock workers", 10)] == ["old", "new"]


def test_delete_removes_the_article_and_its_index_entries(store):
    store.add(_article(), SENTENCES, signature(BODY), "a1")
    assert store.delete("a1") and not store.delete("a1")
    assert store.search("workers", 5) == [] and store.count() == 0


def test_user_text_cannot_inject_fts_syntax(store):
    store.add(_article(), SENTENCES, signature(BODY), "a1")
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
    store.add(_article(), SENTENCES, signature(BODY), "a1")
    reader = SQLiteStore(tmp_path / "a.db", read_only=True)
    assert reader.search("union", 5)[0].article.id == "a1"
    with pytest.raises(ArchiveError, match="the archive is unchanged"):
        reader.add(_article("a2"), SENTENCES, signature(BODY), "a2")
    assert [a.article.id for a in reader.articles(limit=1)] == ["a1"]
    reader.close()
