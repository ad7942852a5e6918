"""One parse of an article body and the facts every later step reads off it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from newsfaq import datetext
from newsfaq.model import Article, ResolvedDate, Sentence
from newsfaq.nlp.pipeline import get_nlp


@dataclass
class Analysis:
    """The parsed body with sentence offsets and resolved time expressions."""

    article: Article
    doc: Doc
    sentences: list[Sentence]
    spans: list[Span]
    dates: list[ResolvedDate] = field(default_factory=list)

    def sentence_of(self, token: Token) -> int:
        return self._sentence_index[token.i]

    def __post_init__(self) -> None:
        self._sentence_index = [0] * len(self.doc)
        for index, span in enumerate(self.spans):
            for token in span:
                self._sentence_index[token.i] = index


def _trimmed(span: Span) -> tuple[int, int]:
    """Character offsets of a sentence without surrounding whitespace."""
    text = span.text
    start = span.start_char + (len(text) - len(text.lstrip()))
    end = span.start_char + len(text.rstrip())
    return start, end


def _resolve_dates(doc: Doc, anchor: date) -> list[ResolvedDate]:
    resolved = []
    for entity in doc.ents:
        if entity.label_ != "DATE":
            continue
        found = datetext.resolve(entity.text, anchor)
        if found is None:
            continue
        resolved.append(
            ResolvedDate(
                text=entity.text,
                start=entity.start_char,
                end=entity.end_char,
                iso=datetext.iso_precision(entity.text, found),
            )
        )
    return resolved


def analyze(article: Article, doc: Doc | None = None) -> Analysis:
    """Parse the body (or reuse a parse from ``nlp.pipe``) and index its sentences."""
    doc = doc if doc is not None else get_nlp()(article.body)
    spans = [span for span in doc.sents if span.text.strip()]
    sentences = []
    for index, span in enumerate(spans):
        start, end = _trimmed(span)
        sentences.append(Sentence(index=index, start=start, end=end, text=article.body[start:end]))
    anchor = datetext.parse_iso(article.date) if article.date else None
    dates = _resolve_dates(doc, anchor) if anchor else []
    return Analysis(article=article, doc=doc, sentences=sentences, spans=spans, dates=dates)
