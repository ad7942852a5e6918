"""The one sentence splitter: every command numbers an article's sentences with it.

A citation's sentence index must mean the same sentence in ``faq``, ``check``,
the archive and the HTTP API, so nothing else splits text into sentences. The
split has two layers: layout first (a blank line always ends a sentence, and
so does a line break after sentence-final punctuation), then spaCy's
statistical ``senter`` inside each block. The parse (``nlp/analysis.py``) is
made to respect these boundaries, so it never splits differently.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsfaq.model import Sentence
from newsfaq.nlp.pipeline import get_nlp

BLOCK_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*|(?<=[.!?:;\"”’')\]])[ \t]*\n\s*")
"""A paragraph break, or a line break that follows sentence-final punctuation."""
MAX_BLOCK_CHARS = 20_000
"""Longer blocks (a feed's whole text on one line) are cut at a full stop, so memory stays bounded."""
_FULL_STOP = re.compile(r"[.!?][\"”’')\]]?\s+")


def _cut_long(start: int, end: int, body: str) -> Iterator[tuple[int, int]]:
    """Split an over-long block after the last full stop (or space) before the limit."""
    while end - start > MAX_BLOCK_CHARS:
        window = body[start : start + MAX_BLOCK_CHARS]
        stops = [m.end() for m in _FULL_STOP.finditer(window)]
        cut = stops[-1] if stops else (window.rfind(" ") + 1 or MAX_BLOCK_CHARS)
        yield start, start + cut
        start += cut
    yield start, end


def blocks(body: str) -> list[tuple[int, int]]:
    """(start, end) of each layout block: no sentence crosses a block's edge."""
    found, start = [], 0
    for match in BLOCK_BREAK.finditer(body):
        found.extend(_cut_long(start, match.start(), body))
        start = match.end()
    found.extend(_cut_long(start, len(body), body))
    return [(s, e) for s, e in found if body[s:e].strip()]


def split_sentences(bodies: list[str]) -> list[list[Sentence]]:
    """Each body's sentences, offsets into the body, without surrounding whitespace (batched)."""
    nlp = get_nlp()
    senter = nlp.get_pipe("senter")  # disabled in the shared pipeline; it runs alone here (no parse)
    spans = [(number, start, end) for number, body in enumerate(bodies) for start, end in blocks(body)]
    docs = senter.pipe(nlp.tokenizer.pipe(bodies[n][s:e] for n, s, e in spans), batch_size=64)
    result: list[list[Sentence]] = [[] for _ in bodies]
    for (number, offset, _), doc in zip(spans, docs, strict=True):
        found = result[number]
        for sent in doc.sents:
            text = sent.text
            stripped = text.strip()
            if stripped:
                start = offset + sent.start_char + len(text) - len(text.lstrip())
                found.append(Sentence(index=len(found), start=start, end=start + len(stripped), text=stripped))
    return result
