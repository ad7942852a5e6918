"""Soft word alignment between a question and a sentence.

Word overlap misses paraphrase ("killed" / "death of", "soldiers" /
"troops"). Contextual word-piece vectors from the embedding model let every
question word find its closest counterpart in the sentence, and every
sentence word say how close it comes to the question, so the reader can
look for the answer next to words that mean what the question asks about
even when they are not the same words (late interaction, as ColBERT scores
passages).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span

from newsfaq.ask.question_analysis import QuestionInfo
from newsfaq.nlp.embeddings import TokenVectors


@dataclass(frozen=True)
class QuestionPieces:
    """The word pieces of the question's informative words, weighted by rarity (shared by a word's pieces)."""

    vectors: np.ndarray
    weights: np.ndarray
    words: np.ndarray
    """Which question word each piece belongs to."""


@dataclass(frozen=True)
class QuestionAlignment:
    """How closely one sentence matches the question word by word, and how close each of its tokens comes."""

    score: float
    """Rarity-weighted mean, over the question's informative words, of their closest match in the sentence."""
    weakest: float
    """The closest match of the question word the sentence covers worst (a missing key word)."""
    tokens: dict[int, float]
    """Sentence token index -> its closest cosine to any informative question word."""


def question_pieces(question: QuestionInfo, pieces: TokenVectors) -> QuestionPieces:
    """The question's informative words as ``QuestionPieces`` cut from ``pieces`` (the question's own word
    pieces): built once per question, then aligned with every sentence read."""
    content = [w for w in question.words if w.content]
    rows, weights, owners = [], [], []
    for n, word in enumerate(content):
        inside = [i for i, (a, b) in enumerate(pieces.offsets) if a >= word.start and b <= word.end and b > a]
        for i in inside:
            rows.append(i)
            weights.append(max(word.rarity, 0.5) / len(inside))
            owners.append(n)
    return QuestionPieces(pieces.vectors[rows], np.array(weights), np.array(owners, dtype=int))


def align_question(question: QuestionPieces, sentence: Span, pieces: TokenVectors) -> QuestionAlignment:
    """Each question word's closest word piece in ``sentence`` and each sentence token's closest question word
    (``pieces``: the sentence's word pieces), as ColBERT's late interaction compares them."""
    if not len(question.weights) or not len(pieces.offsets):
        return QuestionAlignment(0.0, 0.0, {})
    similarity = question.vectors @ pieces.vectors.T  # (question pieces, sentence pieces)
    best_for_question = similarity.max(axis=1)
    per_word = [best_for_question[question.words == n].max() for n in np.unique(question.words)]
    score = float((best_for_question * question.weights).sum() / question.weights.sum())
    token_at = {}
    for token in sentence:
        begin = token.idx - sentence.start_char
        token_at.update((c, token.i) for c in range(begin, begin + len(token)))
    tokens: dict[int, float] = {}
    for (start, _), value in zip(pieces.offsets, similarity.max(axis=0), strict=True):
        index = token_at.get(start)
        if index is not None:
            tokens[index] = max(tokens.get(index, -1.0), float(value))
    return QuestionAlignment(score, float(min(per_word)), tokens)
