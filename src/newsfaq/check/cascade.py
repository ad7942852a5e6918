"""The cascade: the fast checker decides the clear cases, the model judge the uncertain ones.

A verdict the fast checker quotes word for word, or contradicts with a
conflict it quotes from both sides, is always final. In a batch, so is one
whose fast score falls outside the band where, on the labelled claims, the
fast checker was least reliable ("clear" is learned: bench/train_cascade.py
writes cascade.json); a small call (an FAQ, a few claims) has the judge read
every other claim. A judged verdict's score is the two scores combined (a
logistic model over the fast score's log-odds and the judge's Yes/No
margin), so ``score`` stays a support probability (the fast checker's own
where the judge did not read the claim).

The judge only scores: evidence and reasons still quote the article, and a
judged verdict says which sentences the model read.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, get_args

import numpy as np

from newsfaq.check.judge import Judgement, judge
from newsfaq.check.verdicts import sentences_phrase
from newsfaq.model import Citation, Sentence, Verdict
from newsfaq.nlp.embeddings import get_embedder
from newsfaq.nlp.llm import ModelUnavailable, available_model
from newsfaq.nlp.sentences import split_sentences
from newsfaq.settings import chosen_mode

JudgeMode = Literal["off", "auto", "always"]
JUDGE_MODES: tuple[str, ...] = get_args(JudgeMode)
POLICY_FILE = Path(__file__).with_name("cascade.json")
_log = logging.getLogger("newsfaq")


@dataclass(frozen=True)
class CascadePolicy:
    """When to ask the judge and how to combine its score with the fast one (fitted on check-dev)."""

    low: float
    """Fast scores from ``low`` up to (not including) ``high`` are uncertain and go to the judge."""
    high: float
    fast_weight: float
    judge_weight: float
    bias: float
    threshold: float = 0.5
    """A combined score at or above this is supported."""

    def uncertain(self, fast_score: float) -> bool:
        """Whether a fast score lies in the band where the fast checker was least reliable, from ``low`` up
        to ``high``."""
        return self.low <= fast_score < self.high

    def combined(self, fast_score: float, judge_score: float) -> float:
        """P(supported) from the fast score (as log-odds) and the judge's log P(Yes) - log P(No)."""
        clipped = min(max(fast_score, 1e-4), 1 - 1e-4)
        z = self.fast_weight * math.log(clipped / (1 - clipped)) + self.judge_weight * judge_score + self.bias
        return 0.5 * (1 + math.tanh(z / 2))  # the logistic function, without overflow for any margin


@lru_cache(maxsize=1)
def get_policy() -> CascadePolicy:
    """The policy fitted by bench/train_cascade.py (cascade.json), read once per process."""
    return CascadePolicy(**json.loads(POLICY_FILE.read_text())["policy"])


def judge_mode(mode: str | None) -> JudgeMode:
    """``mode`` checked, or when None the default: $NEWSFAQ_JUDGE, else auto."""
    return chosen_mode(mode, JUDGE_MODES, "NEWSFAQ_JUDGE", "judge", "judge mode")  # type: ignore[return-value]


@lru_cache(maxsize=1)
def say_judge_off(reason: str) -> None:
    """Tell the user once per process that checks use the fast engine alone, and why."""
    _log.warning("the model judge is off (%s); checking with the fast engine alone", reason)


JUDGE_ALL_UP_TO = 16
"""A call with at most this many claims the judge may read (an FAQ, a few claims) has the judge read them all,
not only the band: on check-dev that is as good or better on every set (bench/cascade_quality.py, "always")
and costs under a minute. Beyond it the band keeps a batch's cost to under half of its claims."""


def judgeable(verdict: Verdict) -> bool:
    """Whether the judge may decide this verdict: never one the fast checker has settled (a word-for-word
    quote; a number, day or month the article lacks), one contradicted by a conflict quoted from both
    sides, or an unverifiable pair."""
    return verdict.label in ("supported", "unsupported") and not verdict.settled


def to_judge(
    verdicts: Sequence[Verdict], mode: JudgeMode, policy: CascadePolicy, all_up_to: int = JUDGE_ALL_UP_TO
) -> list[int]:
    """Which verdicts the judge decides: none with ``off``; every judgeable one with ``always``, or with
    ``auto`` when there are at most ``all_up_to``; else (``auto``, a batch) those in the policy's band."""
    if mode == "off":
        return []
    judged = [i for i, verdict in enumerate(verdicts) if judgeable(verdict)]
    if mode == "always" or len(judged) <= all_up_to:
        return judged
    return [i for i in judged if policy.uncertain(verdicts[i].score)]


def judged_verdict(fast: Verdict, judgement: Judgement, sentences: list[Sentence], policy: CascadePolicy) -> Verdict:
    """The verdict once the judge has read ``judgement.read``: its label from the combined score, the sentences
    it read as evidence, and a reason that says which way the judge leaned and, when its lean alone did not
    decide, that the article's wording did."""
    score = round(policy.combined(fast.score, judgement.score), 4)
    label = "supported" if score >= policy.threshold else "unsupported"
    read = [Citation(s.index, s.start, s.end, s.text) for s in sentences if s.index in judgement.read]
    judged = f"the model judge read {sentences_phrase(read)}"
    says, lacks = ("it says", "it does not say") if len(read) == 1 else ("they say", "they do not say")
    if label == "supported" and judgement.score > 0:
        reason = f"{judged} and finds {says} this"
    elif label == "supported":
        reason = f"{fast.reason}; {judged} and leaned against it, not enough to outweigh the wording"
    else:
        lean = f"finds {lacks} this" if judgement.score <= 0 else "leaned only slightly towards it"
        reason = f"{fast.reason}; {judged} and {lean}" if fast.label == "unsupported" else f"{judged} and {lean}"
    parts = fast.claims if label == fast.label else []  # parts judged otherwise than the whole would mislead
    return Verdict(fast.claim, label, score, read, reason, parts)


def judge_uncertain(
    pairs: Sequence[tuple[str, str]],
    verdicts: list[Verdict],
    mode: str | None = None,
    url: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    all_up_to: int = JUDGE_ALL_UP_TO,
) -> list[Verdict]:
    """``verdicts`` (the fast checker's, for cleaned (body, claim) ``pairs``) with the uncertain ones judged.

    ``progress(done, total)`` after each judged claim; ``all_up_to``: see ``to_judge``. With mode ``auto``
    and no model, the fast verdicts stand and the user is told once why; with ``always`` a missing model is
    an error.
    """
    chosen = judge_mode(mode)
    policy = get_policy()
    todo = to_judge(verdicts, chosen, policy, all_up_to)
    if not todo:
        return verdicts
    model = available_model(url, "the judge mode 'always'" if chosen == "always" else None, say_judge_off)
    if model is None:
        return verdicts
    bodies = sorted({pairs[i][0] for i in todo})
    sentences = dict(zip(bodies, split_sentences(bodies), strict=True))
    vectors: dict[str, np.ndarray] = {}
    out = list(verdicts)
    for done, i in enumerate(todo, start=1):
        body, claim = pairs[i]
        if body not in vectors:
            vectors[body] = get_embedder().embed([s.text for s in sentences[body]])
        try:
            found = judge(sentences[body], claim, vectors[body], model)
        except ModelUnavailable as error:  # an endpoint that stops answering
            if chosen == "always":
                raise
            say_judge_off(f"it stopped after {done - 1} of {len(todo)} claims: {error}")
            break
        out[i] = judged_verdict(verdicts[i], found, sentences[body], policy)
        if progress:
            progress(done, len(todo))
    return out
