"""``Archive``: many dated articles in one store, searched, asked and put on a timeline.

Adding splits each article into sentences (the checker's fast splitter),
embeds each sentence the archive does not already hold, keys the article by
content hash (its id), groups near-identical copies of a wire story by
MinHash, and writes it in one transaction. Asking retrieves sentences by
BM25, re-ranks them by the question's informative words fused with embedding
closeness, parses only the best few and lets the reader answer or abstain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

from newsfaq.archive.adding import AddReport, Writer, embeddings, prepare
from newsfaq.archive.timeline import TimelineEntry, build_timeline
from newsfaq.ask.answering import Passage, answer_from, validate_question
from newsfaq.ask.question_analysis import QuestionInfo, analyse_question
from newsfaq.ask.sentences import fused_score, rank_sentences
from newsfaq.ask.subject import about_subject
from newsfaq.datetext import parse_iso
from newsfaq.errors import FIELD, InputError
from newsfaq.model import Answer, Article
from newsfaq.nlp.embeddings import embed_question
from newsfaq.nlp.lexicon import content_keys
from newsfaq.nlp.llm import ReplyWriter
from newsfaq.nlp.pipeline import get_nlp
from newsfaq.settings import DEFAULT_SETTINGS, Reading
from newsfaq.store.base import Hit, Store, StoredArticle
from newsfaq.store.opening import open_store

ADD_BATCH = 64


def check_date(value: str | None, field: str) -> str | None:
    """``value`` if it is a YYYY-MM-DD date; ``field`` is the input it came from, named in the error."""
    if value is None:
        return None
    if parse_iso(value) is None:
        raise InputError(f"{FIELD} {value!r} is not a date; write it as YYYY-MM-DD", field=field)
    return value


class Archive:
    """Dated articles in a ``store`` (by default the one ``path`` names: a SQLite file, or a PostgreSQL database
    by its ``postgresql://`` URL), read as ``reading`` says."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        create: bool = False,
        read_only: bool = False,
        store: Store | None = None,
        reading: Reading = DEFAULT_SETTINGS.reading,
    ) -> None:
        if store is None and path is None:
            raise TypeError("Archive needs a path or a store")
        self.store: Store = store or open_store(path, create=create, read_only=read_only)
        self.reading = reading

    def add(self, articles: Iterable[Article], progress: Callable[[int], None] | None = None) -> AddReport:
        """Store each article in its own transaction; sentence splitting and embedding run in batches."""
        report = AddReport()
        writer = self.writer()
        articles = list(articles)
        for start in range(0, len(articles), ADD_BATCH):
            batch = [a for a in articles[start : start + ADD_BATCH] if self.store.get(a.id) is None]
            report.duplicates += min(ADD_BATCH, len(articles) - start) - len(batch)
            writer.add(prepare(batch, self.store.vectors), report)
            if progress:
                progress(min(ADD_BATCH, len(articles) - start))
        return report

    def writer(self) -> Writer:
        """What stores prepared articles (``adding.prepare``, made elsewhere) in this archive."""
        return Writer(self.store)

    def search(self, query: str, limit: int = 10, since: str | None = None, until: str | None = None) -> list[Hit]:
        """Sentences for ``query``, best first, by the same fused score ``ask`` reads them in."""
        query = validate_question(query, "query")
        since, until = check_date(since, "since"), check_date(until, "until")
        hits, _ = self._retrieve(analyse_question(query), since, until, max(limit, self.reading.retrieve))
        return hits[:limit]

    def timeline(self, entity: str, limit: int = 200) -> list[TimelineEntry]:
        """Sentences naming ``entity`` as dated events, oldest first."""
        if not entity.strip():
            raise InputError("give an entity to follow, e.g. 'al-Sudani'")
        return build_timeline(self.store.phrase(entity, limit))

    def ask(
        self,
        question: str,
        as_of: str | None = None,
        since: str | None = None,
        until: str | None = None,
        answer_at: float | None = None,
        model: ReplyWriter | None = None,
    ) -> Answer:
        """The archive's answer (``answer_from``: ``answer_at``, the confidence it needs, 0 always answers,
        None the engine's default; ``model``, the model reader or None for the fast reader alone)."""
        question = validate_question(question)
        until = min(filter(None, [check_date(until, "until"), check_date(as_of, "as_of")]), default=None)
        info = analyse_question(question)
        passages = self._passages(info, *self._retrieve(info, check_date(since, "since"), until))
        answer = answer_from(question, passages, answer_at, model, from_archive=True, reading=self.reading)
        if not passages:
            answer.message = "The archive does not say: no article matches the question's words."
        return answer

    def _retrieve(
        self, info: QuestionInfo, since: str | None, until: str | None, depth: int | None = None
    ) -> tuple[list[Hit], dict[str, np.ndarray]]:
        """BM25's best ``depth`` sentences (by default ``reading.retrieve``) re-ranked as the reader ranks
        sentences: the share of the question's informative words they hold plus ``reading.closeness_weight`` x
        their embedding's cosine with the question's (``relevance``); with each sentence's embedding, by text."""
        # Only the informative words go to BM25: "what", "the", "did" would match nearly every sentence.
        terms = " ".join(w.text for w in info.words if w.content) or info.text
        hits = self.store.search(terms, depth or self.reading.retrieve, since, until)
        vectors = embeddings([h.citation.text for h in hits], self.store.vectors)
        query = embed_question(info.text)
        shares = rank_sentences(info, [h.citation.text for h in hits])

        def fused(index: int, share: float) -> Hit:
            closeness = float(vectors[hits[index].citation.text] @ query)
            relevance = fused_score(share, closeness, self.reading.closeness_weight)
            return replace(hits[index], relevance=round(relevance, 4))

        return sorted((fused(i, share) for i, share in shares), key=lambda hit: -hit.relevance), vectors

    def _passages(self, info: QuestionInfo, hits: list[Hit], vectors: dict[str, np.ndarray]) -> list[Passage]:
        """The best sentences of the best few articles (``hits``: best first, ``vectors``: their embeddings by
        text), parsed, best article first. Articles that name the question's subject come first: a reworded
        question often matches a sentence of another story better than the story it asks about, and the
        reader would read that other story in vain (``answer_from`` never answers from it)."""
        by_article: dict[str, list[Hit]] = {}
        groups: dict[str, str] = {}  # story group -> the article read for it
        for hit in hits:
            if groups.setdefault(hit.group, hit.article.id) == hit.article.id:  # not a copy of one being read
                by_article.setdefault(hit.article.id, []).append(hit)
        articles, look_further = self.reading.read_articles, self.reading.subject_search_articles
        keys = {article_id: self._keys(article_id) for article_id in list(by_article)[:articles]}
        if not all(about_subject(info, k) for k in keys.values()):
            for article_id in list(by_article)[articles:look_further]:
                keys[article_id] = self._keys(article_id)
        ranked = sorted(keys, key=lambda article_id: not about_subject(info, keys[article_id]))
        read = [by_article[article_id][: self.reading.read_sentences] for article_id in ranked[:articles]]
        parsed = iter(get_nlp().pipe((h.citation.text for hits in read for h in hits), disable=["lemmatizer"]))
        passages = []
        for article_hits in read:
            sentences = [next(parsed)[:] for _ in article_hits]
            offsets = [(h.citation.sentence, h.citation.start, h.citation.end) for h in article_hits]
            matrix = np.array([vectors[h.citation.text] for h in article_hits])
            article_keys = keys[article_hits[0].article.id]
            passages.append(Passage(article_hits[0].article, sentences, offsets, article_keys, matrix))
        return passages

    def _keys(self, article_id: str) -> set[str]:
        return content_keys(self.store.get(article_id).article.body)

    def articles(self, limit: int = -1, offset: int = 0) -> list[StoredArticle]:
        """Stored articles, undated ones first, then by date and id; ``limit`` -1 means all."""
        return self.store.articles(limit, offset)

    def remove(self, article_id: str) -> bool:
        """Remove the article, its sentences and the embeddings no other article uses; False when it is not
        stored."""
        return self.store.delete(article_id)

    def stats(self) -> dict[str, object]:
        """How many articles and story groups the archive holds, and its oldest and newest article dates
        (None when no article is dated)."""
        return asdict(self.store.totals())  # counted by the store: an archive of millions is not read for it

    def close(self) -> None:
        """Close the store (leaving a ``with`` block does it too)."""
        self.store.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
