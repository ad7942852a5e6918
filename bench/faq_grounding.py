"""How often the checker trims or drops an answer the FAQ writer proposed.

    python bench/faq_grounding.py

Runs the writer's candidate planning on the 499 distinct check-dev articles
and passes every candidate through ``newsfaq.faq.grounding.ground`` exactly
as ``make_faq`` does.
"""

from __future__ import annotations

from articles import dev_articles
from common import print_table

from newsfaq.faq.grounding import ground
from newsfaq.faq.writer import plan_candidates
from newsfaq.nlp.analysis import analyze_many
from newsfaq.settings import DEFAULT_SETTINGS


def main() -> None:
    articles = [article for _, article in dev_articles()]
    totals = {"candidates": 0, "kept": 0, "trimmed": 0, "dropped": 0}
    for analysis in analyze_many(articles):
        candidates = plan_candidates(analysis)
        result = ground(candidates, analysis, DEFAULT_SETTINGS.max_answer_sentences)
        totals["candidates"] += len(candidates)
        totals["kept"] += len(result.kept)
        totals["trimmed"] += result.trimmed
        totals["dropped"] += result.dropped
    n = totals["candidates"]
    print_table(
        f"FAQ answers through the checker ({len(articles)} check-dev articles)",
        ["candidates", "kept whole", "trimmed", "dropped", "share trimmed or dropped"],
        [[n, totals["kept"] - totals["trimmed"], totals["trimmed"], totals["dropped"],
          (totals["trimmed"] + totals["dropped"]) / max(1, n)]],
    )  # fmt: skip


if __name__ == "__main__":
    main()
