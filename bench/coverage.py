"""Coverage-accuracy curves and calibration for a reader that may abstain.

A reader's confidence decides when it answers. Rather than one threshold, the curve shows every choice: for
each share of the answerable questions answered (most confident first), the threshold that gives it, the F1
on those answered and how many unanswerable questions it still declines.
"""

from __future__ import annotations

import numpy as np

COVERAGES = (0.5, 0.7, 0.8, 0.9, 1.0)
CURVE_HEADER = ["answers (answerable) %", "threshold", "F1 on answered", "correct % (answerable)",
                "abstains on unanswerable %", "overall F1"]  # fmt: skip


def curve(confidence: np.ndarray, answerable: np.ndarray, f1: np.ndarray, coverages=COVERAGES) -> list[list[object]]:
    """One row per coverage of the answerable questions. ``f1``: each question's F1 when answered (0 for an
    unanswerable question answered); a question with confidence NaN has no answer to give."""
    rows = []
    can = answerable & ~np.isnan(confidence)
    for share in coverages:
        ranked = np.sort(confidence[can])[::-1]
        wanted = int(np.ceil(share * answerable.sum()))
        threshold = ranked[min(wanted, len(ranked)) - 1] if len(ranked) else np.inf
        rows.append([*_point(confidence, answerable, f1, threshold)])
    return rows


def _point(confidence, answerable, f1, threshold) -> list[object]:
    answers = ~np.isnan(confidence) & (np.nan_to_num(confidence, nan=-np.inf) >= threshold)
    answered = answers & answerable
    overall = np.where(answers, np.where(answerable, f1, 0.0), np.where(answerable, 0.0, 1.0))
    return [
        100 * answered.sum() / max(1, answerable.sum()),
        float(threshold),
        100 * float(f1[answered].mean()) if answered.any() else 0.0,
        100 * float((answered & (f1 >= 0.5)).sum()) / max(1, answerable.sum()),
        100 * float((~answers & ~answerable).sum()) / max(1, (~answerable).sum()),
        100 * float(overall.mean()),
    ]


def at_threshold(confidence, answerable, f1, threshold: float) -> list[object]:
    """The same figures at one threshold (the product's operating point)."""
    return _point(confidence, answerable, f1, threshold)


def point_and_curve(confidence, answerable, f1, default: float, *label: str) -> list[list[object]]:
    """The table rows of one reader: its operating point at ``default``, then the curve, each row opening with
    ``label`` (the engine, the setting)."""
    rows = [[*label, "default", *at_threshold(confidence, answerable, f1, default)]]
    return rows + [[*label, "", *point] for point in curve(confidence, answerable, f1)]


def expected_calibration_error(confidence: np.ndarray, right: np.ndarray, bins: int = 10) -> float:
    """Mean |confidence - accuracy| over equal-width confidence bins, weighted by their size."""
    keep = ~np.isnan(confidence)
    confidence, right = confidence[keep], right[keep].astype(float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    index = np.clip(np.digitize(confidence, edges[1:-1]), 0, bins - 1)
    error = 0.0
    for b in range(bins):
        members = index == b
        if members.any():
            error += members.mean() * abs(confidence[members].mean() - right[members].mean())
    return float(error)


def reliability(confidence: np.ndarray, right: np.ndarray, bins: int = 10) -> str:
    """'[low, high): right/answered' for each non-empty confidence bin: where the calibration error lies."""
    keep = ~np.isnan(confidence)
    confidence, right = confidence[keep], right[keep]
    index = np.clip((confidence * bins).astype(int), 0, bins - 1)
    parts = []
    for b in range(bins):
        members = index == b
        if members.any():
            parts.append(f"[{b / bins:.1f}, {(b + 1) / bins:.1f}): {int(right[members].sum())}/{int(members.sum())}")
    return ", ".join(parts)


def cross_fitted(confidence: np.ndarray, right: np.ndarray, folds: np.ndarray) -> np.ndarray:
    """For a reader whose confidence takes a few fixed values (a table of measured rates), each answer's
    confidence replaced by the share right among answers with the same value in the other folds: the table
    re-fitted without the question's own fold, so its calibration error is measured on held-out questions."""
    refitted = np.full(len(confidence), np.nan)
    for fold in np.unique(folds):
        inside, outside = folds == fold, (folds != fold) & ~np.isnan(confidence)
        for value in np.unique(confidence[inside & ~np.isnan(confidence)]):
            peers = outside & (confidence == value)
            if peers.any():
                refitted[inside & (confidence == value)] = right[peers].mean()
    return refitted


def lowest_threshold_declining(confidence: np.ndarray, answerable: np.ndarray, share: float = 0.5) -> float:
    """The lowest threshold that still declines ``share`` of the unanswerable questions: the reader's
    operating point when answering as many questions as it can matters most, within that bound."""
    declined = np.sort(np.nan_to_num(confidence[~answerable], nan=-np.inf))
    needed = int(np.ceil(share * len(declined)))
    return float(np.nextafter(declined[needed - 1], np.inf)) if needed else float("-inf")
