"""The labelled claim sets in ../shared/data/check-dev, as (set, document, claim, label) rows.

QAGS labels are the majority of three crowd votes (``yes`` = supported);
SummEdits labels are 1 = consistent. Label 1 means the claim is supported.
Documents and claims are cleaned as the checker cleans them (``ingest/clean.py``),
so training and benchmarks see what the product sees.
"""

from __future__ import annotations

import ast
import functools
import json
from dataclasses import dataclass

from common import data_path

from newsfaq.ingest.clean import clean_text

SETS = ("qags_cnndm", "qags_xsum", "summedits_news")


@dataclass(frozen=True)
class LabelledClaim:
    set: str
    document: str
    claim: str
    label: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "document", _cleaned(self.document))
        object.__setattr__(self, "claim", clean_text(self.claim))


_cleaned = functools.lru_cache(maxsize=None)(clean_text)
"""Many claims share one document: clean each once."""


def _qags(name: str) -> list[LabelledClaim]:
    rows = []
    for line in data_path("check-dev", f"{name}.jsonl").read_text().splitlines():
        record = json.loads(line)
        sentences = record["summary_sentences"]
        if isinstance(sentences, str):
            sentences = ast.literal_eval(sentences)
        for sentence in sentences:
            votes = [r["response"] == "yes" for r in sentence["responses"]]
            rows.append(LabelledClaim(name, record["article"], sentence["sentence"], int(sum(votes) * 2 > len(votes))))
    return rows


def _summedits() -> list[LabelledClaim]:
    records = json.loads(data_path("check-dev", "summedits_news.json").read_text())
    return [LabelledClaim("summedits_news", r["doc"], r["summary"], int(r["label"])) for r in records]


def load_claim_sets() -> dict[str, list[LabelledClaim]]:
    """Every labelled claim, grouped by set, in file order."""
    return {"qags_cnndm": _qags("qags_cnndm"), "qags_xsum": _qags("qags_xsum"), "summedits_news": _summedits()}
