"""Train the checker's support model and write src/newsfaq/check/weights.json.

    python bench/train_checker.py

Data: the three labelled claim sets in ../shared/data/check-dev (1,772 claims).
Each (set, label) group gets equal total weight, so no set and no class
dominates and a probability of 0.5 is the natural decision threshold: the
threshold is fixed here, before any scoring, and never tuned on a scored set.
bench/check_quality.py reuses ``fit`` for its cross-validated figures.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from checksets import LabelledClaim, load_claim_sets
from sklearn.linear_model import LogisticRegression

from newsfaq.check.features import align_claim
from newsfaq.check.index import index_articles
from newsfaq.check.scorer import SupportModel, expand
from newsfaq.nlp.lexicon import words

REGULARISATION_C = 0.03
"""Strong L2 shrinkage: 170 weights from 1,772 claims (chosen by grouped 5-fold CV)."""
THRESHOLD = 0.5
WEIGHTS = Path(__file__).resolve().parent.parent / "src" / "newsfaq" / "check" / "weights.json"


def feature_matrix(rows: list[LabelledClaim]) -> np.ndarray:
    """Whole-claim features, each article indexed once."""
    documents = sorted({r.document for r in rows})
    indexes = dict(zip(documents, index_articles(documents), strict=True))
    return np.array([align_claim(words(r.claim), indexes[r.document]).features for r in rows])


def balanced_weights(rows: list[LabelledClaim]) -> np.ndarray:
    groups: dict[tuple[str, int], int] = {}
    for r in rows:
        groups[(r.set, r.label)] = groups.get((r.set, r.label), 0) + 1
    weights = np.array([1.0 / groups[(r.set, r.label)] for r in rows])
    return weights * len(rows) / weights.sum()


def _standardise(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scale = values.std(axis=0)
    return values.mean(axis=0), np.where(scale > 0, scale, 1.0)


def fit(features: np.ndarray, rows: list[LabelledClaim]) -> SupportModel:
    mean, scale = _standardise(features)
    expanded = expand((features - mean) / scale)
    expanded_mean, expanded_scale = _standardise(expanded)
    labels = np.array([r.label for r in rows])
    regression = LogisticRegression(C=REGULARISATION_C, max_iter=5000)
    regression.fit((expanded - expanded_mean) / expanded_scale, labels, sample_weight=balanced_weights(rows))
    return SupportModel(
        mean, scale, expanded_mean, expanded_scale, regression.coef_[0], float(regression.intercept_[0]), THRESHOLD
    )


def main() -> None:
    rows = [row for claims in load_claim_sets().values() for row in claims]
    model = fit(feature_matrix(rows), rows)
    WEIGHTS.write_text(json.dumps(model.to_dict(), indent=1) + "\n")
    print(f"trained on {len(rows)} claims; wrote {WEIGHTS} ({WEIGHTS.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
