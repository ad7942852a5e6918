import pytest

from newsfaq import write_question

CONTEXT = (
    "The Normans were the people who in the 10th and 11th centuries gave their name to Normandy, a region in France. "
    "In 1066, Duke William invaded England with about 7,000 soldiers. "
    "The council closed the bridge because engineers found cracks in its supports."
)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("1066", "When did Duke William invade England?"),
        ("Duke William", "Who invaded England?"),
        ("about 7,000", "How many soldiers did Duke William invade England with?"),
        ("because engineers found cracks in its supports", "Why did the council close the bridge?"),
    ],
)
def test_questions_for_answer_spans(answer, expected):
    assert write_question(CONTEXT, answer, CONTEXT.index(answer)) == expected


def test_question_is_a_question_for_any_span():
    for answer in ("Normandy", "France", "the bridge", "cracks"):
        question = write_question(CONTEXT, answer, CONTEXT.index(answer))
        assert question.endswith("?") and question[0].isupper()
        assert answer.lower() not in question.lower()


def test_pronoun_subject_is_resolved():
    context = "Angela Merkel led Germany for 16 years. She stepped down in 2021."
    assert write_question(context, "2021", context.index("2021")) == "When did Angela Merkel step down?"


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("The review said the story fell apart because of basic failures.", "Why did the story fall apart?"),
        ("The court set aside the ruling because of basic failures.", "Why did the court set aside the ruling?"),
    ],
)
def test_an_adverb_that_completes_the_verb_stays_with_it(context, expected):
    answer = "because of basic failures"
    assert write_question(context, answer, context.index(answer)) == expected
