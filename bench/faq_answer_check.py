"""The model's answer check (does the quoted sentence answer the question?) against the FAQ panel's hand
judgements of "answered".

    python bench/faq_answer_check.py

Every judged item of the panel (``faq_panel/judgements.jsonl``) is rebuilt from its article and cited
sentences, and the model is asked whether the first cited sentence answers the question
(``faq/question_checks.answer_margins``). The table gives ROC AUC against the editors' "answered", and at
each candidate threshold how many answered and unanswered items the check would keep. Beside it, the model
reader's test (``ask/model_reader.read_span``): does it name words of the cited sentences, more than the
question's own, that answer the question; alone and after the margin's bar. The items are the
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

from newsfaq.ask.model_reader import read_span
from newsfaq.faq.question_checks import ANSWERS_AT, answer_margins
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
    model = get_model()
    margins = np.array(answer_margins(questions, cited, model))
    answered = np.array([j["answered"] for j in judged])
    read = np.array([read_span(model, q, [sentences[j["article"]][i] for i in j["citations"]]) is not None
                     for q, j in zip(questions, judged, strict=True)])  # fmt: skip
    checks = [(f"margin >= {t}", margins >= t) for t in THRESHOLDS]
    checks += [("the reader names an answer", read), (f"both, margin >= {ANSWERS_AT}", read & (margins >= ANSWERS_AT))]
    rows = [
        [name, int(kept[answered].sum()), int(answered.sum()), int(kept[~answered].sum()), int((~answered).sum())]
        for name, kept in checks
    ]
    print_table(
        f"Answer check on {len(judged)} hand-judged panel items (ROC AUC {roc_auc_score(answered, margins):.3f})",
        ["check", "answered kept", "answered", "unanswered kept", "unanswered"],
        rows,
    )


if __name__ == "__main__":
    main()
