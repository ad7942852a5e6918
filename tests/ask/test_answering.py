import pytest

from newsfaq.ask.answering import MAX_QUESTION_CHARS, answer_from, answer_question, passage_from
from newsfaq.errors import InputError
from newsfaq.model import Answer, Article
from newsfaq.nlp.analysis import analyze


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


def _cited(body: str, question: str) -> int:
    """The sentence the reader answers ``question`` from, whatever its confidence."""
    passage = passage_from(analyze(Article(id="t", body=body, date="2026-03-04")))
    return answer_from(question, [passage], answer_at=0).evidence[0].citation.sentence


def test_the_reader_cites_the_story_not_a_caption_restating_it():
    body = (
        "Marta Quill spent Tuesday climbing rope bridges at an adventure park near Dunmore, a day after her side's "
        "3-1 win over Eastfield. Quill said the adventure park near Dunmore was great fun. Harbour City are now "
        "third in the table. Marta Quill spends a day out at the Dunmore adventure park on Tuesday (pictured). "
        "Marta Quill (pictured) broke her wrist in a fall and will miss Saturday's cup final."
    )
    assert _cited(body, "Where did Marta Quill spend a day out on Tuesday?") == 0
    assert _cited(body, "What will Marta Quill miss?") == 4  # a caption that says more is still read


def test_a_sentence_holds_the_person_its_pronoun_stands_for():
    body = (
        "Police arrested Tom Reyes's sister Ana Vidal on Friday after the boy went missing. "
        "Reyes says his sister asked him to look after the boy for a night. "
        "She promised to collect him in the morning but never came back."
    )
    assert _cited(body, "What did Ana Vidal promise to do?") == 2
