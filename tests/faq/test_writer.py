import re
from dataclasses import replace

import pytest

from newsfaq import engines, load_article, make_faq
from newsfaq.faq import writer
from newsfaq.faq.candidates import ItemCandidate
from newsfaq.faq.intents import FILLER_INTENTS
from newsfaq.faq.model_engine import SPARE, answer_sentences, model_questions, passing, wording_rounds
from newsfaq.faq.wording import is_well_formed
from newsfaq.faq.writer import ranked, select, shortfall
from newsfaq.nlp.analysis import analyze
from newsfaq.settings import Settings


def _by_question(faq, pattern):
    return [item for item in faq.items if re.search(pattern, item.question)]


def test_reference_faq_covers_the_four_points(reference_faq):
    article, faq = reference_faq
    why = _by_question(faq, r"^Why did the US carry out the strike")
    assert why and "The Pentagon justified the strike" in why[0].answer
    troops = _by_question(faq, r"^How many US troops are in Iraq")
    assert troops and "2,500" in troops[0].answer and "900 in Syria" in troops[0].answer
    assert "preventing the resurgence" in troops[0].answer
    plan = _by_question(faq, r"^What does the Iraqi government (aim|plan)")
    assert plan and "bilateral committee" in plan[0].answer and "withdrawal" in plan[0].answer
    who = _by_question(faq, r"^Who was Mushtaq Jawad Kazim al-Jawari\?$")
    assert who and "the commander of a pro-Iran militia" in who[0].answer


def test_existing_faq_is_never_evidence(reference_faq):
    _, faq = reference_faq
    assert all("mortar" not in item.answer and "Embassy" not in item.answer for item in faq.items)


def test_citations_point_at_the_quoted_text(reference_faq, example_faq):
    for article, faq in (reference_faq, example_faq):
        for item in faq.items:
            assert item.citations
            for citation in item.citations:
                assert article.body[citation.start : citation.end] == citation.text
            assert item.answer == " ".join(c.text for c in item.citations)


def test_items_are_well_formed_distinct_and_ranked(example_faq):
    _, faq = example_faq
    questions = [item.question for item in faq.items]
    assert len(questions) == len(set(questions)) >= 5
    assert all(is_well_formed(q) for q in questions)
    confidences = [item.confidence for item in faq.items]
    assert confidences == sorted(confidences, reverse=True)
    assert {item.intent for item in faq.items} >= {"what-happened", "why", "how-many", "what-next", "said"}
    assert not _by_question(faq, "^Who is Niek Stam")  # named once, in passing: what he said is the item


def test_relative_dates_in_answers_are_resolved(example_faq):
    _, faq = example_faq
    resolved = {d.text: d.iso for item in faq.items for d in item.dates}
    assert resolved.get("Thursday") == "2025-03-13"


def test_deterministic_and_limited(example_path):
    article = load_article(example_path)
    first = make_faq(article, Settings(max_questions=3)).to_dict()
    assert first == make_faq(article, Settings(max_questions=3)).to_dict()
    assert len(first["items"]) == 3


def test_a_question_repeating_another_in_other_question_words_is_a_repeat():
    scored_question = "What did James Morrison and Craig Gardner score in the second half?"
    scored = ItemCandidate("what-happened", scored_question, (2,), 0.7)
    counted = ItemCandidate("how-many", "How many goals did James Morrison score in the second half?", (3,), 0.6)
    assert select([scored, counted], 8, Settings().max_who) == [scored]


def test_a_speaker_asked_about_again_by_title_and_surname_is_a_repeat():
    first = ItemCandidate("said", "What did Ruth Abara say?", (2,), 0.5)
    again = ItemCandidate("said", "What did Ms Abara say?", (9,), 0.4)
    assert select([first, again], 8, Settings().max_who) == [first]
    husband = ItemCandidate("said", "What did Mr Abara say?", (11,), 0.3)
    assert select([again, husband], 8, Settings().max_who) == [again, husband]  # two people


def test_an_answer_restating_a_kept_answer_counts_as_the_same_answer():
    lede = ItemCandidate("what-happened", "What did the dock workers do?", (0,), 1.0)
    restated = ItemCandidate("what-happened", "What did the port's union call?", (5,), 0.7)
    counted = ItemCandidate("how-many", "How many ships were held up?", (5,), 0.6)
    answer_words = {
        0: {"dock", "worker", "walk", "pay", "offer", "port", "union"},
        5: {"dock", "worker", "walk", "pay", "offer", "port", "ship"},
    }
    chosen = select([lede, restated, counted], 8, Settings().max_who, answer_words=answer_words)
    assert chosen == [lede, counted]  # the same kind of answer twice is a repeat; another kind is not
    answer_words[5] = {"dock", "worker", "ship", "divert", "antwerp", "cargo", "delay"}
    chosen = select([lede, restated, counted], 8, Settings().max_who, answer_words=answer_words)
    assert chosen == [lede, restated, counted]


def test_a_filler_question_comes_in_only_to_bring_the_faq_up_to_its_minimum():
    lead = ItemCandidate("what-happened", "What did dock workers do?", (0,), 1.0)
    count = ItemCandidate("how-many", "How many workers joined the stoppage?", (7,), 0.85)
    central = [
        ItemCandidate("key-fact", "Which cargo did the strike hold up?", (1,), 0.7, engine="model"),
        ItemCandidate("key-fact", "What did the port authority warn shippers?", (2,), 0.7, engine="model"),
        ItemCandidate("key-fact", "Which ships were diverted to Antwerp?", (3,), 0.7, engine="model"),
    ]
    candidates = ranked([lead, count, *central])
    assert select(candidates, 8, Settings().max_who) == [lead, count]
    assert select(candidates, 8, Settings().max_who, fill_to=3) == [lead, central[0], count]  # in ranking order
    assert select(candidates, 2, Settings().max_who, fill_to=3) == [lead, count]  # never past the limit
    assert len(select(candidates, 8, Settings().max_who, fill_to=8)) == 5


def test_fillers_come_in_one_filler_intent_after_another_whatever_their_rank():
    lead = ItemCandidate("what-happened", "What did dock workers do?", (0,), 1.0)
    unhinted = ItemCandidate("key-fact", "Which cargo did the strike hold up?", (1,), 0.9, engine="model")
    events = [
        ItemCandidate("key-event", "What happened to the ships bound for Rotterdam?", (3,), 0.7, engine="model"),
        ItemCandidate("key-event", "What happened at the port authority's meeting?", (4,), 0.6, engine="model"),
    ]
    candidates = ranked([lead, unhinted, *events])
    assert select(candidates, 8, Settings().max_who, fill_to=2) == [lead, events[0]]
    assert select(candidates, 8, Settings().max_who, fill_to=4) == [lead, unhinted, *events]  # in ranking order


def test_one_ranking_puts_the_checked_model_wording_first_on_the_same_evidence():
    rules = ItemCandidate("why", "Why was the strike called by the union?", (1,), 0.95)
    model = ItemCandidate("why", "Why did the union call the strike?", (1,), 0.95, engine="model")
    lead = ItemCandidate("what-happened", "What did dock workers do?", (0,), 1.0)
    assert ranked([rules, lead, model]) == [lead, model, rules]
    assert select(ranked([rules, lead, model]), 8, Settings().max_who) == [
        lead,
        model,
    ]  # one item per evidence sentence and kind of answer


def test_a_sentence_answers_at_most_two_questions_of_different_kinds():
    on_lead = [
        ItemCandidate("what-happened", "What happened to the ferry off Skye?", (0,), 1.0),
        ItemCandidate("what-happened", "What did the coastguard report about the sinking?", (0,), 1.0),
        ItemCandidate("how-many", "How many passengers were rescued by fishing boats?", (0,), 0.85),
        ItemCandidate("background", "When did the ferry go down?", (0,), 0.6),
        ItemCandidate("who", "Who is Captain Ian Ross?", (0,), 0.8),
    ]
    assert [c.question for c in select(ranked(on_lead), 8, Settings().max_who)] == [
        "What did the coastguard report about the sinking?",  # first of the two "what" on equal importance
        "How many passengers were rescued by fishing boats?",
        "Who is Captain Ian Ross?",
    ]


def test_at_most_two_who_items():
    names = ["Anna Berg", "Carl Dahl", "Eva Falk", "Gustav Holm"]
    people = [ItemCandidate("who", f"Who is {name}?", (i,), 0.8) for i, name in enumerate(names)]
    assert [c.question for c in select(people, 8, Settings().max_who)] == [
        f"Who is {name}?" for name in names[: Settings().max_who]
    ]


def test_a_short_faq_says_why(example_path):
    article = load_article(example_path)
    faq = make_faq(article)
    assert shortfall(analyze(article), faq.items, Settings()) == "" and faq.note == ""
    assert shortfall(analyze(article), faq.items[:2], Settings(max_questions=2)) == ""  # two asked for, two given
    two = analyze(
        article.__class__(id="x", body="Dock workers walked out on Thursday. The port is closed.", date="2025-03-14")
    )
    assert shortfall(two, [], Settings()) == "The article has only 2 sentences: too short for a fuller FAQ."
    assert shortfall(analyze(article), faq.items[:1], Settings()).startswith(
        "Only 1 question had an answer the article states"
    )


class Writes:
    """A scripted model for the model engine: it words every answer sentence as a checkable question about it (a
    "what happened" one when told to ask what happened), finds every sentence answers it unless ``events_fail``
    fails the "what happened" ones, and records which sentences it was asked to word, and how."""

    def __init__(self, events_fail: bool = False) -> None:
        self.events_fail = events_fail
        self.worded: list[tuple[str, bool]] = []

    def reply(self, messages, *, max_tokens=64, stop=None):
        sentence, ask = messages[-1]["content"].split("Answer sentence: ")[1].split("\n\n")
        event = "Ask what happened." in ask
        self.worded.append((sentence, event))
        words = " ".join(sentence.split()[:6]).strip(",.;:")
        return f"What happened to {words}?" if event else f"What was said of {words}?"  # premises the article holds

    def answer_margin(self, messages, yes, no):
        return -3.0 if self.events_fail and "Question: What happened to" in messages[-1]["content"] else 3.0


def _targets(analysis, settings):
    return answer_sentences(writer.plan_candidates(analysis), analysis, settings.max_questions + SPARE)


def _chosen(analysis, settings, model, targets, fill_to=0):
    """The FAQ's candidates when the model words ``targets`` and every question is checked at once."""
    kept = passing(
        writer.plan_candidates(analysis) + model_questions(analysis, targets, model), analysis, settings, model
    )
    return writer.choose_items(ranked(kept), analysis, settings, fill_to)


def _one_round(analysis, settings, model):
    """The FAQ as if every question of every round were written and checked at once: what the rounds must
    equal."""
    asked = [t for targets in wording_rounds(_targets(analysis, settings)) for t in targets]
    return [c.question for c in _chosen(analysis, settings, model, asked, writer.fewest_items(settings))]


@pytest.fixture(scope="module")
def example_analysis(example_path):
    article = load_article(example_path)
    return article, analyze(article)


def _rounds(example_analysis, monkeypatch, settings, model):
    """The FAQ written in rounds, held to the one-round FAQ and to a progress bar that rises to its total once;
    returns how many times each filler sentence was worded as what happened and as what it adds."""
    article, analysis = example_analysis
    monkeypatch.setattr(engines, "available_model", lambda url, required_by, say_off: model)
    steps, model.worded = [], []
    faq = make_faq(article, settings, analysis=analysis, progress=lambda done, total: steps.append((done, total)))
    worded = list(model.worded)
    assert [item.question for item in faq.items] == _one_round(analysis, settings, model)
    targets = _targets(analysis, settings)
    filler_targets = [t for t in targets if t.intent in FILLER_INTENTS]
    fillers = {analysis.spans[t.sentences[0]].text for t in filler_targets}
    total = len(targets) + len(filler_targets) * (len(FILLER_INTENTS) - 1)
    assert steps == sorted(steps) and steps.count((total, total)) == 1 and steps[-1] == (total, total)
    assert fillers and len(fillers) < len(targets)
    return (
        faq,
        sum((text, True) in worded for text in fillers) / len(fillers),
        sum((text, False) in worded for text in fillers) / len(fillers),
    )


def _short_by_one(example_analysis):
    """Settings under which the FAQ from the non-filler questions is one item short."""
    _, analysis = example_analysis
    many = Settings(faq_engine="model", judge="off", max_questions=20)
    first = wording_rounds(_targets(analysis, many))[0]
    return replace(many, min_items=len(_chosen(analysis, many, Writes(), first)) + 1)


def test_the_model_words_no_filler_question_when_the_faq_has_enough(example_analysis, monkeypatch):
    enough = Settings(faq_engine="model", judge="off")
    faq, as_events, unhinted = _rounds(example_analysis, monkeypatch, enough, Writes())
    assert len(faq.items) >= enough.min_items and (as_events, unhinted) == (0, 0)


def test_a_short_faq_gets_filler_questions_asking_what_happened_first(example_analysis, monkeypatch):
    short_by_one = _short_by_one(example_analysis)
    faq, as_events, unhinted = _rounds(example_analysis, monkeypatch, short_by_one, Writes())
    assert (as_events, unhinted) == (1, 0) and len(faq.items) == short_by_one.min_items
    assert "key-event" in {item.intent for item in faq.items}


def test_the_unhinted_fillers_are_worded_only_while_the_faq_is_still_short(example_analysis, monkeypatch):
    short_by_one = _short_by_one(example_analysis)
    faq, as_events, unhinted = _rounds(example_analysis, monkeypatch, short_by_one, Writes(True))
    assert (as_events, unhinted) == (1, 1) and "key-fact" in {item.intent for item in faq.items}
    many = replace(short_by_one, min_items=20)
    assert _rounds(example_analysis, monkeypatch, many, Writes())[1:] == (1, 1)  # short by many: both rounds
