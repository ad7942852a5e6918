"""What an archive backend must do, so a PostgreSQL store can follow the SQLite
one without touching callers (as Haystack keeps ``DocumentStore`` a Protocol)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from newsfaq.errors import NewsfaqError
from newsfaq.model import Article, ArticleRef, Citation, Sentence

ARCHIVE_FORMAT = "newsfaq-archive/1"
"""What marks a database or file as a newsfaq archive (its meta table's 'format')."""
QUANTUM = 127.0
"""Unit vectors are stored as int8 (value * 127): a quarter of float32's size, cosines within about 0.01."""

SIGNATURE_LENGTH = 64
"""Values in an article's MinHash signature (one per permutation): every backend stores them at this width."""


def indexed_words(text: str) -> list[str]:
    """The words of ``text`` as the backends index and search them: runs of letters and digits, as SQLite
    FTS5's unicode61 tokenizer splits them."""
    return "".join(ch if ch.isalnum() else " " for ch in text).split()


class ArchiveError(NewsfaqError):
    """The archive is missing, unreachable, locked or damaged, or refused a write."""


class ArticleNotStored(ArchiveError):
    """One article could not be stored (its connection was lost twice): the others can go on."""


@dataclass(frozen=True)
class Hit:
    """A sentence found by a search, with its article and the backend's relevance (higher is better)."""

    article: ArticleRef
    citation: Citation
    relevance: float
    group: str = ""
    """The article's story group (near-identical copies share one)."""


@dataclass(frozen=True)
class StoredArticle:
    """An article as the store keeps it (its own fields, not ``existing_faq``) with its story group."""

    article: Article
    group: str
    """Id of the first stored copy of this story; near-identical copies share it."""


@dataclass(frozen=True)
class Totals:
    """What ``stats`` reports, counted by the backend rather than by reading every article."""

    articles: int
    story_groups: int
    oldest: str | None
    """The earliest article date, None when no article is dated."""
    newest: str | None


TOTALS_QUERY = "SELECT count(*), count(DISTINCT grp), min(date), max(date) FROM articles"
"""``Totals`` in SQL, as both SQL backends ask it (MIN and MAX pass over undated articles)."""


class Store(Protocol):
    """An archive backend. tests/store/contract.py holds what each must do; SQLiteStore and MemoryStore pass it."""

    def add(
        self, article: Article, sentences: list[Sentence], signature: np.ndarray, group: str, vectors: np.ndarray
    ) -> bool:
        """Store the article atomically, with one embedding per sentence; False, changing nothing, when its id is
        already stored. ``ArticleNotStored`` when this article could not be stored but others may be."""

    def vectors(self, texts: list[str]) -> list[np.ndarray | None]:
        """The stored embedding of each sentence text, None where no stored article has that sentence."""

    def get(self, article_id: str) -> StoredArticle | None:
        """The stored article with this id, None when there is none."""

    def search(self, query: str, limit: int, since: str | None = None, until: str | None = None) -> list[Hit]:
        """Sentences holding any of the words of ``query`` (one-letter words are not sought), most relevant
        first; ``since`` and ``until`` bound the article's date inclusively, and an undated article is in no range."""

    def phrase(self, text: str, limit: int) -> list[Hit]:
        """Sentences holding the words of ``text`` together and in order; undated articles first, then by date,
        article id and sentence."""

    def delete(self, article_id: str) -> bool:
        """Remove the article, its sentences and the embeddings no other article uses; False when it is not
        stored."""

    def count(self) -> int:
        """How many articles are stored."""

    def totals(self) -> Totals:
        """How many articles and story groups are stored, and the oldest and newest article dates."""

    def articles(self, limit: int = -1, offset: int = 0) -> list[StoredArticle]:
        """Stored articles, undated ones first, then by date and id; ``limit`` -1 means all."""

    def signatures(self) -> tuple[list[str], np.ndarray]:
        """Each stored article's story group and MinHash signature (uint64, one row per article: a group appears
        once for each of its copies), for near-duplicate grouping."""

    def close(self) -> None:
        """Release what the store holds; closing again does nothing."""
