"""SQuAD 2.0 dev as reader data: each paragraph an article, with the official
answer normalisation and token F1 (Rajpurkar et al., evaluate-v2.0.py)."""

from __future__ import annotations

import collections
import json
import re
import string
from dataclasses import dataclass

from common import data_path


@dataclass(frozen=True)
class SquadQuestion:
    id: str
    title: str
    context: str
    question: str
    answers: tuple[str, ...]
    starts: tuple[int, ...]

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


def load_squad() -> list[SquadQuestion]:
    data = json.loads(data_path("qa-dev", "squad-v2.0-dev.json").read_text())["data"]
    rows = []
    for article in data:
        for paragraph in article["paragraphs"]:
            for qa in paragraph["qas"]:
                answers = [] if qa.get("is_impossible") else qa["answers"]
                texts = tuple(a["text"] for a in answers)
                starts = tuple(a["answer_start"] for a in answers)
                context = paragraph["context"]
                rows.append(SquadQuestion(qa["id"], article["title"], context, qa["question"], texts, starts))
    return rows


def normalise(text: str) -> str:
    text = "".join(ch for ch in text.lower() if ch not in set(string.punctuation))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def token_f1(prediction: str, gold: str) -> float:
    pred, ref = normalise(prediction).split(), normalise(gold).split()
    if not pred or not ref:
        return float(pred == ref)
    common = collections.Counter(pred) & collections.Counter(ref)
    same = sum(common.values())
    if same == 0:
        return 0.0
    precision, recall = same / len(pred), same / len(ref)
    return 2 * precision * recall / (precision + recall)


def best_f1(prediction: str, answers: tuple[str, ...]) -> float:
    """Official scoring: an unanswerable question scores 1 only for no answer."""
    if not answers:
        return float(prediction == "")
    return max(token_f1(prediction, a) for a in answers)


def exact(prediction: str, answers: tuple[str, ...]) -> float:
    if not answers:
        return float(prediction == "")
    return float(any(normalise(prediction) == normalise(a) for a in answers))
