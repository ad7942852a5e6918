"""What the clean-up step changes on real scraped news: sentences over 60 words, and sentences (any of
which a check can quote as evidence) and FAQ answers that quote page furniture, for the check-dev
articles read raw and read through ``ingest/clean.py``.

    python bench/cleanup.py

"Furniture" is counted with a broader list of markers than the clean-up removes (any answer mentioning
"scroll down", "click here", "image caption", "read more", ...), so what it misses shows.
"""

from __future__ import annotations

import json
import re
import time

from common import FAST_FAQ, data_path, print_table

from newsfaq.faq.writer import make_faq
from newsfaq.ingest.assemble import assemble_article
from newsfaq.model import Article
from newsfaq.nlp.sentences import split_sentences

MARKERS = re.compile(
    r"scroll down|media playback|click here|send this page|share this|image copyright|image caption|"
    r"advertisement|follow us on|sign up for|read more|pictured (?:above|below|left|right)|getty images",
    re.I,
)
LONG_WORDS = 60


def _raw_articles() -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    for name in ("qags_cnndm", "qags_xsum"):
        lines = data_path("check-dev", f"{name}.jsonl").read_text().splitlines()
        sets[name] = list(dict.fromkeys(json.loads(line)["article"] for line in lines))
    records = json.loads(data_path("check-dev", "summedits_news.json").read_text())
    sets["summedits_news"] = list(dict.fromkeys(r["doc"] for r in records))
    return sets


def _measure(articles: list[Article]) -> list[float]:
    sentences = [s for found in split_sentences([a.body for a in articles]) for s in found]
    long = sum(len(s.text.split()) > LONG_WORDS for s in sentences)
    quoting = sum(bool(MARKERS.search(s.text)) for s in sentences)
    answers = [item.answer for a in articles for item in make_faq(a, FAST_FAQ).items]
    furniture = sum(bool(MARKERS.search(answer)) for answer in answers)
    share = max(1, len(sentences))
    return [len(sentences), long / share, quoting / share, len(answers), furniture / max(1, len(answers))]


def main() -> None:
    rows = []
    for name, texts in _raw_articles().items():
        raw = [Article(id=str(n), body=text.strip(), date="2023-06-01") for n, text in enumerate(texts)]
        cleaned = [assemble_article(text, name=str(n), date="2023-06-01") for n, text in enumerate(texts)]
        for label, articles in (("raw", raw), ("cleaned", cleaned)):
            start = time.perf_counter()
            rows.append([name, label, len(articles), *_measure(articles), time.perf_counter() - start])
    print_table(
        "Clean-up on the check-dev articles (sentences by the shared splitter, FAQs by make_faq)",
        ["set", "text", "articles", "sentences", f"share > {LONG_WORDS} words", "share with furniture",
         "FAQ answers", "answers with furniture", "seconds"],
        rows,
    )  # fmt: skip


if __name__ == "__main__":
    main()
