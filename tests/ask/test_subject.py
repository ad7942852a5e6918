from newsfaq.ask.question_analysis import analyse_question
from newsfaq.ask.subject import about_subject, names
from newsfaq.nlp.lexicon import content_keys

HUNGARY = "Hungary's parliament passed laws on Tuesday that limit the powers of the courts, the ruling party said."
NORMAN = (
    "Conservative MP Jesse Norman said on Monday that he would not stand again. Norman has held the seat since 2010."
)


def test_a_questions_names_are_its_capitalised_words_after_the_first_runs_taken_together():
    info = analyse_question("Which party does Jesse Norman belong to?")
    assert len(names(info)) == 1 and len(names(info)[0]) == 2
    assert names(analyse_question("What did the minister say on Monday?")) == []  # no names; a weekday is not one
    assert names(analyse_question("Why did the US strike?")) == []  # too short to tell from "us"


def test_only_an_article_that_names_the_subject_can_answer():
    info = analyse_question("Which party does Jesse Norman belong to?")
    assert not about_subject(info, content_keys(HUNGARY))
    assert about_subject(info, content_keys(NORMAN))
    assert about_subject(analyse_question("What did Norman say?"), content_keys(NORMAN))  # surname on its own
    assert about_subject(analyse_question("Which laws did parliament pass?"), content_keys(HUNGARY))  # no names
    assert about_subject(analyse_question("What did the Hungarian parliament pass?"), content_keys(HUNGARY))
    assert about_subject(analyse_question("What did parliament pass in January's session?"), content_keys(HUNGARY))
