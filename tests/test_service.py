"""The core every face calls: what it decides once for the CLI, the web app and the batch runner."""

import pytest

from newsfaq import load_article
from newsfaq.ask.answerability import STRICT_AT
from newsfaq.errors import InputError, NotFound
from newsfaq.model import QAPair
from newsfaq.service import Newsfaq, split_inputs
from newsfaq.settings import Reading, Settings
from newsfaq.store.memory import MemoryStore


@pytest.fixture(scope="module")
def example(example_path):
    return load_article(example_path)


@pytest.fixture
def core(example):
    """A core over an in-memory archive holding the example: the archive needs no particular backend."""
    with Newsfaq(store=MemoryStore()) as core:
        core.add([example])
        yield core


def test_check_takes_claims_else_the_given_faq_else_the_articles_own(example):
    core = Newsfaq()
    claims = core.check(example, claims=["About 1,200 workers joined the stoppage.", "  "])
    assert [item for item, _ in claims.items] == [None]  # a blank claim is no claim
    given = [QAPair("How many joined?", "About 1,200 workers joined the stoppage.")]
    assert [item for item, _ in core.check(example, faq=given).items] == given
    own = core.check(example)
    assert [item.question for item, _ in own.items] == [item.question for item in example.existing_faq]
    assert own.to_dict()["schema"] == "newsfaq.check/1"


def test_check_names_the_field_when_there_is_nothing_to_check(example):
    with pytest.raises(InputError) as blank:
        Newsfaq().check(example, claims=["", " "])
    assert blank.value.field == "claims"
    with pytest.raises(InputError) as empty:
        Newsfaq().check(example, faq=[])
    assert empty.value.field == "faq"


def test_inputs_that_were_not_read_are_set_apart_and_the_rest_stored_once(core, example):
    bad = InputError("broken.txt: no article text found")
    articles, failures = split_inputs([("example.txt", example), ("broken.txt", bad)])
    assert articles == [example] and failures == [("broken.txt", bad)]
    report = core.add(articles)
    assert (report.added, report.duplicates) == (0, 1) and core.count() == 1


def test_the_archive_answers_searches_and_lists_through_any_store(core, example):
    answer = core.ask("How many workers joined the stoppage?")
    assert "1,200" in answer.answer and answer.evidence[0].article.id == example.id
    assert core.search("stoppage", limit=3).to_dict()["hits"]
    assert [stored.article.id for stored in core.articles()] == [example.id]


def test_strict_and_the_settings_bar_decide_whether_to_answer(core, example):
    question = "How many workers joined the stoppage?"
    relaxed = core.ask(question)
    assert relaxed.answer is not None and relaxed.confidence < STRICT_AT  # so strict must decline it
    assert core.ask(question, strict=True).answer is None
    one = Newsfaq().ask(question, article=example)
    demanding = Newsfaq(settings=Settings(reading=Reading(answer_at=one.confidence + 0.01)))
    assert one.answer is not None and demanding.ask(question, article=example).answer is None


def test_reading_settings_change_how_the_archive_ranks(example):
    ranked = []
    for weight in (0.0, 0.2):
        with Newsfaq(store=MemoryStore(), settings=Settings(reading=Reading(closeness_weight=weight))) as core:
            core.add([example])
            ranked.append([hit.relevance for hit in core.search("strike automation", limit=3).hits])
    assert ranked[0] != ranked[1]


def test_what_is_not_there_is_not_found(core):
    with pytest.raises(NotFound) as missing:
        core.remove("no-such-id")
    assert missing.value.field == "article_id"
    with pytest.raises(NotFound, match="no archive"):
        Newsfaq().search("anything")
    assert Newsfaq().count() == 0
