"""What an archive backend must do, so a PostgreSQL store can follow the SQLite
one without touching callers (as Haystack keeps ``DocumentStore`` a Protocol)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from newsfaq.model import Article, ArticleRef, Citation, Sentence


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
    article: Article
    group: str
    """Id of the first stored copy of this story; near-identical copies share it."""


class Store(Protocol):
    def add(
        self, article: Article, sentences: list[Sentence], signature: np.ndarray, group: str, vectors: np.ndarray
    ) -> bool:
        """Store the article atomically, with one embedding per sentence; False when it is already stored."""

    def vectors(self, texts: list[str]) -> list[np.ndarray | None]:
        """The stored embedding of each sentence text, None where there is none."""

    def get(self, article_id: str) -> StoredArticle | None: ...

    def search(self, query: str, limit: int, since: str | None = None, until: str | None = None) -> list[Hit]:
        """Sentences matching the words of ``query`` (any of them), most relevant first."""

    def phrase(self, text: str, limit: int) -> list[Hit]:
        """Sentences containing ``text`` as a phrase, oldest article first."""

    def delete(self, article_id: str) -> bool: ...

    def count(self) -> int: ...

    def articles(self, limit: int = -1, offset: int = 0) -> list[StoredArticle]:
        """Stored articles, oldest first; ``limit`` -1 means all."""

    def signatures(self) -> tuple[list[str], np.ndarray]:
        """Groups and MinHash signatures of every stored article (for near-duplicate grouping)."""

    def close(self) -> None: ...
