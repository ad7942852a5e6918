"""The model reader on a sample of SQuAD 2.0 dev, each paragraph taken as an article.

    python bench/squad_model_reader.py [--questions 240]

The model reads too slowly on 2 cores (seconds a question) for all 11,873 questions, so this takes a seeded
sample, half answerable and half not, from distinct paragraphs. Beside it, on the same sample, the fast reader
(whose shipped models were trained on SQuAD 2.0 dev, so its figures here are in-sample; its held-out figures
are reader_quality.py's). Each question is answered whatever its confidence, and the default point and the
curve are read from the confidences, as in news_reader.py.
"""

from __future__ import annotations

import argparse
import random
import time

import numpy as np
from common import print_table
from coverage import CURVE_HEADER, expected_calibration_error, point_and_curve
from squad import SquadQuestion, best_f1, load_squad

from newsfaq.ask.answering import answer_from, default_bar, passage_of
from newsfaq.engines import READER
from newsfaq.model import Article

SEED = 14


def sample(count: int) -> list[SquadQuestion]:
    """``count // 2`` answerable questions and as many unanswerable ones, each from a different paragraph."""
    questions = load_squad()
    random.Random(SEED).shuffle(questions)
    chosen: list[SquadQuestion] = []
    seen: set[str] = set()
    for answerable in (True, False):
        wanted = len(chosen) + count // 2
        for question in questions:
            if question.answerable == answerable and question.context not in seen and len(chosen) < wanted:
                seen.add(question.context)
                chosen.append(question)
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=240)
    args = parser.parse_args()
    questions = sample(args.questions)
    passages = [passage_of(Article(id=q.id, body=q.context, date="2023-06-01")) for q in questions]
    is_answerable = np.array([q.answerable for q in questions])
    rows, notes = [], []
    for engine in ("fast", "model"):
        model = READER.model(engine, None)
        confidence, f1 = np.full(len(questions), np.nan), np.zeros(len(questions))
        started = time.perf_counter()
        for n, (question, passage) in enumerate(zip(questions, passages, strict=True)):
            answer = answer_from(question.question, [passage], 0.0, model)
            if answer.answer:
                confidence[n] = answer.confidence
                f1[n] = best_f1(answer.answer, question.answers) if question.answerable else 0.0
        seconds = (time.perf_counter() - started) / len(questions)
        default = default_bar(model)
        rows += point_and_curve(confidence, is_answerable, f1, default, engine)
        right = is_answerable & (f1 >= 0.5)
        error = expected_calibration_error(confidence, right)
        notes.append(f"{engine}: {seconds:.2f} s a question (parsed beforehand); calibration error {error:.3f}")
    print_table(
        f"ask on {len(questions)} SQuAD 2.0 dev questions ({is_answerable.sum()} answerable), one paragraph each",
        ["engine", "point", *CURVE_HEADER],
        rows,
    )
    print("\n".join(notes))


if __name__ == "__main__":
    main()
