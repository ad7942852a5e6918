"""Answering a question from sentences: rank them by the question's words and
by meaning, align the best few with the question word by word, gather their
candidate spans and let the reader pick one."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from spacy.tokens import Span

from newsfaq.ask.alignment import align_question, question_pieces
from newsfaq.ask.candidates import AnswerCandidate, candidates
from newsfaq.ask.question_analysis import QuestionInfo
from newsfaq.ask.sentences import RankedSentence, fused_score, rank_sentences
from newsfaq.nlp.embeddings import get_embedder
from newsfaq.settings import DEFAULT_SETTINGS


def candidate_sentences(
    question: QuestionInfo,
    sentences: list[Span],
    closeness: np.ndarray,
    depth: int = DEFAULT_SETTINGS.reading.read_sentences,
    closeness_weight: float = DEFAULT_SETTINGS.reading.closeness_weight,
    referents: list[str] | None = None,
) -> list[RankedSentence]:
    """The ``depth`` best sentences for the question, best first (``closeness``: one cosine per sentence;
    ``referents``: per sentence, the names its pronouns stand for)."""
    shares = dict(rank_sentences(question, [s.text for s in sentences], referents))
    ranked = [
        RankedSentence(s, shares[i], float(closeness[i]), fused_score(shares[i], float(closeness[i]), closeness_weight))
        for i, s in enumerate(sentences)
    ]
    order = sorted(range(len(ranked)), key=lambda i: (-ranked[i].score, i))
    return [ranked[i] for i in order[:depth]]


def read_sentences(question: QuestionInfo, rankings: list[list[RankedSentence]]) -> list[list[RankedSentence]]:
    """Each passage's ranked sentences with their word-by-word alignment, from one model call for all."""
    pieces = get_embedder().tokens([question.text] + [r.sentence.text for ranked in rankings for r in ranked])
    asked = question_pieces(question, pieces[0])
    sentence_pieces = iter(pieces[1:])
    return [
        [replace(r, alignment=align_question(asked, r.sentence, next(sentence_pieces))) for r in ranked]
        for ranked in rankings
    ]


def question_candidates(question: QuestionInfo, read: list[RankedSentence]) -> list[AnswerCandidate]:
    """Every candidate answer in one passage's sentences (as ``read_sentences`` returns them)."""
    return [c for rank, r in enumerate(read) for c in candidates(question, r, rank, read)]
