"""An archive holding the bundled example and two dated reports on one base,
served in-process (TestClient) for the API tests."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsfaq import Article, load_article
from newsfaq.archive import Archive
from newsfaq.web import create_app

OLD = Article(
    id="old-report",
    date="2023-05-02",
    title="Base keeps its garrison",
    body="About 1,800 soldiers are stationed at the northern base, officials said on Tuesday. "
    "The base was opened in 2015 to train local forces.",
)
NEW = Article(
    id="new-report",
    date="2024-09-10",
    title="More troops for the north",
    body="About 2,300 soldiers are stationed at the northern base after a new deployment, the ministry said. "
    "The deployment follows months of talks with the regional government.",
)


@pytest.fixture(scope="session")
def archive_path(tmp_path_factory, example_path):
    path = tmp_path_factory.mktemp("web") / "archive.db"
    with Archive(path, create=True) as archive:
        archive.add([OLD, NEW, load_article(example_path)])
    return path


@pytest.fixture(scope="session")
def client(archive_path):
    """A read-only server over the archive (the default of ``newsfaq serve --db``)."""
    with TestClient(create_app(archive_path)) as client:
        yield client


@pytest.fixture(scope="session")
def example_text(example_path) -> str:
    return example_path.read_text(encoding="utf-8")
