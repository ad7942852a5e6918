"""What opening an archive does to the file: reading never changes it, a foreign file is refused unchanged,
an older archive is migrated only when written."""

import hashlib
import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from newsfaq.archive import Archive
from newsfaq.model import Article
from newsfaq.store.base import ArchiveError
from newsfaq.store.sqlite import SQLiteStore

from .test_sqlite import BODY, SENTENCES, _add

NOBODY = 65534
V1_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE articles (
    id TEXT PRIMARY KEY, title TEXT, date TEXT, url TEXT, source TEXT, body TEXT NOT NULL,
    grp TEXT NOT NULL, signature BLOB NOT NULL
);
CREATE TABLE sentences (
    rowid INTEGER PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content='sentences', content_rowid='rowid', tokenize='porter unicode61'
);
INSERT INTO meta VALUES ('format', 'newsfaq-archive/1');
INSERT INTO articles VALUES ('old', NULL, '2020-01-01', NULL, NULL, 'Dock workers struck.', 'old', zeroblob(1024));
INSERT INTO sentences VALUES (1, 'old', 0, 0, 20, 'Dock workers struck.');
INSERT INTO sentences_fts (rowid, text) VALUES (1, 'Dock workers struck.');
"""
"""An archive as the first release wrote it: no schema_version, no source_id, no embeddings."""


def _md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def _foreign(path: Path) -> Path:
    """Another application's SQLite file."""
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE users (id)")
    connection.commit()
    connection.close()
    return path


def _archive_with_one_article(path: Path) -> Path:
    store = SQLiteStore(path, create=True)
    _add(store, Article(id="a1", body=BODY, date="2025-03-14"))
    store.close()
    return path


@pytest.mark.parametrize(
    "command",
    [["stats"], ["list"], ["search", "dock workers"], ["remove", "a1"], ["add", "examples/harbour_strike.txt"]],
    ids=lambda command: command[0],
)
def test_commands_refuse_another_applications_sqlite_file_and_leave_it_unchanged(tmp_path, command):
    foreign = _foreign(tmp_path / "f.db")
    before, files = _md5(foreign), sorted(os.listdir(tmp_path))
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-m", "newsfaq", *command, "--db", str(foreign)], capture_output=True, timeout=120, cwd=root
    )
    stderr = result.stderr.decode().strip()
    assert result.returncode == 1 and "not a newsfaq-archive/1 archive" in stderr and len(stderr.splitlines()) == 1
    assert _md5(foreign) == before and sorted(os.listdir(tmp_path)) == files  # not even a -wal beside it


def test_a_foreign_or_empty_file_opened_for_writing(tmp_path):
    foreign = _foreign(tmp_path / "f.db")
    before = _md5(foreign)
    with pytest.raises(ArchiveError, match="not a newsfaq-archive"):
        SQLiteStore(foreign, create=True)
    assert _md5(foreign) == before
    empty = tmp_path / "empty.db"
    empty.touch()
    for reading in (lambda: Archive(empty), lambda: Archive(empty, read_only=True)):
        with pytest.raises(ArchiveError, match="not a newsfaq archive"):
            reading()
    assert empty.stat().st_size == 0
    Archive(empty, create=True).close()  # only a new or empty file gets a schema
    assert Archive(empty).stats()["articles"] == 0


def _as_unprivileged_user(work):
    """``work()`` in a forked child that is not root (root ignores file modes); its result or its error."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read)
            if os.geteuid() == 0:
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            try:
                result = ("ok", work())
            except Exception as error:
                result = ("error", str(error))
            os.write(write, pickle.dumps(result))
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return pickle.loads(data)


def _read(path: Path):
    with Archive(path) as archive:
        return [a.article.id for a in archive.articles()], [h.citation.text for h in archive.store.search("union", 5)]


@pytest.fixture
def folder():
    """A folder that another user can enter (pytest's tmp_path sits inside one only its owner can)."""
    path = Path(tempfile.mkdtemp())
    path.chmod(0o755)
    yield path
    path.chmod(0o755)
    shutil.rmtree(path)


@pytest.mark.parametrize("folder_mode", [0o777, 0o555], ids=["writable folder", "read-only folder"])
def test_a_read_only_archive_is_readable_in_a_writable_or_read_only_folder(folder, folder_mode):
    path = _archive_with_one_article(folder / "a.db")
    before = _md5(path)
    path.chmod(0o444)
    folder.chmod(folder_mode)
    assert _as_unprivileged_user(lambda: _read(path)) == ("ok", (["a1"], [SENTENCES[1].text]))
    assert _md5(path) == before


def test_changes_still_in_the_wal_file_are_refused_not_skipped_in_a_read_only_folder(folder, tmp_path):
    writer = SQLiteStore(tmp_path / "a.db", create=True)
    _add(writer, Article(id="a1", body=BODY, date="2025-03-14"))  # the commit sits in a.db-wal while open
    for name in ("a.db", "a.db-wal"):
        shutil.copy(tmp_path / name, folder / name)
    writer.close()
    folder.chmod(0o555)
    status, message = _as_unprivileged_user(lambda: _read(folder / "a.db"))
    assert status == "error" and "unable to open" in message  # not an empty archive read from a.db alone


def test_a_reader_is_not_blocked_by_a_writer_in_the_middle_of_a_transaction(tmp_path):
    path = _archive_with_one_article(tmp_path / "a.db")
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO meta VALUES ('pending', 'not committed')")
    try:
        for read_only in (False, True):
            with Archive(path, read_only=read_only) as archive:
                assert archive.search("union job guarantees", limit=1)[0].citation.text == SENTENCES[1].text
                assert [a.article.id for a in archive.articles()] == ["a1"] and archive.stats()["articles"] == 1
    finally:
        writer.execute("COMMIT")
        writer.close()


def test_an_older_archive_is_read_as_it_is_and_migrated_only_when_written(tmp_path):
    path = tmp_path / "old.db"
    connection = sqlite3.connect(path)
    connection.executescript(V1_SCHEMA)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()
    before = _md5(path)
    store = SQLiteStore(path)
    assert store.get("old").article.source_id is None and store.vectors(["Dock workers struck."]) == [None]
    assert [h.article.id for h in store.search("dock", 5)] == ["old"]
    assert _md5(path) == before  # reading did not migrate it
    assert _add(store, Article(id="new", body=BODY, date="2025-03-14", source_id="7"))  # the first write migrates
    assert store.get("new").article.source_id == "7" and store.vectors([SENTENCES[0].text])[0] is not None
    store.close()
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("2",)
    connection.close()


def test_an_archive_from_a_newer_newsfaq_is_read_but_not_written(tmp_path):
    path = _archive_with_one_article(tmp_path / "a.db")
    connection = sqlite3.connect(path)
    connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    connection.commit()
    connection.close()
    before = _md5(path)
    store = SQLiteStore(path)
    assert store.count() == 1
    with pytest.raises(ArchiveError, match="newer newsfaq"):
        store.delete("a1")
    assert _md5(path) == before
