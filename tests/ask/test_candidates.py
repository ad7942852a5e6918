"""Direct tests of the reader's candidate answer spans and their features (``ask/candidates.py``)."""

from __future__ import annotations

import math

import pytest

from newsfaq.ask.alignment import QuestionAlignment
from newsfaq.ask.candidates import MAX_CANDIDATE_TOKENS, _beside, _tree_path, candidates
from newsfaq.ask.question_analysis import analyse_question
from newsfaq.ask.sentences import RankedSentence
from newsfaq.nlp.pipeline import get_nlp


@pytest.fixture(scope="session")
def nlp():
    """The shared spaCy pipeline, loaded once for the session."""
    return get_nlp()


def ranked(sentence, share=0.5, closeness=0.3, score=0.4, weakest=0.1, tokens=None) -> RankedSentence:
    fused = share + 0.2 * closeness
    return RankedSentence(sentence, share, closeness, fused, QuestionAlignment(score, weakest, tokens or {}))


def offered(nlp, question: str, text: str):
    """Every candidate of ``text`` (read alone, as the best sentence) for ``question``."""
    sentence = ranked(nlp(text)[:])
    return candidates(analyse_question(question), sentence, 0, [sentence])


def kinds(found) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in found]


def one(found, text: str):
    (match,) = [c for c in found if c.text == text]
    return match


def test_entities_come_first_then_a_number_with_its_noun_and_each_span_is_offered_once(nlp):
    found = offered(nlp, "How many troops are in Iraq?", "About 2,500 US troops are stationed in Iraq.")
    # "About 2,500 US troops" is also a noun chunk and a subject, "Iraq" a chunk and an object: the first kind stays.
    assert kinds(found) == [
        ("CARDINAL", "About 2,500"),
        ("GPE", "US"),
        ("GPE", "Iraq"),
        ("COUNTED", "About 2,500 US troops"),
    ]


def test_a_count_in_words_or_digits_is_a_number_counted_with_its_noun(nlp):
    for number in ("40", "forty"):
        found = offered(nlp, "How many engineers did the firm hire?", f"The firm hired {number} engineers.")
        counted, bare = one(found, f"{number} engineers"), one(found, number)
        assert counted.kind == "COUNTED" and counted.features["type_fits_counted"] == 1.0
        assert counted.features["type_fits"] == 0.0 and counted.features["has_number"] == 1.0
        assert bare.kind == "CARDINAL" and bare.features["type_fits"] == 1.0


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("The dockers walked out because the operators cut their wages.", "because the operators cut their wages"),
        ("The dockers walked out because of the wage cuts.", "because of the wage cuts"),
        ("The dockers walked out after talks collapsed.", "after talks collapsed"),
    ],
)
def test_cause_clauses_and_phrases_are_offered_as_causes_for_a_why_question(nlp, text, cause):
    found = offered(nlp, "Why did the dockers walk out?", text)
    assert [c.text for c in found if c.kind == "CAUSE"] == [cause]
    assert one(found, cause).features["cause_for_why"] == 1.0
    assert all(c.features["cause_for_why"] == 0.0 for c in found if c.kind != "CAUSE")


def test_a_by_phrase_is_a_manner_for_a_how_question_only(nlp):
    text = "The union won by blocking the gates."
    how = one(offered(nlp, "How did the union win?", text), "by blocking the gates")
    why = one(offered(nlp, "Why did the union win?", text), "by blocking the gates")
    assert how.kind == "MANNER" and how.features["manner_for_how"] == 1.0 and how.features["how&MANNER"] == 1.0
    assert why.features["manner_for_how"] == 0.0 and why.features["cause_for_why"] == 0.0


@pytest.mark.xfail(
    strict=True,
    reason="every prepositional 'as'/'since' is taken as a cause marker (CAUSE_WORDS), so a role ('as a teacher') "
    "and a start date ('since 2019') are offered as causes and score cause_for_why for a why question",
)
@pytest.mark.parametrize("phrase", ["as a teacher", "since 2019"])
def test_a_role_or_a_start_date_is_not_a_cause(nlp, phrase):
    found = offered(nlp, "Why did she work?", "She worked as a teacher since 2019.")
    assert one(found, phrase).kind != "CAUSE"


@pytest.mark.parametrize(
    ("question", "text", "fitting"),
    [
        ("Who founded Acme?", "Acme was founded by Anna Berg, a chemist.", "Anna Berg"),  # PERSON
        ("Who founded the club?", "The Germans founded the club.", "Germans"),  # NORP answers who
        ("When did the bridge open?", "The bridge opened on 4 May 2021.", "4 May 2021"),  # DATE
    ],
)
def test_only_an_entity_of_the_expected_type_fits_the_question(nlp, question, text, fitting):
    found = offered(nlp, question, text)
    assert [c.text for c in found if c.features["type_fits"] == 1.0] == [fitting]
    assert all(c.features["type_in_sentence"] == 1.0 for c in found)


def test_a_question_type_the_sentence_cannot_answer_has_no_fitting_candidate(nlp):
    found = offered(nlp, "When did the bridge open?", "The bridge opened quickly.")
    assert kinds(found) == [("CHUNK", "The bridge")]
    assert found[0].features["type_fits"] == 0.0 and found[0].features["type_in_sentence"] == 0.0


@pytest.mark.parametrize("text", ["", "Yes."])
def test_an_empty_or_one_word_sentence_offers_nothing(nlp, text):
    assert offered(nlp, "Who won?", text) == []


def test_a_span_made_of_the_questions_words_is_marked_as_repeating_it(nlp):
    found = offered(nlp, "When did the bridge open?", "The bridge opened on 4 May 2021.")
    subject, date = one(found, "The bridge"), one(found, "4 May 2021")
    assert subject.features["repeats_question"] == 1.0 and subject.features["all_in_question"] == 1.0
    assert subject.features["head_in_question"] == 1.0 and subject.features["before_match"] == 1.0
    assert date.features["repeats_question"] == 0.0 and date.features["all_in_question"] == 0.0
    assert date.features["before_match"] == 0.0


def test_a_span_without_content_words_counts_as_repeating_the_question(nlp):
    (pronoun,) = offered(nlp, "Who?", "It rained.")
    assert pronoun.text == "It" and pronoun.features["repeats_question"] == 1.0


def test_a_sentence_without_the_questions_words_is_far_from_them_on_every_measure(nlp):
    (pronoun,) = offered(nlp, "Who?", "It rained.")
    features = pronoun.features
    assert features["log_distance"] == pytest.approx(math.log1p(30)) and features["near"] == 0.0
    assert features["tree_distance"] == 30.0 and features["path=none"] == 1.0 and features["who&path=none"] == 1.0
    assert features["question_words_nearby"] == 0.0 and features["head_in_question"] == 0.0


def test_the_tree_path_names_the_edges_to_the_nearest_question_word(nlp):
    found = offered(nlp, "How many troops are in Iraq?", "About 2,500 US troops are stationed in Iraq.")
    number = one(found, "About 2,500")
    assert number.features["tree_distance"] == 1.0 and number.features["path=nummod^"] == 1.0
    assert number.features["head_in_question"] == 1.0 and number.features["near"] == 1.0
    doc = nlp("Engineers say the mayor of the old northern harbour town resigned.")
    engineers, mayor, town = doc[0], doc[3], doc[9]
    assert _tree_path(town, [mayor]) == (2, "pobj/prep^")
    assert _tree_path(engineers, [mayor]) == (3, "nsubj^nsubj/ccomp")
    assert _tree_path(town, [engineers]) == (5, "long")  # past three edges only the length is kept
    assert _tree_path(town, []) == (30, "none")


def test_spans_longer_than_the_limit_are_not_offered(nlp):
    text = (
        "The council said that the old bridge over the river, which was built by local masons from the nearby "
        "quarry towns in the long cold winter of the year when the war ended, would close."
    )
    doc = nlp(text)
    bridge = next(t for t in doc if t.text == "bridge")
    long_subject = (bridge.left_edge.i, bridge.right_edge.i + 1)
    assert long_subject[1] - long_subject[0] > MAX_CANDIDATE_TOKENS
    sentence = ranked(doc[:])
    found = candidates(analyse_question("What will close?"), sentence, 0, [sentence])
    assert long_subject not in {(c.span.start, c.span.end) for c in found}
    assert "the old bridge" in [c.text for c in found]
    assert max(len(c.span) for c in found) <= MAX_CANDIDATE_TOKENS


def test_sentence_features_compare_the_sentence_with_the_best_one_read(nlp):
    question = analyse_question("How many troops are in Iraq?")
    best = ranked(nlp("About 2,500 US troops are stationed in Iraq.")[:], share=0.8, closeness=0.6, score=0.7)
    second = ranked(nlp("The troops arrived in 2019.")[:], share=0.5, closeness=0.4, score=0.5, weakest=0.2)
    read = [best, second]
    top = candidates(question, best, 0, read)[0].features
    other = candidates(question, second, 1, read)[0].features
    assert top["best_sentence"] == 1.0 and top["behind_best_sentence"] == 0.0 and top["sentence_rank"] == 0.0
    assert other["best_sentence"] == 0.0 and other["sentence_rank"] == 1.0
    assert other["behind_best_sentence"] == pytest.approx(0.3)
    assert other["behind_closest_sentence"] == pytest.approx(0.2)
    assert other["behind_best_alignment"] == pytest.approx(0.2)
    assert other["weakest_alignment"] == 0.2 and other["sentence_share"] == 0.5


def test_alignment_features_read_the_span_its_neighbours_and_its_head(nlp):
    doc = nlp("About 2,500 US troops are stationed in Iraq.")  # About 2,500 US troops are stationed in Iraq .
    sentence = ranked(doc[:], tokens={3: 0.9, 5: 0.6, 7: 0.8})  # troops, stationed, Iraq
    found = candidates(analyse_question("How many soldiers are in Iraq?"), sentence, 0, [sentence])
    number, iraq = one(found, "About 2,500"), one(found, "Iraq")
    assert number.features["span_alignment"] == 0.0
    assert number.features["nearby_alignment"] == 0.9  # "troops", one token after the span
    assert number.features["head_alignment"] == 0.9  # "troops" is also the number's head
    assert iraq.features["span_alignment"] == 0.8 and iraq.features["nearby_alignment"] == 0.6


def test_beside_takes_tokens_on_both_sides_within_the_sentence(nlp):
    doc = nlp("Engineers say the mayor of the old northern harbour town resigned.")
    sentence = doc[:]
    assert _beside(doc[3:5], sentence, 3) == [0, 1, 2, 5, 6, 7]
    assert _beside(doc[0:2], sentence, 2) == [2, 3]  # nothing before the sentence's start
    assert _beside(doc[10:12], sentence, 3) == [7, 8, 9]  # nothing after its end
