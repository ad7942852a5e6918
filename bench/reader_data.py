"""Reader training and evaluation data from SQuAD 2.0 dev: for each question,
the candidates newsfaq's reader considers, with their features and token F1."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from squad import SquadQuestion, best_f1, load_squad

from newsfaq.ask.candidates import AnswerCandidate
from newsfaq.ask.engine import candidate_sentences, question_candidates, read_sentences
from newsfaq.ask.question_analysis import analyse_question
from newsfaq.nlp.embeddings import get_embedder
from newsfaq.nlp.pipeline import get_nlp


@dataclass
class ReaderItem:
    question: SquadQuestion
    candidates: list[AnswerCandidate]
    grades: list[float]
    sentence_hit: bool
    """Does the best-ranked sentence hold the annotated answer (its character offset)."""
    sentence_holds: bool
    """Does the best-ranked sentence contain a gold answer's text."""


def reader_items(limit: int | None = None) -> list[ReaderItem]:
    questions = load_squad()[:limit]
    contexts = sorted({q.context for q in questions})
    docs = dict(zip(contexts, get_nlp().pipe(contexts, batch_size=32), strict=True))
    sentences = {c: [s for s in docs[c].sents if s.text.strip()] for c in contexts}
    vectors = _sentence_vectors(sentences)
    queries = get_embedder().embed([q.question for q in questions])
    items = []
    for q, query in zip(questions, queries, strict=True):
        info = analyse_question(q.question)
        ranked = candidate_sentences(info, sentences[q.context], vectors[q.context] @ query)
        found = question_candidates(info, read_sentences(info, [ranked])[0])
        best = ranked[0].sentence if ranked else None
        hit = best is not None and any(best.start_char <= start < best.end_char for start in q.starts)
        holds = best is not None and any(answer in best.text for answer in q.answers)
        grades = [best_f1(c.text, q.answers) if q.answers else 0.0 for c in found]
        items.append(ReaderItem(q, found, grades, hit, holds))
    return items


def _sentence_vectors(sentences: dict[str, list]) -> dict[str, np.ndarray]:
    """Every paragraph's sentence embeddings, computed in one pass."""
    texts = [s.text for paragraph in sentences.values() for s in paragraph]
    flat = get_embedder().embed(texts)
    out, start = {}, 0
    for context, paragraph in sentences.items():
        out[context] = flat[start : start + len(paragraph)]
        start += len(paragraph)
    return out
