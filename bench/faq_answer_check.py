"""The model's answer check (does the quoted sentence answer the question?) against the FAQ panel's hand
judgements of "answered".

    python bench/faq_answer_check.py

Every judged item of the panel (``faq_panel/judgements.jsonl``) is rebuilt from its article and cited
sentences, and the model is asked whether the first cited sentence answers the question
(``faq/question_checks.answer_margins``). The table gives ROC AUC against the editors' "answered", and at
each candidate threshold how many answered and unanswered items the check would keep. The items are the
panel's own, so a threshold chosen here is tuned on the panel: the FAQ panel's after-figures are not an
independent test of it.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from articles import dev_articles
from common import print_table
from sklearn.metrics import roc_auc_score

from newsfaq.faq.question_checks import answer_margins
from newsfaq.nlp.analysis import analyze
from newsfaq.nlp.llm import get_model

PANEL = Path(__file__).resolve().parent / "faq_panel"
THRESHOLDS = (0.0, 0.5, 1.0, 1.5, 2.0)


def main() -> None:
    judged = [json.loads(line) for line in (PANEL / "judgements.jsonl").read_text().splitlines() if line.strip()]
    articles = {article.id: article for _, article in dev_articles()}
    sentences = {}
    for article_id in {j["article"] for j in judged}:
        sentences[article_id] = [span.text for span in analyze(articles[article_id]).spans]
    questions = [j["question"] for j in judged]
    cited = [sentences[j["article"]][j["citations"][0]] for j in judged]
    margins = np.array(answer_margins(questions, cited, get_model()))
    answered = np.array([j["answered"] for j in judged])
    rows = [
        [
            t,
            int((margins[answered] >= t).sum()),
            int(answered.sum()),
            int((margins[~answered] >= t).sum()),
            int((~answered).sum()),
        ]
        for t in THRESHOLDS
    ]
    print_table(
        f"Answer check on {len(judged)} hand-judged panel items (ROC AUC {roc_auc_score(answered, margins):.3f})",
        ["threshold", "answered kept", "answered", "unanswered kept", "unanswered"],
        rows,
    )


if __name__ == "__main__":
    main()
