"""The ``Store`` contract: what every archive backend must do, as one suite each backend runs (Haystack's
``DocumentStoreBaseTests`` pattern). A backend's test class subclasses ``StoreContract`` and provides the
``store`` fixture; test_contract.py runs it on SQLite and in memory.

The words the tests seek are written the same in the query and the text, so that a backend's stemmer (SQLite's
Porter, PostgreSQL's Snowball) neither helps nor hurts. What the contract leaves to each backend is said where it
comes up: stemming, stopwords, accent folding, the exact relevance figures and the order of equally relevant hits.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import replace

import numpy as np
import pytest

from newsfaq.archive.story_groups import signature
from newsfaq.model import Article, ArticleRef, Citation, QAPair, Sentence
from newsfaq.store.base import SIGNATURE_LENGTH, Hit, Store, StoredArticle, Totals

STRIKE = ("Dock workers struck on Thursday.", "The union wants job guarantees.")


def vector(text: str) -> np.ndarray:
    """A unit embedding that depends only on the text, as the archive's embedder's would."""
    v = np.random.default_rng(zlib.crc32(text.encode())).normal(size=16)
    return v / np.linalg.norm(v)


def article(article_id: str, *texts: str, date: str | None = "2025-03-14", **fields) -> tuple[Article, list[Sentence]]:
    """An article whose body is ``texts`` joined by spaces, with its sentences."""
    sentences, start = [], 0
    for index, text in enumerate(texts):
        sentences.append(Sentence(index, start, start + len(text), text))
        start += len(text) + 1
    return Article(id=article_id, body=" ".join(texts), date=date, **fields), sentences


def add(store: Store, article_id: str, *texts: str, group: str | None = None, **fields) -> bool:
    stored, sentences = article(article_id, *texts, **fields)
    vectors = np.array([vector(s.text) for s in sentences])
    return store.add(stored, sentences, signature(stored.body), group or article_id, vectors)


def found(hits: list[Hit]) -> list[tuple[str, int]]:
    return [(hit.article.id, hit.citation.sentence) for hit in hits]


class StoreContract:
    """The shared tests; a subclass named ``Test...`` provides ``store`` for its backend."""

    @pytest.fixture
    def store(self) -> Iterator[Store]:
        """A fresh, empty store, closed after the test."""
        raise NotImplementedError("a backend's test class provides the store fixture")

    def test_an_empty_store_holds_nothing(self, store):
        assert store.count() == 0 and store.articles() == [] and store.get("a1") is None
        assert store.search("workers", 5) == [] and store.phrase("dock workers", 5) == []
        assert store.vectors([STRIKE[0]]) == [None]
        assert not store.delete("a1")

    # add, get

    def test_an_article_is_stored_once_and_the_first_copy_is_kept(self, store):
        assert add(store, "a1", *STRIKE)
        assert not add(store, "a1", "Ships waited offshore.", title="Another", group="other")
        assert store.count() == 1
        assert store.get("a1") == StoredArticle(article("a1", *STRIKE)[0], "a1")
        assert store.search("ships", 5) == [] and store.vectors(["Ships waited offshore."]) == [None]
        assert store.signatures()[0] == ["a1"]

    def test_a_failed_add_stores_nothing(self, store):
        stored, sentences = article("a1", *STRIKE)
        with pytest.raises(ValueError):  # one embedding for two sentences
            store.add(stored, sentences, signature(stored.body), "a1", np.array([vector(STRIKE[0])]))
        assert store.count() == 0 and store.get("a1") is None and store.articles() == []
        assert store.search("workers", 5) == [] and store.phrase("dock workers", 5) == []
        assert store.vectors(list(STRIKE)) == [None, None] and store.signatures()[0] == []
        assert add(store, "a1", *STRIKE)

    def test_the_articles_own_fields_round_trip_but_not_someone_elses_faq(self, store):
        fields = dict(title="Dockers strike", url="https://example.org/strike", source="Harbour Times")
        full, sentences = article("e3b0c44298fc1c14", *STRIKE, **fields, source_id="feed-7")
        full.existing_faq = [QAPair("Who struck?", "Dock workers.")]
        store.add(full, sentences, signature(full.body), "story-1", np.array([vector(t) for t in STRIKE]))
        add(store, "bare", "Ships waited offshore.", date=None)
        kept = StoredArticle(replace(full, existing_faq=[]), "story-1")
        bare = StoredArticle(Article("bare", "Ships waited offshore."), "bare")
        assert store.get("e3b0c44298fc1c14") == kept and store.get("e3b0c44298fc1c14").article.source_id == "feed-7"
        assert store.get("bare") == bare and store.get("nowhere") is None
        assert store.articles() == [bare, kept]

    def test_unicode_text_is_stored_and_found(self, store):
        texts = ("Streik in Zürich: die Gewerkschaft fordert Garantien.", "Москва ответила в четверг.")
        add(store, "u1", *texts)
        assert store.get("u1").article.body == " ".join(texts)
        assert found(store.search("zürich", 5)) == [("u1", 0)]
        assert found(store.search("МОСКВА", 5)) == [("u1", 1)]
        assert found(store.phrase("die Gewerkschaft", 5)) == [("u1", 0)]
        assert store.search("Zürich", 5)[0].citation.text == texts[0]
        # Whether "Zurich" finds "Zürich" is the backend's: SQLite's unicode61 folds accents, PostgreSQL does not.

    # search

    def test_search_finds_sentences_with_any_of_the_words_ignoring_case(self, store):
        add(store, "a1", *STRIKE, title="Dockers strike", url="https://example.org/strike", group="story-1")
        hits = store.search("guarantees zebra", 5)
        assert hits == [
            Hit(
                ArticleRef("a1", "2025-03-14", "Dockers strike", "https://example.org/strike"),
                Citation(1, 33, 64, "The union wants job guarantees."),
                hits[0].relevance,
                "story-1",
            )
        ]
        assert sorted(found(store.search("THURSDAY Guarantees", 5))) == [("a1", 0), ("a1", 1)]
        assert store.search("unio", 5) == []  # whole words, not parts of them

    def test_search_puts_the_most_relevant_first_and_keeps_to_its_limit(self, store):
        add(store, "a2", "The union met the port authority.", "Ships waited offshore for days.")
        add(store, "a3", "Prices rose at the port.", "Talks resume on Monday.")
        add(store, "a1", *STRIKE)  # stored last, found first
        hits = store.search("union guarantees", 10)
        assert found(hits) == [("a1", 1), ("a2", 0)]
        assert hits[0].relevance > hits[1].relevance > 0
        assert store.search("union guarantees", 1) == hits[:1]
        assert store.search("union guarantees", 0) == []
        # Equally relevant hits come in no promised order (SQLite gives them in the order stored).

    def test_search_keeps_to_the_date_range_inclusively_and_an_undated_article_is_in_none(self, store):
        for article_id, date in [("old", "2020-01-01"), ("new", "2025-01-01"), ("undated", None)]:
            add(store, article_id, "Dock workers struck.", date=date)

        def ids(**dates):
            return {hit.article.id for hit in store.search("workers", 10, **dates)}

        assert ids() == {"old", "new", "undated"}
        assert ids(since="2024-01-01") == {"new"} and ids(until="2024-01-01") == {"old"}
        assert ids(since="2020-01-01", until="2020-01-01") == {"old"}
        assert ids(since="2021-01-01", until="2024-12-31") == set()

    @pytest.mark.parametrize(
        "query",
        [
            'workers" OR NEAR(',
            '"workers',
            "workers*",
            "^workers",
            "text:workers",
            "(workers",
            "{workers}",
            "workers AND",
            "NOT workers",
            "workers + NEAR/2",
            "workers'; DROP TABLE articles; --",
        ],
    )
    def test_search_syntax_in_user_text_is_only_words(self, store, query):
        add(store, "a1", *STRIKE)
        assert found(store.search(query, 5)) == [("a1", 0)]
        assert store.count() == 1

    @pytest.mark.parametrize("query", ["", "   ", "***", "?!", '""', "a I"])
    def test_a_query_with_no_word_to_seek_finds_nothing(self, store, query):
        # One-letter words are not sought. Longer stopwords are the backend's: SQLite's FTS5 has no stopword
        # list and seeks "the"; PostgreSQL's english configuration would drop it.
        add(store, "a1", "I said a word.", *STRIKE)
        assert store.search(query, 5) == []

    # phrase

    def test_phrase_finds_the_words_together_and_in_order(self, store):
        add(store, "a1", "Dock workers struck.", "The workers at the dock went home.", "Al-Sudani met dock workers.")
        assert found(store.phrase("dock workers", 5)) == [("a1", 0), ("a1", 2)]
        assert found(store.phrase("DOCK, workers!", 5)) == [("a1", 0), ("a1", 2)]
        assert found(store.phrase("al Sudani", 5)) == found(store.phrase("al-Sudani", 5)) == [("a1", 2)]
        assert store.phrase("workers dock", 5) == [] and store.phrase("workers went", 5) == []

    def test_phrase_lists_the_oldest_article_first_then_by_id_and_sentence(self, store):
        add(store, "new", "Dock workers struck.", "Dock workers marched.", date="2025-01-01", group="story-1")
        add(store, "x", "Dock workers struck.", date="2020-01-01")
        add(store, "undated", "Dock workers struck.", date=None)
        add(store, "c", "Dock workers struck.", date="2020-01-01")
        hits = store.phrase("dock workers", 10)
        # Undated articles come first, as SQLite sorts NULL dates (a PostgreSQL backend needs NULLS FIRST).
        assert found(hits) == [("undated", 0), ("c", 0), ("x", 0), ("new", 0), ("new", 1)]
        assert hits[-1].article == ArticleRef("new", "2025-01-01") and hits[-1].group == "story-1"
        assert hits[-1].citation == Citation(1, 21, 42, "Dock workers marched.")
        assert store.phrase("dock workers", 2) == hits[:2]

    @pytest.mark.parametrize("text", ["", "  ", "***", "NEAR(dock workers)", "dock AND workers"])
    def test_phrase_of_no_words_or_of_syntax_finds_nothing(self, store, text):
        add(store, "a1", *STRIKE)
        assert store.phrase(text, 5) == []

    def test_phrase_quotes_in_user_text_are_only_punctuation(self, store):
        add(store, "a1", *STRIKE)
        assert found(store.phrase('Dock "workers', 5)) == [("a1", 0)]

    # vectors

    def test_vectors_are_found_by_sentence_text(self, store):
        add(store, "a1", *STRIKE)
        got = store.vectors([STRIKE[1], "a sentence nobody stored", STRIKE[0], STRIKE[1]])
        assert got[1] is None
        for text, v in zip([STRIKE[1], STRIKE[0], STRIKE[1]], [got[0], got[2], got[3]], strict=True):
            assert np.allclose(v, vector(text), atol=0.01)  # SQLite stores them as int8
        assert store.vectors([]) == []

    def test_a_vector_stays_while_any_article_uses_its_text(self, store):
        add(store, "a1", *STRIKE)
        add(store, "a2", STRIKE[0], "Ships waited offshore.")
        store.delete("a1")
        assert np.allclose(store.vectors([STRIKE[0]])[0], vector(STRIKE[0]), atol=0.01)
        assert store.vectors([STRIKE[1]]) == [None]
        store.delete("a2")
        assert store.vectors([STRIKE[0], "Ships waited offshore."]) == [None, None]

    # delete, count

    def test_delete_removes_everything_about_the_article(self, store):
        add(store, "a1", *STRIKE)
        add(store, "a2", "Ships waited offshore.", date="2025-03-15")
        assert store.count() == 2
        assert store.delete("a1")
        assert not store.delete("a1") and not store.delete("never-stored")
        assert store.count() == 1 and store.get("a1") is None
        assert store.search("guarantees workers", 5) == [] and store.phrase("job guarantees", 5) == []
        assert [a.article.id for a in store.articles()] == ["a2"] and store.signatures()[0] == ["a2"]
        assert found(store.search("ships", 5)) == [("a2", 0)]
        assert add(store, "a1", *STRIKE)  # and it can be stored again

    # articles

    def test_articles_are_listed_oldest_first_with_limit_and_offset(self, store):
        add(store, "new", "Ships waited offshore.", date="2025-01-01")
        add(store, "x", "Dock workers struck.", date="2020-01-01")
        add(store, "undated", "Talks resume on Monday.", date=None)
        add(store, "c", "Prices rose at the port.", date="2020-01-01", group="x")

        def ids(*args, **kwargs):
            return [a.article.id for a in store.articles(*args, **kwargs)]

        # Undated articles come first, as SQLite sorts NULL dates; then by date, then by id.
        assert ids() == ids(-1) == ["undated", "c", "x", "new"]
        assert ids(2) == ["undated", "c"] and ids(offset=1) == ["c", "x", "new"] and ids(1, 2) == ["x"]
        assert ids(0) == [] and ids(offset=4) == []
        assert [a.group for a in store.articles()] == ["undated", "x", "x", "new"]

    # totals

    def test_totals_count_articles_and_story_groups_and_span_the_dates_of_the_dated_ones(self, store):
        assert store.totals() == Totals(0, 0, None, None)
        add(store, "undated", "Talks resume on Monday.", date=None)
        assert store.totals() == Totals(1, 1, None, None)
        add(store, "a1", *STRIKE, date="2025-03-14")
        add(store, "a2", *STRIKE, "Ships waited offshore.", date="2019-07-01", group="a1")
        add(store, "a3", "Prices rose at the port.", date="2024-01-02")
        assert store.totals() == Totals(4, 3, "2019-07-01", "2025-03-14")
        store.delete("a2")
        assert store.totals() == Totals(3, 3, "2024-01-02", "2025-03-14")

    # signatures

    def test_signatures_pair_each_articles_group_with_its_minhash(self, store):
        groups, matrix = store.signatures()
        assert groups == [] and matrix.shape == (0, SIGNATURE_LENGTH)
        add(store, "a1", *STRIKE)
        add(store, "a2", *STRIKE, "Talks resume on Monday.", group="a1")  # a near copy joins a1's story
        add(store, "a3", "Ships waited offshore.")
        groups, matrix = store.signatures()
        assert matrix.shape == (3, SIGNATURE_LENGTH) and matrix.dtype == np.uint64
        bodies = {"a1": " ".join(STRIKE), "a2": " ".join([*STRIKE, "Talks resume on Monday."])}
        bodies["a3"] = "Ships waited offshore."
        expected = [("a1", signature(bodies["a1"])), ("a1", signature(bodies["a2"])), ("a3", signature(bodies["a3"]))]
        assert sorted((g, row.tolist()) for g, row in zip(groups, matrix, strict=True)) == sorted(
            (g, row.tolist()) for g, row in expected
        )

    # close

    def test_a_closed_store_may_be_closed_again(self, store):
        add(store, "a1", *STRIKE)
        store.close()
        store.close()  # the fixture closes it once more
