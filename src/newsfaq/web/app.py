"""The FastAPI app: the HTML page and the JSON API, both thin layers over
``Core``, run by ``Workers`` (as datasette's HTML views and JSON API share one core)."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException
from swagger_ui_bundle import swagger_ui_path

from newsfaq.errors import NewsfaqError, NotFound, describe
from newsfaq.nlp.llm import ModelUnavailable
from newsfaq.settings import MAX_INPUT_BYTES
from newsfaq.store.base import ArchiveError
from newsfaq.version import __version__
from newsfaq.web.core import WritesDisabled
from newsfaq.web.limits import BodyLimit, SecurityHeaders
from newsfaq.web.requests import (
    AddRequest,
    AskRequest,
    CheckRequest,
    FaqDocument,
    FaqRequest,
    ParseRequest,
    RenderRequest,
)
from newsfaq.web.responses import (
    Added,
    AnswerDocument,
    ArticleDocument,
    ArticlesDocument,
    CheckDocument,
    Health,
    Removed,
    SearchDocument,
    TimelineDocument,
)
from newsfaq.web.workers import Workers

HERE = Path(__file__).parent
STATUS = {NotFound: 404, WritesDisabled: 403, ArchiveError: 503, ModelUnavailable: 503}
MEDIA_TYPES = {"md": "text/markdown", "html": "text/html", "json": "application/json", "jsonld": "application/ld+json"}
SQLITE_MAX = 2**63 - 1
"""The largest integer SQLite takes: a larger offset is a 422, not an OverflowError."""
NAMES = {"query": "q"}
"""Fields the HTTP API names otherwise than Python does (``errors.describe``)."""


def _problem(error: dict) -> dict:
    """A validation error as the client wrote the request: ('body', 'faq', 'items', 0, 'question') ->
    'faq.items[0].question'."""
    if error["type"] == "json_invalid":
        reason = error.get("ctx", {}).get("error", "")
        return {"field": "body", "message": f"malformed JSON at character {error['loc'][-1]} ({reason})"}
    field = ""
    for part in error["loc"]:
        if isinstance(part, int):
            field += f"[{part}]"
        elif part not in ("body", "query", "path"):
            field += f".{part}" if field else part
    return {"field": field or "body", "message": error["msg"].removeprefix("Value error, ")}


def _returns(model: type) -> dict:
    """A route's response model, for ``/docs`` only: the route sends the core's JSON as it is, byte for byte
    what the CLI prints, rather than re-serialising it through the model."""
    return {"response_model": None, "responses": {200: {"model": model, "description": "Successful Response"}}}


def _error(status: int, message: str, details: list[dict] | None = None) -> JSONResponse:
    """Every error's body: ``error`` is one line whatever the input held, ``details`` names the fields."""
    body: dict = {"error": " ".join(message.splitlines())}
    if details:
        body["details"] = details
    return JSONResponse(body, status_code=status)


def create_app(db: str | Path | None = None, *, allow_writes: bool = False, workers: int = 1) -> FastAPI:
    """The web app over the archive at ``db`` (or none); read-only unless ``allow_writes``.

    ``workers`` > 1 runs the CPU work in that many forked processes instead of one thread.
    """
    service = Workers(db, allow_writes=allow_writes, workers=workers)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        service.start()
        yield
        service.stop()

    app = FastAPI(
        title="newsfaq",
        version=__version__,
        description="Grounded reader FAQs, claim checks and archive answers; every answer cites its article.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(BodyLimit, max_bytes=MAX_INPUT_BYTES)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")
    templates = Jinja2Templates(directory=HERE / "templates")

    @app.exception_handler(NewsfaqError)
    async def _user_error(_: Request, error: NewsfaqError) -> JSONResponse:
        message = describe(error, NAMES)
        details = [{"field": NAMES.get(error.field, error.field), "message": message}] if error.field else None
        return _error(STATUS.get(type(error), 422), message, details)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, error: RequestValidationError) -> JSONResponse:
        details = [_problem(e) for e in error.errors()]
        return _error(422, "; ".join(f"{d['field']}: {d['message']}" for d in details), details)

    @app.exception_handler(HTTPException)
    async def _http_error(_: Request, error: HTTPException) -> JSONResponse:
        """Starlette's own refusals (no such path, wrong method, a body that is not JSON) in the same shape."""
        response = _error(error.status_code, str(error.detail))
        response.headers.update(error.headers or {})
        return response

    @app.exception_handler(Exception)
    async def _bug(_: Request, error: Exception) -> JSONResponse:
        """A defect, not the client's fault: a JSON 500 that gives nothing away. Starlette re-raises the
        exception once this is sent, so the server (uvicorn) logs its traceback."""
        return _error(500, "internal error: the server failed on this request; the log has the details")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page(request: Request) -> HTMLResponse:
        context = {"version": __version__, "has_archive": db is not None}
        return templates.TemplateResponse(request, "index.html", context)

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="newsfaq API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.get("/api/health", **_returns(Health))
    async def health() -> dict:
        return await service.run("health")

    @app.post("/api/faq", summary="Write a grounded FAQ (newsfaq.faq/1)", **_returns(FaqDocument))
    async def faq(body: FaqRequest) -> dict:
        return await service.run("faq", body)

    @app.post("/api/render", summary="Render a newsfaq.faq/1 document as md, html, json or jsonld")
    async def render(body: RenderRequest) -> PlainTextResponse:
        text = await service.run("render", body)
        return PlainTextResponse(text, media_type=MEDIA_TYPES[body.format])

    @app.post("/api/parse", summary="Read an article as newsfaq would (newsfaq.article/1)", **_returns(ArticleDocument))
    async def parse(body: ParseRequest) -> dict:
        return await service.run("parse", body.article)

    @app.post(
        "/api/check", summary="Check an FAQ or claims against the article (newsfaq.check/1)", **_returns(CheckDocument)
    )
    async def check(body: CheckRequest) -> dict:
        return await service.run("check", body)

    @app.post(
        "/api/ask", summary="Answer from the archive or one article (newsfaq.answer/1)", **_returns(AnswerDocument)
    )
    async def ask(body: AskRequest) -> dict:
        return await service.run("ask", body)

    @app.get(
        "/api/articles", summary="Archived articles, oldest first (newsfaq.articles/1)", **_returns(ArticlesDocument)
    )
    async def articles(limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=SQLITE_MAX)) -> dict:
        return await service.run("articles", limit, offset)

    @app.get(
        "/api/articles/{article_id}",
        summary="One archived article with its body (newsfaq.article/1)",
        **_returns(ArticleDocument),
    )
    async def article(article_id: str) -> dict:
        return await service.run("stored", article_id)

    @app.get("/api/search", summary="Sentences matching the words (newsfaq.search/1)", **_returns(SearchDocument))
    async def search(q: str = Query(..., max_length=1000), limit: int = Query(10, ge=1, le=500)) -> dict:
        return await service.run("search", q, limit)

    @app.get(
        "/api/timeline",
        summary="Dated sentences naming an entity, oldest first (newsfaq.timeline/1)",
        **_returns(TimelineDocument),
    )
    async def timeline(entity: str = Query(..., min_length=1, max_length=200)) -> dict:
        return await service.run("timeline", entity)

    @app.post("/api/articles", summary="Add articles (needs --allow-writes)", **_returns(Added))
    async def add(body: AddRequest) -> dict:
        return await service.run("add", body)

    @app.delete("/api/articles/{article_id}", summary="Remove an article (needs --allow-writes)", **_returns(Removed))
    async def remove(article_id: str) -> dict:
        return await service.run("remove", article_id)

    return app
