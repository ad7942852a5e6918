from newsfaq import load_article
from newsfaq.faq import question_checks
from newsfaq.faq.question_checks import asked_back, premise, premises_hold
from newsfaq.nlp.analysis import analyze
from newsfaq.settings import Settings


def test_premise_is_the_question_without_its_question_words():
    assert premise("Why did the union call the strike?") == "the union call the strike"
    assert premise("How many ships were waiting at anchor?") == "ships were waiting at anchor"
    assert premise("Who called the strike?") == "called the strike"


def test_asked_back_lands_on_the_sentence_that_answers(example_path):
    analysis = analyze(load_article(example_path))
    landed = asked_back(
        ["How many containers did Rotterdam handle last year?", "Who urged both sides to talk?"], analysis
    )
    assert [analysis.spans[i].text.split()[0] for i in landed] == ["Rotterdam", "The"]
    assert "Sophie Hermans" in analysis.spans[landed[1]].text


QUESTIONS = [
    "Why did the terminal operators defend their position?",
    "How did shipping companies react to the strike?",  # fair, though no sentence says it in these words
    "Why did Maersk close its Rotterdam office?",  # no office was closed
    "Why did the Dutch economy minister resign?",  # nobody resigned
    "Why did the union strike against Hamburg?",  # every word is in the article, but not this
]


def test_the_fast_checker_catches_a_premise_with_words_the_article_lacks(example_path):
    analysis = analyze(load_article(example_path))
    assert premises_hold(QUESTIONS[:4], analysis, Settings(judge="off")) == [True, True, False, False]


def test_the_judge_catches_a_false_premise_made_of_the_articles_words(example_path, local_model):
    analysis = analyze(load_article(example_path))
    assert premises_hold(QUESTIONS, analysis, Settings(judge="auto")) == [True, True, False, False, False]


def test_the_judge_reads_a_reworded_verb_the_fast_checker_cannot(example_path, local_model):
    analysis = analyze(load_article(example_path))
    reworded = ["How did the terminal operators justify their position?"]  # the article: "defended"
    assert premises_hold(reworded, analysis, Settings(judge="off")) == [False]
    assert premises_hold(reworded, analysis, Settings(judge="auto")) == [True]


def test_a_premise_asked_twice_is_checked_once(example_path, monkeypatch):
    analysis = analyze(load_article(example_path))
    checked = []

    def recording(indices, claims):
        checked.extend(claims)
        return verdicts_for(indices, claims)

    verdicts_for = question_checks.verdicts_for
    monkeypatch.setattr(question_checks, "verdicts_for", recording)
    twice = [QUESTIONS[0], QUESTIONS[2], QUESTIONS[0]]
    assert premises_hold(twice, analysis, Settings(judge="off")) == [True, False, True]
    assert len(checked) == 2
