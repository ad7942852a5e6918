"""The one core behind every face: the CLI, the web app and the batch runner parse their input, call a
``Newsfaq`` method with plain Python arguments, and print or serialise what it returns (each result has
``to_dict()``, the versioned JSON). No face holds logic of its own, as datasette keeps one ``Datasette``
object behind its CLI, HTML and JSON views.

Errors are ``NewsfaqError``s that carry the field they concern; each face names the field its own way
(``errors.describe``): a flag for the CLI, a JSON field for HTTP.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from newsfaq.archive import AddReport, Archive
from newsfaq.archive.timeline import TimelineEntry
from newsfaq.ask.answerability import STRICT_AT
from newsfaq.ask.answering import answer_question
from newsfaq.check.checker import check_many
from newsfaq.engines import READER
from newsfaq.errors import FIELD, InputError, NewsfaqError, NotFound
from newsfaq.faq.writer import make_faq
from newsfaq.model import FAQ, Answer, Article, QAPair, Verdict
from newsfaq.render.archive_json import search_json, timeline_json
from newsfaq.render.report import report_dict
from newsfaq.settings import DEFAULT_SETTINGS, Settings
from newsfaq.store.base import Hit, Store, StoredArticle

Progress = Callable[[int, int], None]
"""A progress callback: called with (done, total) as long work advances."""


@dataclass(frozen=True)
class CheckReport:
    """Verdicts on an article's FAQ answers or on bare claims: each item (None for a claim) with its verdict."""

    article: Article
    items: list[tuple[QAPair | None, Verdict]]

    def to_dict(self) -> dict:
        """The ``newsfaq.check/1`` document."""
        return report_dict(self.article, self.items)


@dataclass(frozen=True)
class SearchResults:
    """The sentences found for ``query``, best first."""

    query: str
    hits: list[Hit]

    def to_dict(self) -> dict:
        """The ``newsfaq.search/1`` document."""
        return search_json(self.query, self.hits)


@dataclass(frozen=True)
class Timeline:
    """Dated sentences naming ``entity``, oldest first."""

    entity: str
    entries: list[TimelineEntry]

    def to_dict(self) -> dict:
        """The ``newsfaq.timeline/1`` document."""
        return timeline_json(self.entity, self.entries)


def split_inputs(
    inputs: Iterable[tuple[str, Article | NewsfaqError]],
) -> tuple[list[Article], list[tuple[str, NewsfaqError]]]:
    """The inputs read as articles, and the (name, error) of those that were not, so a batch goes on past them
    and can say which failed."""
    articles, failures = [], []
    for name, item in inputs:
        if isinstance(item, NewsfaqError):
            failures.append((name, item))
        else:
            articles.append(item)
    return articles, failures


class Newsfaq:
    """Every job newsfaq does, with ``settings``, over an optional archive (``db``: a SQLite file, or
    ``store``: any backend)."""

    def __init__(
        self,
        db: str | Path | None = None,
        *,
        create: bool = False,
        read_only: bool = False,
        store: Store | None = None,
        settings: Settings = DEFAULT_SETTINGS,
    ) -> None:
        self.settings = settings
        has_archive = db is not None or store is not None
        self._archive = (
            Archive(db, create=create, read_only=read_only, store=store, reading=settings.reading)
            if has_archive
            else None
        )

    def close(self) -> None:
        """Close the archive, if one is open."""
        if self._archive is not None:
            self._archive.close()

    def __enter__(self) -> Newsfaq:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def archive(self) -> Archive:
        """The open archive, or NotFound when this core has none."""
        if self._archive is None:
            raise NotFound("there is no archive to read; open one (newsfaq serve --db FILE, Newsfaq(db=...))")
        return self._archive

    def faq(
        self,
        article: Article,
        *,
        count: int | None = None,
        engine: str | None = None,
        answers: str | None = None,
        progress: Progress | None = None,
        answer_progress: Progress | None = None,
    ) -> FAQ:
        """The article's FAQ: ``count`` items at most, questions by ``engine`` (``engines.FAQ_WRITER``) and
        ``answers`` quoted or also short (``faq/short_answers.py``), each the settings' own when None."""
        settings = replace(
            self.settings,
            max_questions=count or self.settings.max_questions,
            faq_engine=engine or self.settings.faq_engine,
            answers=answers or self.settings.answers,
        )
        return make_faq(article, settings, progress=progress, answer_progress=answer_progress)

    def check(
        self,
        article: Article,
        *,
        claims: Sequence[str] | None = None,
        faq: Sequence[QAPair] | None = None,
        judge: str | None = None,
        judge_progress: Progress | None = None,
    ) -> CheckReport:
        """Verdicts on ``claims`` when given, else on the answers of ``faq`` or of the article's own FAQ
        section (a question is context, not a claim); ``judge``: the model judge's mode, else the settings'."""
        items: list[QAPair | None]
        if claims is not None:
            texts = [claim for claim in claims if claim.strip()]
            if not texts:
                raise InputError(f"{FIELD}: every claim is empty; give at least one sentence to check", field="claims")
            items = [None] * len(texts)
        else:
            pairs = list(faq if faq is not None else article.existing_faq)
            if not pairs:
                raise InputError(f"the article has no FAQ section; give {FIELD} or claims to check", field="faq")
            items, texts = list(pairs), [item.answer for item in pairs]
        verdicts = self.check_pairs([(article, text) for text in texts], judge=judge, judge_progress=judge_progress)
        return CheckReport(article, list(zip(items, verdicts, strict=True)))

    def check_pairs(
        self,
        pairs: Sequence[tuple[Article | str, str]],
        *,
        judge: str | None = None,
        progress: Callable[[int], None] | None = None,
        judge_progress: Progress | None = None,
        processes: int = 1,
    ) -> list[Verdict]:
        """A verdict on each (document, claim) pair, over ``processes`` worker processes; ``progress`` is told
        how many more pairs are done, ``judge_progress`` how far the model judge has got."""
        return check_many(
            pairs,
            judge=judge if judge is not None else self.settings.judge,
            llm_url=self.settings.llm_url,
            progress=progress,
            judge_progress=judge_progress,
            processes=processes,
        )

    def ask(
        self,
        question: str,
        *,
        article: Article | None = None,
        as_of: str | None = None,
        since: str | None = None,
        until: str | None = None,
        engine: str | None = None,
        strict: bool = False,
    ) -> Answer:
        """The answer from ``article`` when given, else from the archive (as it stood ``as_of``, between
        ``since`` and ``until``), read by ``engine`` (``engines.READER``); ``strict`` asks for at least
        ``STRICT_AT`` confidence, else the settings' bar (``Reading.answer_at``) or the engine's holds."""
        model = READER.model(engine, self.settings.llm_url)
        reading = self.settings.reading
        answer_at = max(STRICT_AT, reading.answer_at or 0.0) if strict else None
        if article is not None:
            return answer_question(question, article, answer_at, model, reading)
        return self.archive().ask(question, as_of, since, until, answer_at, model)

    def add(self, articles: list[Article], progress: Progress | None = None) -> AddReport:
        """Store each article not stored yet (``split_inputs`` separates those that could not be read)."""
        done = 0

        def advance(step: int) -> None:
            nonlocal done
            done += step
            if progress:
                progress(done, len(articles))

        return self.archive().add(articles, progress=advance)

    def search(self, query: str, limit: int = 10, since: str | None = None, until: str | None = None) -> SearchResults:
        """Sentences for ``query`` between ``since`` and ``until``, best first."""
        return SearchResults(query, self.archive().search(query, limit, since, until))

    def timeline(self, entity: str) -> Timeline:
        """Sentences naming ``entity`` as dated events, oldest first."""
        return Timeline(entity, self.archive().timeline(entity))

    def articles(self, limit: int = -1, offset: int = 0) -> list[StoredArticle]:
        """Stored articles, undated first, then by date and id; ``limit`` -1 means all."""
        return self.archive().articles(limit, offset)

    def stored(self, article_id: str) -> StoredArticle:
        """The archived article with this id, or NotFound."""
        stored = self.archive().store.get(article_id)
        if stored is None:
            raise _no_such_article(article_id)
        return stored

    def remove(self, article_id: str) -> None:
        """Remove the article with this id, or NotFound."""
        if not self.archive().remove(article_id):
            raise _no_such_article(article_id)

    def count(self) -> int:
        """How many articles the archive holds (0 without one)."""
        return self.archive().store.count() if self._archive is not None else 0

    def stats(self) -> dict[str, object]:
        """The archive's article and story-group counts and its date range."""
        return self.archive().stats()


def _no_such_article(article_id: str) -> NotFound:
    return NotFound(f"no article {article_id!r} in the archive", field="article_id")
