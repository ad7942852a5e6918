"""Adding articles in two steps: ``prepare`` does the work (sentences, their embeddings, the MinHash
signature) anywhere, a batch worker included; a ``Writer`` groups near-identical copies and stores each
prepared article in its own transaction, in the one process that writes the archive."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from newsfaq.archive.story_groups import StoryGroups, signature
from newsfaq.model import Article, Sentence
from newsfaq.nlp.embeddings import get_embedder
from newsfaq.nlp.sentences import split_sentences
from newsfaq.store.base import ArticleNotStored, Store


@dataclass
class AddReport:
    """What adding did: articles stored now, those already stored, and the new ones that joined a stored story."""

    added: int = 0
    duplicates: int = 0
    grouped: int = 0
    """Added articles that joined an existing story group (near-identical copies)."""
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(article id, why) for each article the store could not take."""


@dataclass(frozen=True)
class PreparedArticle:
    """An article ready to store: its sentences, one embedding per sentence, and its MinHash signature."""

    article: Article
    sentences: list[Sentence]
    vectors: np.ndarray
    signature: np.ndarray


StoredVectors = Callable[[list[str]], list[np.ndarray | None]]
"""An archive's embeddings of sentence texts, None where it has none (``Store.vectors``)."""


def embeddings(texts: list[str], stored_vectors: StoredVectors | None = None) -> dict[str, np.ndarray]:
    """Each distinct text's embedding: the one ``stored_vectors`` gives where an archive holds it (wire copies
    repeat sentences), else computed now, all in one call."""
    unique = list(dict.fromkeys(texts))
    vectors = dict(zip(unique, stored_vectors(unique) if stored_vectors else [None] * len(unique), strict=True))
    missing = [text for text, vector in vectors.items() if vector is None]
    vectors.update(zip(missing, get_embedder().embed(missing), strict=True))
    return vectors


def prepare(articles: list[Article], stored_vectors: StoredVectors | None = None) -> list[PreparedArticle]:
    """The articles split and embedded in one pass each (``embeddings``: only what ``stored_vectors`` lacks is
    computed)."""
    split = split_sentences([a.body for a in articles])
    vectors = embeddings([s.text for sentences in split for s in sentences], stored_vectors)
    return [
        PreparedArticle(article, sentences, np.array([vectors[s.text] for s in sentences]), signature(article.body))
        for article, sentences in zip(articles, split, strict=True)
    ]


class Writer:
    """Stores prepared articles in ``store``, keeping the story groups' signatures in memory while it writes."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.groups = StoryGroups(*store.signatures())

    def add(self, prepared: list[PreparedArticle], report: AddReport) -> None:
        """Store each article not stored yet, in its own transaction, counting into ``report``; one the store
        could not take (``ArticleNotStored``) is recorded there and the others go on."""
        for item in prepared:
            group = self.groups.group_for(item.signature, item.article.id)
            try:
                stored = self.store.add(item.article, item.sentences, item.signature, group, item.vectors)
            except ArticleNotStored as error:
                report.failed.append((item.article.id, str(error)))
                continue
            if stored:
                report.added += 1
                report.grouped += group != item.article.id
                self.groups.add(group, item.signature)
            else:
                report.duplicates += 1  # already stored, or an identical article earlier in this run
