"""Train the reader's answer ranker and write src/newsfaq/ask/reader_model.txt.

    python bench/train_reader.py

Data: SQuAD 2.0 dev (../shared/data/qa-dev), each paragraph taken as an
article. Candidates are graded 0-3 by token F1 with the gold answers and a
LambdaRank model learns to put the best first. Then the answerability
classifier (src/newsfaq/ask/answerable_model.txt) learns, from every question,
answerable or not, whether answering with the ranker's pick scores better
than abstaining (bench/reader_quality.py scores both on held-out halves).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from reader_data import ReaderItem, reader_items
from squad import best_f1

ASK = Path(__file__).resolve().parent.parent / "src" / "newsfaq" / "ask"
PARAMS = {"n_estimators": 300, "learning_rate": 0.05, "num_leaves": 31, "min_child_samples": 20, "verbose": -1}
ANSWERABILITY_PARAMS = {"n_estimators": 300, "learning_rate": 0.05, "num_leaves": 15, "min_child_samples": 40,
                        "verbose": -1}  # fmt: skip


def fit(items: list[ReaderItem]):
    """(booster, feature names) trained on the answerable questions of ``items``."""
    from lightgbm import LGBMRanker

    train = [item for item in items if item.question.answerable and item.candidates]
    names = sorted({name for item in train for c in item.candidates for name in c.features})
    column = {name: i for i, name in enumerate(names)}
    rows = [c.features for item in train for c in item.candidates]
    matrix = np.zeros((len(rows), len(names)))
    for r, features in enumerate(rows):
        for name, value in features.items():
            matrix[r, column[name]] = value
    grades = [min(3, int(g * 3.999)) for item in train for g in item.grades]
    ranker = LGBMRanker(**PARAMS).fit(matrix, grades, group=[len(item.candidates) for item in train])
    return ranker.booster_, names


Prediction = tuple[str, np.ndarray, int]
"""The ranker's pick for one question: its text, every candidate's score, and its position."""


def predictions(items: list[ReaderItem], model) -> list[Prediction]:
    """(best candidate text, every candidate's score, the best one's position) per item;
    ('', no scores, -1) without candidates."""
    out = []
    for item in items:
        if not item.candidates:
            out.append(("", np.zeros(0), -1))
            continue
        scores = model.scores(item.candidates)
        best = int(np.argmax(scores))
        out.append((item.candidates[best].text, scores, best))
    return out


def answerability_data(items: list[ReaderItem], model) -> tuple[np.ndarray, np.ndarray, list[Prediction]]:
    """Classifier rows, labels (answering beats abstaining) and the ranker's ``predictions``, per item."""
    from newsfaq.ask import answerability
    from newsfaq.ask.question_analysis import analyse_question

    predicted = predictions(items, model)
    rows, labels = [], []
    for item, (text, scores, best) in zip(items, predicted, strict=True):
        q = item.question
        if best < 0:  # no candidate: newsfaq abstains without asking the classifier
            rows.append([np.nan] * len(answerability.FEATURES))
        else:
            context = answerability.content_keys(q.context)
            rows.append(answerability.features(analyse_question(q.question), context, item.candidates[best], scores))
        labels.append(best_f1(text, q.answers) > best_f1("", q.answers))
    return np.array(rows), np.array(labels), predicted


def fit_answerability(items: list[ReaderItem], model):
    from lightgbm import LGBMClassifier

    from newsfaq.ask.answerability import FEATURES

    rows, labels, _ = answerability_data(items, model)
    return LGBMClassifier(**ANSWERABILITY_PARAMS).fit(rows, labels, feature_name=list(FEATURES)).booster_


def halves(items: list[ReaderItem]) -> tuple[list[ReaderItem], list[ReaderItem]]:
    titles = sorted({item.question.title for item in items})
    first = set(titles[::2])
    return [i for i in items if i.question.title in first], [i for i in items if i.question.title not in first]


def main() -> None:
    from newsfaq.ask.reader import ReaderModel

    items = reader_items()
    booster, names = fit(items)
    (ASK / "reader_model.txt").write_text(booster.model_to_string())
    (ASK / "reader_features.json").write_text(json.dumps({"features": names}, indent=1) + "\n")
    model = ReaderModel(booster, {n: i for i, n in enumerate(names)})
    (ASK / "answerable_model.txt").write_text(fit_answerability(items, model).model_to_string())
    print(f"ranker trained on {sum(i.question.answerable for i in items)} answerable questions; "
          f"answerability on all {len(items)}")  # fmt: skip


if __name__ == "__main__":
    main()
