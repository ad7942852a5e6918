"""Short answers (``faq --answers short``) on the FAQ panel's articles: how many the model writes, how many the
checker lets through, and what each costs.

    python bench/faq_short_answers.py [--engine fast|model] [--out bench/out/short_answers.jsonl]

Each panel article's FAQ is written as usual; the model then drafts a short answer for each item from its
quote (``faq/short_answers.draft_answers``), and the checker, with the judge as the user gets it
(``$NEWSFAQ_JUDGE``, else auto), decides which are shown (``supported``). ``--out`` writes every item with
its quote, draft and decision, so a person can read whether the shown ones are faithful and the refused ones
were wrong: the figures here count, they do not judge.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from statistics import median

from articles import dev_articles
from common import print_table
from faq_panel import SIZES, choose

from newsfaq.faq.short_answers import draft_answers, supported
from newsfaq.faq.writer import make_faq
from newsfaq.nlp.llm import get_model
from newsfaq.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["fast", "model"], default="fast", help="who writes the questions")
    parser.add_argument("--out", type=Path, help="write every item with its draft and decision here")
    args = parser.parse_args()
    settings = Settings(faq_engine=args.engine)
    model = get_model()
    records, draft_seconds, check_seconds, with_items = [], 0.0, 0.0, 0
    for name, position, article in choose(dev_articles(), SIZES):
        items = make_faq(article, settings).items
        started = time.perf_counter()
        drafts = draft_answers(items, model)
        drafted = time.perf_counter()
        shown = supported(items, drafts, settings.judge, settings.llm_url)
        draft_seconds += drafted - started
        check_seconds += time.perf_counter() - drafted
        with_items += bool(items)
        records += [
            {"article": article.id, "set": name, "position": position, "question": item.question,
             "quote": item.answer, "draft": draft, "shown": keep}
            for item, draft, keep in zip(items, drafts, shown, strict=True)
        ]  # fmt: skip
    drafted_count = sum(r["draft"] is not None for r in records)
    shown_count = sum(r["shown"] for r in records)
    words = [len(r["draft"].split()) / len(r["quote"].split()) for r in records if r["shown"]]
    print_table(
        f"Short answers on the {with_items} FAQ panel articles with items ({args.engine} engine)",
        ["items", "drafted", "shown", "shown %", "words vs quote (median)", "s / item to draft", "s / draft to check"],
        [[
            len(records), drafted_count, shown_count, 100 * shown_count / max(1, len(records)),
            median(words) if words else 0.0, draft_seconds / max(1, len(records)),
            check_seconds / max(1, drafted_count),
        ]],
    )  # fmt: skip
    if args.out:
        args.out.write_text("".join(json.dumps(record) + "\n" for record in records))


if __name__ == "__main__":
    main()
