"""Throughput and memory of the fast checker, the judge alone and the cascade, side by side in one process.

    python bench/cascade_speed.py [--sample N]

Claims: N per check-dev set (default 40), taken evenly through each set. The
fast checker (``check_many(judge="off")``, 1 process) is timed first, median of
3 rounds, with the peak RSS before the model is loaded; then the judge alone
(``--judge always``: every claim not quoted word for word or contradicted) and
the cascade (``--judge auto``), one round each after a warm-up call, since the
model's answers are deterministic and each round takes minutes on 2 cores.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time

from checksets import load_claim_sets
from common import print_table

from newsfaq.check.cascade import get_policy, to_judge
from newsfaq.check.checker import check_many
from newsfaq.nlp.llm import get_model

FAST_ROUNDS = 3


def _sample(count: int) -> list[tuple[str, str]]:
    pairs = []
    for claims in load_claim_sets().values():
        step = max(1, len(claims) // count)
        pairs += [(c.document, c.claim) for c in claims[::step][:count]]
    return pairs


def _seconds(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _peak_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main() -> None:
    count = int(sys.argv[sys.argv.index("--sample") + 1]) if "--sample" in sys.argv else 40
    pairs = _sample(count)
    fast_verdicts = check_many(pairs, judge="off")  # loads the fast engine's models
    fast = statistics.median(_seconds(lambda: check_many(pairs, judge="off")) for _ in range(FAST_ROUNDS))
    fast_peak = _peak_mb()
    get_model()
    check_many(pairs[:1], judge="always")  # loads the judge's model
    always = _seconds(lambda: check_many(pairs, judge="always"))
    auto = _seconds(lambda: check_many(pairs, judge="auto"))
    policy = get_policy()
    judged = {mode: len(to_judge(fast_verdicts, mode, policy)) for mode in ("always", "auto")}
    n = len(pairs)
    print_table(
        f"Checking speed on {n} check-dev claims ({count} per set; 2 CPU cores, 1 process)",
        ["engine", "claims judged by the model", "claims/s", "time ratio vs fast"],
        [
            ["fast (--judge off)", 0, n / fast, 1.0],
            ["judge alone (--judge always)", judged["always"], n / always, always / fast],
            ["cascade (--judge auto)", judged["auto"], n / auto, auto / fast],
        ],
    )
    print_table(
        "Memory",
        ["measure", "MB"],
        [["peak RSS, fast engine only", fast_peak], ["peak RSS, with the judge's model", _peak_mb()]],
    )


if __name__ == "__main__":
    main()
