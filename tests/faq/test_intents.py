"""Direct tests of the reader-intent finders (``faq/intents.py``) on short sentences written for them."""

from __future__ import annotations

from functools import cache

import pytest

from newsfaq.faq import intents
from newsfaq.faq.intents import (
    FINDERS,
    INTENT_WEIGHTS,
    find_background,
    find_how_many,
    find_reactions,
    find_said,
    find_what_happened,
    find_what_next,
    find_who,
    find_why,
)
from newsfaq.model import Article
from newsfaq.nlp.analysis import analyze
from newsfaq.nlp.pipeline import get_nlp


@pytest.fixture(scope="session")
def analysed():
    """``analysed(body)``: the parse of a short body (spaCy loads once per session, each body parses once)."""
    get_nlp()

    @cache
    def parse(body: str):
        return analyze(Article(id="intents", body=body, date="2025-03-14"))

    return parse


def found(finder, analysis) -> list[tuple[str, tuple[int, ...], float]]:
    return [(c.question, c.sentences, round(c.weight, 4)) for c in finder(analysis)]


def questions(finder, analysis) -> list[str]:
    return [c.question for c in finder(analysis)]


# what happened: the lead


def test_a_lead_with_an_object_asks_for_the_object(analysed):
    analysis = analysed("The port authority closed the harbour on Monday. Dockers blocked the gates.")
    assert found(find_what_happened, analysis) == [("What did the port authority close?", (0,), 1.0)]


@pytest.mark.parametrize(
    ("body", "question"),
    [("The minister resigned.", "What did the minister do?"), ("The minister resigns.", "What does the minister do?")],
)
def test_a_lead_without_an_object_asks_what_the_subject_did_in_its_tense(analysed, body, question):
    assert questions(find_what_happened, analysed(body)) == [question]


@pytest.mark.parametrize(
    ("body", "question"),
    [
        ("A Harbour City security van was robbed.", "What happened to a Harbour City security van?"),
        ("A Dunmore mother of four died on Sunday.", "What happened to a Dunmore mother of four?"),
        ("Councillor Ann Reid was suspended on Friday.", "What happened to Councillor Ann Reid?"),
    ],
)
def test_a_lead_about_what_befell_its_subject_asks_what_happened_to_it(analysed, body, question):
    assert questions(find_what_happened, analysed(body)) == [question]


@pytest.mark.parametrize(
    "body",
    [
        "A man was arrested on Friday.",  # "What happened to a man?" asks nothing
        "A man died on Friday.",  # nor does "What did a man do?"
        "Councillor Ann Reid was not suspended on Friday.",
        "The Harbour City ferry company was expected to cancel the crossing.",  # the event is the cancelling
        "The new Dunmore bridge will be opened by the mayor.",  # not happened yet
    ],
)
def test_no_lead_question_of_a_bare_subject_a_raising_verb_a_future_or_a_denial(analysed, body):
    assert questions(find_what_happened, analysed(body)) == []


def test_a_lead_that_is_no_verb_clause_gives_way_to_the_second_sentence(analysed):
    analysis = analysed("The port is busy. Workers blocked the gates.")
    assert found(find_what_happened, analysis) == [("What did workers block?", (1,), 1.0)]


def test_only_the_first_two_sentences_can_hold_the_lead(analysed):
    assert (
        questions(find_what_happened, analysed("The port is busy. The sky is grey. Workers blocked the gates.")) == []
    )


def test_a_negated_lead_keeps_its_negation_in_the_question(analysed):
    assert questions(find_what_happened, analysed("The council did not close the bridge.")) == [
        "What did the council not close?"
    ]


@pytest.mark.parametrize("body", ["", "Strike.", "It rained heavily."])
def test_empty_one_word_and_subjectless_bodies_give_no_candidates(analysed, body):
    analysis = analysed(body)
    assert [c for finder in FINDERS for c in finder(analysis)] == []


# why


@pytest.mark.parametrize(
    ("body", "question", "weight"),
    [
        ("Dockers walked out because of the wage cuts.", "Why did dockers walk out?", 0.95 * 0.95),
        (
            "The mayor left the meeting after the council voted against her.",
            "Why did the mayor leave the meeting?",
            0.95 * 0.8,
        ),
    ],
)
def test_a_cause_phrase_or_after_clause_gives_a_discounted_why_question(analysed, body, question, weight):
    assert found(find_why, analysed(body)) == [(question, (0,), round(weight, 4))]


@pytest.mark.parametrize(
    ("body", "question", "sentence"),
    [
        ("A strike by Israel hit the camp. The army defended the strike.", "Why did Israel carry out the strike?", 1),
        ("The mayor defended the ban, saying it saved lives.", "How did the mayor justify the ban?", 0),
    ],
)
def test_a_justified_event_asks_why_its_actor_did_it_else_how_it_was_justified(analysed, body, question, sentence):
    assert found(find_why, analysed(body)) == [(question, (sentence,), INTENT_WEIGHTS["why"])]


def test_a_because_clause_gives_a_why_question(analysed):
    assert questions(find_why, analysed("Dockers walked out because the operators cut their wages.")) == [
        "Why did dockers walk out?"
    ]


@pytest.mark.parametrize(
    ("body", "question"),
    [
        ("The union called the strike in response to the layoffs.", "Why did the union call the strike?"),
        ("The army shelled the town in retaliation for the raid.", "Why did the army shell the town?"),
    ],
)
def test_in_response_to_and_in_retaliation_for_give_a_why_question(analysed, body, question):
    assert questions(find_why, analysed(body)) == [question]


@pytest.mark.parametrize(
    ("body", "question"),
    [
        (
            "The government justified the airstrike on the camp. The Israeli airstrike killed four people.",
            "How did the government justify the airstrike?",  # not "Why did Israeli carry out ...?"
        ),
        (
            "The US strike killed two fighters. The Pentagon justified the strike.",
            "Why did the US carry out the strike?",  # not "Why did US ...?"
        ),
    ],
)
def test_a_nationality_is_not_made_an_actor_and_an_acronym_keeps_its_the(analysed, body, question):
    assert questions(find_why, analysed(body)) == [question]


# what next


@pytest.mark.parametrize(
    ("body", "question"),
    [
        ("The council aims to reopen the bridge by June.", "What does the council aim to do?"),
        ("The council has agreed to sell the land.", "What has the council agreed to do?"),
        ("The company announced a plan to cut 400 jobs.", "What plan did the company announce?"),
    ],
)
def test_plan_verbs_and_plan_nouns_ask_what_comes_next(analysed, body, question):
    assert found(find_what_next, analysed(body)) == [(question, (0,), INTENT_WEIGHTS["what-next"])]


def test_will_with_a_named_subject_is_asked_once_per_article_at_a_discount(analysed):
    analysis = analysed("Microsoft will appeal the ruling. Google will also appeal.")
    assert found(find_what_next, analysis) == [("What will Microsoft do?", (0,), round(0.9 * 0.9, 4))]


@pytest.mark.parametrize("body", ["He will appeal the ruling.", "The workers will return on Monday."])
def test_will_with_an_unresolved_pronoun_or_unnamed_subject_is_not_asked(analysed, body):
    assert questions(find_what_next, analysed(body)) == []


@pytest.mark.parametrize(
    "body",
    [
        "The council does not plan to close the bridge.",
        "Microsoft will not appeal the ruling.",
        "The firm never announced a plan to cut jobs.",
    ],
)
def test_a_negated_plan_is_not_asked_as_a_plan(analysed, body):
    assert questions(find_what_next, analysed(body)) == []


def test_a_supposed_plan_is_not_asked_as_a_plan(analysed):
    body = "If the council wants to sell the land, it must consult residents first, the mayor said."
    assert questions(find_what_next, analysed(body)) == []
    body = "The council plans to sell the land if residents agree."  # the plan is reported; its condition is not
    assert questions(find_what_next, analysed(body)) == ["What does the council plan to do?"]


# how many


@pytest.mark.parametrize(
    ("body", "question"),
    [
        ("The firm hired 300 new engineers last year.", "How many new engineers did the firm hire last year?"),
        ("Twelve workers were injured in the blast.", "How many workers were injured in the blast?"),
    ],
)
def test_a_count_in_digits_or_in_words_asks_how_many(analysed, body, question):
    assert found(find_how_many, analysed(body)) == [(question, (0,), INTENT_WEIGHTS["how-many"])]


@pytest.mark.parametrize("body", ["Three workers joined the strike.", "The two nations signed a deal."])
def test_small_numbers_are_not_asked_about(analysed, body):
    assert questions(find_how_many, analysed(body)) == []


def test_each_counted_noun_is_asked_about_once(analysed):
    analysis = analysed("400 workers joined the strike. Later 600 workers joined the march.")
    assert found(find_how_many, analysis) == [("How many workers joined the strike?", (0,), 0.85)]


def test_a_count_with_places_asks_how_many_were_there_including_parallel_places(analysed):
    analysis = analysed("The coalition kept a force of 2,500 troops in Iraq, alongside an additional 900 in Syria.")
    assert questions(find_how_many, analysis) == ["How many troops were in Iraq and Syria?"]


def test_a_count_spelled_out_at_the_start_is_not_asked_as_a_date(analysed):
    assert questions(find_background, analysed("Forty workers joined the strike.")) == []


@pytest.mark.parametrize(
    "body",
    [
        "The port opened a new terminal in 2015.",
        "The union signed the deal on 4 March.",
        "The bridge closed four years ago.",
    ],
)
def test_a_year_a_day_of_a_month_or_a_span_of_time_is_dated_background(analysed, body):
    asked = questions(find_background, analysed(body))
    assert len(asked) == 1 and asked[0].startswith("When ")


# who


def test_a_person_named_twice_and_described_is_asked_about_from_the_role_sentence(analysed):
    analysis = analysed("Mayor Anna Berg opened the bridge. Anna Berg, the city's mayor, cut the ribbon.")
    assert found(find_who, analysis) == [("Who is Anna Berg?", (1,), round(0.8 * 0.9, 4))]


def test_a_person_named_once_is_not_asked_about(analysed):
    assert questions(find_who, analysed("John Carter, the head of the dock union, called the strike.")) == []


def test_a_person_described_by_is_a_is_asked_about_from_that_sentence(analysed):
    body = "Nazir Afzal spoke to the inquiry on Monday. Nazir Afzal is a former chief prosecutor for the north-west."
    assert found(find_who, analysed(body)) == [("Who is Nazir Afzal?", (1,), round(0.8 * 0.9, 4))]


@pytest.mark.parametrize(
    "described",
    [
        "Carter was the union's treasurer before the strike.",  # a bare surname may be another Carter
        '"John Carter is a liar and a cheat," the mayor said.',  # a quoted charge
        'The mayor was furious. "John Carter is a liar and a cheat."',
        "The mayor was furious. ` John Carter is a liar and a cheat.'",
        "John Carter is not a member of the union.",
        "If John Carter is a candidate, the vote will be close.",
        "John Carter is a spy?",
    ],
)
def test_no_role_is_read_from_a_surname_a_quotation_a_denial_a_condition_or_a_question(analysed, described):
    assert questions(find_who, analysed(f"John Carter called the strike on Monday. {described}")) == []


def test_the_who_weight_grows_with_the_number_of_mentions(analysed):
    analysis = analysed(
        "John Carter, the dock union leader, called the strike. John Carter spoke on Monday. "
        "Critics blamed John Carter."
    )
    assert found(find_who, analysis) == [("Who is John Carter?", (0,), INTENT_WEIGHTS["who"])]


@pytest.mark.parametrize(
    ("body", "question"),
    [
        (
            "John Carter, the head of the dock union, was killed in the blast. Police named John Carter on Friday.",
            "Who was John Carter?",
        ),
        (
            "The death of John Carter, the head of the dock union, shocked the city. Friends of John Carter gathered.",
            "Who was John Carter?",
        ),
        (
            "John Carter, the head of the dock union, mourned the death of his brother. Police thanked John Carter.",
            "Who is John Carter?",
        ),
    ],
)
def test_a_person_whose_death_is_reported_is_asked_about_in_the_past(analysed, body, question):
    assert questions(find_who, analysed(body)) == [question]


# reactions


@pytest.mark.parametrize(
    ("body", "question"),
    [
        ("Lawmakers criticised the budget.", "How did lawmakers react to the budget?"),
        (
            "The Iraqi government's condemnation of the strike was swift.",
            "How did the Iraqi government react to the strike?",
        ),
        ("The ruling sparked protests across the city.", "What reaction did the ruling spark?"),
        ("The unions reacted angrily.", "How did the unions react?"),
    ],
)
def test_reaction_verbs_nouns_and_triggers_ask_how_someone_reacted(analysed, body, question):
    assert found(find_reactions, analysed(body)) == [(question, (0,), INTENT_WEIGHTS["reaction"])]


# background


@pytest.mark.parametrize(
    ("body", "question"),
    [
        ("The bridge opened on 4 May 2021.", "When did the bridge open?"),
        ("The plant closed in 2019.", "When did the plant close?"),
    ],
)
def test_a_date_with_a_number_asks_when(analysed, body, question):
    assert found(find_background, analysed(body)) == [(question, (0,), INTENT_WEIGHTS["background"])]


@pytest.mark.parametrize("body", ["The bridge opened on Monday.", "The bridge opened last week."])
def test_a_date_without_a_number_is_not_background(analysed, body):
    assert questions(find_background, analysed(body)) == []


def test_a_past_event_tagged_as_a_participle_is_still_asked_in_the_past(analysed):
    assert questions(find_background, analysed("The bridge reopened in March 2024.")) == ["When did the bridge reopen?"]


# said


def test_a_named_speaker_with_a_reported_clause_is_asked_once(analysed):
    analysis = analysed("Microsoft said it would appeal. Microsoft said the ruling was wrong.")
    assert found(find_said, analysis) == [("What did Microsoft say?", (0,), INTENT_WEIGHTS["said"])]


def test_a_named_speaker_is_asked_about_without_the_role_before_the_name(analysed):
    analysis = analysed("Assistant Commissioner Mark Rowley said the inquiry would take months.")
    assert questions(find_said, analysis) == ["What did Mark Rowley say?"]


@pytest.mark.parametrize("body", ["Microsoft said nothing.", "The spokesman said the plan was dead."])
def test_a_speaker_needs_a_name_and_a_reported_clause(analysed, body):
    assert questions(find_said, analysed(body)) == []


@pytest.mark.parametrize(
    ("body", "pieces"),
    [
        ("The firm has unveiled a plan.", ("has", "unveiled")),
        ("The firm unveiled a plan.", ("did", "unveil")),
        ("The firm unveils a plan.", ("does", "unveil")),
        ("The firms unveil a plan.", ("do", "unveil")),
    ],
)
def test_an_inverted_question_keeps_the_auxiliary_or_adds_do_in_the_verbs_tense(analysed, body, pieces):
    verb = analysed(body).spans[0].root
    assert intents._aux_and_verb(verb) == pieces
