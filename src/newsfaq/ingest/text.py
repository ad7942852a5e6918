"""Plain-text readers: the dated "date YYYY-MM-DD / body / FAQs" layout and free text."""

from __future__ import annotations

import re

from newsfaq import datetext
from newsfaq.ingest.assemble import assemble_article
from newsfaq.ingest.faq_section import parse_faq_pairs, split_faq_section
from newsfaq.model import Article

_DATED_HEAD = re.compile(r"\A\s*date[ \t]*:?[ \t]+(?P<date>\d{4}-\d{1,2}-\d{1,2})[ \t]*", re.I)
_LABELLED_DATE = re.compile(r"(?:published|updated|posted|date)[ \t]*:?[ \t]*(?P<rest>[^\n]{6,40})", re.I)
DATE_SEARCH_CHARS = 600


def is_dated_layout(text: str) -> bool:
    """Whether the text opens with a "date YYYY-MM-DD" line (the dated layout)."""
    return _DATED_HEAD.match(text) is not None


def _find_date(text: str) -> str | None:
    """A publication date near the top of free text (a dateline or 'Published:' line)."""
    head = text[:DATE_SEARCH_CHARS]
    for match in _LABELLED_DATE.finditer(head):
        found = datetext.parse_absolute(match["rest"])
        if found:
            return found.isoformat()
    found = datetext.parse_absolute(head)
    return found.isoformat() if found else None


def _split_title(text: str) -> tuple[str | None, str]:
    """A short first line followed by a blank line, without final punctuation, is a title."""
    match = re.match(r"\A\s*(?P<title>[^\n]{3,160})\n[ \t]*\n(?P<rest>.*)\Z", text, re.S)
    if match and not match["title"].rstrip().endswith((".", "!", "?", ":", ";", ",")):
        return match["title"].strip(), match["rest"]
    return None, text


def read_text(text: str, name: str, date: str | None = None, require_date: bool = True) -> Article:
    """Read the dated layout when present, otherwise free text with an optional title."""
    head = _DATED_HEAD.match(text)
    if head:
        date = date or head["date"]
        text = text[head.end() :]
    body, faq_text = split_faq_section(text)
    title, body = _split_title(body)
    if not head and not date:
        date = _find_date(text)
    return assemble_article(
        body,
        require_date=require_date,
        name=name,
        date=date,
        title=title,
        existing_faq=parse_faq_pairs(faq_text) if faq_text else [],
    )
