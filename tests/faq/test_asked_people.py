"""A question about one person answered by a sentence about another (``faq/asked_people.py``)."""

import pytest

from newsfaq.faq.asked_people import names_someone_else
from newsfaq.model import Article
from newsfaq.nlp.analysis import analyze

SENTENCES = [
    "Senator Paul Okafor said on Monday that the Harlow bridge would reopen in May.",  # 0
    'Councillor Maria Lindqvist described the timetable as "reckless".',  # 1
    "She said the town's priority should be the school roof.",  # 2: she is Lindqvist
    "Okafor, 58, has led the transport committee since 2019.",  # 3
    "The former engineer assured Maria Lindqvist that the bridge was safe.",  # 4: a description, not a name
    "Residents will vote on the repairs in June.",  # 5: nobody named
    "He later told reporters the repairs would cost 4 million pounds.",  # 6: he is Okafor
]


@pytest.fixture(scope="module")
def spans():
    return analyze(Article(id="people", body=" ".join(SENTENCES), date="2025-03-14")).spans


def test_a_question_about_one_person_is_not_answered_by_another_s_words(spans):
    assert names_someone_else("What is Paul Okafor's priority for the town?", spans[2])
    assert not names_someone_else("What is Maria Lindqvist's priority for the town?", spans[2])


def test_a_person_named_or_pronounced_in_the_sentence_answers_for_them(spans):
    assert not names_someone_else("How long has Paul Okafor led the transport committee?", spans[3])
    assert not names_someone_else("What did Senator Okafor tell reporters about the cost?", spans[6])
    assert names_someone_else("What did Maria Lindqvist tell reporters about the cost?", spans[6])


def test_one_of_the_people_asked_about_is_enough(spans):
    assert not names_someone_else("What did Maria Lindqvist say about Paul Okafor's timetable?", spans[1])


def test_sentences_naming_nobody_or_describing_someone_are_left_to_the_other_checks(spans):
    assert not names_someone_else("What did Paul Okafor say about the bridge's safety?", spans[4])
    assert not names_someone_else("What will Paul Okafor's residents vote on?", spans[5])
    assert not names_someone_else("When will the Harlow bridge reopen?", spans[2])  # no one asked about


@pytest.fixture(scope="module")
def names_spans():
    text = (
        "Jeremy Hunt said on Monday the van had been found. "
        "Officers from Leeds told Aoife O'Neill the driver had fled. "
        "Tom Smith-Jones, a witness, said Ms O'Neill was calm."
    )
    return analyze(Article(id="names", body=text, date="2025-03-14")).spans


def test_a_common_word_names_nobody_unless_capitalised(names_spans):
    assert not names_someone_else("How did police hunt for the van?", names_spans[1])
    assert names_someone_else("What did Jeremy Hunt tell Leeds officers?", names_spans[1])


def test_names_with_an_apostrophe_or_a_hyphen_are_matched_whole(names_spans):
    assert not names_someone_else("What did officers tell Aoife O'Neill?", names_spans[1])
    assert not names_someone_else("What did Tom Smith-Jones say about Ms O'Neill's mood?", names_spans[2])
    assert names_someone_else("What did Tom Smith-Jones say about the driver?", names_spans[1])
    assert names_someone_else("What did Aoife O'Neill say on Monday?", names_spans[0])


def test_a_possessive_pronoun_speaks_of_what_is_possessed():
    text = (
        "Tom Reyes was arrested on Monday in Leeds. Mrs Maria Santos visited him at the station. "
        "His wife said the family would stay in Leeds."
    )
    spans = analyze(Article(id="possessive", body=text, date="2025-03-14")).spans
    assert not names_someone_else("What did Maria Santos say about the family?", spans[2])
