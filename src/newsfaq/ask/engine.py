"""Answering a question from sentences: rank them, gather candidate spans from
the best few, let the reader pick one, or abstain."""

from __future__ import annotations

from spacy.tokens import Span

from newsfaq.ask.candidates import Candidate, candidates
from newsfaq.ask.questions import QuestionInfo
from newsfaq.ask.sentences import rank_sentences

READ_SENTENCES = 2
"""Candidates come from the two best sentences (more lowered F1 on SQuAD dev)."""


def candidate_sentences(question: QuestionInfo, sentences: list[Span]) -> list[tuple[Span, float]]:
    """The best sentences for the question with their overlap share, best first."""
    ranked = rank_sentences(question, [s.text for s in sentences])[:READ_SENTENCES]
    return [(sentences[index], share) for index, share in ranked]


def question_candidates(question: QuestionInfo, ranked: list[tuple[Span, float]]) -> list[Candidate]:
    return [c for rank, (sentence, share) in enumerate(ranked) for c in candidates(question, sentence, rank, share)]
