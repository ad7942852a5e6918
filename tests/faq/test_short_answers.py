"""Short answers: what is refused before the checker (scripted replies), what the checker refuses, and the whole
path with the real model through the real CLI."""

import json
import os
import re
import subprocess
import sys

import pytest

from newsfaq.errors import InputError
from newsfaq.faq.short_answers import answer_style, short_answers, tidy_answer
from newsfaq.model import FAQ, QAPair

QUOTE = "More than 40 passengers were rescued by fishing boats after the ferry sank off the northern coast on Tuesday."


class Scripted:
    """Replies chosen by the question in the prompt."""

    def __init__(self, replies: dict[str, str]) -> None:
        self.replies = replies

    def reply(self, messages, *, max_tokens=64, stop=None):
        question = messages[-1]["content"].split("Question: ")[1].split("\n")[0]
        return self.replies[question]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Short answer: more than 40 passengers\nThey were rescued.", "More than 40 passengers."),
        ('"By fishing boats."', "By fishing boats."),
        ("Not stated.", None),
        ("The article does not say; not stated", None),
        ("", None),
        (QUOTE, None),  # no shorter than the quote: nothing saved
        ("word " * 30, None),
    ],
)
def test_a_reply_is_one_short_sentence_or_nothing(reply, expected):
    assert tidy_answer(reply, QUOTE) == expected


def test_a_short_answer_is_kept_only_when_the_checker_supports_it_by_the_quote():
    items = [
        QAPair("How many passengers were rescued?", QUOTE),
        QAPair("Who rescued the passengers?", QUOTE),
        QAPair("When did the ferry sink?", QUOTE),
    ]
    model = Scripted(
        {
            "How many passengers were rescued?": "More than 40 passengers were rescued.",
            "Who rescued the passengers?": "Sixty passengers were rescued by the coastguard.",  # not what it says
            "When did the ferry sink?": "Not stated.",
        }
    )
    assert short_answers(items, model, judge="off", llm_url=None) == [
        "More than 40 passengers were rescued.",
        None,
        None,
    ]


def test_an_unknown_answer_style_is_refused():
    assert answer_style("short") == "short"
    with pytest.raises(InputError, match="unknown answer style 'brief'"):
        answer_style("brief")


@pytest.mark.slow
def test_short_answers_through_the_cli_stand_beside_their_quotes(example_path, local_model):
    command = [sys.executable, "-m", "newsfaq", "faq", str(example_path), "--engine", "fast", "--answers", "short"]
    env = {**os.environ, "NEWSFAQ_JUDGE": "auto"}
    result = subprocess.run([*command, "-f", "json"], capture_output=True, timeout=600, env=env)
    assert result.returncode == 0, result.stderr.decode()
    faq = FAQ.from_dict(json.loads(result.stdout))
    short = [item for item in faq.items if item.short_answer]
    assert short, "no short answer passed the checker"
    for item in short:
        assert len(item.short_answer) < len(item.answer)
        numbers = re.findall(r"\d[\d,.]*\d|\d", item.short_answer)
        assert all(number in item.answer for number in numbers), item  # the checker refuses a new figure
    assert all(raw.get("short_answer", "absent") is not None for raw in json.loads(result.stdout)["items"])


def test_an_unknown_answer_style_is_one_line_from_the_cli(example_path):
    from cli_helpers import run

    result = run("faq", str(example_path), "--answers", "brief")
    assert result.returncode != 0 and not result.stdout
    assert (
        result.stderr.decode().strip() == "newsfaq: error: --answers: unknown answer style 'brief'; use quote or short"
    )
