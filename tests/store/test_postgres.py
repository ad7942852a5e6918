"""The PostgreSQL archive on a real server (tests/postgres_server.py): every archive command as on SQLite, a
SELECT-only role, one-line connection errors, the schema made only by writers, concurrent writers and a
connection killed mid-add."""

from __future__ import annotations

import json
import multiprocessing
import re

import numpy as np
import psycopg
import pytest
from cli_helpers import run

from newsfaq.archive import AddReport, Archive
from newsfaq.archive.adding import PreparedArticle, Writer
from newsfaq.archive.story_groups import signature
from newsfaq.store.base import ArchiveError
from newsfaq.store.postgres import SCHEMA_VERSION, PostgresStore

from .contract import article, vector

FEED = [
    {"id": "base-2023", "date": "2023-05-02", "body": "About 1,800 soldiers are stationed at the northern base, "
     "officials said on Tuesday. The base was opened in 2015 to train local forces."},
    {"id": "base-2024", "date": "2024-09-10", "body": "About 2,300 soldiers are stationed at the northern base "
     "after a new deployment, the ministry said. The deployment follows months of talks with the regional "
     "government."},
    {"id": "ferry", "date": "2024-11-02", "body": "The island ferry will stop running in January, the operator "
     "said. Repairs to the harbour wall will take about six weeks, according to the council."},
]  # fmt: skip


@pytest.fixture
def feed(tmp_path, example_path):
    """Three short dated articles as a JSONL feed, and the bundled example article."""
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in FEED))
    return [str(path), str(example_path)]


def _json(*args: str):
    result = run(*args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _id_of(source_id: str, db: str) -> str:
    """The archive's id (a content hash) of the feed record ``source_id``."""
    return next(a["id"] for a in _json("list", "-f", "json", "--db", db)["articles"] if a["source_id"] == source_id)


def _without_relevance(search: dict) -> list:
    """A search's hits as sets of where they point: the backends rank by their own figures (BM25, ts_rank_cd)."""
    return sorted((hit["article"]["id"], hit["citation"]["sentence"]) for hit in search["hits"])


def test_every_archive_command_gives_on_postgresql_what_it_gives_on_sqlite(postgres_url, feed, tmp_path):
    sqlite = str(tmp_path / "a.db")
    for db in (sqlite, postgres_url):
        assert run("add", *feed, "--db", db).returncode == 0
    same = [
        ("list", "-f", "json"),
        ("ask", "How many soldiers are at the northern base?", "-f", "json"),
        ("ask", "When will the island ferry stop running?", "-f", "json"),
        ("ask", "How many soldiers were at the base?", "--as-of", "2023-12-31", "-f", "json"),
        ("timeline", "northern base", "-f", "json"),
        ("stats",),
    ]
    for args in same:
        assert run(*args, "--db", postgres_url).stdout == run(*args, "--db", sqlite).stdout, args
    for query in ("soldiers deployment", "harbour ferry", "dockers strike union"):
        searches = [_json("search", query, "-f", "json", "--db", db) for db in (sqlite, postgres_url)]
        assert _without_relevance(searches[0]) == _without_relevance(searches[1]) != []
    ferry = _id_of("ferry", sqlite)
    for db in (sqlite, postgres_url):
        assert run("remove", ferry, "--db", db).returncode == 0
    assert run("list", "-f", "json", "--db", postgres_url).stdout == run("list", "-f", "json", "--db", sqlite).stdout


def test_a_role_with_only_select_rights_runs_every_read_command(postgres, postgres_url, feed):
    assert run("add", *feed, "--db", postgres_url).returncode == 0
    reader = postgres_url.replace("newsfaq:", "reader:", 1)
    for args in (("list",), ("stats",), ("search", "soldiers"), ("timeline", "northern base"),
                 ("ask", "How many soldiers are at the northern base?")):  # fmt: skip
        result = run(*args, "--db", reader)
        assert result.returncode == 0 and result.stdout, (args, result.stderr)
    refused = run("remove", _id_of("ferry", reader), "--db", reader)
    assert refused.returncode == 1 and b"permission denied" in refused.stderr
    assert len(refused.stderr.decode().strip().splitlines()) == 1
    assert run("list", "-f", "json", "--db", reader).stdout.count(b'"id"') == 4


def test_connection_failures_are_one_line_naming_host_and_database_never_the_password(postgres, free_port):
    cases = {
        "refused": (f"postgresql://newsfaq:s3cret-pw@127.0.0.1:{free_port()}/newsfaq", "Connection refused"),
        "password": (postgres.url(password="s3cret-pw"), "password authentication failed"),
        "database": (postgres.url(database="nowhere"), 'database "nowhere" does not exist'),
    }
    for name, (url, reason) in cases.items():
        result = run("list", "--db", url)
        message = result.stderr.decode()
        assert result.returncode == 1 and len(message.strip().splitlines()) == 1, (name, message)
        assert reason in message and "127.0.0.1:" in message and "s3cret" not in message, (name, message)
        assert "'nowhere'" in message if name == "database" else "'newsfaq'" in message


def _tables(url: str) -> list[str]:
    with psycopg.connect(url) as connection:
        return [r[0] for r in connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]


def test_reading_never_creates_the_schema_and_db_upgrade_does(postgres_url):
    result = run("list", "--db", postgres_url)
    assert result.returncode == 1 and b"holds no newsfaq archive" in result.stderr and b"db upgrade" in result.stderr
    assert _tables(postgres_url) == []
    upgraded = run("db", "upgrade", "--db", postgres_url)
    assert upgraded.returncode == 0 and b"schema is current (0 article(s))" in upgraded.stderr
    assert sorted(_tables(postgres_url)) == ["articles", "newsfaq_meta", "sentences", "vectors"]
    assert run("db", "upgrade", "--db", postgres_url).returncode == 0  # again: nothing to do
    assert run("list", "--db", postgres_url).returncode == 0


def test_an_archive_from_a_newer_newsfaq_or_another_apps_tables_are_refused_unchanged(postgres_url):
    PostgresStore(postgres_url, create=True).close()
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute("UPDATE newsfaq_meta SET value = %s WHERE key = 'schema_version'", (SCHEMA_VERSION + 1,))
    for create in (False, True):
        with pytest.raises(ArchiveError, match="newer newsfaq|upgrade newsfaq"):
            PostgresStore(postgres_url, create=create)
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute("DROP TABLE newsfaq_meta, vectors, sentences, articles")
        connection.execute("CREATE TABLE articles (id int)")
    with pytest.raises(ArchiveError, match="not a newsfaq archive"):
        PostgresStore(postgres_url, create=True)
    assert _tables(postgres_url) == ["articles"]


def _prepared(article_id: str, *texts: str) -> PreparedArticle:
    stored, sentences = article(article_id, *texts)
    return PreparedArticle(stored, sentences, np.array([vector(t) for t in texts]), signature(stored.body))


SHARED = "The port said the strike would continue."
ARTICLES = [(f"a{n}", f"Dock workers struck on day {n}.", SHARED, f"Talks {n} resume on Monday.") for n in range(40)]


def _add_all(url: str, order: list[int], start: multiprocessing.Barrier) -> None:
    store = PostgresStore(url)
    start.wait()
    for n in order:
        store.add(*_store_args(ARTICLES[n]))
    store.close()


def _store_args(texts):
    item = _prepared(*texts)
    return item.article, item.sentences, item.signature, item.article.id, item.vectors


def test_two_processes_adding_overlapping_articles_store_each_exactly_once(postgres_url):
    PostgresStore(postgres_url, create=True).close()
    start = multiprocessing.get_context("spawn").Barrier(2)
    first, second = list(range(0, 30)), list(reversed(range(10, 40)))  # 20 in common, met in opposite orders
    processes = [multiprocessing.get_context("spawn").Process(target=_add_all, args=(postgres_url, order, start))
                 for order in (first, second)]  # fmt: skip
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
        assert process.exitcode == 0
    with psycopg.connect(postgres_url) as connection:
        assert connection.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (40, 40)
        per_article = connection.execute("SELECT article_id, count(*) FROM sentences GROUP BY 1").fetchall()
        assert sorted(per_article) == sorted((f"a{n}", 3) for n in range(40))
        uses = dict(connection.execute("SELECT encode(key, 'hex'), uses FROM vectors").fetchall())
        assert len(uses) == 81 and sorted(uses.values()) == [1] * 80 + [40]  # the shared sentence: 40 uses


def _kill_inserts(postgres, url: str, text: str, times: str) -> None:
    """A trigger that ends its own server process while a sentence holding ``text`` is inserted: the first
    time only (``times`` 'once') or every time ('always'): the connection drops mid-add, its transaction lost."""
    database = url.rsplit("/", 1)[1]
    condition = "nextval('kills') = 1" if times == "once" else "true"
    postgres.admin("CREATE SEQUENCE kills", database)
    postgres.admin(
        f"""CREATE FUNCTION kill() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                IF strpos(NEW.text, '{text}') > 0 AND {condition} THEN PERFORM pg_terminate_backend(pg_backend_pid());
                END IF; RETURN NEW; END $$""",
        database,
    )
    postgres.admin("CREATE TRIGGER kill BEFORE INSERT ON sentences FOR EACH ROW EXECUTE FUNCTION kill()", database)
    postgres.admin("GRANT USAGE ON SEQUENCE kills TO newsfaq", database)


def _stored_sentences(url: str) -> dict[str, int]:
    with psycopg.connect(url) as connection:
        return dict(connection.execute("SELECT article_id, count(*) FROM sentences GROUP BY 1").fetchall())


def test_an_add_whose_connection_is_killed_midway_is_retried_and_stored_once(postgres, postgres_url):
    store = PostgresStore(postgres_url, create=True)
    _kill_inserts(postgres, postgres_url, "on day 1.", "once")
    report = AddReport()
    Writer(store).add([_prepared(*ARTICLES[n]) for n in range(3)], report)
    assert (report.added, report.failed) == (3, [])
    assert _stored_sentences(postgres_url) == {"a0": 3, "a1": 3, "a2": 3}
    store.close()


def test_an_article_whose_connection_keeps_dropping_is_recorded_and_the_others_are_stored(postgres, postgres_url):
    store = PostgresStore(postgres_url, create=True)
    _kill_inserts(postgres, postgres_url, "on day 1.", "always")
    report = AddReport()
    Writer(store).add([_prepared(*ARTICLES[n]) for n in range(3)], report)
    assert report.added == 2 and [article_id for article_id, _ in report.failed] == ["a1"]
    # the server's words for a killed backend depend on timing: "server closed the connection unexpectedly" or
    # "terminating connection due to administrator command" (seen under load)
    assert re.search(r"could not store a1 \((server closed the connection|terminating connection)", report.failed[0][1])
    assert _stored_sentences(postgres_url) == {"a0": 3, "a2": 3} and store.get("a1") is None
    store.close()


def test_the_cli_add_names_an_article_it_could_not_store_and_exits_1(postgres, postgres_url, feed):
    PostgresStore(postgres_url, create=True).close()
    _kill_inserts(postgres, postgres_url, "island ferry", "always")
    result = run("add", *feed, "--db", postgres_url)
    assert result.returncode == 1 and b"could not store " in result.stderr and b"WARNING" not in result.stderr
    assert b"3 added" in result.stderr and b"1 skipped" in result.stderr
    with Archive(postgres_url) as archive:
        assert sorted(a.article.source_id or "example" for a in archive.store.articles()) == [
            "base-2023",
            "base-2024",
            "example",
        ]
