"""schema.org ``FAQPage`` JSON-LD for embedding in a web page."""

from __future__ import annotations

import json

from newsfaq.model import FAQ


def faq_page(faq: FAQ) -> dict:
    page: dict = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": item.question, "acceptedAnswer": {"@type": "Answer", "text": item.answer}}
            for item in faq.items
        ],
    }
    if faq.article.date:
        page["datePublished"] = faq.article.date
    if faq.article.title:
        page["about"] = {"@type": "NewsArticle", "headline": faq.article.title}
    return page


SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
"""JSON-LD goes into a ``<script type="application/ld+json">`` block, which ends at the first "</script>"
in it, whatever JSON quoting says: these characters are written as the JSON escapes that mean the same."""


def to_jsonld(faq: FAQ) -> str:
    return json.dumps(faq_page(faq), ensure_ascii=False, indent=2).translate(SCRIPT_SAFE)
