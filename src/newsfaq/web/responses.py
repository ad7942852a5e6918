"""What each API route returns, declared for ``/docs``. A versioned document is its ``schema`` tag plus the
fields of the dataclass it serialises (``model.py``), read off that dataclass, so the documented shape cannot
drift from what is sent; the tests validate real responses against these models. The FAQ document is
``requests.FaqDocument``, which the API also reads."""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import Any, Literal, get_type_hints

from pydantic import BaseModel, Field, create_model

from newsfaq.model import ANSWER_SCHEMA, CHECK_SCHEMA, Answer, Article, ArticleRef, Citation, Verdict
from newsfaq.render.archive_json import ARTICLE_SCHEMA, ARTICLES_SCHEMA, SEARCH_SCHEMA, TIMELINE_SCHEMA


def _fields_of(kind: type, leave_out: tuple[str, ...] = ()) -> dict[str, Any]:
    """The dataclass's fields as ``create_model`` takes them: (type, default), ``...`` when required."""
    hints = get_type_hints(kind)
    declared = {}
    for item in fields(kind):
        if item.name in leave_out:
            continue
        if item.default is not MISSING:
            default = item.default
        elif item.default_factory is not MISSING:
            default = Field(default_factory=item.default_factory)
        else:
            default = ...
        declared[item.name] = (hints[item.name], default)
    return declared


def _document(name: str, tag: str, declared: dict[str, Any]) -> type[BaseModel]:
    return create_model(name, schema_=(Literal[tag], Field(alias="schema")), **declared)  # type: ignore[call-overload]


_CITED = {"article": (ArticleRef, ...), "citation": (Citation, ...), "relevance": (float, ...)}

AnswerDocument = _document("AnswerDocument", ANSWER_SCHEMA, _fields_of(Answer))
CheckedItem = create_model("CheckedItem", question=(str | None, ...), verdict=(Verdict, ...))
CheckDocument = _document(
    "CheckDocument", CHECK_SCHEMA, {"article": (ArticleRef, ...), "items": (list[CheckedItem], ...)}
)
ListedArticle = create_model("ListedArticle", **_fields_of(Article, ("body", "existing_faq")), group=(str, ...))
ArticlesDocument = _document("ArticlesDocument", ARTICLES_SCHEMA, {"articles": (list[ListedArticle], ...)})
ArticleDocument = _document("ArticleDocument", ARTICLE_SCHEMA, {**_fields_of(Article), "group": (str | None, ...)})
SearchHit = create_model("SearchHit", **_CITED)
SearchDocument = _document("SearchDocument", SEARCH_SCHEMA, {"query": (str, ...), "hits": (list[SearchHit], ...)})
TimelineItem = create_model("TimelineItem", when=(str, ...), dated_by=(Literal["sentence", "article"], ...), **_CITED)
TimelineDocument = _document(
    "TimelineDocument", TIMELINE_SCHEMA, {"entity": (str, ...), "entries": (list[TimelineItem], ...)}
)


class Health(BaseModel):
    """GET /api/health: the server is up, with its archive and whether it takes writes."""

    status: Literal["ok"]
    version: str
    archive: str | None = Field(description="The archive file's name, without the server's directories.")
    articles: int
    writes: bool


class AddError(BaseModel):
    """An input that could not be added, and why."""

    item: str
    error: str


class Added(BaseModel):
    """POST /api/articles: what adding did."""

    added: int
    duplicates: int
    grouped: int = Field(description="Added articles that joined a stored story as near-identical copies.")
    ids: list[str] = Field(description="Every article read, stored now or before.")
    errors: list[AddError]


class Removed(BaseModel):
    """DELETE /api/articles/{id}: the id removed."""

    removed: str
