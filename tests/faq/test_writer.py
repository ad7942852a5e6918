import re
from dataclasses import replace

from newsfaq import engines, load_article, make_faq
from newsfaq.faq import writer
from newsfaq.faq.candidates import ItemCandidate
from newsfaq.faq.intents import FILLER_INTENTS
from newsfaq.faq.model_engine import SPARE, answer_sentences, model_questions, passing
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
    """A scripted model for the model engine: it words every answer sentence as the same checkable question
    about it and finds every sentence answers; it records which sentences it was asked to word."""

    def __init__(self) -> None:
        self.worded: list[str] = []

    def reply(self, messages, *, max_tokens=64, stop=None):
        sentence = messages[-1]["content"].split("Answer sentence: ")[1].split("\n\n")[0]
        self.worded.append(sentence)
        return f"What did the report say about {' '.join(sentence.split()[:6]).strip(',.;:')}?"

    def answer_margin(self, messages, yes, no):
        return 3.0


def _one_round(analysis, settings, model):
    """The FAQ as if every question were written and checked at once: what the two rounds must equal."""
    planned = writer.plan_candidates(analysis)
    targets = answer_sentences(planned, analysis, settings.max_questions + SPARE)
    kept = passing(planned + model_questions(analysis, targets, model), analysis, settings, model)
    return [c.question for c in writer.choose_items(ranked(kept), analysis, settings, writer.fewest_items(settings))]


def test_the_model_words_filler_questions_only_when_the_faq_would_be_short(example_path, monkeypatch):
    article = load_article(example_path)
    analysis = analyze(article)
    model = Writes()
    monkeypatch.setattr(engines, "available_model", lambda url, required_by, say_off: model)

    def targets(settings):
        return answer_sentences(writer.plan_candidates(analysis), analysis, settings.max_questions + SPARE)

    def make(settings):
        steps, model.worded = [], []
        faq = make_faq(article, settings, analysis=analysis, progress=lambda done, total: steps.append((done, total)))
        worded = set(model.worded)
        assert [item.question for item in faq.items] == _one_round(analysis, settings, model)
        total = len(targets(settings))
        assert steps == sorted(steps) and steps.count((total, total)) == 1 and steps[-1] == (total, total)
        return faq, steps, worded

    enough = Settings(faq_engine="model", judge="off")
    fillers = [t for t in targets(enough) if t.intent in FILLER_INTENTS]
    filler_text = {analysis.spans[t.sentences[0]].text for t in fillers}
    assert fillers and len(fillers) < len(targets(enough))
    faq, steps, worded = make(enough)
    assert len(faq.items) >= enough.min_items and not filler_text & worded  # enough without them
    assert len(steps) == len(targets(enough)) - len(fillers) + 1

    many = Settings(faq_engine="model", judge="off", max_questions=20)
    asked = [t for t in targets(many) if t.intent not in FILLER_INTENTS]
    round_one = passing(
        writer.plan_candidates(analysis) + model_questions(analysis, asked, model), analysis, many, model
    )
    enough_at = len(writer.choose_items(ranked(round_one), analysis, many))
    for min_items in (enough_at + 1, 20):  # short by one item, and by many: the fillers are worded too
        _, _, worded = make(replace(many, min_items=min_items))
        assert {analysis.spans[t.sentences[0]].text for t in targets(many) if t.intent in FILLER_INTENTS} <= worded
