"""Request bodies of the HTTP API. Responses are the core's versioned JSON
(``newsfaq.faq/1``, ``newsfaq.check/1``, ``newsfaq.answer/1`` ...), exactly
what the CLI's ``--format json`` prints."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from newsfaq.ask.answering import MAX_QUESTION_CHARS


class ArticleInput(BaseModel):
    """An article given as its raw contents, or by its id in the archive."""

    text: str | None = Field(None, description="Raw article: dated layout, plain text, HTML or a JSON record.")
    id: str | None = Field(None, description="Id of an archived article (see GET /api/articles).")
    date: str | None = Field(None, description="Publication date YYYY-MM-DD when the text carries none.")
    format: Literal["auto", "text", "html", "json"] = "auto"
    name: str = Field("pasted article", max_length=200, description="File name; its suffix helps detect the format.")

    @model_validator(mode="after")
    def _one_source(self) -> ArticleInput:
        if (self.text is None) == (self.id is None):
            raise ValueError("give exactly one of article.text or article.id")
        return self


class ParseRequest(BaseModel):
    article: ArticleInput


class FaqRequest(BaseModel):
    article: ArticleInput
    count: int = Field(8, ge=1, le=50, description="Most questions in the FAQ.")


class CheckRequest(BaseModel):
    """Check ``claims``, or an FAQ (newsfaq.faq/1 JSON or markdown Q&A), or else the article's own FAQ section."""

    article: ArticleInput
    faq: dict[str, Any] | str | None = None
    claims: list[str] | None = Field(None, max_length=500)


class AskRequest(BaseModel):
    """Ask the archive, or only ``article`` when one is given."""

    question: str = Field(..., max_length=MAX_QUESTION_CHARS)
    article: ArticleInput | None = None
    as_of: str | None = None
    since: str | None = None
    until: str | None = None


class RenderRequest(BaseModel):
    faq: dict[str, Any] = Field(..., description="A newsfaq.faq/1 document, as POST /api/faq returns it.")
    format: Literal["md", "json", "html", "jsonld"] = "md"


class AddRequest(BaseModel):
    articles: list[ArticleInput] = Field(..., min_length=1, max_length=1000)
