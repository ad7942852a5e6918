"""Train the reader's answer ranker and write src/newsfaq/ask/reader_model.txt.

    python bench/train_reader.py

Data: SQuAD 2.0 dev (../shared/data/qa-dev), each paragraph taken as an
article. Candidates are graded 0-3 by token F1 with the gold answers and a
LambdaRank model learns to put the best first. The abstention threshold is
the one that maximises SQuAD 2.0 overall F1, averaged over the two halves of
a split by Wikipedia title (bench/reader_quality.py scores on the held-out half).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from reader_data import ReaderItem, reader_items
from squad import best_f1

ASK = Path(__file__).resolve().parent.parent / "src" / "newsfaq" / "ask"
PARAMS = {"n_estimators": 300, "learning_rate": 0.05, "num_leaves": 31, "min_child_samples": 20, "verbose": -1}


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


def predictions(items: list[ReaderItem], model) -> list[tuple[str, float, int]]:
    """(best candidate text, its score, its position) per item; ('', -inf, -1) without candidates."""
    out = []
    for item in items:
        if not item.candidates:
            out.append(("", float("-inf"), -1))
            continue
        scores = model.scores(item.candidates)
        best = int(np.argmax(scores))
        out.append((item.candidates[best].text, float(scores[best]), best))
    return out


def best_threshold(items: list[ReaderItem], predicted: list[tuple[str, float, int]]) -> float:
    """The abstention threshold that maximises overall F1 on ``items``."""
    pairs = zip(items, predicted, strict=True)
    answering = np.array([best_f1(text, item.question.answers) for item, (text, _, _) in pairs])
    abstaining = np.array([best_f1("", item.question.answers) for item in items])
    scores = np.array([score for _, score, _ in predicted])
    candidates = np.unique(scores[np.isfinite(scores)])
    totals = [np.where(scores >= t, answering, abstaining).sum() for t in candidates]
    return float(candidates[int(np.argmax(totals))]) if len(candidates) else 0.0


def halves(items: list[ReaderItem]) -> tuple[list[ReaderItem], list[ReaderItem]]:
    titles = sorted({item.question.title for item in items})
    first = set(titles[::2])
    return [i for i in items if i.question.title in first], [i for i in items if i.question.title not in first]


def main() -> None:
    from newsfaq.ask.reader import ReaderModel

    items = reader_items()
    thresholds = []
    for train, _ in (halves(items), halves(items)[::-1]):
        booster, names = fit(train)
        model = ReaderModel(booster, {n: i for i, n in enumerate(names)}, 0.0)
        thresholds.append(best_threshold(train, predictions(train, model)))
    booster, names = fit(items)
    (ASK / "reader_model.txt").write_text(booster.model_to_string())
    meta = {"features": names, "threshold": round(float(np.mean(thresholds)), 4)}
    (ASK / "reader_features.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(f"trained on {sum(i.question.answerable for i in items)} answerable questions; threshold {meta['threshold']}")


if __name__ == "__main__":
    main()
