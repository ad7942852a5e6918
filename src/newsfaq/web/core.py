"""The work behind the HTTP API, with no HTTP in it: each method takes a
request model and returns the versioned JSON the CLI prints."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path, PureWindowsPath

from newsfaq import __version__
from newsfaq.ask.answerability import requested_bar
from newsfaq.ask.answering import ask as ask_article
from newsfaq.ask.reader import get_reader
from newsfaq.check.checker import check_faq, check_many
from newsfaq.check.faq_input import parse_faq
from newsfaq.check.scorer import get_model
from newsfaq.engines import READER
from newsfaq.errors import InputError, MissingDateError, NewsfaqError
from newsfaq.faq.writer import make_faq
from newsfaq.ingest import iter_parsed, parse_article
from newsfaq.model import FAQ, Article, QAPair
from newsfaq.nlp.embeddings import get_embedder
from newsfaq.nlp.pipeline import get_nlp
from newsfaq.render import render_faq
from newsfaq.render.archive_json import article_json, articles_json, search_json, timeline_json
from newsfaq.render.report import report_dict
from newsfaq.settings import Settings
from newsfaq.store.archive import Archive
from newsfaq.store.base import StoredArticle
from newsfaq.web.requests import (
    AddRequest,
    ArticleInput,
    AskRequest,
    CheckRequest,
    FaqDocument,
    FaqRequest,
    RenderRequest,
)


class NotFound(NewsfaqError):
    """What the request names does not exist (an article id, or the archive itself)."""


class WritesDisabled(NewsfaqError):
    """The server was started without --allow-writes."""


class Core:
    """What each endpoint does, in one worker (thread or process) that owns its archive connection."""

    def __init__(self, db: Path | None = None, *, allow_writes: bool = False) -> None:
        self.db = db
        self.allow_writes = allow_writes
        self._archive = Archive(db, create=allow_writes, read_only=not allow_writes) if db is not None else None
        get_nlp(), get_model(), get_reader(), get_embedder()

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()

    def archive(self) -> Archive:
        if self._archive is None:
            raise NotFound("this server has no archive; start it with: newsfaq serve --db FILE")
        return self._archive

    def _stored(self, article_id: str) -> StoredArticle:
        stored = self.archive().store.get(article_id)
        if stored is None:
            raise NotFound(f"no article {article_id!r} in the archive; see GET /api/articles")
        return stored

    def article(self, source: ArticleInput, *, require_date: bool = True) -> Article:
        if source.id is not None:
            return self._stored(source.id).article
        settings = Settings(require_date=require_date)
        name = source.name
        try:
            return parse_article(source.text, name=name, date=source.date, format=source.format, settings=settings)
        except MissingDateError:  # the core's message names the CLI flag
            raise _no_date(name, "article.date") from None

    def parse(self, source: ArticleInput) -> dict:
        return article_json(self.article(source, require_date=False))

    def faq(self, request: FaqRequest) -> dict:
        settings = Settings(max_questions=request.count, faq_engine=request.engine)
        return make_faq(self.article(request.article), settings).to_dict()

    def render(self, request: RenderRequest) -> str:
        return render_faq(_faq_document(request.faq), request.format)

    def check(self, request: CheckRequest) -> dict:
        article = self.article(request.article, require_date=False)
        if request.claims is not None:
            claims = [c for c in request.claims if c.strip()]
            if not claims:
                raise InputError("claims: every claim is empty; give at least one sentence to check")
            items: list[QAPair | None] = [None] * len(claims)
            verdicts = check_many([(article, claim) for claim in claims], judge=request.judge)
        else:
            pairs = self._faq_items(request.faq) if request.faq is not None else article.existing_faq
            if not pairs:
                raise InputError("the article has no FAQ section; send faq or claims to check")
            items, verdicts = list(pairs), check_faq(article, pairs, judge=request.judge)
        return report_dict(article, list(zip(items, verdicts, strict=True)))

    @staticmethod
    def _faq_items(faq: FaqDocument | str) -> list[QAPair]:
        return parse_faq(faq, "faq") if isinstance(faq, str) else _faq_document(faq).items

    def ask(self, request: AskRequest) -> dict:
        model = READER.model(request.engine, None)
        answer_at = requested_bar(request.strict)
        if request.article is not None:
            return ask_article(request.question, self.article(request.article), answer_at, model).to_dict()
        archive = self.archive()
        answer = archive.ask(request.question, request.as_of, request.since, request.until, answer_at, model)
        return answer.to_dict()

    def articles(self, limit: int, offset: int) -> dict:
        return articles_json([_public(s) for s in self.archive().articles(limit=limit, offset=offset)])

    def stored(self, article_id: str) -> dict:
        stored = _public(self._stored(article_id))
        return article_json(stored.article, stored.group)

    def search(self, query: str, limit: int) -> dict:
        return search_json(query, self.archive().search(query, limit))

    def timeline(self, entity: str) -> dict:
        return timeline_json(entity, self.archive().timeline(entity))

    def health(self) -> dict:
        return {
            "status": "ok",
            "version": __version__,
            "archive": _base_name(str(self.db)) if self.db else None,
            "articles": self._archive.store.count() if self._archive else 0,
            "writes": self.allow_writes,
        }

    def add(self, request: AddRequest) -> dict:
        self._writable()
        results = []
        for number, source in enumerate(request.articles):
            name = f"articles[{number}] ({source.name})"
            try:
                if source.text is None:
                    raise InputError(f"{name}: to add an article give its text, not an id")
                parsed = list(iter_parsed(source.text, name=name, date=source.date, format=source.format))
            except NewsfaqError as error:
                parsed = [(name, error)]
            field = f"articles[{number}].date"
            results += [(item, _no_date(item, field) if isinstance(a, MissingDateError) else a) for item, a in parsed]
        good = [a for _, a in results if isinstance(a, Article)]
        report = self.archive().add(good)
        return {
            "added": report.added,
            "duplicates": report.duplicates,
            "grouped": report.grouped,
            "ids": [a.id for a in good],
            "errors": [
                {"item": item, "error": str(a).removeprefix(f"{item}: ")}  # ingest's messages begin with the item
                for item, a in results
                if isinstance(a, NewsfaqError)
            ],
        }

    def remove(self, article_id: str) -> dict:
        self._writable()
        self._stored(article_id)
        self.archive().remove(article_id)
        return {"removed": article_id}

    def _writable(self) -> None:
        if not self.allow_writes:
            raise WritesDisabled("the archive is read-only over HTTP; restart with: newsfaq serve --allow-writes")


def _faq_document(document: FaqDocument) -> FAQ:
    return FAQ.from_dict(document.model_dump(by_alias=True))


def _no_date(name: str, field: str) -> MissingDateError:
    """Missing date said the HTTP way: ingest's message names the CLI's --date."""
    return MissingDateError(f"{name}: no publication date found; send {{field}} as YYYY-MM-DD", field=field)


def _base_name(path: str) -> str:
    """The file's name without the server's directories (which are nobody's business over HTTP);
    PureWindowsPath splits at / and at \\, wherever the archive was built."""
    return PureWindowsPath(path).name


def _public(stored: StoredArticle) -> StoredArticle:
    """The article as HTTP shows it: ``source`` is the base name of the file it was read from."""
    source = stored.article.source and _base_name(stored.article.source)
    return replace(stored, article=replace(stored.article, source=source))
