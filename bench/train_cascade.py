"""Fit the cascade (when to ask the model judge, how to combine its score) and write src/newsfaq/check/cascade.json.

    python bench/train_cascade.py

Data: the check-dev claims, each with the fast checker's cross-validated score
and verdict (bench/check_quality.py: no claim's own article informs its fast
score, as on unseen news) and the judge's score (bench/judge_quality.py's cache;
run that first). Two things are fitted:

- the combiner: a logistic regression of the label on the fast score's log-odds
  and the judge's margin, over the claims the judge may decide (not settled by
  the fast checker, not contradicted), each (set, label) group weighted equally so 0.5
  is the natural threshold;
- the band: the fast scores [low, high) sent to the judge, the pair with the
  best mean balanced accuracy over the three sets among those that send at most
  MAX_JUDGED_SHARE of any set's claims.

bench/cascade_quality.py reuses ``fit_policy`` for its cross-validated figures.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

import numpy as np
from check_quality import cross_validated
from checksets import load_claim_sets
from judge_quality import cached_prefix, judge_scores
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score

from newsfaq.check.cascade import POLICY_FILE, CascadePolicy

MAX_JUDGED_SHARE = 0.5
"""The issue's budget: the judge reads at most half of any set's claims."""
BAND_CUTS = np.linspace(0.0, 1.0, 41)


@dataclass
class ScoredClaims:
    """Every labelled claim with both engines' outputs, in one flat array per field."""

    sets: np.ndarray
    documents: np.ndarray
    labels: np.ndarray
    fast: np.ndarray
    fast_supported: np.ndarray
    contradicted: np.ndarray
    settled: np.ndarray
    judge: np.ndarray

    def take(self, rows: np.ndarray) -> ScoredClaims:
        return ScoredClaims(**{k: v[rows] for k, v in asdict(self).items()})

    @property
    def eligible(self) -> np.ndarray:
        """Claims the judge may decide (mirrors ``cascade.judgeable``)."""
        return ~self.contradicted.astype(bool) & ~self.settled.astype(bool)


def scored_claims(cached_only: bool = False) -> ScoredClaims:
    """Every claim with its fast and judge scores (scoring those the cache lacks), or with ``cached_only`` the
    first claims of each set as far as the judge cache holds them."""
    fast = cross_validated()
    judged = cached_prefix() if cached_only else judge_scores(None)
    fields: dict[str, list] = {k: [] for k in ScoredClaims.__dataclass_fields__}
    for name, claims in load_claim_sets().items():
        count = len(judged[name])
        fields["sets"] += [name] * count
        fields["documents"] += [c.document for c in claims[:count]]
        fields["labels"] += list(fast[name]["labels"][:count])
        fields["fast"] += list(fast[name]["product"][:count])
        fields["fast_supported"] += list(fast[name]["product_pred"][:count])
        fields["contradicted"] += list(fast[name]["product_contradicted"][:count])
        fields["settled"] += list(fast[name]["product_settled"][:count])
        fields["judge"] += list(judged[name])
    return ScoredClaims(**{k: np.array(v) for k, v in fields.items()})


def balanced_weights(claims: ScoredClaims) -> np.ndarray:
    keys = [f"{s}/{label}" for s, label in zip(claims.sets, claims.labels, strict=True)]
    _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
    weights = 1.0 / counts[inverse]
    return weights * len(keys) / weights.sum()


def _log_odds(scores: np.ndarray) -> np.ndarray:
    clipped = np.clip(scores, 1e-4, 1 - 1e-4)
    return np.log(clipped / (1 - clipped))


def fit_combiner(claims: ScoredClaims) -> tuple[float, float, float]:
    rows = claims.eligible
    features = np.column_stack([_log_odds(claims.fast[rows]), claims.judge[rows]])
    regression = LogisticRegression(C=1.0, max_iter=1000)
    regression.fit(features, claims.labels[rows], sample_weight=balanced_weights(claims.take(rows)))
    fast_weight, judge_weight = regression.coef_[0]
    return float(fast_weight), float(judge_weight), float(regression.intercept_[0])


def predict(policy: CascadePolicy, claims: ScoredClaims, always: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(score, judged) per claim under ``policy``: the combined score where the judge decides, else the fast one."""
    return _outcome(policy, claims, _combined(policy, claims), always)


def _combined(policy: CascadePolicy, claims: ScoredClaims) -> np.ndarray:
    """Every claim's combined score; it depends on the combiner only, not on the band."""
    return np.array([policy.combined(f, j) for f, j in zip(claims.fast, claims.judge, strict=True)])


def _outcome(
    policy: CascadePolicy, claims: ScoredClaims, combined: np.ndarray, always: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    in_band = np.array([policy.uncertain(f) for f in claims.fast], dtype=bool)
    judged = claims.eligible & (True if always else in_band)
    return np.where(judged, combined, claims.fast), judged


def supported(policy: CascadePolicy, claims: ScoredClaims, score: np.ndarray, judged: np.ndarray) -> np.ndarray:
    return np.where(judged, score >= policy.threshold, claims.fast_supported.astype(bool))


def _mean_balanced_accuracy(claims: ScoredClaims, predicted: np.ndarray) -> float:
    return float(
        np.mean([balanced_accuracy_score(claims.labels[claims.sets == s], predicted[claims.sets == s])
                 for s in np.unique(claims.sets)])
    )  # fmt: skip


def _largest_share(claims: ScoredClaims, judged: np.ndarray) -> float:
    return max(float(judged[claims.sets == s].mean()) for s in np.unique(claims.sets))


def fit_policy(claims: ScoredClaims) -> CascadePolicy:
    fast_weight, judge_weight, bias = fit_combiner(claims)
    combined = _combined(CascadePolicy(0.0, 1.0, fast_weight, judge_weight, bias), claims)
    best: tuple[float, CascadePolicy] | None = None
    for low in BAND_CUTS:
        for high in BAND_CUTS[low < BAND_CUTS]:
            policy = CascadePolicy(float(low), float(high), fast_weight, judge_weight, bias)
            score, judged = _outcome(policy, claims, combined)
            if _largest_share(claims, judged) > MAX_JUDGED_SHARE:
                continue
            accuracy = _mean_balanced_accuracy(claims, supported(policy, claims, score, judged))
            if best is None or accuracy > best[0]:
                best = (accuracy, policy)
    assert best is not None, "no band keeps within the judging budget"
    return best[1]


def main() -> None:
    claims = scored_claims()
    policy = fit_policy(claims)
    score, judged = predict(policy, claims)
    POLICY_FILE.write_text(
        json.dumps(
            {
                "policy": {k: round(v, 4) for k, v in asdict(policy).items()},
                "fitted_on": f"{len(claims.labels)} check-dev claims (fast scores cross-validated)",
                "judged_share": round(float(judged.mean()), 3),
            },
            indent=1,
        )
        + "\n"
    )
    print(f"wrote {POLICY_FILE}: {policy}; judged share {judged.mean():.3f}")


if __name__ == "__main__":
    main()
