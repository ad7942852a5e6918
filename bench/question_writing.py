"""Question writing quality on SQuAD 2.0 dev (answerable questions).

For each answerable question, the first gold answer span is given to
``question_for_span`` and the written question is scored against the human
question: corpus BLEU-4 (sacrebleu, 13a tokens; cased and lower-cased, the
latter comparable to Du et al. 2017) and mean ROUGE-L F1 (rouge-score).
Baseline in the same run: the answer's sentence with the answer replaced in
place by "what" (no reordering).

    python bench/question_writing.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import time

import sacrebleu
from common import data_path, print_table
from rouge_score import rouge_scorer

from newsfaq.faq.question_writing import question_for_span
from newsfaq.nlp.pipeline import get_nlp


def in_place_baseline(doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    sentence = span[0].sent
    text = doc.text[sentence.start_char : span.start_char] + "what" + doc.text[span.end_char : sentence.end_char]
    return text.strip().rstrip(".") + "?"


def load_items(limit: int | None):
    squad = json.loads(data_path("qa-dev", "squad-v2.0-dev.json").read_text())
    paragraphs = []
    for article in squad["data"]:
        for paragraph in article["paragraphs"]:
            qas = [qa for qa in paragraph["qas"] if not qa.get("is_impossible") and qa["answers"]]
            if qas:
                paragraphs.append((paragraph["context"], qas))
    if limit:
        kept, count = [], 0
        for context, qas in paragraphs:
            if count >= limit:
                break
            kept.append((context, qas))
            count += len(qas)
        paragraphs = kept
    return paragraphs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="stop after about N questions")
    parser.add_argument("--show", type=int, default=0, help="print N examples")
    args = parser.parse_args()
    paragraphs = load_items(args.limit)
    nlp = get_nlp()
    refs, ours, base = [], [], []
    started = time.perf_counter()
    for doc, (_, qas) in zip(nlp.pipe(c for c, _ in paragraphs), paragraphs, strict=True):
        for qa in qas:
            answer = qa["answers"][0]
            start, end = answer["answer_start"], answer["answer_start"] + len(answer["text"])
            refs.append(qa["question"])
            ours.append(question_for_span(doc, start, end))
            base.append(in_place_baseline(doc, start, end))
    elapsed = time.perf_counter() - started
    scorer = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=False)
    rows = []
    for name, hyps in (("in-place 'what' baseline", base), ("newsfaq write_question", ours)):
        cased = sacrebleu.corpus_bleu(hyps, [refs]).score
        lower = sacrebleu.corpus_bleu(hyps, [refs], lowercase=True).score
        rouge = sum(scorer.score(r, h)["rougeL"].fmeasure for r, h in zip(refs, hyps, strict=True))
        rows.append([name, len(hyps), round(cased, 2), round(lower, 2), round(100 * rouge / len(hyps), 2)])
    rows.append(["published: seq2seq (Du et al. 2017)", "", "", 11.95, 39.41])
    rows.append(["published: T5-small (lmqg)", "", "", 24.40, 51.43])
    print_table(
        f"Question writing on SQuAD 2.0 dev answerable ({len(refs)} questions, {elapsed:.0f} s incl. parse)",
        ["system", "n", "BLEU-4 cased", "BLEU-4 lower", "ROUGE-L F1"],
        rows,
    )
    for ref, hyp in list(zip(refs, ours, strict=True))[: args.show]:
        print(f"  ref: {ref}\n  out: {hyp}\n")


if __name__ == "__main__":
    main()
