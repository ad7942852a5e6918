"""The core every face calls: what it decides once for the CLI, the web app and the batch runner."""

import pytest

from newsfaq import load_article
from newsfaq.errors import InputError, NotFound
from newsfaq.model import QAPair
from newsfaq.service import Newsfaq
from newsfaq.settings import Reading
from newsfaq.store.memory import MemoryStore


@pytest.fixture(scope="module")
def example(example_path):
    return load_article(example_path)


@pytest.fixture
def core(example):
    """A core over an in-memory archive holding the example: the archive needs no particular backend."""
    with Newsfaq(store=MemoryStore()) as core:
        core.add([("example.txt", example)])
        yield core


def test_check_takes_claims_else_the_given_faq_else_the_articles_own(example):
    claims = Newsfaq.check(example, claims=["About 1,200 workers joined the stoppage.", "  "])
    assert [item for item, _ in claims.items] == [None]  # a blank claim is no claim
    given = [QAPair("How many joined?", "About 1,200 workers joined the stoppage.")]
    assert [item for item, _ in Newsfaq.check(example, faq=given).items] == given
    own = Newsfaq.check(example)
    assert [item.question for item, _ in own.items] == [item.question for item in example.existing_faq]
    assert own.to_dict()["schema"] == "newsfaq.check/1"


def test_check_names_the_field_when_there_is_nothing_to_check(example):
    with pytest.raises(InputError) as blank:
        Newsfaq.check(example, claims=["", " "])
    assert blank.value.field == "claims"
    with pytest.raises(InputError) as empty:
        Newsfaq.check(example, faq=[])
    assert empty.value.field == "faq"


def test_add_stores_what_was_read_and_records_what_was_not(core, example):
    bad = InputError("broken.txt: no article text found")
    result = core.add([("example.txt", example), ("broken.txt", bad)])
    assert result.failures == [("broken.txt", bad)]
    assert result.articles == [example] and result.report.duplicates == 1 and result.report.added == 0
    assert core.count() == 1


def test_the_archive_answers_searches_and_lists_through_any_store(core, example):
    answer = core.ask("How many workers joined the stoppage?")
    assert "1,200" in answer.answer and answer.evidence[0].article.id == example.id
    assert core.search("stoppage", limit=3).to_dict()["hits"]
    assert [stored.article.id for stored in core.articles()] == [example.id]


def test_strict_asks_for_more_confidence_than_the_default(core):
    question = "How many workers joined the stoppage?"
    relaxed, strict = core.ask(question), core.ask(question, strict=True)
    assert relaxed.answer is not None
    assert strict.answer is None or strict.confidence >= 0.8


def test_reading_settings_reach_the_archive():
    with Newsfaq(store=MemoryStore(), reading=Reading(retrieve=5)) as core:
        assert core.archive().reading.retrieve == 5


def test_what_is_not_there_is_not_found(core):
    with pytest.raises(NotFound) as missing:
        core.remove("no-such-id")
    assert missing.value.field == "article_id"
    with pytest.raises(NotFound, match="no archive"):
        Newsfaq().search("anything")
    assert Newsfaq().count() == 0
