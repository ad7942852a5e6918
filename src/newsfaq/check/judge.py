"""The model judge: does the article support a claim? Read off the local model's first answer token.

The judge reads the claim beside the article sentences closest to it by
embedding (in article order, so they read as the story does) and answers Yes
or No; its score is log P(Yes) - log P(No) from the next-token logits, with no
sampling, so it is deterministic. It only scores: the checker decides how far
to trust it and never lets it quote anything.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsfaq.model import Sentence
from newsfaq.nlp.embeddings import get_embedder
from newsfaq.nlp.llm import AnswerScorer, Messages, language_model

EVIDENCE_SENTENCES = 3
SYSTEM = (
    "You are a careful news fact-checker. You judge whether a claim is supported by the article excerpts "
    "given, and nothing else: a claim that adds facts, names, numbers or dates the excerpts do not state, or "
    "that changes who did what, is not supported."
)


@dataclass(frozen=True)
class Judgement:
    """The judge's score for one claim and the sentences it read."""

    score: float
    """log P(Yes) - log P(No): above 0 the judge leans to supported."""
    read: tuple[int, ...]
    """Indices of the sentences the judge read."""


def closest(
    sentences: list[Sentence], claim: str, vectors: np.ndarray | None = None, count: int = EVIDENCE_SENTENCES
) -> list[Sentence]:
    """The ``count`` sentences nearest the claim by embedding, in article order; ``vectors``: the sentences'
    embeddings when the caller has them (many claims about one article embed it once)."""
    if len(sentences) <= count:
        return sentences
    embedder = get_embedder()
    vectors = embedder.embed([s.text for s in sentences]) if vectors is None else vectors
    similarity = vectors @ embedder.embed([claim])[0]
    chosen = sorted(np.argsort(-similarity, kind="stable")[:count])
    return [sentences[i] for i in chosen]


def messages(evidence: list[Sentence], claim: str) -> Messages:
    """The question put to the model: the system turn, then the excerpts and the claim."""
    excerpts = "\n".join(f"- {s.text}" for s in evidence)
    question = (
        f"Article excerpts:\n{excerpts}\n\nClaim: {claim}\n\nIs the claim supported by the excerpts? Answer Yes or No."
    )
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}]


def judge(
    sentences: list[Sentence], claim: str, vectors: np.ndarray | None = None, model: AnswerScorer | None = None
) -> Judgement:
    """The judge's score for ``claim`` against an article's ``sentences`` (with their embeddings, if known)."""
    model = model or language_model()
    evidence = closest(sentences, claim, vectors)
    score = model.answer_margin(messages(evidence, claim), "Yes", "No")
    return Judgement(round(score, 4), tuple(s.index for s in evidence))
