"""Versioned JSON for what the archive returns besides answers: article
listings, single articles, search hits and timelines. The CLI's ``--format
json`` and the HTTP API print the same dictionaries."""

from __future__ import annotations

from dataclasses import asdict

from newsfaq.archive.timeline import TimelineEntry
from newsfaq.model import SCHEMA_VERSION, Article
from newsfaq.store.base import Hit, StoredArticle

ARTICLES_SCHEMA = f"newsfaq.articles/{SCHEMA_VERSION}"
ARTICLE_SCHEMA = f"newsfaq.article/{SCHEMA_VERSION}"
SEARCH_SCHEMA = f"newsfaq.search/{SCHEMA_VERSION}"
TIMELINE_SCHEMA = f"newsfaq.timeline/{SCHEMA_VERSION}"


def _listing(stored: StoredArticle) -> dict:
    a = stored.article
    return {
        "id": a.id, "date": a.date, "title": a.title, "url": a.url, "source": a.source, "source_id": a.source_id,
        "group": stored.group,
    }  # fmt: skip


def articles_json(stored: list[StoredArticle]) -> dict:
    """The ``newsfaq.articles`` listing: each article's metadata and story group, without its body."""
    return {"schema": ARTICLES_SCHEMA, "articles": [_listing(s) for s in stored]}


def article_json(article: Article, group: str | None = None) -> dict:
    """One article with its body, so citations' offsets can be shown in place; ``group`` is its story group."""
    return {"schema": ARTICLE_SCHEMA, **article.to_dict(), "group": group}


def _hit(hit: Hit) -> dict:
    return {"article": asdict(hit.article), "citation": asdict(hit.citation), "relevance": hit.relevance}


def search_json(query: str, hits: list[Hit]) -> dict:
    """The ``newsfaq.search`` document: the query and each hit's article, citation and relevance."""
    return {"schema": SEARCH_SCHEMA, "query": query, "hits": [_hit(h) for h in hits]}


def timeline_json(entity: str, entries: list[TimelineEntry]) -> dict:
    """The ``newsfaq.timeline`` document: the entity and each entry's date and how it was dated, with its
    hit's article, citation and relevance."""
    return {
        "schema": TIMELINE_SCHEMA,
        "entity": entity,
        "entries": [{"when": e.when, "dated_by": e.dated_by, **_hit(e.hit)} for e in entries],
    }
