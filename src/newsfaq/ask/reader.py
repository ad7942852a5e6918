"""Picking the answer span: a LightGBM ranker over candidate features.

Trained by ``bench/train_reader.py`` (LambdaRank on SQuAD 2.0 dev questions,
candidates graded by token F1 against the gold answers). Whether to answer at
all is ``answerability``'s call.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from newsfaq.ask.candidates import AnswerCandidate

MODEL_FILE = "reader_model.txt"
FEATURES_FILE = "reader_features.json"


@dataclass(frozen=True)
class ReaderModel:
    """The answer-span ranker (a LightGBM booster) and the column of each feature it was trained on."""

    booster: object
    feature_index: dict[str, int]

    def matrix(self, candidates: list[AnswerCandidate]) -> np.ndarray:
        """The candidates' feature values, one row each, in the booster's columns; features it was not trained
        on are dropped."""
        rows = np.zeros((len(candidates), len(self.feature_index)), dtype=np.float64)
        for row, candidate in enumerate(candidates):
            for name, value in candidate.features.items():
                column = self.feature_index.get(name)
                if column is not None:
                    rows[row, column] = value
        return rows

    def scores(self, candidates: list[AnswerCandidate]) -> np.ndarray:
        """The ranker's score for each candidate, higher for a likelier answer."""
        if not candidates:
            return np.zeros(0)
        return self.booster.predict(self.matrix(candidates))


@lru_cache(maxsize=1)
def get_reader() -> ReaderModel:
    """The shipped ranker, loaded once per process."""
    import lightgbm

    package = resources.files("newsfaq.ask")
    meta = json.loads(package.joinpath(FEATURES_FILE).read_text())
    booster = lightgbm.Booster(model_str=package.joinpath(MODEL_FILE).read_text())
    return ReaderModel(booster, {name: i for i, name in enumerate(meta["features"])})
