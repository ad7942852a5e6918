"""Direct tests of the checker's labels and reasons (``check/verdicts.py``): the support score is given, so each
test shows which evidence turns a claim supported, unsupported or contradicted."""

from __future__ import annotations

import pytest

from newsfaq.check.features import align_claim
from newsfaq.check.index import index_articles
from newsfaq.check.verdicts import combine, judge, sentences_phrase
from newsfaq.model import Citation, Verdict
from newsfaq.nlp.lexicon import words

BODY = (
    "The council closed the Elm Street bridge on Tuesday. "
    "Engineers found 14 cracks in its supports. "
    "The mayor, Anna Berg, said repairs would cost 2 million euros. "
    "The bridge will not reopen before March."
)
THRESHOLD = 0.5
HIGH, LOW = 0.9, 0.2


@pytest.fixture(scope="session")
def index():
    """The article prepared once (its sentence split loads spaCy once for the session)."""
    return index_articles([BODY])[0]


def verdict(index, claim: str, score: float) -> Verdict:
    found = words(claim)
    return judge(claim, found, align_claim(found, index), score, THRESHOLD)


def cited(result: Verdict) -> list[int]:
    return [c.sentence for c in result.evidence]


@pytest.mark.parametrize(("claim", "sentence"), [("Engineers found 14 cracks.", 2), ("Bridge.", 1)])
def test_a_claim_copied_word_for_word_is_supported_and_settled_whatever_the_score(index, claim, sentence):
    result = verdict(index, claim, 0.01)
    assert (result.label, result.score, result.settled) == ("supported", 1.0, True)
    assert result.reason == f"sentence {sentence} says this word for word" and cited(result) == [sentence - 1]


@pytest.mark.parametrize(
    ("score", "label", "reason"),
    [
        (0.5, "supported", "sentence 3 of the article says this"),
        (0.49, "unsupported", "the article has these words but does not say this; closest is sentence 3"),
    ],
)
def test_the_score_decides_a_paraphrase_at_the_threshold(index, score, label, reason):
    result = verdict(index, "The mayor said repairs would cost 2 million euros.", score)
    assert (result.label, result.reason, cited(result), result.settled) == (label, reason, [2], False)


def test_a_supported_claim_drawn_from_two_sentences_cites_both(index):
    result = verdict(index, "The council closed the bridge after engineers found 14 cracks.", HIGH)
    assert result.label == "supported" and sorted(cited(result)) == [0, 1]
    assert result.reason.startswith("sentences ") and result.reason.endswith(" of the article say this")


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        ("Engineers found 12 cracks in its supports.", "the article says 14, not 12"),
        ("Engineers found twelve cracks in its supports.", "the article says 14, not twelve"),
        ("The council closed the bridge on Wednesday.", "sentence 1 says Tuesday, not Wednesday"),
        ("The bridge will not reopen before June.", "sentence 4 says March, not June"),
    ],
)
def test_a_changed_number_or_date_contradicts_even_a_high_score(index, claim, reason):
    result = verdict(index, claim, HIGH)
    assert (result.label, result.reason, result.settled) == ("contradicted", reason, False)
    assert len(result.evidence) == 1


def test_a_changed_number_written_as_an_uncommon_word_contradicts(index):
    result = verdict(index, "Engineers found sixteen cracks in its supports.", 0.37)
    assert (result.label, result.reason) == ("contradicted", "the article says 14, not sixteen")


def test_a_figure_in_words_is_not_missing_when_the_article_gives_it_in_digits(index):
    result = verdict(index, "Engineers found fourteen cracks in its supports.", 0.37)
    assert "fourteen" not in result.reason


def test_a_changed_month_named_may_contradicts(index):
    result = verdict(index, "The bridge will not reopen before May.", 0.64)
    assert (result.label, result.reason) == ("contradicted", "sentence 4 says March, not May")


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        ("Engineers found 14 cracks on Friday.", "the article does not mention Friday"),
        (
            "The council closed the Elm Street bridge on Tuesday after 3 accidents.",
            "the article does not mention 3 accidents",
        ),
    ],
)
def test_a_date_or_number_without_a_rival_in_the_sentence_is_unsupported_and_settled(index, claim, reason):
    result = verdict(index, claim, HIGH)
    assert (result.label, result.reason, result.settled) == ("unsupported", reason, True)


def test_a_changed_number_is_no_contradiction_when_the_rest_of_the_claim_differs(index):
    # Sentence 2 says 14 cracks, but it holds too few of the claim's words (MIN_SHARED_FOR_CONFLICT).
    result = verdict(index, "Local divers counted 12 cracks in the old pier.", HIGH)
    assert (result.label, result.settled) == ("unsupported", True)
    assert result.reason == "the article does not mention Local divers counted 12 or old pier"


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        ("The council closed the Oak Street bridge on Tuesday.", "the article has Elm where the claim has Oak"),
        ("Clara Berg said repairs would cost 2 million euros.", "sentence 3 says this of Anna, not Clara"),
    ],
)
def test_a_changed_name_contradicts(index, claim, reason):
    result = verdict(index, claim, LOW)
    assert (result.label, result.reason) == ("contradicted", reason)


def test_a_name_given_to_someone_else_is_not_supported_even_with_a_high_score(index):
    result = verdict(index, "Clara Berg said repairs would cost 2 million euros.", HIGH)
    assert (result.label, result.reason) == ("contradicted", "sentence 3 says this of Anna, not Clara")


@pytest.mark.parametrize(
    ("claim", "reason", "sentence"),
    [
        ("The council did not close the bridge on Tuesday.", "the claim negates what sentence 1 says", 0),
        ("The bridge will reopen before March.", "the claim drops the negation in what sentence 4 says", 3),
    ],
)
def test_a_negation_on_one_side_only_contradicts_a_low_score(index, claim, reason, sentence):
    result = verdict(index, claim, LOW)
    assert (result.label, result.reason, cited(result)) == ("contradicted", reason, [sentence])


def test_a_claim_that_says_what_no_one_did_drops_the_negation():
    index = index_articles(["Thieves raided the depot at night. No one was injured in the raid."])[0]
    result = verdict(index, "Someone was injured in the raid.", LOW)
    assert (result.label, result.reason) == ("contradicted", "the claim drops the negation in what sentence 2 says")


def test_a_claim_that_leaves_out_what_the_negation_denies_does_not_drop_it(index):
    """A question's premise ("What will happen to the bridge before March?") keeps the sentence's other words."""
    result = verdict(index, "The bridge before March.", LOW)
    assert result.label == "unsupported", result.reason


@pytest.mark.parametrize(
    ("claim", "reason", "evidence"),
    [
        ("Divers found rust under the bridge.", "the article does not mention Divers or rust", [0, 1]),
        ("Quantum physics is hard.", "the article does not mention Quantum physics or hard", []),
        ("", "the article does not say this", []),
    ],
)
def test_an_unsupported_claim_names_the_missing_words_as_phrases(index, claim, reason, evidence):
    result = verdict(index, claim, LOW)
    assert (result.label, result.reason, cited(result), result.settled) == ("unsupported", reason, evidence, False)


def test_at_most_four_missing_phrases_are_listed(index):
    claim = "Divers counted red fish near the pier, said Tom Lind, a local diver from Harwich in Essex."
    result = verdict(index, claim, LOW)
    assert result.reason == "the article does not mention Divers counted red fish near, pier, Tom Lind or local diver"


def test_a_claim_sharing_no_word_with_the_article_is_never_supported(index):
    result = verdict(index, "Quantum physics is hard.", HIGH)
    assert result.label != "supported" and "the article of the article" not in result.reason


def _citation(n: int) -> Citation:
    return Citation(sentence=n, start=10 * n, end=10 * n + 5, text=f"s{n}")


@pytest.mark.parametrize(
    ("numbers", "phrase"),
    [([], "the article"), ([2], "sentence 3"), ([0, 3], "sentences 1 and 4"), ([0, 1, 3], "sentences 1, 2 and 4")],
)
def test_sentences_phrase_counts_from_one(numbers, phrase):
    assert sentences_phrase([_citation(n) for n in numbers]) == phrase


def test_combining_one_part_keeps_its_verdict_under_the_whole_claims_text():
    part = Verdict("part", "contradicted", 0.3, [_citation(1)], "the article says 14, not 12", settled=True)
    whole = combine("whole claim", [part])
    assert (whole.claim, whole.label, whole.reason, whole.claims, whole.settled) == (
        "whole claim",
        "contradicted",
        "the article says 14, not 12",
        [],
        True,
    )


def test_combining_parts_takes_the_worst_label_and_the_weakest_reason_among_them():
    parts = [
        Verdict("a", "supported", 0.9, [_citation(2)], "sentence 3 of the article says this"),
        Verdict("b", "unsupported", 0.2, [_citation(0)], "the article does not mention rust", settled=True),
        Verdict("c", "contradicted", 0.4, [_citation(2)], "the article says 14, not 12"),
        Verdict("d", "contradicted", 0.1, [_citation(1)], "sentence 1 says Tuesday, not Friday"),
    ]
    whole = combine("all", parts)
    assert whole.label == "contradicted" and whole.score == 0.1
    assert whole.reason == "2 of 4 claims contradicted: sentence 1 says Tuesday, not Friday"
    assert [c.sentence for c in whole.evidence] == [0, 1, 2]  # every part's, once each, in article order
    assert whole.claims == parts and not whole.settled  # neither contradicted part is settled


def test_combining_keeps_an_unsupported_whole_settled_when_a_failing_part_lacks_a_fact():
    parts = [
        Verdict("a", "supported", 1.0, [_citation(0)], "sentence 1 says this word for word", settled=True),
        Verdict("b", "unsupported", 0.7, [_citation(1)], "the article does not mention Friday", settled=True),
        Verdict("c", "unverifiable", 0.0, [], "not English"),
    ]
    whole = combine("all", parts)
    assert (whole.label, whole.score, whole.settled) == ("unsupported", 0.0, True)
    assert whole.reason == "1 of 3 claims unsupported: the article does not mention Friday"


@pytest.mark.parametrize(("settled", "expected"), [((True, True), True), ((True, False), False)])
def test_a_whole_is_supported_only_when_every_part_is_and_settled_only_when_all_are_quoted(settled, expected):
    parts = [
        Verdict("a", "supported", 1.0, [_citation(1)], "sentence 2 says this word for word", settled=settled[0]),
        Verdict("b", "supported", 0.8, [_citation(0)], "sentence 1 of the article says this", settled=settled[1]),
    ]
    whole = combine("both", parts)
    assert (whole.label, whole.score, whole.reason, whole.settled) == (
        "supported",
        0.8,
        "every claim is in the article",
        expected,
    )
    assert [c.sentence for c in whole.evidence] == [0, 1]
