"""The support model: a logistic regression over the alignment features and
their pairwise products, with weights trained by ``bench/train_checker.py``.

Pairwise products let one model serve near-extractive claims (where word order
and phrase overlap decide) and abstractive ones (where unknown words decide).
The weights are a small JSON file; scoring is a few numpy operations.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from newsfaq.check.features import FEATURE_NAMES

WEIGHTS_FILE = "weights.json"


def expand(features: np.ndarray) -> np.ndarray:
    """Each standardised feature and every product of two (rows are claims)."""
    rows, width = features.shape
    left, right = np.triu_indices(width)
    return np.hstack([features, features[:, left] * features[:, right]])


@dataclass(frozen=True)
class SupportModel:
    """The support model's weights: the scaling of the raw and expanded features, the coefficients and the
    decision threshold."""

    mean: np.ndarray
    scale: np.ndarray
    expanded_mean: np.ndarray
    expanded_scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float

    def probability(self, features: np.ndarray) -> np.ndarray:
        """P(supported) for each row of raw feature values."""
        standard = (np.atleast_2d(features) - self.mean) / self.scale
        expanded = (expand(standard) - self.expanded_mean) / self.expanded_scale
        return 1.0 / (1.0 + np.exp(-(expanded @ self.coef + self.intercept)))

    def to_dict(self) -> dict:
        """The weights as weights.json holds them, with the names of the features they were trained on."""
        fields = ("mean", "scale", "expanded_mean", "expanded_scale", "coef")
        return {"features": list(FEATURE_NAMES), **{f: getattr(self, f).tolist() for f in fields},
                "intercept": self.intercept, "threshold": self.threshold}  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict) -> SupportModel:
        """The model from ``to_dict``'s form; weights trained on another feature set are refused."""
        if data["features"] != list(FEATURE_NAMES):
            raise RuntimeError("checker weights do not match the feature set; rerun bench/train_checker.py")
        arrays = {f: np.array(data[f]) for f in ("mean", "scale", "expanded_mean", "expanded_scale", "coef")}
        return cls(**arrays, intercept=float(data["intercept"]), threshold=float(data["threshold"]))


@lru_cache(maxsize=1)
def get_model() -> SupportModel:
    """The shipped weights, read once per process."""
    text = resources.files("newsfaq.check").joinpath(WEIGHTS_FILE).read_text()
    return SupportModel.from_dict(json.loads(text))
