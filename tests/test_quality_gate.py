"""Quality gate: pinned minimum scores on the dev data (see quality_gate.json).

A change that drops below a pin fails CI; a change that improves quality
raises the pin. Skips cleanly when ../shared/data is absent. Marked slow (about
a minute): a plain ``pytest`` skips it, ``pytest --run-slow`` (CI) runs it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
PINS = json.loads((ROOT / "quality_gate.json").read_text())
sys.path.insert(0, str(ROOT / "bench"))

common = pytest.importorskip("common")
if not common.DATA.exists():
    pytest.skip("../shared/data not found: quality gate skipped", allow_module_level=True)


def test_question_writing_bleu_on_squad_dev():
    import sacrebleu
    from question_writing import load_items

    from newsfaq.faq.question_writing import question_for_span
    from newsfaq.nlp.pipeline import get_nlp

    pin = PINS["question_writing"]
    paragraphs = load_items(pin["questions"])
    refs, hyps = [], []
    for doc, (_, qas) in zip(get_nlp().pipe(c for c, _ in paragraphs), paragraphs, strict=True):
        for qa in qas:
            answer = qa["answers"][0]
            start = answer["answer_start"]
            refs.append(qa["question"])
            hyps.append(question_for_span(doc, start, start + len(answer["text"])))
    bleu = sacrebleu.corpus_bleu(hyps, [refs], lowercase=True).score
    assert bleu >= pin["min_bleu4_lower"], f"BLEU-4 {bleu:.2f} fell below the pin {pin['min_bleu4_lower']}"


def test_faq_self_consistency_on_dev_articles():
    from articles import dev_articles
    from faq_consistency import best_sentence

    from newsfaq.faq.writer import make_faq
    from newsfaq.nlp.analysis import analyze

    pin = PINS["faq_self_consistency"]
    hits = total = 0
    for _, article in dev_articles()[: pin["articles"]]:
        analysis = analyze(article)
        sentences = [s.text for s in analysis.sentences]
        for item in make_faq(article, analysis=analysis).items:
            total += 1
            hits += best_sentence(item.question, sentences) == item.citations[0].sentence
    share = hits / total
    assert share >= pin["min_share"], f"self-consistency {share:.3f} fell below the pin {pin['min_share']}"


def test_claim_support_on_check_dev():
    """The cross-validated protocol of bench/check_quality.py (about 30 s)."""
    from check_quality import cross_validated, scores

    pins = PINS["claim_support"]
    for name, result in cross_validated().items():
        measured = scores(result)
        assert measured["ba"] >= pins[name]["min_ba"], f"{name}: balanced accuracy {measured['ba']:.3f} below pin"
        assert measured["auc"] >= pins[name]["min_auc"], f"{name}: ROC AUC {measured['auc']:.3f} below pin"


def test_reader_on_squad_dev():
    """A regression guard on the first questions of SQuAD dev (the shipped ranker and answerability classifier
    were trained on all of dev, so this is in-sample; bench/reader_quality.py gives the held-out figures)."""
    import numpy as np
    from reader_data import reader_items
    from squad import best_f1
    from train_reader import answerability_data

    from newsfaq.ask.answerability import ANSWER_AT, get_answerability
    from newsfaq.ask.reader import get_reader

    pin = PINS["reader"]
    items = reader_items(pin["questions"])
    rows, _, predicted = answerability_data(items, get_reader())
    picks = [text for text, _, _ in predicted]
    answer = get_answerability().predict(rows) >= ANSWER_AT
    answerable = [n for n, item in enumerate(items) if item.question.answerable]
    f1 = [best_f1(picks[n], items[n].question.answers) for n in answerable]
    said = [pick if yes else "" for pick, yes in zip(picks, answer, strict=True)]
    overall = [best_f1(text, item.question.answers) for item, text in zip(items, said, strict=True)]
    sentence_accuracy = np.mean([items[n].sentence_hit for n in answerable])
    assert 100 * np.mean(f1) >= pin["min_f1_answerable"], f"reader F1 {100 * np.mean(f1):.1f} below pin"
    assert sentence_accuracy >= pin["min_sentence_accuracy"], f"sentence accuracy {sentence_accuracy:.3f} below pin"
    assert 100 * np.mean(overall) >= pin["min_overall_f1"], f"overall F1 {100 * np.mean(overall):.1f} below pin"
    answered_share = np.mean([answer[n] for n in answerable])
    assert answered_share >= pin["min_answered_share"], f"answers {answered_share:.3f} of answerable, below pin"
