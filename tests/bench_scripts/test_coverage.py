"""bench/coverage.py on made-up confidences: no model, no data."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "bench"))

from coverage import (  # noqa: E402
    at_threshold,
    cross_fitted,
    curve,
    expected_calibration_error,
    lowest_threshold_declining,
    point_and_curve,
    reliability,
)

# Four answerable questions (F1 when answered 1, 1, 0.5, 0; the last has no answer to give) and two
# unanswerable ones, one of them answered with high confidence.
CONFIDENCE = np.array([0.9, 0.8, 0.6, np.nan, 0.7, 0.2])
ANSWERABLE = np.array([True, True, True, True, False, False])
F1 = np.array([1.0, 1.0, 0.5, 0.0, 0.0, 0.0])


def test_each_coverage_answers_the_most_confident_share_of_answerable_questions():
    half, most, *_, everything = curve(CONFIDENCE, ANSWERABLE, F1)
    # 0.9 and 0.8 answered, both unanswerable declined: overall F1 (1 + 1 + 1 + 1) / 6
    assert half == pytest.approx([50.0, 0.8, 100.0, 50.0, 100.0, 100 * 4 / 6])
    assert most[:2] == [75.0, 0.6] and most[4] == 50.0  # reaching 0.6 also answers the 0.7 unanswerable one
    assert everything[0] == 75.0  # the question with no answer to give is never answered


def test_the_operating_point_and_calibration():
    assert at_threshold(CONFIDENCE, ANSWERABLE, F1, 0.5)[0] == 75.0
    right = ANSWERABLE & (F1 >= 0.5)
    assert expected_calibration_error(np.array([0.95, 0.95]), np.array([True, True])) == pytest.approx(0.05)
    bins = "[0.2, 0.3): 0/1, [0.6, 0.7): 1/1, [0.7, 0.8): 0/1, [0.8, 0.9): 1/1, [0.9, 1.0): 1/1"
    assert reliability(CONFIDENCE, right) == bins


def test_a_table_of_confidences_is_refitted_on_the_other_fold():
    confidence = np.array([0.9, 0.9, 0.6, 0.9, 0.9, 0.6, np.nan])
    right = np.array([True, False, True, True, True, False, False])
    folds = np.array([0, 0, 0, 1, 1, 1, 1])
    refitted = cross_fitted(confidence, right, folds)
    assert refitted[:3].tolist() == [1.0, 1.0, 0.0]  # fold 0 gets fold 1's rates
    assert refitted[3:6].tolist() == [0.5, 0.5, 1.0]  # and fold 1 gets fold 0's
    assert np.isnan(refitted[6])  # no answer, no confidence


def test_the_readers_point_declines_half_the_unanswerable_questions():
    confidence = np.array([0.9, 0.3, 0.7, 0.2, np.nan, 0.6])
    answerable = np.array([True, True, False, False, False, False])
    threshold = lowest_threshold_declining(confidence, answerable)
    assert 0.2 < threshold < 0.21  # declines the one with no answer and 0.2: half of the four
    assert at_threshold(confidence, answerable, np.ones(6), threshold)[4] == 50.0


def test_a_readers_rows_are_its_operating_point_then_its_curve():
    rows = point_and_curve(CONFIDENCE, ANSWERABLE, F1, 0.5, "fast")
    assert rows[0] == ["fast", "default", *at_threshold(CONFIDENCE, ANSWERABLE, F1, 0.5)]
    assert [row[2:] for row in rows[1:]] == curve(CONFIDENCE, ANSWERABLE, F1) and rows[1][:2] == ["fast", ""]
