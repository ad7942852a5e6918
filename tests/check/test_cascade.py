"""The cascade: which verdicts the judge decides, how its verdicts read, and what happens without a model.

The orchestration tests use a scorer with a fixed answer, so they pin the cascade's own logic on any machine;
the tests at the end run the real model (they skip without the ``llm`` extra, and fail in CI).
"""

from __future__ import annotations

import logging

import pytest

from newsfaq.check import cascade
from newsfaq.check.cascade import (
    JUDGE_ALL_UP_TO,
    CascadePolicy,
    judge_mode,
    judge_uncertain,
    judged_verdict,
    to_judge,
)
from newsfaq.check.checker import check_faq, check_many
from newsfaq.check.judge import Judgement
from newsfaq.errors import InputError
from newsfaq.model import Verdict
from newsfaq.nlp import llm
from newsfaq.nlp.sentences import split_sentences

POLICY = CascadePolicy(low=0.3, high=0.7, fast_weight=0.5, judge_weight=1.0, bias=0.0)
BODY = (
    "Police said David Gaver, 28, was shot in the stomach during the raid on Tuesday. "
    "His brother Enoch Gaver was arrested at the scene. "
    "Supporters of Cardiff have thrown their backing behind a fans' boycott of Saturday's match. "
    "Government advisers said the feasibility and outcome of the plan remain uncertain."
)


class FixedScorer:
    """Answers every question with one margin, and records the questions."""

    def __init__(self, margin: float) -> None:
        self.margin = margin
        self.asked: list[str] = []

    def answer_margin(self, messages, yes, no) -> float:
        self.asked.append(messages[-1]["content"])
        return self.margin


def _verdict(
    label: str, score: float, reason: str = "the article does not mention mortar fire", settled: bool = False
) -> Verdict:
    return Verdict("A claim.", label, score, [], reason, settled=settled)


def test_the_mode_defaults_to_the_environment_then_auto_and_a_wrong_one_is_refused(monkeypatch):
    monkeypatch.delenv("NEWSFAQ_JUDGE", raising=False)
    assert judge_mode(None) == "auto"
    monkeypatch.setenv("NEWSFAQ_JUDGE", "always")
    assert judge_mode(None) == "always" and judge_mode("off") == "off"
    with pytest.raises(InputError, match="judge: unknown judge mode 'sometimes'; use off, auto or always"):
        judge_mode("sometimes")
    monkeypatch.setenv("NEWSFAQ_JUDGE", "yes")
    with pytest.raises(InputError, match="NEWSFAQ_JUDGE: unknown judge mode 'yes'"):
        judge_mode(None)


def test_the_judge_never_decides_a_quote_a_quoted_conflict_or_an_unverifiable_pair():
    verdicts = [
        _verdict("supported", 0.5),
        _verdict("unsupported", 0.1),
        _verdict("supported", 1.0, "sentence 2 says this word for word", settled=True),
        _verdict("unsupported", 0.9, "the article says 2,500, not 4,000", settled=True),
        _verdict("contradicted", 0.5, "the article says 12, not 21"),
        _verdict("unverifiable", 0.0, "the claim is empty"),
    ]
    assert to_judge(verdicts, "always", POLICY) == to_judge(verdicts, "auto", POLICY) == [0, 1]
    assert to_judge(verdicts, "off", POLICY) == []


def test_a_batch_sends_only_the_band_to_the_judge_in_auto_and_everything_in_always():
    scores = [0.1, 0.35, 0.69, 0.7, 0.95] * 4  # more than JUDGE_ALL_UP_TO
    verdicts = [_verdict("supported" if s >= 0.5 else "unsupported", s) for s in scores]
    assert len(verdicts) > JUDGE_ALL_UP_TO
    assert [scores[i] for i in to_judge(verdicts, "auto", POLICY)] == [0.35, 0.69] * 4
    assert to_judge(verdicts, "always", POLICY) == list(range(len(verdicts)))
    assert len(to_judge(verdicts[:JUDGE_ALL_UP_TO], "auto", POLICY)) == JUDGE_ALL_UP_TO


def test_the_combined_score_rises_with_either_score_and_crosses_the_threshold():
    assert POLICY.combined(0.5, 0.0) == pytest.approx(0.5)
    assert POLICY.combined(0.4, 2.0) > POLICY.combined(0.4, 0.0) > POLICY.combined(0.4, -2.0)
    assert POLICY.combined(0.6, 0.0) > POLICY.combined(0.4, 0.0)
    assert POLICY.combined(0.0, -1e4) == pytest.approx(0.0) and POLICY.combined(1.0, 1e4) == pytest.approx(1.0)


def test_a_judged_verdict_cites_the_sentences_the_judge_read_and_says_which_way_it_leaned():
    sentences = split_sentences([BODY])[0]
    supported = judged_verdict(_verdict("unsupported", 0.45), Judgement(3.0, (0, 3)), sentences, POLICY)
    assert supported.label == "supported" and supported.score == pytest.approx(POLICY.combined(0.45, 3.0), abs=1e-4)
    assert supported.reason == "the model judge read sentences 1 and 4 and finds they say this"
    assert [c.sentence for c in supported.evidence] == [0, 3]
    assert all(BODY[c.start : c.end] == c.text for c in supported.evidence)

    doubted = judged_verdict(_verdict("unsupported", 0.45), Judgement(-3.0, (1,)), sentences, POLICY)
    assert (doubted.label, doubted.reason) == (
        "unsupported",
        "the article does not mention mortar fire; the model judge read sentence 2 and finds it does not say this",
    )
    overruled = judged_verdict(
        _verdict("supported", 0.55, "sentence 2 says this"), Judgement(-3.0, (1,)), sentences, POLICY
    )
    assert (overruled.label, overruled.reason) == (
        "unsupported",
        "the model judge read sentence 2 and finds it does not say this",
    )


def test_a_judged_reason_never_says_the_judge_decided_what_the_wording_decided():
    sentences = split_sentences([BODY])[0]
    wording = judged_verdict(
        _verdict("supported", 0.999, "sentence 2 says this"), Judgement(-0.5, (1,)), sentences, POLICY
    )
    assert wording.label == "supported"
    assert wording.reason == (
        "sentence 2 says this; the model judge read sentence 2 and leaned against it, "
        "not enough to outweigh the wording"
    )
    leaning = judged_verdict(_verdict("unsupported", 0.2), Judgement(0.3, (1,)), sentences, POLICY)
    assert leaning.label == "unsupported"
    assert leaning.reason.endswith("; the model judge read sentence 2 and leaned only slightly towards it")


def test_auto_without_the_model_keeps_the_fast_verdicts_and_says_once_why(monkeypatch, caplog):
    monkeypatch.setattr(cascade, "get_policy", lambda: POLICY)
    monkeypatch.setattr(llm, "missing", lambda: "llama-cpp-python is not installed")
    cascade.say_judge_off.cache_clear()
    fast = [_verdict("unsupported", 0.5)]
    with caplog.at_level(logging.WARNING, logger="newsfaq"):
        assert judge_uncertain([(BODY, "A claim.")], fast, "auto") == fast
        assert judge_uncertain([(BODY, "A claim.")], fast, "auto") == fast
    assert [r.getMessage() for r in caplog.records] == [
        "the model judge is off (llama-cpp-python is not installed); checking with the fast engine alone"
    ]
    with pytest.raises(llm.ModelUnavailable, match="the judge mode 'always' needs the model: llama-cpp-python"):
        judge_uncertain([(BODY, "A claim.")], fast, "always")


def test_the_judge_reads_only_the_claims_it_decides_and_reports_progress(monkeypatch):
    scorer = FixedScorer(margin=4.0)
    monkeypatch.setattr(cascade, "get_policy", lambda: POLICY)
    monkeypatch.setattr(cascade, "available_model", lambda url, required_by, say_off: scorer)
    pairs = [(BODY, "Advisers doubt the plan."), (BODY, "Mortar fire hit the embassy."), (BODY, "Gaver was shot.")]
    fast = [_verdict("unsupported", 0.5), _verdict("contradicted", 0.4), _verdict("supported", 1.0, settled=True)]
    seen = []
    out = judge_uncertain(pairs, fast, "auto", progress=lambda done, total: seen.append((done, total)))
    assert [v.label for v in out] == ["supported", "contradicted", "supported"]
    assert out[1:] == fast[1:] and len(scorer.asked) == 1 and seen == [(1, 1)]
    assert "Claim: Advisers doubt the plan." in scorer.asked[0]


def test_check_many_judges_the_cleaned_claim_and_names_the_claim_as_given(monkeypatch):
    scorer = FixedScorer(margin=4.0)
    monkeypatch.setattr(cascade, "available_model", lambda url, required_by, say_off: scorer)
    claim = "the advisers said the outcome of the plan remain uncertain -lrb- officials -rrb- ."
    [verdict] = check_many([(BODY, claim)], judge="always")
    assert verdict.claim == claim and verdict.label == "supported"
    assert "uncertain ( officials )" in scorer.asked[0] and "-lrb-" not in scorer.asked[0]


# With the real model: the cases, through the whole checker.


def test_a_number_the_article_lacks_stays_unsupported_whatever_the_judge_says(monkeypatch):
    scorer = FixedScorer(margin=10.0)
    monkeypatch.setattr(cascade, "available_model", lambda url, required_by, say_off: scorer)
    claims = ["Police said David Gaver, 28, was shot in the stomach during the raid on Tuesday and 40 others hurt."]
    [verdict] = check_many([(BODY, claim) for claim in claims], judge="always")
    assert verdict.label == "unsupported" and "40" in verdict.reason and scorer.asked == []


def test_the_judge_reads_a_paraphrase_the_fast_checker_misses(local_model):
    claim = "Experts have said the outcome of the plan is uncertain."
    [fast] = check_many([(BODY, claim)], judge="off")
    [judged] = check_many([(BODY, claim)], judge="always")
    assert fast.label == "unsupported" and judged.label == "supported", (fast, judged)
    assert judged.reason.startswith("the model judge read sentences") and 3 in [c.sentence for c in judged.evidence]


def test_the_reference_faq_with_the_judge_catches_the_invented_detail_and_reads_the_paraphrase(
    local_model, reference_path
):
    """The issue's reference check: its FAQ's mortar/embassy answer is unsupported; "political dynamics …
    make the outcome uncertain" paraphrases "feasibility and outcome … remain uncertain" and is supported."""
    from newsfaq import load_article

    article = load_article(reference_path)
    verdicts = check_faq(article, article.existing_faq, judge="auto")  # a small call: judged in full
    [mortar] = [v for v in verdicts if "mortar" in v.claim]
    [politics] = [v for v in verdicts if "political dynamics" in v.claim]
    assert mortar.label == "unsupported" and "mortar fire" in mortar.reason
    assert politics.label == "supported" and politics.reason.startswith("the model judge read sentences")
    assert any("remain uncertain" in c.text for c in politics.evidence)
