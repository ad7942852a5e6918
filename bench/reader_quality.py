"""Answer extraction on SQuAD 2.0 dev, each paragraph taken as an article.

    python bench/reader_quality.py

Two-fold cross-validation by Wikipedia title: the ranker and the
answerability classifier are trained on one half (bench/train_reader.py's
``fit`` and ``fit_answerability``) and scored on the other, then the other way round, so
every question is scored by a model that never saw its article. Baselines in
the same run: the reader without abstention, and a rule that takes the first
entity of the expected type in the best sentence (else its first noun phrase
not in the question).
"""

from __future__ import annotations

import numpy as np
from common import print_table
from coverage import CURVE_HEADER, at_threshold, expected_calibration_error, lowest_threshold_declining, point_and_curve
from reader_data import ReaderItem, reader_items
from squad import best_f1, exact
from train_reader import answerability_data, fit, fit_answerability, halves

from newsfaq.ask.answerability import ANSWER_AT
from newsfaq.ask.candidates import ENTITY_TYPES
from newsfaq.ask.reader import ReaderModel


def _rule(item: ReaderItem) -> str:
    first = [c for c in item.candidates if c.features.get("best_sentence")]
    fits = [c for c in first if c.kind in ENTITY_TYPES.get(_expects(item), ())]
    other = [c for c in first if c.kind == "CHUNK" and c.features["repeats_question"] < 0.5]
    chosen = (fits or other or [None])[0]
    return chosen.text if chosen else ""


def _expects(item: ReaderItem) -> str:
    from newsfaq.ask.question_analysis import analyse_question

    return analyse_question(item.question.question).expects


def _row(
    name: str, items: list[ReaderItem], answers: list[str], chosen_hit: list[bool], chosen_holds: list[bool]
) -> list[object]:
    answerable = [i for i, item in enumerate(items) if item.question.answerable]
    unanswerable = [i for i, item in enumerate(items) if not item.question.answerable]
    f1 = [best_f1(answers[i], items[i].question.answers) for i in range(len(items))]
    em = [exact(answers[i], items[i].question.answers) for i in range(len(items))]
    return [
        name,
        100 * np.mean([em[i] for i in answerable]),
        100 * np.mean([f1[i] for i in answerable]),
        100 * np.mean([answers[i] == "" for i in unanswerable]),
        100 * np.mean(em),
        100 * np.mean(f1),
        100 * np.mean([chosen_holds[i] for i in answerable]),
        100 * np.mean([chosen_hit[i] for i in answerable]),
    ]


def _print_curve(items: list[ReaderItem], answered: list[str], confidence: np.ndarray) -> None:
    """The coverage-accuracy curve of the held-out confidences, the default point and their calibration."""
    is_answerable = np.array([item.question.answerable for item in items])
    f1 = np.array([best_f1(text, item.question.answers) if item.question.answerable else 0.0
                   for item, text in zip(items, answered, strict=True)])  # fmt: skip
    rows = point_and_curve(confidence, is_answerable, f1, ANSWER_AT)
    lowest = lowest_threshold_declining(confidence, is_answerable)
    rows.insert(
        1, ["most answered, half the unanswerable declined", *at_threshold(confidence, is_answerable, f1, lowest)]
    )
    print_table("Coverage-accuracy curve on SQuAD 2.0 dev (held-out halves)", ["point", *CURVE_HEADER], rows)
    calibration = expected_calibration_error(confidence, is_answerable & (f1 >= 0.5))
    print(f"expected calibration error of the confidence (right: F1 >= 0.5): {calibration:.3f}")


def main() -> None:
    items = reader_items()
    order = {id(item): n for n, item in enumerate(items)}
    answered = [""] * len(items)
    abstaining = [""] * len(items)
    confidence = np.full(len(items), np.nan)
    hit = [False] * len(items)
    holds = [False] * len(items)
    for train, test in (halves(items), halves(items)[::-1]):
        booster, names = fit(train)
        model = ReaderModel(booster, {n: i for i, n in enumerate(names)})
        classifier = fit_answerability(train, model)
        rows, _, predicted = answerability_data(test, model)
        probability = classifier.predict(rows)
        for item, p, (text, _, best) in zip(test, probability, predicted, strict=True):
            n = order[id(item)]
            yes = p >= ANSWER_AT
            confidence[n] = p if best >= 0 else np.nan
            answered[n] = text
            abstaining[n] = text if yes else ""
            if best >= 0:
                sentence = item.candidates[best].sentence
                hit[n] = any(sentence.start_char <= s < sentence.end_char for s in item.question.starts)
                holds[n] = any(answer in sentence.text for answer in item.question.answers)
    rule = [_rule(item) for item in items]
    sentence_hit = [item.sentence_hit for item in items]
    sentence_holds = [item.sentence_holds for item in items]
    n_answerable = sum(i.question.answerable for i in items)
    print_table(
        f"Answer extraction on SQuAD 2.0 dev ({len(items)} questions, {n_answerable} answerable; 2-fold CV by title)",
        ["system", "EM (answerable)", "F1 (answerable)", "abstains on unanswerable %", "overall EM", "overall F1",
         "answer sentence holds a gold answer %", "answer sentence holds the annotated answer %"],
        [
            _row("rule: first entity of the expected type", items, rule, sentence_hit, sentence_holds),
            _row("newsfaq reader, always answering", items, answered, hit, holds),
            _row("newsfaq reader with abstention", items, abstaining, hit, holds),
            ["always abstain", 0.0, 0.0, 100.0, 100 * (1 - n_answerable / len(items)),
             100 * (1 - n_answerable / len(items)), "", ""],
        ],
    )  # fmt: skip
    _print_curve(items, answered, confidence)
    top = 100 * np.mean([i.sentence_hit for i in items if i.question.answerable])
    print(f"best-ranked sentence holds the annotated answer: {top:.1f}% of answerable questions")
    print("'holds a gold answer': the sentence contains a gold answer's text (the issue's measure);")
    print("'holds the annotated answer': it holds the offset the annotators marked (stricter when answers recur)")


if __name__ == "__main__":
    main()
