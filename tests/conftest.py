"""Shared fixtures: example articles and the reference article from ../shared/data."""

from __future__ import annotations

import itertools
import os
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import postgres_server
import pytest

# The checker's model judge, the model question writer and the model reader are off unless a test asks for
# them (``judge=``, ``--judge``, ``faq_engine=``, ``--engine``, ``model=``): the other tests pin the fast engines'
# output, and the same suite runs with and without the model installed. Set before any CLI subprocess starts,
# so they inherit it.
os.environ["NEWSFAQ_JUDGE"] = "off"
os.environ["NEWSFAQ_FAQ_ENGINE"] = "fast"
os.environ["NEWSFAQ_ASK_ENGINE"] = "fast"
os.environ.pop("NEWSFAQ_LLM_URL", None)
# The CLI tests run the command in-process, where its module-level stderr console picks its colours when it is
# imported: from a terminal (pytest -s) it would colour the messages the tests read. A real run's stderr is a
# pipe here, so tell Rich that no stream is a terminal, for in-process runs and subprocesses alike.
os.environ["TTY_COMPATIBLE"] = "0"

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "harbour_strike.txt"
REFERENCE = ROOT.parent / "shared" / "data" / "articles" / "000_31ed11bd7c1c5854.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow", action="store_true", default=False, help="also run the tests marked slow (the quality gate)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``slow`` skip unless ``--run-slow`` is given (the README's test command and CI give it)."""
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow")
    for item in items:
        if item.get_closest_marker("slow"):
            item.add_marker(skip)


class ScriptedReader:
    """A model reader that always names the same words, and keeps the prompts it was given."""

    def __init__(self, reply: str) -> None:
        self.answer, self.prompts = reply, []

    def reply(self, messages, *, max_tokens=64, stop=None):
        self.prompts.append(messages[-1]["content"])
        return self.answer


@pytest.fixture(scope="session")
def scripted_reader() -> type[ScriptedReader]:
    """``scripted_reader("words")``: a model reader with that reply, for tests that need no real model."""
    return ScriptedReader


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def reference_path() -> Path:
    if not REFERENCE.exists():
        pytest.skip(f"reference article not found at {REFERENCE} (needs ../shared/data)")
    return REFERENCE


@pytest.fixture(scope="session")
def reference_faq(reference_path):
    from newsfaq import load_article, make_faq

    article = load_article(reference_path)
    return article, make_faq(article)


@pytest.fixture(scope="session")
def example_faq(example_path):
    from newsfaq import load_article, make_faq

    article = load_article(example_path)
    return article, make_faq(article)


@pytest.fixture(scope="session")
def local_model():
    """The local instruct model; its tests skip where the ``llm`` extra is not installed, and fail instead
    when NEWSFAQ_REQUIRE_LLM is set (CI installs the extra, so a silent skip there would hide a break)."""
    import os

    from newsfaq.nlp import llm

    problem = llm.missing()
    if problem:
        if os.environ.get("NEWSFAQ_REQUIRE_LLM"):
            pytest.fail(f"the local model is required here: {problem}")
        pytest.skip(f"the local model is not installed: {problem}")
    return llm.get_model()


@pytest.fixture(scope="session")
def free_port():
    """A function giving a loopback port nobody listens on, for a server a test starts."""
    return postgres_server.free_port


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL server (tests/postgres_server.py) for the whole session. Its tests skip where
    Debian's postgresql is not installed, and fail instead when NEWSFAQ_REQUIRE_POSTGRES is set (as in CI)."""
    if postgres_server.binaries() is None:
        if os.environ.get("NEWSFAQ_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required here: apt-get install postgresql")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    with postgres_server.throwaway_server() as server:
        yield server


@pytest.fixture
def postgres_url(postgres) -> str:
    """The URL of a new, empty database owned by the ``newsfaq`` role (``reader`` may SELECT what it
    creates), dropped after the test."""
    name = f"t{next(_databases)}"
    postgres.admin(f"CREATE DATABASE {name} OWNER newsfaq")
    postgres_server.grant_reading(postgres, name)
    yield postgres.url(database=name)
    postgres.admin(f"DROP DATABASE {name} WITH (FORCE)")


_databases = itertools.count()


@contextmanager
def _running(command: list[str], ready_url: str, what: str, wait_seconds: float = 120):
    """Run ``command`` (a server) until the block ends, once ``ready_url`` answers; a server that exits or
    never answers fails the test with its output."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            urllib.request.urlopen(ready_url, timeout=1)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"{what} did not start: {process.stdout.read().decode(errors='replace')}")
            time.sleep(0.25)
    try:
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def running():
    """``running(command, ready_url, what)``: a context manager around a server the test starts."""
    return _running
