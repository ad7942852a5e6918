"""Speed and memory of FAQ generation vs the bare spaCy pass (the cost floor).

The fast engine and the spaCy pass run per article over the same real news texts, in one process, in
alternating order for several rounds; the table reports medians. The model engine (the local model writes
and the checks vet the questions) is timed per article on the first ``--model-articles`` texts after one
warm-up article, beside the spaCy pass on the same texts.

    python bench/faq_speed.py [--rounds 3] [--model-articles 10]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time

from articles import dev_articles
from common import FAST_FAQ, print_table

from newsfaq.faq.writer import make_faq
from newsfaq.nlp.llm import missing
from newsfaq.nlp.pipeline import get_nlp
from newsfaq.settings import Settings

MODEL = Settings(faq_engine="model")

LOAD_SNIPPET = (
    "import time; t = time.perf_counter(); import newsfaq; from newsfaq.nlp.pipeline import get_nlp; "
    "get_nlp(); print(time.perf_counter() - t)"
)


def cold_load_seconds(runs: int = 3) -> float:
    """Median time for a fresh interpreter to import newsfaq and load the pipeline."""
    times = [float(subprocess.check_output([sys.executable, "-c", LOAD_SNIPPET], text=True)) for _ in range(runs)]
    return statistics.median(times)


def model_engine_table(articles, nlp) -> None:
    """Seconds per article for the spaCy pass, the fast engine and the model engine, article by article."""
    make_faq(articles[0], MODEL)  # loads the model
    per_article: dict[str, list[float]] = {"bare spaCy pass": [], "fast engine": [], "model engine": []}
    items = 0
    for article in articles:
        for name in per_article:
            started = time.perf_counter()
            if name == "bare spaCy pass":
                nlp(article.body)
            elif name == "fast engine":
                make_faq(article, FAST_FAQ)
            else:
                items += len(make_faq(article, MODEL).items)
            per_article[name].append(time.perf_counter() - started)
    floor = statistics.median(per_article["bare spaCy pass"])
    print_table(
        f"Seconds per article, 2 cores ({len(articles)} articles, medians; {items} model-engine FAQ items)",
        ["pass", "median s / article", "max s / article", "ratio to spaCy"],
        [
            [name, round(statistics.median(v), 2), round(max(v), 2), round(statistics.median(v) / floor, 1)]
            for name, v in per_article.items()
        ],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model-articles", type=int, default=10)
    args = parser.parse_args()
    articles = [a for _, a in dev_articles()]
    nlp = get_nlp()
    words = sum(len(a.body.split()) for a in articles)
    timings: dict[str, list[float]] = {"bare spaCy pass": [], "make_faq": []}
    items = 0
    for round_number in range(args.rounds):
        order = list(timings) if round_number % 2 == 0 else list(reversed(timings))
        for name in order:
            started = time.perf_counter()
            if name == "bare spaCy pass":
                for article in articles:
                    nlp(article.body)
            else:
                items = sum(len(make_faq(article, FAST_FAQ).items) for article in articles)
            timings[name].append(time.perf_counter() - started)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    floor = statistics.median(timings["bare spaCy pass"])
    rows = []
    for name, values in timings.items():
        median = statistics.median(values)
        rows.append([name, len(articles), round(len(articles) / median, 1), round(median, 2), round(median / floor, 2)])
    print_table(
        f"FAQ generation speed ({len(articles)} check-dev articles, {words / len(articles):.0f} words avg, "
        f"median of {args.rounds} rounds; {items} FAQ items, fast engine)",
        ["pass", "articles", "articles/s", "seconds", "ratio to spaCy"],
        rows,
    )
    if missing():
        print(f"\nModel engine not timed: {missing()}")
    elif args.model_articles:
        model_engine_table(articles[: args.model_articles], nlp)
    with_model_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print_table(
        "Memory and start-up",
        ["measure", "value", "target"],
        [
            ["peak RSS (MB, whole process, fast engine)", round(peak_mb), "< 1024"],
            ["peak RSS (MB, after the model engine)", round(with_model_mb), ""],
            ["cold load (s, median of 3)", round(cold_load_seconds(), 2), "< 3"],
        ],
    )


if __name__ == "__main__":
    main()
