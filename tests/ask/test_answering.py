import pytest

from newsfaq.ask.answering import MAX_QUESTION_CHARS, answer_question
from newsfaq.errors import InputError
from newsfaq.model import Answer


@pytest.fixture(scope="module")
def example(example_path):
    from newsfaq import load_article

    return load_article(example_path)


def test_a_count_is_answered_with_its_sentence_and_date(example):
    answer = answer_question("How many workers joined the stoppage?", example)
    assert "1,200" in answer.answer and answer.as_of == "2025-03-14"
    cited = answer.evidence[0].citation
    assert example.body[cited.start : cited.end] == cited.text and "1,200 workers" in cited.text


def test_a_question_about_a_subject_the_article_never_names_is_not_answered(example):
    answered = answer_question("How many workers joined the stoppage?", example)
    elsewhere = answer_question(
        "How many workers joined the stoppage at Felixstowe?", example
    )  # the same words, another port
    assert "1,200" in answered.answer and 0.0 < answered.confidence <= 1.0
    assert elsewhere.answer is None and elsewhere.confidence == 0.0 and elsewhere.evidence


def test_an_unrelated_question_abstains_with_leads(example):
    answer = answer_question("What is the capital of France?", example)
    assert answer.answer is None and "does not say" in answer.message
    assert answer.evidence and answer.as_of is None


def test_answers_round_trip_through_json(example):
    answer = answer_question("How many ships were waiting at anchor?", example)
    assert Answer.from_dict(answer.to_dict()) == answer


@pytest.mark.parametrize(("question", "message"), [("  ", "empty"), ("why " * MAX_QUESTION_CHARS, "characters")])
def test_bad_questions_are_errors(example, question, message):
    with pytest.raises(InputError, match=message):
        answer_question(question, example)


def test_reference_article(reference_path):
    from newsfaq import load_article

    reference = load_article(reference_path)
    troops = answer_question("How many US troops are in Iraq?", reference)
    assert "2,500" in troops.answer and troops.as_of == "2024-01-06"
    assert "2,500 US troops" in troops.evidence[0].citation.text
    assert answer_question("What is the capital of France?", reference).answer is None
