"""Dated events from sentences: when a sentence names its own time ("in 2017",
"last week"), that time, read against the article's date, places it on the
timeline; otherwise the article's date does."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from newsfaq import datetext
from newsfaq.nlp.dates import resolve_dates
from newsfaq.nlp.pipeline import get_nlp
from newsfaq.store.base import Hit


@dataclass(frozen=True)
class TimelineEntry:
    """One event on a timeline: a sentence found for the entity and when it happened."""

    when: str
    """ISO date at the precision the text gives ("2017", "2024-01-06")."""
    dated_by: str
    """"sentence" when the sentence names the time, "article" when the report date stands in."""
    hit: Hit


def _sentence_date(doc: Doc, anchor: str | None) -> str | None:
    base = datetext.parse_iso(anchor) if anchor else None
    if base is None:
        return None
    found = resolve_dates(doc.ents, base)
    return found[0].iso if found else None


def build_timeline(hits: list[Hit]) -> list[TimelineEntry]:
    """Entries oldest first; undated articles go last."""
    docs = get_nlp().pipe(hit.citation.text for hit in hits)  # the lemmatizer finds "plans to" (dates.py)
    entries = []
    for hit, doc in zip(hits, docs, strict=True):
        named = _sentence_date(doc, hit.article.date)
        when, by = (named, "sentence") if named else (hit.article.date or "", "article")
        entries.append(TimelineEntry(when, by, hit))
    return sorted(entries, key=lambda e: (e.when == "", e.when, e.hit.article.date or "", e.hit.citation.sentence))
