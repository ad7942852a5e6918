"""The model judge on ../shared/data/check-dev, beside the fast checker in the same run.

    python bench/judge_quality.py [--limit N]

Scores every labelled claim with ``newsfaq.check.judge`` (the local model reads the 3 article sentences
closest to the claim and answers Yes or No) and prints balanced accuracy (judge: score > 0; fast: its
cross-validated verdicts) and ROC AUC per set, with the judge's claims/s. Judge scores are cached in
bench/out/judge_scores.jsonl (by set and row), so an interrupted run resumes; ``--limit`` takes the
first N claims of each set.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
from check_quality import cross_validated
from checksets import load_claim_sets
from common import print_table
from sklearn.metrics import balanced_accuracy_score, roc_auc_score

from newsfaq.check.judge import judge
from newsfaq.nlp.embeddings import get_embedder
from newsfaq.nlp.llm import get_model
from newsfaq.nlp.sentences import split_sentences

CACHE = Path(__file__).resolve().parent / "out" / "judge_scores.jsonl"


def _cached() -> dict[tuple[str, int], dict]:
    if not CACHE.exists():
        return {}
    rows = [json.loads(line) for line in CACHE.read_text().splitlines() if line.strip()]
    return {(r["set"], r["row"]): r for r in rows}


def cached_prefix() -> dict[str, np.ndarray]:
    """Each set's judge scores for its first rows, as far as the cache holds them without a gap."""
    cached = _cached()
    out = {}
    for name in load_claim_sets():
        scores = []
        while (name, len(scores)) in cached:
            scores.append(cached[(name, len(scores))]["score"])
        out[name] = np.array(scores)
    return out


def judge_scores(limit: int | None) -> dict[str, np.ndarray]:
    """Each set's judge scores in file order, computing (and caching) those not cached."""
    cached = _cached()
    model = get_model()
    CACHE.parent.mkdir(exist_ok=True)
    sets = load_claim_sets()
    out = {}
    with CACHE.open("a") as sink:
        for name, claims in sets.items():
            claims = claims[:limit]
            sentences = dict(zip(*_split({c.document for c in claims}), strict=True))
            vectors: dict[str, np.ndarray] = {}
            scores = []
            for row, claim in enumerate(claims):
                if (name, row) not in cached:
                    start = time.perf_counter()
                    document = sentences[claim.document]
                    if claim.document not in vectors:
                        vectors[claim.document] = get_embedder().embed([s.text for s in document])
                    found = judge(document, claim.claim, vectors[claim.document], model)
                    cached[(name, row)] = {"set": name, "row": row, "score": found.score,
                                           "seconds": round(time.perf_counter() - start, 3)}  # fmt: skip
                    sink.write(json.dumps(cached[(name, row)]) + "\n")
                    sink.flush()
                    if row % 50 == 0:
                        print(f"{name} {row}/{len(claims)}", file=sys.stderr, flush=True)
                scores.append(cached[(name, row)]["score"])
            out[name] = np.array(scores)
    return out


def _split(documents: set[str]) -> tuple[list[str], list]:
    ordered = sorted(documents)
    return ordered, split_sentences(ordered)


def main() -> None:
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None
    judged = judge_scores(limit)
    fast = cross_validated()
    timings = _cached()
    rows = []
    for name, scores in judged.items():
        labels = fast[name]["labels"][: len(scores)]
        product, predicted = fast[name]["product"][: len(scores)], fast[name]["product_pred"][: len(scores)]
        seconds = [timings[(name, row)]["seconds"] for row in range(len(scores))]
        rows.append([
            name, len(scores), balanced_accuracy_score(labels, predicted), roc_auc_score(labels, product),
            balanced_accuracy_score(labels, scores > 0), roc_auc_score(labels, scores), 1 / float(np.median(seconds)),
        ])  # fmt: skip
    print_table(
        "Model judge vs fast checker on check-dev (fast: 5-fold CV verdicts; judge: score > 0)",
        ["set", "claims", "fast BA", "fast AUC", "judge BA", "judge AUC", "judge claims/s (median)"],
        rows,
    )


if __name__ == "__main__":
    main()
