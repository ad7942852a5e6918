"""What one ``newsfaq ask --article`` call costs with the fast engine, and where the time goes.

    python bench/ask_startup.py [--runs 5]

The wall time of the real CLI (a new process each run; the median is printed, as these machines are noisy),
then, in one fresh process, the same call split into imports, each model load and the work itself.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import print_table

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "harbour_strike.txt"
QUESTION = "How many workers joined the stoppage?"
BREAKDOWN = f"""
import time
started = time.perf_counter()
import newsfaq.cli
from newsfaq import load_article
marks = [time.perf_counter()]
from newsfaq.nlp.pipeline import get_nlp
get_nlp()
marks.append(time.perf_counter())
from newsfaq.nlp.embeddings import get_embedder
get_embedder().embed(["warm up"])
marks.append(time.perf_counter())
from newsfaq.ask.answerability import get_answerability
from newsfaq.ask.reader import get_reader
get_reader(), get_answerability()
marks.append(time.perf_counter())
from newsfaq.ask.answering import answer_question
answer_question({QUESTION!r}, load_article({str(EXAMPLE)!r}))
marks.append(time.perf_counter())
print(" ".join(str(b - a) for a, b in zip([started] + marks, marks)))
"""
PARTS = ["imports", "spaCy model", "embedding model", "reader + answerability", "work"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    command = [sys.executable, "-m", "newsfaq", "ask", QUESTION, "--article", str(EXAMPLE), "--engine", "fast"]
    walls = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        walls.append(time.perf_counter() - started)
    splits = [subprocess.run([sys.executable, "-c", BREAKDOWN], check=True, capture_output=True, text=True)
              for _ in range(runs)]  # fmt: skip
    parts = [[float(x) for x in run.stdout.split()] for run in splits]
    medians = [statistics.median(p[i] for p in parts) for i in range(len(PARTS))]
    print_table(
        f"newsfaq ask --article, fast engine (median of {runs} runs, new process each)",
        ["CLI wall s", *[f"{name} s" for name in PARTS], "in-process total s"],
        [[statistics.median(walls), *medians, sum(medians)]],
    )


if __name__ == "__main__":
    main()
