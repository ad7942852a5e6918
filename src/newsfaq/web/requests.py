"""Request bodies of the HTTP API. Responses are the core's versioned JSON
(``newsfaq.faq/1``, ``newsfaq.check/1``, ``newsfaq.answer/1`` ...), exactly
what the CLI's ``--format json`` prints."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from newsfaq.ask.answering import MAX_QUESTION_CHARS
from newsfaq.datetext import parse_iso
from newsfaq.model import FAQ_SCHEMA


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


class _Schema(BaseModel):
    """Part of a posted newsfaq.faq/1 document, typed as ``model.py`` types it and nothing else: the
    renderers and the checker trust those types ("3" is no sentence number), so a wrong one is a 422
    naming the field, not a 500 or markup in the output."""

    model_config = ConfigDict(strict=True, extra="forbid")


class _Span(_Schema):
    start: int = Field(ge=0, description="Offset into the article body.")
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> _Span:
        if self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self


class FaqCitation(_Span):
    """A cited sentence of a posted FAQ item."""

    sentence: int = Field(ge=0, description="Index of the cited sentence (0 is the first).")


class FaqDate(_Span):
    """A resolved time expression of a posted FAQ item."""

    iso: str = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$", description="2017, 2023-12, 2023-W05 or a day.")


class FaqItem(_Schema):
    """One question and answer of a posted FAQ."""

    question: str
    answer: str
    citations: list[FaqCitation] = []
    intent: str | None = None
    confidence: float | None = Field(None, ge=0, le=1, allow_inf_nan=False)
    dates: list[FaqDate] = []
    short_answer: str | None = None


class FaqArticle(_Schema):
    """The article a posted FAQ is about."""

    id: str
    date: str | None = Field(None, description="YYYY-MM-DD")
    title: str | None = None
    url: str | None = None

    @field_validator("date")
    @classmethod
    def _a_day(cls, value: str | None) -> str | None:
        if value is not None and parse_iso(value) is None:
            raise ValueError(f"{value!r} is not a date; write it as YYYY-MM-DD")
        return value


class FaqDocument(_Schema):
    """A newsfaq.faq/1 document, as POST /api/faq returns it."""

    schema_: Literal[FAQ_SCHEMA] = Field(alias="schema")
    generator: str = ""
    article: FaqArticle
    items: list[FaqItem]
    note: str = ""


class ParseRequest(BaseModel):
    """POST /api/parse: the article to read."""

    article: ArticleInput


class FaqRequest(BaseModel):
    """POST /api/faq: the article, how many questions, who writes them, and whether to add short answers."""

    article: ArticleInput
    count: int = Field(8, ge=1, le=50, description="Most questions in the FAQ.")
    engine: Literal["fast", "model", "auto"] | None = None
    """Who writes the questions (as ``faq --engine``); None: the server's default ($NEWSFAQ_FAQ_ENGINE, else
    auto: the model when installed, about a minute an article on 2 cores)."""
    answers: Literal["quote", "short"] = "quote"
    """As ``faq --answers``: ``short`` adds the model's checked short answers (needs the model)."""


class CheckRequest(BaseModel):
    """Check ``claims``, or an FAQ (newsfaq.faq/1 JSON or markdown Q&A), or else the article's own FAQ section."""

    article: ArticleInput
    faq: FaqDocument | str | None = None
    claims: list[str] | None = Field(None, max_length=500)
    judge: Literal["off", "auto", "always"] | None = None
    """The model judge (as ``check --judge``); None: the server's default ($NEWSFAQ_JUDGE, else auto). The
    model is the server's: local, or the endpoint it was started with (``serve --llm-url``)."""

    @field_validator("faq", mode="before")
    @classmethod
    def _markdown_or_document(cls, value: Any) -> Any:
        """Validated here rather than as a union, so an error names ``faq.items[0].question``, not the union's arms."""
        if value is None or isinstance(value, str | FaqDocument):
            return value
        if not isinstance(value, dict):
            raise ValueError(f"give the FAQ as markdown text or a {FAQ_SCHEMA} object")
        return FaqDocument.model_validate(value)


class AskRequest(BaseModel):
    """Ask the archive, or only ``article`` when one is given."""

    question: str = Field(..., max_length=MAX_QUESTION_CHARS)
    article: ArticleInput | None = None
    as_of: str | None = None
    since: str | None = None
    until: str | None = None
    engine: str | None = None
    """fast, model or auto; None: $NEWSFAQ_ASK_ENGINE, else auto."""
    strict: bool = False


class RenderRequest(BaseModel):
    """POST /api/render: an FAQ document and the format to render it in."""

    faq: FaqDocument
    format: Literal["md", "json", "html", "jsonld"] = "md"


class AddRequest(BaseModel):
    """POST /api/articles: the articles to add (servers started with --allow-writes)."""

    articles: list[ArticleInput] = Field(..., min_length=1, max_length=1000)
