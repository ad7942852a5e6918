import pytest

from newsfaq.faq.answer_kinds import asked_kind, holds_answer_kind, restates
from newsfaq.model import Article
from newsfaq.nlp.analysis import analyze

SENTENCES = [
    "The ferry sank on Tuesday night off the northern coast.",  # 0: a time
    "More than 40 passengers were rescued by fishing boats.",  # 1: a number
    "The captain was arrested because he had ignored a storm warning.",  # 2: a reason
    "Relatives gathered at the harbour to wait for news.",  # 3: a purpose clause
    "A majority of the passengers were tourists.",  # 4: no figure, no time, no reason
    "The owner feared for the future of the company.",  # 5: no reason
    "The five - year - old girl has now been reunited with her parents.",  # 6: an age is not a time
    "The ban limits fishing in the bay for at least ten years.",  # 7: a duration is not a time
    "Two months later, the owner gave a speech in the port.",  # 8: counted from an event not given here
    "The yard closed four years ago, so the town lost its main employer.",  # 9: a time, and a reason
    '"We will rebuild the pier," Mayor Ruth Calder told reporters.',  # 10: the mayor's words
    "Officials say the captain had ignored warnings, he said.",  # 11: two speakers
    "The cook, her husband of nine years, was rescued last.",  # 12: a length of time, not a time
    "The crew had just sailed out to rescue the swimmers when the mayor announced the beach was closed.",  # 13
    "Divers saw the hull rise to the surface, largely due to the calm sea.",  # 14: a reason for the predicate
    "The mayor unveiled plans to open talks to rebuild the pier.",  # 15: a purpose inside the object
    "The striker put his side ahead, heading in a loose ball after the keeper failed to hold a cross.",  # 16
    "The school suggested referring the boy to a counsellor after he skipped three lessons.",  # 17
    '"The pier cannot be saved," the harbour master told reporters, and Mayor Calder said she would appeal.',  # 18
    '"The minister told us the pier would be rebuilt," the union leader said.',  # 19: a speaker inside the quote
]


@pytest.fixture(scope="module")
def spans():
    return analyze(Article(id="kinds", body=" ".join(SENTENCES), date="2025-03-14")).spans


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When did the ferry sink?", "time"),
        ("How many passengers were rescued?", "number"),
        ("What percentage of the passengers were tourists?", "number"),
        ("How long did the rescue take?", "duration"),
        ("Why was the captain arrested?", "reason"),
        ("What was the reason for the arrest?", "reason"),
        ("Who owns the ferry?", "other"),
        ("What happened to the ferry?", "other"),
    ],
)
def test_what_shape_of_answer_a_question_asks_for(question, kind):
    assert asked_kind(question) == kind


def test_a_sentence_answers_only_questions_whose_kind_of_answer_it_holds(spans):
    assert holds_answer_kind("When did the ferry sink?", spans[0])
    assert not holds_answer_kind("When were the passengers rescued?", spans[1])
    assert holds_answer_kind("How many passengers were rescued?", spans[1])
    assert not holds_answer_kind("What percentage of the passengers were tourists?", spans[4])
    assert holds_answer_kind("Why was the captain arrested?", spans[2])
    assert holds_answer_kind("Why did relatives gather at the harbour?", spans[3])
    assert not holds_answer_kind("Why did the owner fear for the company?", spans[5])
    assert not holds_answer_kind("When was the girl reunited with her parents?", spans[6])
    assert not holds_answer_kind("When does the ban limit fishing in the bay?", spans[7])
    assert holds_answer_kind("How long does the ban limit fishing?", spans[7])
    assert not holds_answer_kind("When did the owner give a speech?", spans[8])
    assert not holds_answer_kind("When was the cook rescued?", spans[12])
    assert holds_answer_kind("When did the yard close?", spans[9])
    assert holds_answer_kind("Why did the town lose its main employer?", spans[9])


def test_a_reason_must_be_given_for_what_the_question_asks(spans):
    assert holds_answer_kind("Why did the crew sail out?", spans[13])
    assert not holds_answer_kind("Why did the mayor announce the beach was closed?", spans[13])
    assert holds_answer_kind("Why did the hull rise to the surface?", spans[14])
    assert holds_answer_kind("Why were the swimmers in danger?", spans[13])  # names none of its verbs: all of it
    assert not holds_answer_kind("Why did the mayor unveil plans?", spans[15])  # the purpose is the talks'
    assert not holds_answer_kind("Why did the striker put his side ahead?", spans[16])  # the heading's cause
    assert holds_answer_kind("Why did the striker head in a loose ball?", spans[16])  # asked of the heading
    assert holds_answer_kind("Why did the school suggest referring the boy to a counsellor?", spans[17])


def test_a_question_about_someones_words_needs_their_words(spans):
    assert holds_answer_kind("What did Mayor Calder tell reporters?", spans[10])
    assert holds_answer_kind("What did Ruth Calder say about the pier?", spans[10])
    assert not holds_answer_kind("What did the owner say about the pier?", spans[10])
    assert holds_answer_kind("What did officials say about the captain?", spans[11])
    assert holds_answer_kind("What did the captain say?", spans[1])  # no speaker named: left to the model
    assert holds_answer_kind("What did the harbour master say?", spans[18])
    assert not holds_answer_kind("What did Mayor Calder say?", spans[18])  # the sentence opens with another's words
    assert holds_answer_kind("What did the union leader say?", spans[19])
    assert not holds_answer_kind("What did the minister say?", spans[19])


def test_an_answer_that_only_restates_its_question_answers_nothing():
    assert restates("What messages of support were posted online?", "Messages of support were posted online.")
    assert restates("What big signings does the coach need?", "The coach needs some big signings.")
    assert not restates("How did shipping companies react?", "Shipping companies reacted with alarm.")


def test_questions_without_a_required_shape_are_left_to_the_model(spans):
    assert holds_answer_kind("Who owns the ferry?", spans[5])
    assert holds_answer_kind("What did the owner fear?", spans[5])
