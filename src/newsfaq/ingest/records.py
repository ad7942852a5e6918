"""JSON and JSONL records: ``{"id", "title", "date", "text" | "body", "url"}``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsfaq.errors import InputError
from newsfaq.ingest.assemble import assemble_article
from newsfaq.model import Article


def record_to_article(record: Any, name: str, date: str | None = None, require_date: bool = True) -> Article:
    """The article in one JSON record (``text`` or ``body``; ``title``, ``date``, ``url`` and ``id`` if
    given); ``date`` overrides the record's, and a missing or mistyped field is a one-line error."""
    if not isinstance(record, dict):
        raise InputError(f"{name}: expected a JSON object with a 'text' field, got {type(record).__name__}")
    body = record.get("text") or record.get("body")
    if not isinstance(body, str) or not body.strip():
        raise InputError(f"{name}: the record has no 'text' (or 'body') field with the article text")
    for key in ("title", "date", "url"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputError(f"{name}: the record's {key!r} is a {type(record[key]).__name__}; write it as a string")
    if isinstance(record.get("id"), dict | list):
        raise InputError(f"{name}: the record's 'id' is a {type(record['id']).__name__}; use a string or number")
    return assemble_article(
        body,
        require_date=require_date,
        name=name,
        date=date or record.get("date"),
        title=record.get("title"),
        url=record.get("url"),
        source_id=record.get("id"),
    )


def iter_json_records(text: str, name: str) -> Iterator[tuple[str, Any]]:
    """Yield (item name, record) from a JSON object, a JSON array, or JSON lines.

    A malformed line in JSON lines is yielded as an ``InputError`` so that a
    batch can report it and go on.
    """
    stripped = text.strip()
    try:
        document = json.loads(stripped)
    except json.JSONDecodeError as error:
        if "\n" not in stripped or not stripped.startswith("{"):
            raise InputError(f"{name}: malformed JSON ({error.msg} at line {error.lineno}); fix the file") from None
        document = None
    if isinstance(document, list):
        if not document:
            raise InputError(f"{name}: an empty JSON array holds no article; give at least one record")
        for position, record in enumerate(document):
            yield f"{name}[{position}]", record
        return
    if document is not None:
        yield name, document
        return
    for line_number, line in enumerate(stripped.splitlines(), start=1):
        if not line.strip():
            continue
        item = f"{name}:{line_number}"
        try:
            yield item, json.loads(line)
        except json.JSONDecodeError as error:
            yield item, InputError(f"{item}: malformed JSON line ({error.msg}); fix or remove the line")
