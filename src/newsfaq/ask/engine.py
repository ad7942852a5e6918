"""Answering a question from sentences: rank them by the question's words and
by meaning, gather candidate spans from the best few, let the reader pick one."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span

from newsfaq.ask.candidates import Candidate, candidates
from newsfaq.ask.questions import QuestionInfo
from newsfaq.ask.sentences import rank_sentences

READ_SENTENCES = 3
"""Candidates come from the three best sentences (the gold sentence is among them for 96% of SQuAD dev)."""
CLOSENESS_WEIGHT = 0.2
"""How much the embedding cosine adds to the word-overlap share when ranking sentences."""


@dataclass(frozen=True)
class RankedSentence:
    sentence: Span
    share: float
    """Share of the question's informative words the sentence holds (``rank_sentences``)."""
    closeness: float
    """Cosine between the question's and the sentence's embeddings."""

    @property
    def score(self) -> float:
        return self.share + CLOSENESS_WEIGHT * self.closeness


def candidate_sentences(question: QuestionInfo, sentences: list[Span], closeness: np.ndarray) -> list[RankedSentence]:
    """The best sentences for the question, best first (``closeness``: one cosine per sentence)."""
    shares = dict(rank_sentences(question, [s.text for s in sentences]))
    ranked = [RankedSentence(s, shares[i], float(closeness[i])) for i, s in enumerate(sentences)]
    order = sorted(range(len(ranked)), key=lambda i: (-ranked[i].score, i))
    return [ranked[i] for i in order[:READ_SENTENCES]]


def question_candidates(question: QuestionInfo, ranked: list[RankedSentence]) -> list[Candidate]:
    return [c for rank, r in enumerate(ranked) for c in candidates(question, r, rank, ranked)]
