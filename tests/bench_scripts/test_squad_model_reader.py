"""bench/squad_model_reader.py's sample: half answerable, one question per paragraph, the same every run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from common import DATA  # noqa: E402

if not (DATA / "qa-dev" / "squad-v2.0-dev.json").exists():
    pytest.skip("SQuAD 2.0 dev not found (needs ../shared/data)", allow_module_level=True)

from squad_model_reader import sample  # noqa: E402


def test_the_sample_is_half_answerable_from_distinct_paragraphs_and_repeatable():
    questions = sample(40)
    assert len(questions) == 40 and sum(q.answerable for q in questions) == 20
    assert len({q.context for q in questions}) == 40
    assert [q.id for q in sample(40)] == [q.id for q in questions]
