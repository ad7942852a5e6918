"""Whether to answer at all, decided apart from which span to answer with.

The reader's top score says which candidate is best, but barely tells an
answerable question from an unanswerable one. This small LightGBM classifier
looks at how the question fits the text: the question words the article
lacks and how rare they are, the words the chosen sentence lacks, negation,
the question type, and the reader's top score and its lead over the
runner-up. ``bench/train_reader.py`` trains it on SQuAD 2.0 dev to predict
whether answering scores better than abstaining; newsfaq answers when it
gives at least even odds. (The embedding cosine of the chosen sentence was
tried as an input too: on SQuAD it changed little, but the product's own FAQ
questions asked back of news articles were answered 53% of the time instead
of 66%, so it was left out.)
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy as np

from newsfaq.ask.candidates import AnswerCandidate
from newsfaq.ask.question_analysis import QuestionInfo
from newsfaq.nlp.lexicon import content_keys

MODEL_FILE = "answerable_model.txt"
KINDS = ("what", "who", "how-many", "when", "which", "where", "how", "why")
FEATURES = (
    "top_score", "lead_over_next", "candidates", "absent_share", "absent_max_rarity", "absent_rarity",
    "absent_from_sentence_share", "absent_from_sentence_max_rarity", "absent_from_sentence_rarity",
    "question_words", "negated", "kind",
)  # fmt: skip
ANSWER_AT = 0.34
"""The fast reader's default bar: the lowest that still declines half the unanswerable questions of SQuAD 2.0
dev (held-out halves, bench/reader_quality.py: 66.9% of the answerable ones answered, F1 59.0 on those).
Even odds (0.5) answered only 38.8%: a bar set for SQuAD's 50/50 mix, not for a reader who asks answerable
questions most of the time."""
STRICT_AT = 0.8
"""``--strict``: answer only when at least this sure (bench/reader_quality.py and bench/news_reader.py)."""


def features(
    question: QuestionInfo, context_keys: set[str], chosen: AnswerCandidate, scores: np.ndarray
) -> list[float]:
    """The classifier's inputs, in ``FEATURES`` order (``chosen``: the reader's best candidate)."""
    asked = [w for w in question.words if w.content]
    sentence_keys = content_keys(chosen.sentence.text)
    absent = [w.rarity for w in asked if w.key not in context_keys]
    absent_here = [w.rarity for w in asked if w.key not in sentence_keys]
    top = np.sort(scores)[::-1]
    size = max(1, len(asked))
    return [
        float(top[0]) if len(top) else -5.0,
        float(top[0] - top[1]) if len(top) > 1 else 5.0,
        float(len(scores)),
        len(absent) / size, max(absent, default=0.0), sum(absent),
        len(absent_here) / size, max(absent_here, default=0.0), sum(absent_here),
        float(len(asked)),
        float(any(w.negation for w in question.words)),
        float(KINDS.index(question.kind)) if question.kind in KINDS else -1.0,
    ]  # fmt: skip


@lru_cache(maxsize=1)
def get_answerability():
    """The shipped classifier (a LightGBM booster), loaded once per process."""
    import lightgbm

    return lightgbm.Booster(model_str=resources.files("newsfaq.ask").joinpath(MODEL_FILE).read_text())


def answer_probability(row: list[float]) -> float:
    """Probability that answering beats saying the text does not answer."""
    return float(get_answerability().predict(np.array([row]))[0])
