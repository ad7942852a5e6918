"""Dataclasses shared by every part of newsfaq, with a versioned JSON form.

``to_dict``/``from_dict`` round-trip exactly, so the CLI's ``--format json``
output can be read back into the same objects (schemas in the README).
``from_dict`` validates with pydantic over these same dataclasses, strictly as
JSON types them: a wrong type, a missing field, an unknown label or another
schema's tag is an ``InputError`` naming the field.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Annotated, Any, Literal, TypeVar, get_args

from pydantic import Field, TypeAdapter, ValidationError

from newsfaq.errors import InputError

SCHEMA_VERSION = 1
FAQ_SCHEMA = f"newsfaq.faq/{SCHEMA_VERSION}"
CHECK_SCHEMA = f"newsfaq.check/{SCHEMA_VERSION}"
Label = Literal["supported", "unsupported", "contradicted", "unverifiable"]
LABELS: tuple[str, ...] = get_args(Label)
_Parsed = TypeVar("_Parsed")


@cache
def _adapter(kind: type) -> TypeAdapter:
    return TypeAdapter(kind)


def validated(kind: type[_Parsed], data: Any, schema: str | None = None) -> _Parsed:
    """``data`` (parsed JSON) as a ``kind`` dataclass, checked field by field as JSON types them; with
    ``schema``, the document must carry that tag."""
    if schema is not None and (not isinstance(data, dict) or data.get("schema") != schema):
        found = data.get("schema") if isinstance(data, dict) else type(data).__name__
        raise InputError(f"unsupported document {found!r}; this newsfaq reads {schema!r}")
    try:
        return _adapter(kind).validate_json(json.dumps(data), strict=True)
    except ValidationError as error:
        problem = error.errors()[0]
        where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in problem["loc"]).lstrip(".")
        raise InputError(f"not a valid {kind.__name__}: {where or 'the document'}: {problem['msg']}") from None


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article body; ``start``/``end`` are offsets into the body."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Citation:
    """A quoted stretch of the article body: ``body[start:end] == text``."""

    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ResolvedDate:
    """A time expression in the body and the calendar date it denotes."""

    text: str
    start: int
    end: int
    iso: str


@dataclass
class QAPair:
    """A question with its answer; generated pairs cite the article, parsed ones do not."""

    question: str
    answer: str
    citations: list[Citation] = field(default_factory=list)
    intent: str | None = None
    confidence: float | None = None
    dates: list[ResolvedDate] = field(default_factory=list)
    short_answer: str | None = None
    """The answer in a few words, written by the model and supported by the cited sentences
    (``faq/short_answers.py``); the quote stays the answer of record."""

    def to_dict(self) -> dict[str, Any]:
        """The item as JSON types it, as it appears in a ``newsfaq.faq/1`` document; ``short_answer`` only
        when there is one."""
        data = asdict(self)
        if data["short_answer"] is None:
            del data["short_answer"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QAPair:
        """An item read back from its JSON, validated."""
        return validated(cls, data)


@dataclass
class Article:
    """A dated news article. ``existing_faq`` is someone else's FAQ, never evidence.

    The readers make ``id`` a hash of the date and body, so articles from two sources never collide;
    ``source_id`` is the id the source gave it (a feed record's ``"id"``), kept as metadata.
    """

    id: str
    body: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    source_id: str | None = None
    existing_faq: list[QAPair] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Every field, the body and the existing FAQ included (``newsfaq.article/1`` adds the schema tag)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """An article read back from its JSON, validated."""
        return validated(cls, data)


@dataclass
class ArticleRef:
    """What an FAQ records about its article (enough to cite it, not the text)."""

    id: str
    date: str | None = None
    title: str | None = None
    url: str | None = None

    @classmethod
    def of(cls, article: Article) -> ArticleRef:
        """The reference an FAQ, answer or hit keeps for ``article``."""
        return cls(id=article.id, date=article.date, title=article.title, url=article.url)


@dataclass
class FAQ:
    """An ordered list of grounded question/answer pairs about one article."""

    article: ArticleRef
    items: list[QAPair]
    generator: str = ""
    note: str = ""
    """Why the FAQ is short (the article is too short, or reports no event), when it is."""

    def to_dict(self) -> dict[str, Any]:
        """The ``newsfaq.faq/1`` document; ``note`` only when there is one."""
        data = {
            "schema": FAQ_SCHEMA,
            "generator": self.generator,
            "article": asdict(self.article),
            "items": [item.to_dict() for item in self.items],
        }
        return data | ({"note": self.note} if self.note else {})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FAQ:
        """An FAQ read back from a ``newsfaq.faq/1`` document, validated."""
        return validated(cls, data, FAQ_SCHEMA)


@dataclass
class Verdict:
    """Whether the article backs a claim, with the sentences compared and why.

    ``label`` is one of ``LABELS``; ``score`` is the probability of support.
    A claim split into atomic parts lists them in ``claims``; it is supported
    only if every part is.
    """

    claim: str
    label: Label
    score: float
    evidence: list[Citation] = field(default_factory=list)
    reason: str = ""
    claims: list[Verdict] = field(default_factory=list)
    settled: Annotated[bool, Field(exclude=True)] = field(default=False, repr=False, compare=False)
    """The fast checker's verdict is final, whatever a model judge would say: a word-for-word quote, or a
    number, day or month the article lacks. Internal to the checker; not part of the JSON."""

    def to_dict(self) -> dict[str, Any]:
        """The verdict's JSON, its parts' verdicts nested; ``settled`` stays internal."""
        return {
            "claim": self.claim,
            "label": self.label,
            "score": self.score,
            "evidence": [asdict(c) for c in self.evidence],
            "reason": self.reason,
            "claims": [c.to_dict() for c in self.claims],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verdict:
        """A verdict read back from its JSON, validated (the label among ``LABELS``)."""
        return validated(cls, data)


ANSWER_SCHEMA = f"newsfaq.answer/{SCHEMA_VERSION}"


@dataclass
class Evidence:
    """A cited sentence and the dated article it comes from."""

    article: ArticleRef
    citation: Citation


@dataclass
class Answer:
    """A short answer with the sentence that holds it, or an abstention with leads.

    ``answer`` is None when the source does not say; ``evidence`` then holds
    the closest sentences as leads. ``as_of`` is the date of the article the
    answer comes from. ``alternatives`` are answers from other dated sources
    that disagree with this one. ``confidence`` is the estimated probability
    that the best answer found is right (an abstention's is below the bar it
    missed); ``score`` is the reader's raw ranking score.
    """

    question: str
    answer: str | None
    evidence: list[Evidence] = field(default_factory=list)
    as_of: str | None = None
    score: float = 0.0
    message: str = ""
    alternatives: list[Answer] = field(default_factory=list)
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The ``newsfaq.answer/1`` document."""
        return {"schema": ANSWER_SCHEMA, **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Answer:
        """An answer read back from a ``newsfaq.answer/1`` document, validated."""
        return validated(cls, data, ANSWER_SCHEMA)
