"""The hand-judged FAQ panel (issue 13): 20 check-dev articles, every FAQ item judged by an editor.

    python bench/faq_panel.py [--engine fast|model ...] [--unjudged bench/out/unjudged.jsonl]

Automatic scores cannot say whether a question is one a reader would ask, so each item on the panel was
judged by hand (fluent, answered, important, page furniture; ``faq_panel/RUBRIC.md``). This regenerates
the FAQs, finds each item's judgement by (article id, question, sha1 of the answer) and recomputes the
shares from the judgements. An item whose text has changed since it was judged has no judgement: it is
counted and listed, one per line, so someone can judge it (``--unjudged`` also writes them, with the article
text, for the judge to read); the shares cover judged items only.

Beside the judgements, two automatic proxies over every item: asked-back consistency (``ask``, given the
question, answers from a sentence the item cites) and the share of questions whose premise the checker finds
unsupported (``faq/question_checks.py``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path

from articles import dev_articles
from common import print_table

from newsfaq.faq.question_checks import asked_back, premises_hold
from newsfaq.faq.writer import make_faq, reach
from newsfaq.model import FAQ, Article
from newsfaq.nlp.analysis import Analysis, analyze
from newsfaq.settings import Settings

PANEL = Path(__file__).resolve().parent / "faq_panel"
SIZES = {"qags_cnndm": 12, "qags_xsum": 8}
CRITERIA = ("fluent", "answered", "important")
MIN_ITEMS = Settings().min_items
TALLY_COLUMNS = [
    "articles",
    "items",
    "fluent %",
    "answered %",
    "important %",
    "all three %",
    "furniture",
    f"main event, < {MIN_ITEMS} items",
    "not judged",
]
"""The headings of ``tally``'s row."""


def choose(articles: list[tuple[str, Article]], sizes: dict[str, int]) -> list[tuple[str, int, Article]]:
    """The panel rule, kept in code so the choice can be re-derived: for each set, its n articles at
    positions 0, k, 2k, ... among that set's distinct articles in file order, k = (articles in the set) // n."""
    chosen = []
    for name, n in sizes.items():
        of_set = [article for set_name, article in articles if set_name == name]
        step = len(of_set) // n
        chosen.extend((name, j * step, of_set[j * step]) for j in range(n))
    return chosen


def judgement_key(article_id: str, question: str, answer: str) -> tuple[str, str, str]:
    """The answer is matched by its hash: the judgements do not store article text."""
    return article_id, question, hashlib.sha1(answer.encode()).hexdigest()


def load_judgements(lines: list[str]) -> dict[tuple[str, str, str], dict]:
    judged = {}
    for line in lines:
        if line.strip():
            record = json.loads(line)
            judged[record["article"], record["question"], record["answer_sha1"]] = record
    return judged


def tally(
    generated: dict[str, list[tuple[str, str]]], main_event: dict[str, bool], judged: dict[tuple[str, str, str], dict]
) -> tuple[list[object], list[str], list[str]]:
    """The table row, the items not judged yet and the items judged to carry page furniture, from each
    article's (question, answer) pairs."""
    found, unjudged = [], []
    for article_id, pairs in generated.items():
        for question, answer in pairs:
            key = judgement_key(article_id, question, answer)
            if key in judged:
                found.append(judged[key])
            else:
                unjudged.append(f"{article_id}  {question}  (answer sha1 {key[2]})")

    def share(*criteria: str) -> float:
        return 100 * sum(all(j[c] for c in criteria) for j in found) / max(1, len(found))

    short = sum(main_event[a] and len(pairs) < MIN_ITEMS for a, pairs in generated.items())
    row = [
        len(generated),
        sum(len(pairs) for pairs in generated.values()),
        *(share(c) for c in CRITERIA),
        share(*CRITERIA),
        sum(j["furniture"] for j in found),
        short,
        len(unjudged),
    ]
    furnished = [f"{j['article']}  {j['question']}  ({j.get('note', '')})" for j in found if j["furniture"]]
    return row, unjudged, furnished


def proxies(faqs: list[tuple[Analysis, FAQ]], settings: Settings) -> tuple[float, float]:
    """(asked-back consistency %, premise unsupported %) over every item, from each article's parse."""
    landed = held = total = 0
    for analysis, faq in faqs:
        if not faq.items:
            continue
        questions = [item.question for item in faq.items]
        sentences = asked_back(questions, analysis)
        landed += sum(s in {c.sentence for c in item.citations} for s, item in zip(sentences, faq.items, strict=True))
        held += sum(premises_hold(questions, analysis, settings))
        total += len(questions)
    return 100 * landed / max(1, total), 100 * (total - held) / max(1, total)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", action="append", choices=["fast", "model"], help="default: both")
    parser.add_argument("--unjudged", type=Path, help="write the unjudged items here, with article text")
    parser.add_argument(
        "--items", type=Path, help="write every item here with its intent and judgement, to read the failures"
    )
    args = parser.parse_args()
    entries = {(e["set"], e["position"]): e for e in json.loads((PANEL / "articles.json").read_text())}
    judged = load_judgements((PANEL / "judgements.jsonl").read_text().splitlines())
    panel = choose(dev_articles(), SIZES)
    rows, unjudged_lines, furniture_lines, dump = [], [], [], []
    for engine in args.engine or ["fast", "model"]:
        settings = Settings(faq_engine=engine)
        generated, main_event, faqs = {}, {}, []
        started = time.perf_counter()
        for name, position, article in panel:
            entry = entries[name, position]
            if entry["id"] != article.id:
                print(f"{name} #{position}: article text changed since judged ({entry['id']} -> {article.id})")
            analysis = analyze(article, limit=reach(settings))
            faq = make_faq(article, settings, analysis=analysis)
            faqs.append((analysis, faq))
            generated[article.id] = [(item.question, item.answer) for item in faq.items]
            main_event[article.id] = entry["main_event"]
            for item in faq.items:
                key = judgement_key(article.id, item.question, item.answer)
                dump.append(
                    {
                        "article": article.id,
                        "set": name,
                        "position": position,
                        "engine": engine,
                        "intent": item.intent,
                        "question": item.question,
                        "answer": item.answer,
                        "answer_sha1": key[2],
                        "citations": [c.sentence for c in item.citations],
                        "cited": [c.text for c in item.citations],
                        "judgement": judged.get(key),
                        "body": article.body,
                    }
                )
        seconds = (time.perf_counter() - started) / len(panel)
        row, unjudged, furnished = tally(generated, main_event, judged)
        rows.append([engine, *row, *proxies(faqs, settings), seconds])
        unjudged_lines += [f"{engine}  {line}" for line in unjudged]
        furniture_lines += [f"{engine}  {line}" for line in furnished]
    print_table(
        "FAQ panel, hand-judged (shares over judged items)",
        ["engine", *TALLY_COLUMNS, "asked back %", "premise unsupported %", "s / article"],
        rows,
    )
    if unjudged_lines:
        print("\nNot judged (text changed since judged):")
        print("\n".join(unjudged_lines))
    if furniture_lines:
        print("\nJudged to carry page furniture:")
        print("\n".join(furniture_lines))
    if args.unjudged:
        args.unjudged.write_text("".join(json.dumps(record) + "\n" for record in dump if not record["judgement"]))
    if args.items:
        args.items.write_text("".join(json.dumps({**record, "body": None}) + "\n" for record in dump))


if __name__ == "__main__":
    main()
