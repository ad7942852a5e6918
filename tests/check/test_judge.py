"""The model judge on the cases the lexical checker gets wrong (issue 12); skipped without the model."""

from __future__ import annotations

import pytest

from newsfaq.check.judge import closest, judge
from newsfaq.nlp.sentences import split_sentences

BODY = (
    "Police said David Gaver, 28, was shot in the stomach during the raid on Tuesday. "
    "His brother Enoch Gaver was arrested at the scene. "
    "Cardiff supporters have thrown their backing behind a fans' boycott of Saturday's match. "
    "Government advisers said the feasibility and outcome of the plan remain uncertain."
)


def test_the_judge_reads_the_sentences_closest_to_the_claim_in_article_order():
    sentences = split_sentences([BODY])[0]
    chosen = closest(sentences, "Advisers doubt the plan will work.", count=2)
    assert [s.index for s in chosen] == sorted(s.index for s in chosen)
    assert 3 in [s.index for s in chosen]


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("David Gaver was shot in the stomach.", True),
        ("Leeds fans are backing a boycott.", False),
        ("Experts have said the outcome of the plan is uncertain.", True),
    ],
)
def test_the_judge_reads_paraphrase_and_a_swapped_place(local_model, claim, supported):
    """("Enoch Gaver, 28, was shot", every word in the article, fools this judge too: that swap is for the
    checker's conflict rules.)"""
    score = judge(split_sentences([BODY])[0], claim, model=local_model).score
    assert (score > 0) == supported, score
