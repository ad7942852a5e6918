"""Checker quality on ../shared/data/check-dev, with a content-word baseline in the same run.

    python bench/check_quality.py

Protocol: 5-fold cross-validation grouped by article over all 1,772 claims.
Each fold's model is trained (bench/train_checker.py's ``fit``) on the other
folds only, and its threshold is the fixed 0.5 of a class- and set-balanced
model, so no scored claim or article ever informs its own prediction. The
baseline (share of the claim's content words found anywhere in the article)
gets its threshold the same way: the best one on the training folds.
"""

from __future__ import annotations

import json
import sys

import numpy as np
from checksets import SETS, load_claim_sets
from common import print_table
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import GroupKFold
from train_checker import balanced_weights, feature_matrix, fit

from newsfaq.check.checker import verdicts_for
from newsfaq.check.index import index_articles

FOLDS = 5


def _best_threshold(values: np.ndarray, labels: np.ndarray, weights: np.ndarray) -> float:
    candidates = np.unique(values)
    accuracy = [balanced_accuracy_score(labels, values >= t, sample_weight=weights) for t in candidates]
    return float(candidates[int(np.argmax(accuracy))])


def cross_validated() -> dict[str, dict[str, np.ndarray]]:
    rows = [row for claims in load_claim_sets().values() for row in claims]
    features = feature_matrix(rows)
    labels = np.array([r.label for r in rows])
    documents = sorted({r.document for r in rows})
    groups = np.array([documents.index(r.document) for r in rows])
    indexes = dict(zip(documents, index_articles(documents), strict=True))
    out = {
        name: np.zeros(len(rows))
        for name in (
            "baseline",
            "baseline_pred",
            "whole",
            "product",
            "product_pred",
            "product_contradicted",
            "product_settled",
        )
    }
    for train, test in GroupKFold(FOLDS).split(features, labels, groups):
        train_rows = [rows[i] for i in train]
        model = fit(features[train], train_rows)
        coverage = features[:, 0]
        cut = _best_threshold(coverage[train], labels[train], balanced_weights(train_rows))
        out["baseline"][test] = coverage[test]
        out["baseline_pred"][test] = coverage[test] >= cut
        out["whole"][test] = model.probability(features[test])
        verdicts = verdicts_for([indexes[rows[i].document] for i in test], [rows[i].claim for i in test], model)
        out["product"][test] = [v.score for v in verdicts]
        out["product_pred"][test] = [v.label == "supported" for v in verdicts]
        out["product_contradicted"][test] = [v.label == "contradicted" for v in verdicts]
        out["product_settled"][test] = [v.settled for v in verdicts]
    sets = np.array([r.set for r in rows])
    return {name: {"labels": labels[sets == name], **{k: v[sets == name] for k, v in out.items()}} for name in SETS}


def scores(result: dict[str, np.ndarray]) -> dict[str, float]:
    labels = result["labels"]
    return {
        "baseline_ba": balanced_accuracy_score(labels, result["baseline_pred"]),
        "baseline_auc": roc_auc_score(labels, result["baseline"]),
        "whole_ba": balanced_accuracy_score(labels, result["whole"] >= 0.5),
        "whole_auc": roc_auc_score(labels, result["whole"]),
        "ba": balanced_accuracy_score(labels, result["product_pred"]),
        "auc": roc_auc_score(labels, result["product"]),
    }


def main() -> None:
    results = {name: scores(result) for name, result in cross_validated().items()}
    sizes = {name: len(claims) for name, claims in load_claim_sets().items()}
    rows = [
        [name, sizes[name], r["baseline_ba"], r["baseline_auc"], r["whole_ba"], r["whole_auc"], r["ba"], r["auc"]]
        for name, r in results.items()
    ]
    print_table(
        f"Claim support on check-dev ({FOLDS}-fold CV grouped by article; threshold fixed at 0.5)",
        [
            "set",
            "claims",
            "baseline BA",
            "baseline AUC",
            "whole-claim BA",
            "whole-claim AUC",
            "newsfaq BA",
            "newsfaq AUC",
        ],
        rows,
    )
    if "--json" in sys.argv:
        print(json.dumps({name: {k: round(v, 4) for k, v in r.items()} for name, r in results.items()}))


if __name__ == "__main__":
    main()
