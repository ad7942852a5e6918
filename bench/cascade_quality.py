"""The cascade against the fast checker and the judge alone on ../shared/data/check-dev, all in one run.

    python bench/cascade_quality.py [--cached]

Protocol: 5-fold cross-validation grouped by article. The fast scores are
already cross-validated (bench/check_quality.py); in each fold the cascade's
combiner and band are fitted (bench/train_cascade.py's ``fit_policy``) on the
other folds only. Fast: its verdicts; judge alone: log P(Yes) - log P(No) > 0;
cascade: as ``check --judge auto`` (the band), and as ``--judge always``.
``--cached`` uses only the judge scores already cached (the first claims of
each set), so a partial run can be read while bench/judge_quality.py goes on.
"""

from __future__ import annotations

import sys

import numpy as np
from checksets import SETS
from common import print_table
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import GroupKFold
from train_cascade import ScoredClaims, fit_policy, predict, scored_claims, supported

FOLDS = 5


def cross_validated(claims: ScoredClaims) -> dict[str, np.ndarray]:
    """Per claim: the cascade's score, verdict and whether it was judged (band), and the same with ``always``."""
    out = {name: np.zeros(len(claims.labels)) for name in ("score", "supported", "judged", "always", "always_ok")}
    groups = np.unique(claims.documents, return_inverse=True)[1]
    for train, test in GroupKFold(FOLDS).split(claims.labels, claims.labels, groups):
        policy = fit_policy(claims.take(train))
        held = claims.take(test)
        score, judged = predict(policy, held)
        out["score"][test], out["judged"][test] = score, judged
        out["supported"][test] = supported(policy, held, score, judged)
        score, judged = predict(policy, held, always=True)
        out["always"][test], out["always_ok"][test] = score, supported(policy, held, score, judged)
    return out


def main() -> None:
    claims = scored_claims(cached_only="--cached" in sys.argv)
    result = cross_validated(claims)
    rows = []
    for name in SETS:
        m = claims.sets == name
        labels = claims.labels[m]

        def pair(predicted: np.ndarray, score: np.ndarray, labels: np.ndarray = labels) -> list[float]:
            return [balanced_accuracy_score(labels, predicted), roc_auc_score(labels, score)]

        fast = pair(claims.fast_supported[m], claims.fast[m])
        cascade = pair(result["supported"][m], result["score"][m])
        rows.append([
            name, int(m.sum()), *fast, *pair(claims.judge[m] > 0, claims.judge[m]), *cascade, cascade[0] - fast[0],
            float(result["judged"][m].mean()), *pair(result["always_ok"][m], result["always"][m]),
        ])  # fmt: skip
    print_table(
        f"Cascade vs fast checker vs judge alone on check-dev ({FOLDS}-fold CV grouped by article)",
        ["set", "claims", "fast BA", "fast AUC", "judge BA", "judge AUC", "cascade BA", "cascade AUC",
         "cascade BA - fast BA", "share judged", "always BA", "always AUC"],
        rows,
    )  # fmt: skip


if __name__ == "__main__":
    main()
