"""The work behind the HTTP API, with no HTTP in it: each method turns a request (a request model, or the
route's parameters) into a ``Newsfaq`` call and returns the versioned JSON the CLI prints."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path, PureWindowsPath

from newsfaq.ask.reader import get_reader
from newsfaq.check.faq_input import parse_faq
from newsfaq.check.scorer import get_model
from newsfaq.errors import InputError, MissingDateError, NewsfaqError, NotFound
from newsfaq.ingest import iter_parsed, parse_article
from newsfaq.model import FAQ, Article, QAPair
from newsfaq.nlp.embeddings import get_embedder
from newsfaq.nlp.pipeline import get_nlp
from newsfaq.render import render_faq
from newsfaq.render.archive_json import article_json, articles_json
from newsfaq.service import Newsfaq, split_inputs
from newsfaq.settings import Settings
from newsfaq.store.base import StoredArticle
from newsfaq.version import __version__
from newsfaq.web.requests import (
    AddRequest,
    ArticleInput,
    AskRequest,
    CheckRequest,
    FaqDocument,
    FaqRequest,
    RenderRequest,
)


class WritesDisabled(NewsfaqError):
    """The server was started without --allow-writes."""


class Core:
    """Each endpoint's request turned into a ``Newsfaq`` call, in one worker (thread or process) that owns its
    archive connection."""

    def __init__(self, db: str | Path | None = None, *, allow_writes: bool = False) -> None:
        self.db = db
        self.allow_writes = allow_writes
        self.newsfaq = Newsfaq(db, create=allow_writes, read_only=not allow_writes)
        get_nlp(), get_model(), get_reader(), get_embedder()

    def close(self) -> None:
        """Close the worker's archive connection."""
        self.newsfaq.close()

    def article(self, source: ArticleInput, *, require_date: bool = True) -> Article:
        """The archived article ``source`` names by id, or its text read as an article."""
        if source.id is not None:
            return self._stored(source.id).article
        settings = Settings(require_date=require_date)
        try:
            return parse_article(
                source.text, name=source.name, date=source.date, format=source.format, settings=settings
            )
        except MissingDateError as error:
            raise _named(error, "article.date") from None

    def parse(self, source: ArticleInput) -> dict:
        """The article ``source`` names by id or gives as text, with its body, as ``newsfaq.article`` JSON; it
        needs no date."""
        return article_json(self.article(source, require_date=False))

    def faq(self, request: FaqRequest) -> dict:
        """The FAQ written for the request's article, as its versioned JSON."""
        return self.newsfaq.faq(
            self.article(request.article), count=request.count, engine=request.engine, answers=request.answers
        ).to_dict()

    def render(self, request: RenderRequest) -> str:
        """A posted FAQ document as text in the requested format (md, json, html or jsonld)."""
        return render_faq(_faq_document(request.faq), request.format)

    def check(self, request: CheckRequest) -> dict:
        """The check report on the request's claims or FAQ against its article (which needs no date)."""
        article = self.article(request.article, require_date=False)
        faq = self._faq_items(request.faq) if request.faq is not None and request.claims is None else None
        return self.newsfaq.check(article, claims=request.claims, faq=faq, judge=request.judge).to_dict()

    @staticmethod
    def _faq_items(faq: FaqDocument | str) -> list[QAPair]:
        return parse_faq(faq, "faq") if isinstance(faq, str) else _faq_document(faq).items

    def ask(self, request: AskRequest) -> dict:
        """The answer, as JSON, from the request's article, or from the archive when it gives none."""
        article = self.article(request.article) if request.article is not None else None
        answer = self.newsfaq.ask(
            request.question,
            article=article,
            as_of=request.as_of,
            since=request.since,
            until=request.until,
            engine=request.engine,
            strict=request.strict,
        )
        return answer.to_dict()

    def articles(self, limit: int, offset: int) -> dict:
        """A page of the archive's article listing, each source shown as its file's base name."""
        return articles_json([_public(s) for s in self.newsfaq.articles(limit=limit, offset=offset)])

    def stored(self, article_id: str) -> dict:
        """One archived article with its body and story group (its source as a base name); ``NotFound`` when
        the id is not stored."""
        stored = _public(self._stored(article_id))
        return article_json(stored.article, stored.group)

    def search(self, query: str, limit: int) -> dict:
        """Archive sentences for ``query``, best first, as ``newsfaq.search`` JSON."""
        return self.newsfaq.search(query, limit).to_dict()

    def timeline(self, entity: str) -> dict:
        """Sentences naming ``entity`` as dated events, as ``newsfaq.timeline`` JSON."""
        return self.newsfaq.timeline(entity).to_dict()

    def health(self) -> dict:
        """The server's state: its version, the archive's file name (no directories), how many articles it
        holds and whether writes are allowed."""
        return {
            "status": "ok",
            "version": __version__,
            "archive": _base_name(str(self.db)) if self.db else None,
            "articles": self.newsfaq.count(),
            "writes": self.allow_writes,
        }

    def add(self, request: AddRequest) -> dict:
        """Add the request's articles to the archive (refused unless writes are allowed); an article that cannot
        be read is reported under ``errors`` and never stops the rest."""
        self._writable()
        inputs: list[tuple[str, Article | NewsfaqError]] = []
        for number, source in enumerate(request.articles):
            name = f"articles[{number}] ({source.name})"
            try:
                if source.text is None:
                    raise InputError(f"{name}: to add an article give its text, not an id")
                parsed = list(iter_parsed(source.text, name=name, date=source.date, format=source.format))
            except NewsfaqError as error:
                parsed = [(name, error)]
            field = f"articles[{number}].date"
            inputs += [(item, _named(a, field) if isinstance(a, MissingDateError) else a) for item, a in parsed]
        articles, failures = split_inputs(inputs)
        report = self.newsfaq.add(articles)
        return {
            "added": report.added,
            "duplicates": report.duplicates,
            "grouped": report.grouped,
            "ids": [a.id for a in articles],
            "errors": [
                {"item": item, "error": str(error).removeprefix(f"{item}: ")}  # ingest's messages begin with the item
                for item, error in failures
            ]
            + [{"item": article_id, "error": reason} for article_id, reason in report.failed],
        }

    def remove(self, article_id: str) -> dict:
        """Remove an archived article (refused unless writes are allowed); ``NotFound`` when it is not stored."""
        self._writable()
        with _listed_at_api():
            self.newsfaq.remove(article_id)
        return {"removed": article_id}

    def _stored(self, article_id: str) -> StoredArticle:
        with _listed_at_api():
            return self.newsfaq.stored(article_id)

    def _writable(self) -> None:
        if not self.allow_writes:
            raise WritesDisabled("the archive is read-only over HTTP; restart with: newsfaq serve --allow-writes")


def _faq_document(document: FaqDocument) -> FAQ:
    return FAQ.from_dict(document.model_dump(by_alias=True))


@contextmanager
def _listed_at_api() -> Iterator[None]:
    """A missing article's error says where the API lists the ones there are."""
    try:
        yield
    except NotFound as error:
        raise NotFound(f"{error}; see GET /api/articles", field=error.field) from None


def _named(error: MissingDateError, field: str) -> MissingDateError:
    """The error with the request's field for the date: ``article.date``, or ``articles[1].date`` in a batch."""
    error.field = field
    return error


def _base_name(path: str) -> str:
    """The file's name without the server's directories (which are nobody's business over HTTP);
    PureWindowsPath splits at / and at \\, wherever the archive was built."""
    return PureWindowsPath(path).name


def _public(stored: StoredArticle) -> StoredArticle:
    """The article as HTTP shows it: ``source`` is the base name of the file it was read from."""
    source = stored.article.source and _base_name(stored.article.source)
    return replace(stored, article=replace(stored.article, source=source))
