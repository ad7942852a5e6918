"""The FAQ writer's questions asked back of their own article with ``ask``.

    python bench/faq_asked_back.py [--articles 60]

Every FAQ answer is a quoted, cited sentence, so each question has an answer
in its article. How often does ``ask`` answer it rather than abstain, and
how often does its evidence sentence sit among the sentences the FAQ item
cites? A round trip between the two halves of the product, on real news
(the check-dev articles) rather than Wikipedia.
"""

from __future__ import annotations

import sys

from articles import dev_articles
from common import FAST_FAQ, print_table

from newsfaq.ask.answering import answer_from, passage_of
from newsfaq.faq.writer import make_faq


def main() -> None:
    count = int(sys.argv[sys.argv.index("--articles") + 1]) if "--articles" in sys.argv else 60
    asked = answered = from_cited = 0
    for _, article in dev_articles()[:count]:
        passage = passage_of(article)
        for item in make_faq(article, FAST_FAQ).items:
            answer = answer_from(item.question, [passage])
            asked += 1
            if answer.answer is not None:
                answered += 1
                from_cited += answer.evidence[0].citation.sentence in {c.sentence for c in item.citations}
    print_table(
        f"FAQ questions asked back of their articles ({count} check-dev articles)",
        ["questions", "answered %", "answers from a cited sentence %"],
        [[asked, 100 * answered / max(1, asked), 100 * from_cited / max(1, answered)]],
    )


if __name__ == "__main__":
    main()
