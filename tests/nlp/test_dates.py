"""A bare weekday resolves by the tense of the clause that holds it."""

from __future__ import annotations

from datetime import date

import pytest

from newsfaq.nlp.dates import resolve_dates
from newsfaq.nlp.pipeline import get_nlp

FRIDAY = date(2025, 3, 14)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Dock workers walked off the job on Monday.", "2025-03-10"),
        ("The union plans to extend the strike to a fourth terminal on Monday.", "2025-03-17"),
        ("The minister will visit the port on Monday.", "2025-03-17"),
        ("Talks are due to resume on Tuesday.", "2025-03-18"),
        ("The two sides may have met on Tuesday.", "2025-03-11"),
        ("The union met the operators last Friday.", "2025-03-07"),
        ("The strike began on Friday.", "2025-03-14"),
    ],
)
def test_weekday_follows_the_tense(sentence, expected):
    found = resolve_dates(get_nlp()(sentence).ents, FRIDAY)
    assert [d.iso for d in found] == [expected]


def test_the_examples_planned_step_comes_after_the_walkout(example_faq):
    article, _ = example_faq
    from newsfaq.nlp.analysis import analyze

    dates = {d.text: d.iso for d in analyze(article).dates}
    assert dates["Thursday"] < article.date < dates["Monday"]
