"""Grouping copies of a story as an archive grows: the band index (``StoryGroups``) against a pass over every
stored signature (``group_for``, what the index replaced), side by side on the same signatures.

    python bench/story_groups_scale.py [--articles 30000]

Synthetic MinHash signatures: a new story in 9 of 10 articles, otherwise a copy of an earlier one edited in up
to 12 of its 64 values. Both methods group every article, and must agree on every group; the table gives the
milliseconds per article over each tenth of the run.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from common import print_table

from newsfaq.archive.story_groups import StoryGroups, group_for


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30_000)
    args = parser.parse_args()
    rng = np.random.default_rng(11)
    signatures = np.zeros((args.articles, 64), dtype=np.uint64)
    index, held = StoryGroups([], np.zeros((0, 64), dtype=np.uint64)), []
    tenth = args.articles // 10
    spent = {"index": [0.0] * 10, "pass": [0.0] * 10}
    for n in range(args.articles):
        if n and rng.random() < 0.1:
            candidate = signatures[rng.integers(0, n)].copy()
            changes = rng.choice(64, size=rng.integers(0, 13), replace=False)
            candidate[changes] = rng.integers(0, 2**63, size=len(changes), dtype=np.uint64)
        else:
            candidate = rng.integers(0, 2**63, size=64, dtype=np.uint64)
        clock = time.perf_counter()
        by_pass = group_for(candidate, held, signatures[:n], f"a{n}")
        middle = time.perf_counter()
        by_index = index.group_for(candidate, f"a{n}")
        spent["pass"][min(9, n // tenth)] += middle - clock
        spent["index"][min(9, n // tenth)] += time.perf_counter() - middle
        assert by_index == by_pass, n
        index.add(by_index, candidate)
        signatures[n] = candidate
        held.append(by_index)
    rows = [[f"{10 * k}-{10 * (k + 1)}%", 1000 * spent["pass"][k] / tenth, 1000 * spent["index"][k] / tenth,
             spent["pass"][k] / spent["index"][k]] for k in range(10)]  # fmt: skip
    print_table(
        f"Grouping {args.articles} articles ({len(set(held))} stories): ms per article, same groups for every one",
        ["part of the run", "pass over every signature", "band index", "ratio"],
        rows,
    )


if __name__ == "__main__":
    main()
