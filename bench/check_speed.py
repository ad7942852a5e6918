"""The fast checker's throughput and memory (the model judge off), with a content-word-overlap baseline in the
same process. bench/cascade_speed.py measures the judge and the cascade.

    python bench/check_speed.py

Batch mode with the model loaded (one warm-up call first), median of 3 rounds.
The baseline does the least any checker must: tokenise article and claim and
count shared content words; ``check_many`` adds sentence splitting, claim
splitting (a parse of each claim), alignment, scoring and reasons.
"""

from __future__ import annotations

import resource
import statistics
import time

from checksets import load_claim_sets
from common import print_table

from newsfaq.check.checker import check_many
from newsfaq.nlp.lexicon import words

ROUNDS = 5


def baseline(pairs: list[tuple[str, str]]) -> None:
    known: dict[str, set[str]] = {}
    for document, claim in pairs:
        if document not in known:
            known[document] = {w.key for w in words(document) if w.content}
        content = [w.key for w in words(claim) if w.content]
        sum(k in known[document] for k in content) / max(1, len(content))


def _median_seconds(run, pairs) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        run(pairs)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    rows = [row for claims in load_claim_sets().values() for row in claims]
    everything = [(r.document, r.claim) for r in rows]
    summedits = [(r.document, r.claim) for r in rows if r.set == "summedits_news"]
    first_per_article = list({r.document: (r.document, r.claim) for r in reversed(rows)}.values())
    check_many(everything[:20], judge="off")  # load the models

    def one_process(pairs):
        return check_many(pairs, judge="off")

    def two_processes(pairs):
        return check_many(pairs, judge="off", processes=2)

    table = []
    for name, pairs in (
        ("all check-dev pairs", everything),
        ("summedits (longest articles)", summedits),
        ("one claim per article", first_per_article),
    ):
        words_per_article = statistics.mean(len(d.split()) for d in {d for d, _ in pairs})
        articles = len({d for d, _ in pairs})
        base = _median_seconds(baseline, pairs)
        one = _median_seconds(one_process, pairs)
        two = _median_seconds(two_processes, pairs)
        n = len(pairs)
        table.append([name, n, articles, round(words_per_article), n / base, n / one, n / two, one / base])
    print_table(
        f"Checker speed (batch, model loaded, median of {ROUNDS} rounds; 2 CPU cores)",
        ["pairs", "claims", "articles", "words/article", "baseline claims/s", "check_many claims/s (1 process)",
         "check_many claims/s (2 processes)", "time ratio (1 process)"],
        table,
    )  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print_table(
        "Memory",
        ["measure", "value", "target"],
        [["peak RSS (MB, main process)", round(peak), "< 1536"], ["peak RSS (MB, largest worker)", round(workers), ""]],
    )


if __name__ == "__main__":
    main()
