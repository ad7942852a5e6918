"""Reading articles from files, stdin bytes or strings, in any supported format.

``load_article`` reads one article; ``iter_articles`` walks files, directories
and multi-record feeds, yielding an error in place of each bad item so batch
runs report it and go on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsfaq.errors import InputError, NewsfaqError
from newsfaq.ingest.decode import decode_bytes
from newsfaq.ingest.html import looks_like_html, read_html
from newsfaq.ingest.records import iter_json_records, record_to_article
from newsfaq.ingest.text import is_dated_layout, read_text
from newsfaq.model import Article
from newsfaq.settings import DEFAULT_SETTINGS, Settings

FORMATS = ("auto", "text", "html", "json")
ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".json", ".jsonl", ".ndjson"}
_SUFFIX_FORMATS = {
    ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "json", ".ndjson": "json",
    ".txt": "text", ".text": "text", ".md": "text",
}  # fmt: skip
"""A text file is text even when it starts with '[' or '{' (a bracketed dateline, a quote)."""

ArticleOrError = Article | NewsfaqError


def _detect_format(text: str, name: str, requested: str) -> str:
    if requested not in FORMATS:
        raise InputError(f"unknown format {requested!r}; use one of {', '.join(FORMATS)}")
    if requested != "auto":
        return requested
    suffix_format = _SUFFIX_FORMATS.get(Path(name).suffix.lower())
    if suffix_format:
        return suffix_format
    if is_dated_layout(text):
        return "text"
    if text.lstrip().startswith(("{", "[")):
        return "json"
    return "html" if looks_like_html(text) else "text"


def read_limited(stream: BinaryIO, name: str, settings: Settings) -> bytes:
    """At most the size limit + 1 byte: an endless stream (/dev/zero, a pipe that never closes) is cut off
    there and refused, whatever size the file system reports."""
    data = stream.read(settings.max_input_bytes + 1)
    if len(data) > settings.max_input_bytes:
        raise InputError(
            f"{name}: input is over the {settings.max_input_bytes / (1024 * 1024):.0f} MB limit; "
            "split it into one article per file"
        )
    return data


def _read_bytes(path: Path, settings: Settings) -> bytes:
    name = str(path)
    if not path.exists():
        raise InputError(f"{name}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{name}: is a directory; give a file (the CLI accepts directories)")
    try:
        with path.open("rb") as stream:
            return read_limited(stream, name, settings)
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror or error}); check its permissions") from None


def iter_parsed(
    data: bytes | str,
    *,
    name: str = "<text>",
    date: str | None = None,
    format: str = "auto",
    settings: Settings = DEFAULT_SETTINGS,
) -> Iterator[tuple[str, ArticleOrError]]:
    """Every article in one input (a JSON feed holds many); bad records become errors."""
    text = decode_bytes(data, name, settings) if isinstance(data, bytes) else data
    if not text.strip():
        raise InputError(f"{name}: the input is empty; give a file that holds an article")
    kind = _detect_format(text, name, format)
    if kind == "json":
        for item, record in iter_json_records(text, name):
            try:
                if isinstance(record, NewsfaqError):
                    raise record
                yield item, record_to_article(record, item, date, settings.require_date)
            except NewsfaqError as error:
                yield item, error
    elif kind == "html":
        yield name, read_html(text, name, date, settings.require_date)
    else:
        yield name, read_text(text, name, date, settings.require_date)


def parse_article(
    data: bytes | str,
    *,
    name: str = "<text>",
    date: str | None = None,
    format: str = "auto",
    settings: Settings = DEFAULT_SETTINGS,
) -> Article:
    """Read exactly one article from bytes or text (the contents, not a path)."""
    results = list(iter_parsed(data, name=name, date=date, format=format, settings=settings))
    if len(results) != 1:
        raise InputError(f"{name}: holds {len(results)} articles where one is expected; give one article")
    result = results[0][1]
    if isinstance(result, NewsfaqError):
        raise result
    return result


def load_article(
    path: str | os.PathLike[str],
    *,
    date: str | None = None,
    format: str = "auto",
    settings: Settings = DEFAULT_SETTINGS,
) -> Article:
    """Read one article from a file (dated layout, plain text, HTML or a JSON record)."""
    path = Path(path)
    return parse_article(_read_bytes(path, settings), name=str(path), date=date, format=format, settings=settings)


def iter_articles(
    paths: list[str | os.PathLike[str]],
    *,
    date: str | None = None,
    format: str = "auto",
    settings: Settings = DEFAULT_SETTINGS,
) -> Iterator[tuple[str, ArticleOrError]]:
    """Walk files and directories (recursively, article suffixes only), one result per article."""
    for path in expand_paths(paths):
        try:
            data = _read_bytes(path, settings)
            yield from iter_parsed(data, name=str(path), date=date, format=format, settings=settings)
        except NewsfaqError as error:
            yield str(path), error


def expand_paths(paths: list[str | os.PathLike[str]]) -> list[Path]:
    """Files as given; directories expanded to their article files, sorted for determinism."""
    expanded: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            expanded.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES))
        else:
            expanded.append(path)
    return expanded


__all__ = ["load_article", "parse_article", "iter_articles", "iter_parsed", "expand_paths", "read_limited", "FORMATS"]
