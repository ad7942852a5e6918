"""Every JSON output of the CLI on ../shared/data, for proving a refactor changes no byte.

    python bench/outputs_snapshot.py OUT.jsonl [--articles N] [--questions N]

Run it before and after the change (before: in a ``git worktree`` of the earlier commit, with that tree's
``src`` first on ``PYTHONPATH``) and compare the two files with ``cmp`` or ``diff``. Each line is one CLI
call run in-process: {"args": [...], "exit": code, "stdout": text}.

The calls, fast engines only (the model's words depend on the llama.cpp build and threads, not on the
code's layout), each article written to a file as a user would give it:
- ``faq DIR --format json``: every distinct check-dev article and the reference article;
- ``check --pairs``: every labelled claim of check-dev beside its article; ``check ARTICLE --format json``:
  the reference article's own FAQ;
- ``ask --article``: the first two FAQ questions of the first N articles;
- one archive of them all (``add``), then ``search``, archive ``ask`` and ``timeline`` for the first N FAQ
  questions (timeline: the question's first capitalised word after its first).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
from pathlib import Path

from articles import PLACEHOLDER_DATE, dev_articles
from checksets import load_claim_sets
from common import DATA

os.environ.update(NEWSFAQ_JUDGE="off", NEWSFAQ_FAQ_ENGINE="fast", NEWSFAQ_ASK_ENGINE="fast")

from typer.testing import CliRunner  # noqa: E402

from newsfaq.cli import app  # noqa: E402

REFERENCE = DATA / "articles" / "000_31ed11bd7c1c5854.txt"
NAME = re.compile(r"(?<=\s)[A-Z][a-z]{2,}")


class Recorder:
    """Runs CLI calls in-process and keeps each call's exit code and output, naming files by their base name
    so that two runs in different temporary folders compare equal."""

    def __init__(self, folder: str) -> None:
        self.runner, self.folder, self.lines = CliRunner(), folder, []

    def run(self, *call: str) -> str:
        result = self.runner.invoke(app, list(call), catch_exceptions=False)
        shown = [Path(part).name if part.startswith(self.folder) else part for part in call]
        self.lines.append(json.dumps({"args": shown, "exit": result.exit_code, "stdout": result.stdout}) + "\n")
        return result.stdout


def snapshot(folder: str, articles: int, questions: int) -> list[str]:
    """The calls' records, with the articles written under ``folder``."""
    cli = Recorder(folder)
    texts = Path(folder, "articles")
    texts.mkdir()
    for n, (_, article) in enumerate(dev_articles()):
        Path(texts, f"{n:03d}.txt").write_text(article.body, encoding="utf-8")
    reference = Path(texts, "reference.txt")
    reference.write_text(REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    faqs = cli.run("faq", str(texts), "--date", PLACEHOLDER_DATE, "-f", "json").splitlines()
    asked = [[item["question"] for item in json.loads(faq)["items"]] for faq in faqs]
    pairs = Path(folder, "pairs.jsonl")
    claims = [claim for rows in load_claim_sets().values() for claim in rows]
    pairs.write_text("".join(json.dumps({"id": str(n), "document": c.document, "claim": c.claim}) + "\n"
                             for n, c in enumerate(claims)))  # fmt: skip
    cli.run("check", "--pairs", str(pairs))
    cli.run("check", str(reference), "-f", "json")
    files = sorted(texts.glob("*.txt"))  # the order ``faq DIR`` reads them in
    for path, questions_of_one in list(zip(files, asked, strict=True))[:articles]:
        for question in questions_of_one[:2]:
            cli.run("ask", question, "--article", str(path), "--date", PLACEHOLDER_DATE, "-f", "json")
    db = str(Path(folder, "archive.db"))
    cli.run("add", str(texts), "--db", db, "--date", PLACEHOLDER_DATE)
    for question in [q for questions_of_one in asked for q in questions_of_one[:1]][:questions]:
        cli.run("search", question, "--db", db, "-f", "json")
        cli.run("ask", question, "--db", db, "-f", "json")
        name = NAME.search(question)
        if name:
            cli.run("timeline", name.group(), "--db", db, "-f", "json")
    return cli.lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=100, help="articles asked about one by one")
    parser.add_argument("--questions", type=int, default=100, help="questions put to the archive")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        lines = snapshot(folder, args.articles, args.questions)
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"{len(lines)} calls written to {args.out}")


if __name__ == "__main__":
    main()
