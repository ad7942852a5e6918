"""What a written question must pass before it is offered: asked back, answered, and its premise checked.

A question can go wrong in ways an answer cannot: it can ask something other than what its quoted answer
says (the reader, given the question, lands elsewhere in the article); its sentence can be about the right
thing without answering it (a "why" with no reason, a "when" with no time); and it can presuppose what the
article never says ("Why did the minister resign?" when nobody resigned). The first is caught by asking the
question back with the reader (``ask``); the second by the model, asked whether the sentence answers the
question; the third by putting the question's premise, the question without its question words, to the
checker (fast engine, then the model judge as the checker's cascade decides).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfaq.ask.answering import answer_from, passage_from
from newsfaq.check.cascade import get_policy, judge_uncertain
from newsfaq.check.checker import verdicts_for
from newsfaq.check.features import align_claim
from newsfaq.check.index import build_index
from newsfaq.faq.wording import AUXILIARIES
from newsfaq.nlp.analysis import Analysis
from newsfaq.nlp.lexicon import words
from newsfaq.nlp.llm import AnswerScorer, Messages
from newsfaq.settings import Settings

PREMISE_FLOOR = 0.3
"""A judged premise scoring below this says what the article does not."""
_WH = re.compile(r"^(?:how (?:many|much|long|far|often|old)|what|why|how|who|whom|whose|when|where|which)\b\s*", re.I)
_HAPPEN = re.compile(r"^(?:happen(?:s|ed|ing)?|going on)\b(?:\s+(?:to|in|at|with|after|before|during)\b)?\s*", re.I)
_AUX = re.compile(rf"^(?:{'|'.join(AUXILIARIES)})\b\s*", re.I)


def premise(question: str) -> str:
    """What the question takes for granted: 'Why did the union call the strike?' -> 'the union call the strike'
    (the checker reads words, not grammar); 'What happened to the van?' takes only 'the van' for granted."""
    text = _WH.sub("", question.strip().rstrip("?").strip(), count=1)
    text = _AUX.sub("", text, count=1)
    return _HAPPEN.sub("", text, count=1).strip()


def asked_back(questions: Sequence[str], analysis: Analysis) -> list[int]:
    """For each question, the article sentence the reader answers it from (or, when it abstains, the sentence
    it names as the closest lead)."""
    passage = passage_from(analysis)
    return [answer_from(question, [passage]).evidence[0].citation.sentence for question in questions]


ANSWERS_AT = 1.0
"""The answer check's bar (log P(Yes) - log P(No)): on the FAQ panel's 109 hand-judged items
(bench/faq_answer_check.py, AUC 0.76) it kept 59 of 75 answered items and 14 of 34 unanswered ones; on the
159 judged by 2026-11-29 (AUC 0.69), 86 of 102 and 37 of 57. Asking the model reader for the answer's words
as well was measured there and left out: together they kept 59 of 102 and 15 of 57, too many good items lost
for articles that are already short of items."""
ANSWER_SYSTEM = (
    "You are a demanding news editor. You decide whether one sentence, read on its own, answers a reader's "
    "question as asked: a 'when' needs a time or date, a 'why' a cause or reason, a 'how many' a number, a "
    "'who' a person or group, a 'what' the thing asked for. A sentence that is only about the same topic does "
    "not answer it."
)


def answer_messages(question: str, sentence: str) -> Messages:
    """The chat asking whether ``sentence`` answers ``question``, scored by the model's Yes/No margin."""
    user = f"Sentence: {sentence}\n\nQuestion: {question}\n\nDoes the sentence answer the question? Answer Yes or No."
    return [{"role": "system", "content": ANSWER_SYSTEM}, {"role": "user", "content": user}]


def answer_margins(questions: Sequence[str], sentences: Sequence[str], model: AnswerScorer) -> list[float]:
    """log P(Yes) - log P(No) that each sentence answers its question."""
    return [model.answer_margin(answer_messages(q, s), "Yes", "No") for q, s in zip(questions, sentences, strict=True)]


def premises_hold(questions: Sequence[str], analysis: Analysis, settings: Settings) -> list[bool]:
    """Whether each question's premise holds against the whole article.

    A premise is a fragment, not a claim: a fair question reworded from the article often scores below a
    claim's bar ("shipping companies react to the strike"), and questions reword verbs ("Why did the US
    carry out the strike?"). So a premise fails when the checker finds a conflict with the article; the
    model judge reads those with a content word the article never uses or a fast score in the cascade's
    uncertain band, and fails those it scores below PREMISE_FLOOR; without the judge, an unused content word
    fails the premise. A premise asked twice (the model writes one question for several sentences) is checked
    once.
    """
    asked = [premise(question) or question for question in questions]
    claims = list(dict.fromkeys(asked))
    index = build_index(analysis.article.body, analysis.sentences)
    fast = verdicts_for([index] * len(claims), claims)
    lacking = [bool(align_claim(words(claim), index).missing) for claim in claims]
    uncertain = get_policy().uncertain
    doubtful = [i for i, v in enumerate(fast) if v.label != "contradicted" and (lacking[i] or uncertain(v.score))]
    pairs = [(analysis.article.body, claims[i]) for i in doubtful]
    read = judge_uncertain(pairs, [fast[i] for i in doubtful], settings.judge, settings.llm_url, all_up_to=len(pairs))
    judged = {i: verdict for i, verdict in zip(doubtful, read, strict=True) if verdict is not fast[i]}
    holds = {}
    for i, verdict in enumerate(fast):
        if verdict.label == "contradicted":
            holds[claims[i]] = False
        elif i in judged:
            holds[claims[i]] = judged[i].score >= PREMISE_FLOOR
        else:
            holds[claims[i]] = not lacking[i]
    return [holds[claim] for claim in asked]
