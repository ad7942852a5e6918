"""Asking a whole archive: SQuAD 2.0 dev with every paragraph stored as one
article, and every fourth question asked of the archive, not of its paragraph.

    python bench/archive_quality.py

This separates the two halves of ``Archive.ask``. Retrieval: is the gold
paragraph among the 40 sentences BM25 returns, and is the top sentence one
that holds a gold answer (raw FTS5, and after re-ranking by the question's
words fused with embedding closeness, as ``Archive.search`` returns them)? Reading: the answer, the abstention rate on
answerable questions, and abstention on unanswerable ones. The floor is the
raw FTS5 query's first sentence. The shipped reader was trained on these
questions (in-sample for the reading half); retrieval has no trained part.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
from common import print_table
from squad import best_f1, load_squad

from newsfaq.archive import Archive
from newsfaq.ask.question_analysis import analyse_question
from newsfaq.model import Article

SAMPLE_EVERY = 4


def _holds_answer(sentence: str, answers: tuple[str, ...]) -> bool:
    return any(a in sentence for a in answers)


def main() -> None:
    questions = load_squad()
    paragraph_ids: dict[str, str] = {}
    for q in questions:
        paragraph_ids.setdefault(q.context, f"p{len(paragraph_ids):04d}")
    articles = [Article(id=pid, body=text, date="2020-01-01") for text, pid in paragraph_ids.items()]
    sample = questions[::SAMPLE_EVERY]
    rows = []
    with tempfile.TemporaryDirectory() as folder, Archive(Path(folder) / "squad.db", create=True) as archive:
        archive.add(articles)
        for q in sample:
            gold = paragraph_ids[q.context]
            terms = " ".join(w.text for w in analyse_question(q.question).words if w.content)
            hits = archive.store.search(terms, archive.reading.retrieve)
            fused = archive.search(q.question, limit=1)
            answer = archive.ask(q.question)
            top = answer.evidence[0].citation.text if answer.evidence else ""
            rows.append({
                "answerable": q.answerable,
                "retrieved": any(h.article.id == gold for h in hits),
                "raw_top": bool(hits) and _holds_answer(hits[0].citation.text, q.answers),
                "fused_top": bool(fused) and _holds_answer(fused[0].citation.text, q.answers),
                "top": _holds_answer(top, q.answers),
                "abstained": answer.answer is None,
                "f1": best_f1(answer.answer or "", q.answers) if q.answerable else float(answer.answer is None),
            })  # fmt: skip
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]

    def share(items: list[dict], key: str) -> float:
        return 100 * float(np.mean([r[key] for r in items]))

    print_table(
        f"Asking an archive of {len(articles)} SQuAD 2.0 dev paragraphs ({len(sample)} questions: "
        f"{len(answerable)} answerable, {len(unanswerable)} unanswerable)",
        ["measure (answerable questions unless said)", "raw FTS5 first sentence (floor)",
         "Archive.search first sentence (BM25 + embedding, fused)", "newsfaq Archive.ask"],
        [["gold paragraph among the 40 retrieved sentences (%)", share(answerable, "retrieved"), "", ""],
         ["top sentence holds a gold answer (%)", share(answerable, "raw_top"), share(answerable, "fused_top"),
          share(answerable, "top")],
         ["abstained (%)", "", "", share(answerable, "abstained")],
         ["F1, abstentions scoring 0", "", "", share(answerable, "f1")],
         ["unanswerable questions: abstained (%)", "", "", share(unanswerable, "abstained")],
         ["overall F1 (SQuAD 2.0 scoring)", "", "", share(rows, "f1")]],
    )  # fmt: skip


if __name__ == "__main__":
    main()
