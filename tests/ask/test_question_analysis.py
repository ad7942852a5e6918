import pytest

from newsfaq.ask.question_analysis import analyse_question


@pytest.mark.parametrize(
    ("question", "kind", "expects"),
    [
        ("How many US troops are in Iraq?", "how-many", "NUMBER"),
        ("Who was killed in the US strike?", "who", "PERSON"),
        ("When did the strike begin?", "when", "DATE"),
        ("Where is the port?", "where", "GPE"),
        ("Why did the workers walk out?", "why", "REASON"),
        ("What company operates the terminal?", "what", "ORG"),
        ("In what country is Rotterdam?", "what", "GPE"),
        ("How long will the strike last?", "how-many", "DURATION"),
        ("How did the union respond?", "how", "MANNER"),
    ],
)
def test_question_kinds_and_expected_answers(question, kind, expects):
    info = analyse_question(question)
    assert (info.kind, info.expects) == (kind, expects)


def test_present_tense_questions_are_marked():
    assert analyse_question("How many troops are in Iraq?").present
    assert not analyse_question("How many troops were in Iraq?").present
