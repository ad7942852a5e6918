"""Which backend ``--db`` names: a ``postgresql://`` URL is a PostgreSQL database, anything else a SQLite file.
psycopg is imported only when a URL asks for it, so the SQLite archive starts as fast as before."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from newsfaq.store.base import Store

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(location: str | Path) -> bool:
    """Whether ``location`` names a PostgreSQL database rather than a SQLite file."""
    return isinstance(location, str) and location.startswith(POSTGRES_SCHEMES)


def display_name(location: str | Path) -> str:
    """``location`` as messages and pages show it: a URL without its password, a file as it was given."""
    if not is_postgres_url(location):
        return str(location)
    parts = urlsplit(location)
    user = f"{parts.username}@" if parts.username else ""
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{user}{host}{port}{parts.path}"


def open_store(location: str | Path, *, create: bool = False, read_only: bool = False) -> Store:
    """The backend for ``location``, opened as ``SQLiteStore`` and ``PostgresStore`` describe ``create`` and
    ``read_only``."""
    if is_postgres_url(location):
        from newsfaq.store.postgres import PostgresStore

        return PostgresStore(str(location), create=create, read_only=read_only)
    from newsfaq.store.sqlite import SQLiteStore

    return SQLiteStore(location, create=create, read_only=read_only)
