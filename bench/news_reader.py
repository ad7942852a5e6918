"""``ask`` on the team's own news question set (``bench/news_questions/``): questions a reader asks, reworded
from the article, with gold spans, and related questions the article does not answer.

    python bench/news_reader.py [--engine fast|model ...]

Two settings: every question asked of its own article (``ask``), and every question asked of one archive
holding all the set's articles (``Archive.ask``), where an answer from another article is wrong whatever its
words. For each, the product's default operating point and the coverage-accuracy curve (``coverage.py``),
from one pass that records every question's best answer and its confidence. "Correct" is token F1 >= 0.5
against a gold span (SQuAD's normalisation); F1 is averaged over the answerable questions answered.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from articles import dev_articles
from common import print_table
from coverage import CURVE_HEADER, cross_fitted, expected_calibration_error, point_and_curve, reliability
from squad import best_f1

from newsfaq.archive import Archive
from newsfaq.ask.answering import answer_from, default_bar, passage_of
from newsfaq.engines import READER
from newsfaq.model import Answer, Article

QUESTIONS = Path(__file__).resolve().parent / "news_questions" / "questions.jsonl"
CORRECT_F1 = 0.5


@dataclass(frozen=True)
class NewsQuestion:
    article: Article
    question: str
    golds: tuple[str, ...]
    kind: str

    @property
    def answerable(self) -> bool:
        return bool(self.golds)


def news_questions() -> list[NewsQuestion]:
    """The set, with gold spans read from the articles; exits when an article's text has changed."""
    articles = {article.id: article for _, article in dev_articles()}
    out = []
    for line in QUESTIONS.read_text().splitlines():
        record = json.loads(line)
        article = articles.get(record["article"])
        if article is None:
            sys.exit(f"news question set: article {record['article']} is no longer among the dev articles")
        golds = tuple(article.body[start:end] for start, end in record["spans"])
        sums = [hashlib.sha1(gold.encode()).hexdigest() for gold in golds]
        if sums != record["span_sha1"]:
            sys.exit(f"news question set: the text of article {article.id} changed since its spans were marked")
        out.append(NewsQuestion(article, record["question"], golds, record["type"]))
    return out


def grade(question: NewsQuestion, answer: Answer) -> dict[str, object]:
    """One question's outcome when answered whatever the confidence (``answer_at`` 0); an answer cited from
    another article scores 0."""
    said = answer.answer or ""
    right_article = bool(answer.evidence) and answer.evidence[0].article.id == question.article.id
    f1 = best_f1(said, question.golds) if said and right_article and question.answerable else 0.0
    confidence = answer.confidence if said else float("nan")
    return {
        "question": question.question,
        "golds": question.golds,
        "answer": said,
        "article": question.article.id,
        "cited": answer.evidence[0].citation.text if answer.evidence else None,
        "answerable": question.answerable,
        "f1": f1,
        "confidence": confidence,
        "right_article": right_article,
    }


def fold(article_id: str) -> int:
    """Which half of the articles a question belongs to, for held-out calibration."""
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2


def arrays(outcomes: list[dict[str, object]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    confidence = np.array([o["confidence"] for o in outcomes], dtype=float)
    answerable = np.array([o["answerable"] for o in outcomes])
    return confidence, answerable, np.array([o["f1"] for o in outcomes], dtype=float)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", action="append", choices=["fast", "model"], help="default: both")
    parser.add_argument("--outcomes", type=Path, help="write every question's outcome here (JSONL), to read")
    args = parser.parse_args()
    if args.outcomes:
        args.outcomes.write_text("")  # this run's outcomes only
    questions = news_questions()
    articles = list({q.article.id: q.article for q in questions}.values())
    passages = {article.id: passage_of(article) for article in articles}
    answerable = sum(q.answerable for q in questions)
    title = f"ask on the news question set ({len(articles)} articles, {answerable} answerable questions, "
    title += f"{len(questions) - answerable} unanswerable; correct: token F1 >= {CORRECT_F1})"
    rows, notes = [], []
    with tempfile.TemporaryDirectory() as folder, Archive(Path(folder) / "news.db", create=True) as archive:
        archive.add(articles)
        for engine in args.engine or ["fast", "model"]:
            model = READER.model(engine, None)
            started = time.perf_counter()
            single = [grade(q, answer_from(q.question, [passages[q.article.id]], 0.0, model)) for q in questions]
            seconds = (time.perf_counter() - started) / len(questions)
            started = time.perf_counter()
            pooled = [grade(q, archive.ask(q.question, answer_at=0.0, model=model)) for q in questions]
            pooled_seconds = (time.perf_counter() - started) / len(questions)
            notes.append(
                f"{engine}: {seconds:.2f} s per question asked of its own article (parsed beforehand),"
                f" {pooled_seconds:.2f} s asked of the archive"
            )
            for name, outcomes in (("its own article", single), (f"an archive of all {len(articles)}", pooled)):
                if args.outcomes:
                    with args.outcomes.open("a") as out:
                        out.writelines(json.dumps({"engine": engine, "asked of": name, **o}) + "\n" for o in outcomes)
                confidence, is_answerable, f1 = arrays(outcomes)
                right = is_answerable & (f1 >= CORRECT_F1)
                default = default_bar(model)
                rows += point_and_curve(confidence, is_answerable, f1, default, engine, name)
                wrong = sum(o["answerable"] and not o["right_article"] for o in outcomes)
                notes.append(
                    f"{engine}, {name}: expected calibration error {expected_calibration_error(confidence, right):.3f}"
                    f" (right: F1 >= {CORRECT_F1}); answerable questions whose best answer is from another article:"
                    f" {wrong}\n  right/answered by confidence: {reliability(confidence, right)}"
                )
                if model:  # its confidence is a table of rates measured on this set: refit it on held-out folds
                    held_out = cross_fitted(confidence, right, np.array([fold(o["article"]) for o in outcomes]))
                    error = expected_calibration_error(held_out, right)
                    notes.append(
                        f"  calibration error with the table refitted on the other half of the articles: {error:.3f}"
                    )
    print_table(title, ["engine", "asked of", "point", *CURVE_HEADER], rows)
    print("\n".join(notes))


if __name__ == "__main__":
    main()
