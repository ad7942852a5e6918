"""Which sentences could answer a question: the question's words found in
each sentence, weighted by how informative each word is in general (rarity)
and in this text (a word in every sentence, such as the story's topic, tells
the sentences apart less than one in a single sentence), with a bonus for
shared word pairs."""

from __future__ import annotations

import math
from dataclasses import dataclass

from spacy.tokens import Span

from newsfaq.ask.alignment import QuestionAlignment
from newsfaq.ask.question_analysis import QuestionInfo
from newsfaq.nlp.lexicon import words

PAIR_BONUS = 0.05


@dataclass(frozen=True)
class RankedSentence:
    """A sentence scored for a question, by the question's words it holds and by embedding closeness."""

    sentence: Span
    share: float
    """Share of the question's informative words the sentence holds (``rank_sentences``)."""
    closeness: float
    """Cosine between the question's and the sentence's embeddings."""
    score: float
    """How the sentences are ranked: ``fused_score`` of the two."""
    alignment: QuestionAlignment | None = None
    """Word-by-word fit with the question, for the sentences being read."""


def fused_score(share: float, closeness: float, closeness_weight: float) -> float:
    """Word overlap plus embedding closeness: how sentences are ranked, in one article or across the archive."""
    return share + closeness_weight * closeness


def rank_sentences(
    question: QuestionInfo, sentences: list[str], referents: list[str] | None = None
) -> list[tuple[int, float]]:
    """(sentence index, share of the question's weight it holds), best first. ``referents``, per sentence, are
    words it holds though it does not write them: the names its pronouns stand for, so that "She promised to
    pick up the boy" holds the "Alyssa Chang" of "What did Alyssa Chang promise to do?"."""
    content = [w for w in question.words if w.content]
    found = [words(text) for text in sentences]
    keys = [{w.key for w in f} for f in found]
    for held, also in zip(keys, referents or [""] * len(sentences), strict=True):
        held |= {w.key for w in words(also)}
    spread = {w.key: sum(w.key in k for k in keys) for w in content}

    def weight(word) -> float:
        return word.rarity * (1.0 + math.log(max(1, len(sentences)) / max(1, spread[word.key])))

    total = sum(weight(w) for w in content) or 1.0
    pairs = {(a.key, b.key) for a, b in zip(question.words, question.words[1:], strict=False)}
    scored = []
    for index, (sentence_words, sentence_keys) in enumerate(zip(found, keys, strict=True)):
        share = sum(weight(w) for w in content if w.key in sentence_keys) / total
        shared_pairs = sum((a.key, b.key) in pairs for a, b in zip(sentence_words, sentence_words[1:], strict=False))
        scored.append((index, share + PAIR_BONUS * shared_pairs))
    return sorted(scored, key=lambda item: (-item[1], item[0]))
