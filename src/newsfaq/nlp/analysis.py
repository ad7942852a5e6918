"""One parse of an article body and the facts every later step reads off it.

The parse keeps the sentence boundaries of ``nlp/sentences.py`` (every other
command splits with it), and long bodies are parsed in chunks of whole
sentences, so a body of any accepted size parses in bounded memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsfaq import datetext
from newsfaq.model import Article, ResolvedDate, Sentence
from newsfaq.nlp.dates import resolve_dates
from newsfaq.nlp.pipeline import get_nlp
from newsfaq.nlp.sentences import split_sentences

CHUNK_CHARS = 50_000
"""Bodies are parsed in chunks of whole sentences up to this size (spaCy refuses texts over 1,000,000
characters, and its memory grows with the text's length)."""


@dataclass
class Analysis:
    """The parsed body with sentence offsets and resolved time expressions."""

    article: Article
    doc: Doc
    sentences: list[Sentence]
    spans: list[Span]
    dates: list[ResolvedDate] = field(default_factory=list)

    def sentence_of(self, token: Token) -> int:
        """Index of the sentence (in ``spans`` and ``sentences``) that holds the token."""
        return self._sentence_index[token.i]

    def __post_init__(self) -> None:
        self._sentence_index = [0] * len(self.doc)
        for index, span in enumerate(self.spans):
            for token in span:
                self._sentence_index[token.i] = index


def _chunks(body: str, sentences: list[Sentence]) -> list[tuple[int, list[int]]]:
    """(start offset, sentence starts) of each chunk; consecutive chunks cover the whole body."""
    chunks: list[tuple[int, list[int]]] = [(0, [])]
    for sentence in sentences:
        offset, starts = chunks[-1]
        if starts and sentence.end - offset > CHUNK_CHARS:
            chunks.append((sentence.start, []))
        chunks[-1][1].append(sentence.start)
    return chunks


def _unparsed(body: str, sentences: list[Sentence]) -> Iterator[Doc]:
    """Tokenised chunks with every token's sentence start fixed, which the parser then respects."""
    nlp = get_nlp()
    chunks = _chunks(body, sentences)
    ends = [offset for offset, _ in chunks[1:]] + [len(body)]
    for (offset, starts), end in zip(chunks, ends, strict=True):
        doc = nlp.make_doc(body[offset:end])
        begins = {start - offset for start in starts}
        for token in doc:
            token.is_sent_start = token.i == 0 or token.idx in begins
        yield doc


def _parse(body: str, sentences: list[Sentence]) -> Doc:
    docs = list(get_nlp().pipe(_unparsed(body, sentences), batch_size=8))
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def analyze_many(articles: list[Article], limit: int | None = None) -> Iterator[Analysis]:
    """Split every body with the shared splitter, then parse each and index its sentences; with ``limit``,
    only the first ``limit`` sentences are parsed and indexed (the rest of a huge body is never read)."""
    for article, sentences in zip(articles, split_sentences([a.body for a in articles]), strict=True):
        sentences = sentences[:limit]
        doc = _parse(article.body[: sentences[-1].end if limit and sentences else None], sentences)
        spans = [doc.char_span(s.start, s.end, alignment_mode="expand") for s in sentences]
        anchor = datetext.parse_iso(article.date) if article.date else None
        dates = resolve_dates(doc.ents, anchor) if anchor else []
        yield Analysis(article=article, doc=doc, sentences=sentences, spans=spans, dates=dates)


def analyze(article: Article, limit: int | None = None) -> Analysis:
    """Parse one body and index its sentences (the first ``limit`` of them, when given)."""
    return next(analyze_many([article], limit))
