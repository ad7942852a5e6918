"""The hand-judged FAQ panel (issue 13): 20 check-dev articles, every FAQ item judged by an editor.

    python bench/faq_panel.py

Automatic scores cannot say whether a question is one a reader would ask, so each item on the panel was
judged by hand (fluent, answered, important, page furniture; ``faq_panel/RUBRIC.md``). This regenerates
the FAQs, finds each item's judgement by (article id, question, sha1 of the answer) and recomputes the
shares from the judgements. An item whose text has changed since it was judged has no judgement: it is
counted and listed, one per line, so someone can judge it; the shares cover judged items only.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from articles import dev_articles
from common import print_table

from newsfaq.faq.writer import make_faq
from newsfaq.model import Article

PANEL = Path(__file__).resolve().parent / "faq_panel"
SIZES = {"qags_cnndm": 12, "qags_xsum": 8}
MIN_ITEMS = 4
"""An article with a main event should get at least this many items."""
CRITERIA = ("fluent", "answered", "important")


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
) -> tuple[list[object], list[str]]:
    """The table row and the items not judged yet, from each article's (question, answer) pairs."""
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
    return row, unjudged


def main() -> None:
    entries = {(e["set"], e["position"]): e for e in json.loads((PANEL / "articles.json").read_text())}
    judged = load_judgements((PANEL / "judgements.jsonl").read_text().splitlines())
    generated, main_event = {}, {}
    for name, position, article in choose(dev_articles(), SIZES):
        entry = entries[name, position]
        if entry["id"] != article.id:
            print(f"{name} #{position}: article text changed since judged ({entry['id']} -> {article.id})")
        generated[article.id] = [(item.question, item.answer) for item in make_faq(article).items]
        main_event[article.id] = entry["main_event"]
    row, unjudged = tally(generated, main_event, judged)
    print_table(
        "FAQ panel, hand-judged (shares over judged items)",
        [
            "articles",
            "items",
            "fluent %",
            "answered %",
            "important %",
            "all three %",
            "furniture",
            f"main event, < {MIN_ITEMS} items",
            "not judged",
        ],
        [row],
    )
    if unjudged:
        print("\nNot judged (text changed since judged):")
        print("\n".join(unjudged))


if __name__ == "__main__":
    main()
