"""bench/faq_panel.py's matching and counting, on made-up items: no model, no data."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "bench"))

from faq_panel import TALLY_COLUMNS, choose, judgement_key, load_judgements, tally  # noqa: E402


def _line(article: str, question: str, answer: str, **verdicts: bool) -> str:
    _, _, sha1 = judgement_key(article, question, answer)
    record = {"article": article, "question": question, "answer_sha1": sha1, "citations": [0]}
    record |= {"fluent": True, "answered": True, "important": True, "furniture": False} | verdicts
    return json.dumps(record)


JUDGED = load_judgements(
    [
        _line("a1", "Why was the bridge closed?", "The bridge was closed after a crack was found."),
        _line("a1", "Who is Ann Reed?", "Ann Reed ( pictured ) is a sergeant.", important=False, furniture=True),
        "",
        _line("a2", "How many homes were flooded?", "Forty homes were flooded.", fluent=False),
    ]
)


def test_items_match_on_article_question_and_answer():
    generated = {
        "a1": [
            ("Why was the bridge closed?", "The bridge was closed after a crack was found."),
            ("Who is Ann Reed?", "Ann Reed ( pictured ) is a sergeant."),
        ],
        "a2": [("How many homes were flooded?", "Forty homes were flooded.")],
    }
    row, unjudged, furnished = tally(generated, {"a1": True, "a2": False}, JUDGED)
    assert row == [2, 3, 100 * 2 / 3, 100.0, 100 * 2 / 3, 100 / 3, 1, 1, 0] and len(row) == len(TALLY_COLUMNS)
    assert unjudged == [] and furnished == ["a1  Who is Ann Reed?  ()"]


def test_a_changed_answer_or_another_article_is_not_judged():
    generated = {
        "a1": [("Why was the bridge closed?", "The bridge was closed on Monday.")],
        "a3": [("How many homes were flooded?", "Forty homes were flooded.")],
    }
    row, unjudged, _ = tally(generated, {"a1": False, "a3": False}, JUDGED)
    assert row[1] == 2 and row[-1] == 2 and row[2] == 0.0  # no judged items: shares are 0, not an error
    assert unjudged[0].startswith("a1  Why was the bridge closed?  (answer sha1 ")
    assert unjudged[1].startswith("a3  How many homes were flooded?")


def test_choose_takes_every_kth_article_of_each_set():
    articles = [("x", f"x{i}") for i in range(10)] + [("y", f"y{i}") for i in range(7)]
    chosen = choose(articles, {"x": 3, "y": 2})  # strings stand in for Articles: choose only passes them on
    assert chosen == [
        ("x", 0, "x0"),
        ("x", 3, "x3"),
        ("x", 6, "x6"),
        ("y", 0, "y0"),
        ("y", 3, "y3"),
    ]
