"""The one core behind every face: the CLI, the web app and the batch runner parse their input, call a
``Newsfaq`` method with plain Python arguments, and print or serialise what it returns (each result has
``to_dict()``, the versioned JSON). No face holds logic of its own, as datasette keeps one ``Datasette``
object behind its CLI, HTML and JSON views.

Errors are ``NewsfaqError``s that carry the field they concern; each face names the field its own way
(``errors.describe``): a flag for the CLI, a JSON field for HTTP.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsfaq.archive import AddReport, Archive
from newsfaq.archive.timeline import TimelineEntry
from newsfaq.ask.answerability import STRICT_AT
from newsfaq.ask.answering import answer_question
from newsfaq.check.checker import check_many
from newsfaq.engines import READER
from newsfaq.errors import InputError, NewsfaqError, NotFound
from newsfaq.faq.writer import make_faq
from newsfaq.model import FAQ, Answer, Article, QAPair, Verdict
from newsfaq.render.archive_json import search_json, timeline_json
from newsfaq.render.report import report_dict
from newsfaq.settings import DEFAULT_SETTINGS, Reading, Settings
from newsfaq.store.base import Hit, Store, StoredArticle

Progress = Callable[[int, int], None]
"""Called with (done, total) as long work advances."""


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


@dataclass
class AddResult:
    """What adding did: the archive's counts, the articles read (stored or already there) and the inputs that
    could not be read, by name."""

    report: AddReport
    articles: list[Article] = field(default_factory=list)
    failures: list[tuple[str, NewsfaqError]] = field(default_factory=list)


class Newsfaq:
    """Every job newsfaq does, over an optional archive (``db``: a SQLite file, or ``store``: any backend);
    ``reading`` says how answers are looked for."""

    def __init__(
        self,
        db: str | Path | None = None,
        *,
        create: bool = False,
        read_only: bool = False,
        store: Store | None = None,
        reading: Reading = DEFAULT_SETTINGS.reading,
    ) -> None:
        self.db, self.reading = db, reading
        has_archive = db is not None or store is not None
        self._archive = (
            Archive(db, create=create, read_only=read_only, store=store, reading=reading) if has_archive else None
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

    @staticmethod
    def faq(
        article: Article,
        *,
        count: int = Settings.max_questions,
        engine: str | None = None,
        llm_url: str | None = None,
        progress: Progress | None = None,
    ) -> FAQ:
        """The article's FAQ, ``count`` items at most, questions by ``engine`` (``engines.FAQ_WRITER``)."""
        return make_faq(article, Settings(max_questions=count, faq_engine=engine, llm_url=llm_url), progress=progress)

    @staticmethod
    def check(
        article: Article,
        *,
        claims: Sequence[str] | None = None,
        faq: Sequence[QAPair] | None = None,
        judge: str | None = None,
        llm_url: str | None = None,
        progress: Progress | None = None,
    ) -> CheckReport:
        """Verdicts on ``claims`` when given, else on the answers of ``faq`` or of the article's own FAQ
        section (a question is context, not a claim)."""
        items: list[QAPair | None]
        if claims is not None:
            texts = [claim for claim in claims if claim.strip()]
            if not texts:
                raise InputError("{field}: every claim is empty; give at least one sentence to check", field="claims")
            items = [None] * len(texts)
        else:
            pairs = list(faq if faq is not None else article.existing_faq)
            if not pairs:
                raise InputError("the article has no FAQ section; give {field} or claims to check", field="faq")
            items, texts = list(pairs), [item.answer for item in pairs]
        verdicts = check_many(
            [(article, text) for text in texts], judge=judge, llm_url=llm_url, judge_progress=progress
        )
        return CheckReport(article, list(zip(items, verdicts, strict=True)))

    @staticmethod
    def check_pairs(
        pairs: Sequence[tuple[str, str]],
        *,
        judge: str | None = None,
        llm_url: str | None = None,
        progress: Callable[[int], None] | None = None,
        judge_progress: Progress | None = None,
        processes: int = 1,
    ) -> list[Verdict]:
        """A verdict on each (document, claim) pair: the batch check, over ``processes`` worker processes."""
        return check_many(
            pairs, judge=judge, llm_url=llm_url, progress=progress, judge_progress=judge_progress, processes=processes
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
        llm_url: str | None = None,
        strict: bool = False,
    ) -> Answer:
        """The answer from ``article`` when given, else from the archive (as it stood ``as_of``, between
        ``since`` and ``until``), read by ``engine`` (``engines.READER``); ``strict`` asks for more confidence."""
        model = READER.model(engine, llm_url)
        answer_at = STRICT_AT if strict else self.reading.answer_at
        if article is not None:
            return answer_question(question, article, answer_at, model, self.reading)
        return self.archive().ask(question, as_of, since, until, answer_at, model)

    def add(self, inputs: Iterable[tuple[str, Article | NewsfaqError]], progress: Progress | None = None) -> AddResult:
        """Store every input that was read as an article; an input that was not is recorded and the rest go on."""
        result = AddResult(AddReport())
        for name, item in inputs:
            if isinstance(item, NewsfaqError):
                result.failures.append((name, item))
            else:
                result.articles.append(item)
        done = 0

        def advance(step: int) -> None:
            nonlocal done
            done += step
            if progress:
                progress(done, len(result.articles))

        result.report = self.archive().add(result.articles, progress=advance)
        return result

    def search(self, query: str, limit: int = 10, since: str | None = None, until: str | None = None) -> SearchResults:
        """Sentences for ``query`` between ``since`` and ``until``, best first."""
        return SearchResults(query, self.archive().search(query, limit, since, until))

    def timeline(self, entity: str) -> Timeline:
        """Sentences naming ``entity`` as dated events, oldest first."""
        return Timeline(entity, self.archive().timeline(entity))

    def articles(self, limit: int = -1, offset: int = 0) -> list[StoredArticle]:
        """Stored articles, oldest first; ``limit`` -1 means all."""
        return self.archive().articles(limit, offset)

    def stored(self, article_id: str) -> StoredArticle:
        """The archived article with this id, or NotFound."""
        stored = self.archive().store.get(article_id)
        if stored is None:
            raise NotFound(f"no article {article_id!r} in the archive", field="article_id")
        return stored

    def remove(self, article_id: str) -> None:
        """Remove the article with this id, or NotFound."""
        self.stored(article_id)
        self.archive().remove(article_id)

    def count(self) -> int:
        """How many articles the archive holds (0 without one)."""
        return self.archive().store.count() if self._archive is not None else 0

    def stats(self) -> dict[str, object]:
        """The archive's article and story-group counts and its date range."""
        return self.archive().stats()
