"""HTML pages: main text by trafilatura, publication date by htmldate."""

from __future__ import annotations

import re

from newsfaq.errors import InputError
from newsfaq.ingest.assemble import assemble_article
from newsfaq.model import Article

_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div)\b", re.I)


def looks_like_html(text: str) -> bool:
    """Whether an HTML tag (``<html>``, ``<body>``, ``<p>``, ...) appears in the first 2,000 characters:
    how the ``auto`` format tells a page from plain text."""
    return _HTML_HINT.search(text[:2000]) is not None


def read_html(text: str, name: str, date: str | None = None, require_date: bool = True) -> Article:
    """Extract the article from a page; refuse pages that hold no article text."""
    import htmldate  # imported here: they take a while to load and most inputs are not HTML
    import trafilatura

    body = trafilatura.extract(text, include_comments=False, include_tables=False, favor_precision=True)
    if not body:
        raise InputError(f"{name}: no article text found in this HTML page; give the article's own page")
    metadata = trafilatura.extract_metadata(text)
    if not date:
        date = htmldate.find_date(text, extensive_search=False, original_date=True)
    return assemble_article(
        body,
        require_date=require_date,
        name=name,
        date=date,
        title=metadata.title if metadata else None,
        url=metadata.url if metadata else None,
    )
