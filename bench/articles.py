"""The real news articles in ../shared/data/check-dev, as newsfaq Articles.

The check-dev sets carry no publication dates; a fixed placeholder date is
used, which only affects how relative dates are resolved.
"""

from __future__ import annotations

import json

from common import data_path

from newsfaq.ingest.assemble import assemble_article
from newsfaq.model import Article

PLACEHOLDER_DATE = "2023-06-01"


def dev_articles() -> list[tuple[str, Article]]:
    """(set name, article) for every distinct article text, in a fixed order."""
    texts: list[tuple[str, str]] = []
    for name in ("qags_cnndm", "qags_xsum"):
        for line in data_path("check-dev", f"{name}.jsonl").read_text().splitlines():
            texts.append((name, json.loads(line)["article"]))
    for record in json.loads(data_path("check-dev", "summedits_news.json").read_text()):
        texts.append(("summedits_news", record["doc"]))
    seen: set[str] = set()
    articles = []
    for name, text in texts:
        if text in seen:
            continue
        seen.add(text)
        articles.append((name, assemble_article(text, name=name, date=PLACEHOLDER_DATE)))
    return articles
