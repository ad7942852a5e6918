"""schema.org ``FAQPage`` JSON-LD for embedding in a web page."""

from __future__ import annotations

import json

from newsfaq.model import FAQ


def faq_page(faq: FAQ) -> dict:
    """The schema.org ``FAQPage``: each item a Question with its accepted Answer, with the article's date and
    headline when it has them."""
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
    """The ``FAQPage`` as JSON that is safe inside a ``<script>`` block (see ``SCRIPT_SAFE``)."""
    return json.dumps(faq_page(faq), ensure_ascii=False, indent=2).translate(SCRIPT_SAFE)
