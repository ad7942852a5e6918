"""The model reader: what it may answer (words found in the sentences it read) and how the answer is cited,
with scripted replies; the real model reads a reworded question in tests/ask/test_model_reading.py."""

import pytest

from newsfaq.ask.answering import AGREED_IN_ONE_ARTICLE, ALONE_IN_ONE_ARTICLE, answer_from, passage_of
from newsfaq.ask.model_reader import ModelSpan, locate, read_span

SENTENCES = [
    "The port handled 13.4 million containers last year.",
    "About 1,200 workers joined the stoppage, four days after talks failed, brentwood gazette reported.",
    "Leakey was awarded the victoria cross.",
    "The new policy took effect on May 5, 2024; the police were told in March.",
]


@pytest.mark.parametrize(
    ("reply", "found"),
    [
        ("1,200", ModelSpan(1, 6, 11)),
        ("about 1,200 workers.", ModelSpan(1, 0, 19)),  # case and a closing full stop aside
        ("13.4 million", ModelSpan(0, 17, 29)),
        ('"1, 200"', ModelSpan(1, 6, 11)),  # the spacing of punctuation aside
        ("not stated", None),
        ("Not stated.", None),
        ("1,500", None),  # words the sentences do not hold
        ("200", None),  # a part of a number is not the number
        ("1", None),
        ("", None),
        ("it", None),  # no word that says anything
        ("4 days", ModelSpan(1, 41, 50)),  # a number written in figures or in words
        ("The Brentwood Gazette", ModelSpan(1, 71, 88)),  # a leading article the sentence lacks
        ("Victory Cross", ModelSpan(2, 23, 37)),  # a long word misspelt
        ("Vicar Cross", None),  # not a misspelling but another word
        ("May 5, 2024", ModelSpan(3, 30, 41)),  # a date's comma is not a figure's
        ("May", ModelSpan(3, 30, 33)),  # a month is an answer, though "may" is a common word
        ("police", ModelSpan(3, 47, 53)),  # the word itself, not the near "policy" before it
        ("the port handled 13.4 million containers last year and about 1,200 workers joined it", None),  # too long
    ],
)
def test_an_answer_is_only_words_found_in_a_sentence_read(reply, found):
    assert locate(reply, SENTENCES) == found


@pytest.fixture(scope="module")
def passage(example_path):
    from newsfaq import load_article

    return passage_of(load_article(example_path))


def test_the_models_answer_is_the_articles_words_cited_by_their_sentence(passage, scripted_reader):
    model = scripted_reader("the FNV Havens union")
    answer = answer_from("Which organisation called the walkout?", [passage], model=model)
    citation = answer.evidence[0].citation
    assert answer.answer == "the FNV Havens union" and "FNV Havens union" in citation.text
    assert answer.confidence in (AGREED_IN_ONE_ARTICLE, ALONE_IN_ONE_ARTICLE) and answer.as_of == "2025-03-14"
    assert "Question: Which organisation called the walkout?" in model.prompts[0]
    assert model.prompts[0].count("\n") >= 5  # it read several sentences, numbered


@pytest.mark.parametrize("reply", ["not stated", "the Rotterdam Dockers Guild"])
def test_no_answer_when_the_model_finds_none_or_names_words_that_are_not_there(passage, reply, scripted_reader):
    answer = answer_from("Which organisation called the walkout?", [passage], model=scripted_reader(reply))
    assert answer.answer is None and "does not say" in answer.message and answer.evidence


def test_the_model_is_not_asked_of_an_article_that_never_names_the_subject(passage, scripted_reader):
    model = scripted_reader("1,200")
    answer = answer_from("How many workers joined the stoppage at Felixstowe?", [passage], model=model)
    assert answer.answer is None and model.prompts == []


def test_an_answer_made_only_of_the_questions_words_is_no_answer(passage, scripted_reader):
    model = scripted_reader("FNV Havens union")
    answer = answer_from("Which union did the FNV Havens union join?", [passage], model=model)
    assert model.prompts and answer.answer is None and "does not say" in answer.message


def test_a_choice_is_answered_with_one_of_the_questions_words(scripted_reader):
    sentences = ["Aston Villa will meet Arsenal in the final at Wembley."]
    assert read_span(scripted_reader("Villa"), "Who will Villa meet in the final?", sentences) is None
    chosen = read_span(scripted_reader("Wembley"), "Is the final at Wembley or Cardiff?", sentences)
    assert chosen == ModelSpan(0, 46, 53)


def test_a_word_found_as_written_in_a_later_sentence_beats_a_near_spelling_in_an_earlier_one():
    sentences = ["Flights to Australia resumed on Monday.", "Talks in Austria ended without a deal."]
    assert locate("Austria", sentences) == ModelSpan(1, 9, 16)
