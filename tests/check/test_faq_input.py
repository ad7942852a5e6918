import json

import pytest

from newsfaq.check.faq_input import parse_faq, read_faq
from newsfaq.errors import InputError
from newsfaq.render import render_faq


def test_reads_its_own_markdown_and_json(example_faq):
    _, faq = example_faq
    for fmt in ("md", "json"):
        pairs = parse_faq(render_faq(faq, fmt))
        assert [p.question for p in pairs] == [i.question for i in faq.items]
        assert [p.answer for p in pairs] == [i.answer for i in faq.items]


def test_reads_plain_q_and_a_paragraphs():
    pairs = parse_faq("Q: Who struck?\nA: Dock workers.\n\nWhy?\nTalks broke down.")
    assert [(p.question, p.answer) for p in pairs] == [("Who struck?", "Dock workers."), ("Why?", "Talks broke down.")]


@pytest.mark.parametrize("text", ["no questions here", json.dumps({"schema": "other"}), "{not json"])
def test_unreadable_faqs_are_one_line_errors(text):
    with pytest.raises(InputError):
        parse_faq(text)


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_faq(tmp_path / "nope.md")
