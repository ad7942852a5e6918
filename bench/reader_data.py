"""Reader training and evaluation data from SQuAD 2.0 dev: for each question,
the candidates newsfaq's reader considers, with their features and token F1."""

from __future__ import annotations

from dataclasses import dataclass

from squad import SquadQuestion, best_f1, load_squad

from newsfaq.ask.candidates import Candidate
from newsfaq.ask.engine import candidate_sentences, question_candidates
from newsfaq.ask.questions import analyse_question
from newsfaq.nlp.pipeline import get_nlp


@dataclass
class ReaderItem:
    question: SquadQuestion
    candidates: list[Candidate]
    grades: list[float]
    sentence_hit: bool
    """Does the best-ranked sentence hold a gold answer (answerable questions)."""


def reader_items(limit: int | None = None) -> list[ReaderItem]:
    questions = load_squad()[:limit]
    contexts = sorted({q.context for q in questions})
    docs = dict(zip(contexts, get_nlp().pipe(contexts, batch_size=32), strict=True))
    items = []
    for q in questions:
        sentences = [s for s in docs[q.context].sents if s.text.strip()]
        info = analyse_question(q.question)
        ranked = candidate_sentences(info, sentences)
        found = question_candidates(info, ranked)
        best = ranked[0][0] if ranked else None
        hit = best is not None and any(best.start_char <= start < best.end_char for start in q.starts)
        items.append(ReaderItem(q, found, [best_f1(c.text, q.answers) if q.answers else 0.0 for c in found], hit))
    return items
