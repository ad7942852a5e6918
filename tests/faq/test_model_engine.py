"""The model engine: what its checks keep and drop (with scripted replies), and the whole path with the real
model through the real CLI."""

import json
import subprocess
import sys

import pytest

from newsfaq import load_article
from newsfaq.faq import model_engine
from newsfaq.faq.candidates import ItemCandidate
from newsfaq.faq.model_engine import (
    LEAD_SENTENCES,
    SPARE,
    Checks,
    answer_sentences,
    check_candidates,
    model_questions,
    passes,
    passing,
)
from newsfaq.faq.question_checks import ANSWERS_AT
from newsfaq.faq.writer import plan_candidates
from newsfaq.model import FAQ, Article
from newsfaq.nlp.analysis import analyze
from newsfaq.settings import Settings


def _checked_pair(messages) -> tuple[str, str]:
    """The (sentence, question) an answer-check prompt (``question_checks.answer_messages``) asks about."""
    sentence, question = messages[-1]["content"].removeprefix("Sentence: ").split("\n\nQuestion: ")
    return sentence, question.split("\n")[0]


class ByAnswer:
    """Replies chosen by the answer sentence in the prompt, and answer checks that fail the ``unanswered``
    questions: the test decides what the 'model' writes and finds."""

    def __init__(self, replies: dict[str, str], unanswered: set[str]) -> None:
        self.replies, self.unanswered = replies, unanswered

    def reply(self, messages, *, max_tokens=64, stop=None):
        answer = messages[-1]["content"].split("Answer sentence: ")[1]
        return next((text for key, text in self.replies.items() if answer.startswith(key)), "")

    def answer_margin(self, messages, yes, no):
        return -3.0 if _checked_pair(messages)[1] in self.unanswered else 3.0


@pytest.fixture(scope="module")
def analysis(example_path):
    return analyze(load_article(example_path))


def test_the_lead_and_the_planners_evidence_get_questions_most_important_first(analysis):
    planned = plan_candidates(analysis)
    targets = answer_sentences(planned, analysis, 6)
    sentences = [t.sentences[0] for t in targets]
    assert set(range(LEAD_SENTENCES)) <= set(sentences) and len(targets) == 6
    asked = [(t.sentences[0], t.intent) for t in targets]
    assert len(asked) == len(set(asked))
    twice = {index for index in sentences if sentences.count(index) > 1}
    assert twice <= set(range(LEAD_SENTENCES))  # only a lead sentence is asked two kinds of question
    importance = [t.importance for t in targets]
    assert importance == sorted(importance, reverse=True)
    assert all(t.intent != "who" for t in targets)


def test_a_lead_sentence_that_counts_or_gives_a_reason_is_also_asked_how_many_or_why():
    body = (
        "Floods forced 3,000 people from their homes in the valley on Sunday. "
        "The river burst its banks because a dam upstream failed. "
        "Rescue teams worked through the night. Volunteers brought food to the school hall."
    )
    analysis = analyze(Article(id="floods", body=body, date="2025-02-02"))
    asked = {(t.sentences[0], t.intent) for t in answer_sentences([], analysis, 10)}
    assert {(0, "what-happened"), (0, "how-many"), (1, "what-happened"), (1, "why")} <= asked
    assert not {(2, "how-many"), (2, "why"), (3, "why")} & asked


def test_a_lead_whose_only_reason_belongs_to_its_object_is_not_asked_why():
    body = (
        "The mayor unveiled plans to open talks to redefine the port's role. "
        "The council approved the budget in March. Volunteers brought food to the school hall."
    )
    analysis = analyze(Article(id="port", body=body, date="2025-02-02"))
    assert (0, "why") not in {(t.sentences[0], t.intent) for t in answer_sentences([], analysis, 10)}


def test_a_question_is_kept_only_when_asked_back_to_its_sentence_answered_there_and_its_premise_holds(analysis):
    replies = ByAnswer(
        {
            "Shipping companies reacted": "How did shipping companies react to the strike?",
            "Maersk said": "How many containers did the Port of Rotterdam handle last year?",  # sentence 11 says
            "The union plans": "Why did the union close its Rotterdam office?",  # the article never says so
            "Dock workers": "The strike began on Thursday.",  # not a question
            "The strike was called": "Why did dock workers at the Port of Rotterdam strike?",
        },
        unanswered={"Why did dock workers at the Port of Rotterdam strike?"},  # the model finds it unanswered
    )
    planned = plan_candidates(analysis)
    settings = Settings(judge="off", max_questions=12)
    written = model_questions(analysis, answer_sentences(planned, analysis, settings.max_questions + SPARE), replies)
    assert len(written) == 4 and all(c.engine == "model" for c in written)
    kept = passing(written, analysis, settings, replies)
    assert [(c.question, c.sentences, c.intent) for c in kept] == [
        ("How did shipping companies react to the strike?", (8,), "reaction")
    ]


class BySentence:
    """Answer checks scripted per (question, start of the sentence in the prompt)."""

    def __init__(self, margins: dict[tuple[str, str], float]) -> None:
        self.margins = margins

    def answer_margin(self, messages, yes, no):
        sentence, question = _checked_pair(messages)
        return next(m for (q, start), m in self.margins.items() if q == question and sentence.startswith(start))


def test_a_question_the_reader_answers_elsewhere_stands_only_where_the_model_finds_its_sentence_answers_better(
    analysis, monkeypatch
):
    maersk, offer = "What will Maersk do while the strike lasts?", "What did the operators offer the workers?"
    candidates = [
        ItemCandidate("what-next", maersk, (9,), 1.0, "model"),
        ItemCandidate("key-fact", offer, (5,), 1.0, "model"),
    ]
    monkeypatch.setattr(model_engine, "asked_back", lambda questions, _: [10, 4])  # the reader lands elsewhere
    scorer = BySentence(
        {
            (maersk, "Maersk said"): 3.0,
            (maersk, "Rotterdam handled"): -3.0,  # where the reader landed does not answer it: kept
            (offer, "In a statement"): 2.0,
            (offer, "The terminal operators"): 2.5,  # the reader's sentence answers it better: dropped
        }
    )
    kept = passing(candidates, analysis, Settings(judge="off"), scorer)
    assert [c.question for c in kept] == [maersk]


def test_a_candidate_passes_only_with_every_check_and_the_model_asked():
    own = ItemCandidate("why", "Why was the bridge closed?", (3,), 1.0, "model")
    assert passes(Checks(own, landed=3, premise_holds=True, fits=True, margin=1.5))
    assert not passes(Checks(own, landed=3, premise_holds=True, fits=True, margin=0.5))  # below the bar
    assert not passes(Checks(own, landed=3, premise_holds=False, fits=True, margin=3.0))
    assert not passes(Checks(own, landed=3, premise_holds=True, fits=False, margin=3.0))
    assert not passes(Checks(own, landed=3, premise_holds=True, fits=True))  # the model was not asked
    assert not passes(Checks(own, landed=7, premise_holds=True, fits=True, margin=1.5))  # elsewhere, no rival asked
    assert passes(Checks(own, landed=7, premise_holds=True, fits=True, margin=1.5, rival=1.0))
    assert not passes(Checks(own, landed=7, premise_holds=True, fits=True, margin=1.5, rival=1.5))


class Records:
    """Answer checks scripted per question, recording every (question, start of the sentence) asked, in order."""

    def __init__(self, margins: dict[str, float]) -> None:
        self.margins, self.asked = margins, []

    def answer_margin(self, messages, yes, no):
        sentence, question = _checked_pair(messages)
        self.asked.append((question, sentence[:12]))
        return self.margins[question]


def test_the_model_is_asked_each_margin_then_each_rival_in_candidate_order(analysis, monkeypatch):
    own, elsewhere, unanswered, at_bar = (
        "What did Maersk say it would do?",
        "What will Maersk do while the strike lasts?",
        "What did the operators offer the workers?",
        "What did the terminal operators do?",
    )
    candidates = [
        ItemCandidate("said", own, (9,), 1.0, "model"),
        ItemCandidate("why", "Why did the union close its Rotterdam office?", (10,), 1.0, "model"),  # no premise
        ItemCandidate("what-next", elsewhere, (9,), 1.0, "model"),
        ItemCandidate("key-fact", unanswered, (5,), 1.0, "model"),
        ItemCandidate("key-fact", at_bar, (4,), 1.0, "model"),
    ]
    monkeypatch.setattr(model_engine, "asked_back", lambda questions, _: [9, 10, 10, 4, 5])
    scorer = Records({own: 2.0, elsewhere: 2.0, unanswered: 0.5, at_bar: ANSWERS_AT})
    kept = passing(candidates, analysis, Settings(judge="off"), scorer)
    sentence = {i: analysis.spans[i].text[:12] for i in (4, 5, 9, 10)}
    assert scorer.asked == [
        (own, sentence[9]),
        (elsewhere, sentence[9]),
        (unanswered, sentence[5]),
        (at_bar, sentence[4]),
        (elsewhere, sentence[10]),  # rivals last, only where an answered question was asked back elsewhere
        (at_bar, sentence[5]),
    ]
    assert [c.question for c in kept] == [own]  # both rivals score as well as the margin: dropped


def test_a_question_written_twice_is_asked_once_of_each_sentence(analysis, monkeypatch):
    question = "What will Maersk do while the strike lasts?"
    candidates = [ItemCandidate("what-next", question, (index,), 1.0, "model") for index in (9, 9, 4)]
    monkeypatch.setattr(model_engine, "asked_back", lambda questions, _: [10, 10, 10])
    scorer = Records({question: 2.0})
    passing(candidates, analysis, Settings(judge="off"), scorer)
    sentence = {i: analysis.spans[i].text[:12] for i in (4, 9, 10)}
    assert scorer.asked == [(question, sentence[9]), (question, sentence[4]), (question, sentence[10])]


def test_thorough_checks_ask_every_margin_and_premise_the_writer_skips(analysis, monkeypatch):
    premise_fails = ItemCandidate("why", "Why did the union close its Rotterdam office?", (9,), 1.0, "model")
    unanswered = ItemCandidate("what-next", "What will Maersk do while the strike lasts?", (9,), 1.0, "model")
    monkeypatch.setattr(model_engine, "asked_back", lambda questions, _: [10, 10])  # the reader lands elsewhere
    scorer = ByAnswer({}, unanswered={unanswered.question})
    settings = Settings(judge="off")
    quick = check_candidates([premise_fails, unanswered], analysis, settings, scorer)
    thorough = check_candidates([premise_fails, unanswered], analysis, settings, scorer, thorough=True)
    # the first's sentence gives no reason, the second's does not answer: neither premise is worth the judge
    assert [(c.fits, c.premise_holds, c.margin, c.rival) for c in quick] == [
        (False, None, None, None),
        (True, None, -3.0, None),
    ]
    assert [(c.premise_holds, c.margin, c.rival) for c in thorough] == [(False, 3.0, 3.0), (True, -3.0, -3.0)]
    assert passing([premise_fails, unanswered], analysis, settings, scorer) == []


def test_the_premise_is_checked_only_where_the_sentence_answers_and_a_rival_only_where_it_holds(analysis, monkeypatch):
    invented = "What will Maersk do while the dockers' picnic lasts?"  # no picnic in the article
    candidates = [
        ItemCandidate("what-next", invented, (9,), 1.0, "model"),
        ItemCandidate("what-next", "What will Maersk do while the strike lasts?", (9,), 1.0, "model"),
    ]
    monkeypatch.setattr(model_engine, "asked_back", lambda questions, _: [10, 10])  # the reader lands elsewhere
    judged = []
    monkeypatch.setattr(
        model_engine, "premises_hold", lambda questions, *_: judged.extend(questions) or [False] * len(questions)
    )
    scorer = BySentence({(invented, "Maersk said"): 2.0, (candidates[1].question, "Maersk said"): 0.0})
    found = check_candidates(candidates, analysis, Settings(judge="off"), scorer)
    assert judged == [invented]  # the second's sentence does not answer it: no premise to check
    assert [(c.premise_holds, c.rival) for c in found] == [(False, None), (None, None)]  # no rival for either


@pytest.fixture(scope="module")
def model_faq(example_path, local_model):
    """The example's FAQ written by the model engine, through the installed CLI (judge as the user gets it)."""
    env_cli = [sys.executable, "-m", "newsfaq", "faq", str(example_path), "--engine", "model", "-f", "json"]
    result = subprocess.run(env_cli, capture_output=True, timeout=600, env=_env(NEWSFAQ_JUDGE="auto"))
    assert result.returncode == 0, result.stderr.decode()
    return FAQ.from_dict(json.loads(result.stdout))


def _env(**changes: str) -> dict[str, str]:
    import os

    return {**os.environ, **changes}


def test_the_model_engine_words_questions_the_rules_did_not(example_path, model_faq):
    article = load_article(example_path)
    rules = {c.question for c in plan_candidates(analyze(article))}
    assert len(model_faq.items) >= 4 and not model_faq.note
    assert any(item.question not in rules for item in model_faq.items)
    for item in model_faq.items:
        assert item.citations and item.answer == " ".join(c.text for c in item.citations)
        for citation in item.citations:
            assert article.body[citation.start : citation.end] == citation.text
