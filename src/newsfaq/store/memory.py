"""An archive backend held in memory: for tests, and the proof that the ``Store`` protocol is backend-neutral
(it passes the same contract, tests/store/contract.py, as ``SQLiteStore`` while sharing none of its code).

It ranks as SQLite's FTS5 index does, BM25 over sentences for any of the query's words, but without the Porter
stemmer, so here "strikes" does not find "strike". Equally relevant hits, dates and undated articles come in
the order SQLiteStore gives them.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace

import numpy as np

from newsfaq.model import Article, ArticleRef, Citation, Sentence
from newsfaq.store.base import SIGNATURE_LENGTH, Hit, StoredArticle, Totals, indexed_words

K1, B = 1.2, 0.75
"""BM25's term-frequency saturation and length normalisation, FTS5's values."""
MIN_IDF = 1e-6
"""FTS5's floor for a word found in half the sentences or more (its BM25 idf would be zero or less)."""


def _holds(words: list[str], phrase: list[str]) -> bool:
    return any(words[i : i + len(phrase)] == phrase for i in range(len(words) - len(phrase) + 1))


def _within(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether ``date`` is in the range, compared as text as SQL does; an undated article is in no range."""
    if since is None and until is None:
        return True
    return date is not None and (since is None or date >= since) and (until is None or date <= until)


def _page(items: list, limit: int, offset: int = 0) -> list:
    """``limit`` items from ``offset``; a negative limit means all of them, as in SQL's LIMIT."""
    return items[offset:] if limit < 0 else items[offset : offset + limit]


@dataclass
class _Stored:
    article: Article
    group: str
    signature: np.ndarray
    sentences: list[Sentence]

    def hit(self, sentence: Sentence, relevance: float) -> Hit:
        """A hit on one of this article's sentences."""
        citation = Citation(sentence.index, sentence.start, sentence.end, sentence.text)
        return Hit(ArticleRef.of(self.article), citation, relevance, self.group)


class MemoryStore:
    """Articles in insertion order, and one embedding per sentence text with the number of sentences using it."""

    def __init__(self) -> None:
        self._articles: dict[str, _Stored] = {}
        self._vectors: dict[str, np.ndarray] = {}
        self._uses: Counter[str] = Counter()

    def add(
        self, article: Article, sentences: list[Sentence], signature: np.ndarray, group: str, vectors: np.ndarray
    ) -> bool:
        """Store the article, with one embedding per sentence text (the first one stored is kept); False when
        its id is already stored."""
        if article.id in self._articles:
            return False
        embedded = list(zip(sentences, vectors, strict=True))  # a mismatch raises before anything is stored
        # Only the article's own fields are kept, as SQLite has no column for someone else's FAQ.
        stored = replace(article, existing_faq=[])
        self._articles[article.id] = _Stored(stored, group, signature.astype(np.uint64), list(sentences))
        for sentence, vector in embedded:
            self._vectors.setdefault(sentence.text, np.array(vector, dtype=float))  # the first one stored is kept
            self._uses[sentence.text] += 1
        return True

    def vectors(self, texts: list[str]) -> list[np.ndarray | None]:
        """The held embedding of each sentence text, None where no stored article has that sentence."""
        return [self._vectors.get(text) for text in texts]

    def get(self, article_id: str) -> StoredArticle | None:
        """A copy of the stored article with this id, None when there is none."""
        stored = self._articles.get(article_id)
        return None if stored is None else StoredArticle(replace(stored.article), stored.group)

    def search(self, query: str, limit: int, since: str | None = None, until: str | None = None) -> list[Hit]:
        """Sentences with any of the query's words of two letters or more, by BM25 as FTS5 computes it (but
        unstemmed); ``since`` and ``until`` bound the date as in ``Store.search``."""
        terms = [
            word for word in indexed_words(query.lower()) if len(word) > 1
        ]  # as SQLiteStore, one-letter words are not sought
        rows = [
            (stored, s, Counter(indexed_words(s.text.lower())))
            for stored in self._articles.values()
            for s in stored.sentences
        ]
        if not rows:
            return []
        # As FTS5, the statistics are over every stored sentence, whatever the date range.
        average = sum(sum(words.values()) for *_, words in rows) / len(rows)
        found = {term: sum(term in words for *_, words in rows) for term in terms}
        idf = {term: max(math.log((len(rows) - n + 0.5) / (n + 0.5)), MIN_IDF) for term, n in found.items()}
        hits = []
        for stored, sentence, words in rows:
            if any(term in words for term in terms) and _within(stored.article.date, since, until):
                norm = K1 * (1 - B + B * sum(words.values()) / average)
                score = sum(idf[term] * words[term] * (K1 + 1) / (words[term] + norm) for term in terms)
                hits.append(stored.hit(sentence, score))
        hits.sort(key=lambda hit: -hit.relevance)  # stable: ties stay in the order stored, as SQLite returns them
        return _page(hits, limit)

    def phrase(self, text: str, limit: int) -> list[Hit]:
        """Sentences holding the words of ``text`` together and in order; undated articles first, then by date,
        article id and sentence."""
        phrase = indexed_words(text.lower())
        if not phrase:
            return []
        hits = [
            stored.hit(sentence, 0.0)
            for stored in self._oldest_first()
            for sentence in sorted(stored.sentences, key=lambda s: s.index)
            if _holds(indexed_words(sentence.text.lower()), phrase)
        ]
        return _page(hits, limit)

    def delete(self, article_id: str) -> bool:
        """Remove the article and the embeddings no other stored sentence uses; False when it is not stored."""
        stored = self._articles.pop(article_id, None)
        if stored is None:
            return False
        for sentence in stored.sentences:
            self._uses[sentence.text] -= 1
            if not self._uses[sentence.text]:
                del self._uses[sentence.text], self._vectors[sentence.text]
        return True

    def count(self) -> int:
        """How many articles are stored."""
        return len(self._articles)

    def totals(self) -> Totals:
        """Articles, story groups and the date range of what is held."""
        dates = sorted(s.article.date for s in self._articles.values() if s.article.date)
        groups = {s.group for s in self._articles.values()}
        return Totals(len(self._articles), len(groups), dates[0] if dates else None, dates[-1] if dates else None)

    def articles(self, limit: int = -1, offset: int = 0) -> list[StoredArticle]:
        """Copies of the stored articles, undated ones first, then by date and id; ``limit`` -1 means all."""
        return [StoredArticle(replace(s.article), s.group) for s in _page(self._oldest_first(), limit, offset)]

    def signatures(self) -> tuple[list[str], np.ndarray]:
        """Each stored article's group and MinHash signature (one uint64 row per article)."""
        stored = list(self._articles.values())
        matrix = np.array([s.signature for s in stored], dtype=np.uint64).reshape(-1, SIGNATURE_LENGTH)
        return [s.group for s in stored], matrix

    def close(self) -> None:
        """Nothing to release: the articles live as long as the store."""

    def _oldest_first(self) -> list[_Stored]:
        """By date then id, undated articles first (SQLite sorts NULL before any date)."""
        return sorted(
            self._articles.values(), key=lambda s: (s.article.date is not None, s.article.date or "", s.article.id)
        )
