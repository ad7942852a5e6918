"""The last step of every reader: validate the parts and build an ``Article``."""

from __future__ import annotations

import hashlib
import re

from newsfaq import datetext
from newsfaq.errors import FIELD, InputError, MissingDateError
from newsfaq.ingest.clean import clean_text
from newsfaq.model import Article, QAPair

MIN_BODY_CHARS = 40


def normalise_date(value: str, name: str) -> str:
    """ISO form of a date given by a user or a feed, or a one-line error."""
    parsed = datetext.parse_iso(value[:10]) if value else None
    parsed = parsed or datetext.parse_absolute(value or "")
    if parsed is None:
        raise InputError(f"{name}: cannot read the date {value!r}; write it as YYYY-MM-DD")
    return parsed.isoformat()


def assemble_article(
    body: str,
    *,
    name: str,
    date: str | None,
    title: str | None = None,
    url: str | None = None,
    source_id: object = None,
    existing_faq: list[QAPair] | None = None,
    require_date: bool = True,
) -> Article:
    """Clean the body (``ingest/clean.py``), check it and the date, derive the id from the content, and
    return the article.

    ``source_id`` (a feed record's own id) is kept as metadata, never as the id: two feeds both
    numbering from 1 must not overwrite each other in the archive.

    ``require_date=False`` accepts an undated article (checking claims needs no date).
    """
    body = clean_text(body)
    if len(re.sub(r"\s+", "", body)) < MIN_BODY_CHARS:
        raise InputError(f"{name}: no article text found (body is empty or too short to be an article)")
    if not date and require_date:
        raise MissingDateError(f"{name}: no publication date found; set {FIELD} to YYYY-MM-DD", field="date")
    iso = normalise_date(date, name) if date else None
    digest = hashlib.sha1(f"{iso}\n{body}".encode()).hexdigest()[:16]
    return Article(
        id=digest,
        body=body,
        date=iso,
        title=clean_text(title) or None if title else None,
        url=url,
        source=name,
        source_id=None if source_id is None else str(source_id),
        existing_faq=existing_faq or [],
    )
