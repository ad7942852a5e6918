import json

import pytest

from newsfaq.archive import Archive
from newsfaq.ask.question_analysis import analyse_question
from newsfaq.errors import InputError
from newsfaq.model import Article

OLD = Article(
    id="old",
    date="2023-05-02",
    body="About 1,800 soldiers are stationed at the northern base, officials said on Tuesday. "
    "The base was opened in 2015 to train local forces.",
)
NEW = Article(
    id="new",
    date="2024-09-10",
    body="About 2,300 soldiers are stationed at the northern base after a new deployment, the ministry said. "
    "The deployment follows months of talks with the regional government.",
)


@pytest.fixture
def archive(tmp_path):
    archive = Archive(tmp_path / "a.db", create=True)
    archive.add([OLD, NEW])
    yield archive
    archive.close()


def test_present_question_prefers_the_newest_source_and_shows_the_older_one(archive):
    answer = archive.ask("How many soldiers are stationed at the northern base?")
    assert "2,300" in answer.answer and answer.as_of == "2024-09-10"
    assert [(a.as_of, "1,800" in a.answer) for a in answer.alternatives] == [("2023-05-02", True)]


def test_as_of_answers_as_the_archive_stood_then(archive):
    answer = archive.ask("How many soldiers are stationed at the northern base?", as_of="2024-01-01")
    assert "1,800" in answer.answer and answer.as_of == "2023-05-02" and not answer.alternatives


def test_the_archive_abstains_when_nothing_answers(archive):
    answer = archive.ask("Who won the cycling race in Lyon?")
    assert answer.answer is None and "archive does not say" in answer.message.lower()


def test_adding_twice_stores_once_and_copies_join_a_group(archive, example_path):
    from newsfaq import load_article

    wire = load_article(example_path)
    copy = Article(id="copy", date="2025-03-15", body=wire.body + "\n\nReporting by the wire desk; editing by staff.")
    report = archive.add([NEW, wire, copy])
    assert (report.added, report.duplicates, report.grouped) == (2, 1, 1)
    groups = {stored.article.id: stored.group for stored in archive.articles()}
    assert groups["copy"] == wire.id
    assert archive.stats()["story_groups"] == 3


def test_timeline_places_events_by_the_time_a_sentence_names(archive):
    entries = archive.timeline("northern base")
    assert [(e.hit.article.id, e.when, e.dated_by) for e in entries] == [
        ("old", "2023-05-02", "sentence"),  # "on Tuesday", read against a report dated Tuesday 2 May 2023
        ("new", "2024-09-10", "article"),
    ]
    opened = archive.timeline("base was opened")
    assert [(e.when, e.dated_by) for e in opened] == [("2015", "sentence")]


def test_copies_of_one_story_are_read_once(archive, example_path):
    from newsfaq import load_article

    wire = load_article(example_path)
    copy = Article(id="copy", date="2025-03-15", body=wire.body + "\n\nReporting by the wire desk; editing by staff.")
    archive.add([wire, copy])
    question = analyse_question("How many workers joined?")
    passages = archive._passages(question, *archive._retrieve(question, None, None))
    assert len({p.article.id for p in passages}) == len(passages)
    assert not {wire.id, "copy"} <= {p.article.id for p in passages}


def test_bad_dates_are_errors(archive):
    with pytest.raises(InputError, match="not a date"):
        archive.ask("How many soldiers?", since="last week")


def test_a_wire_copy_embeds_only_the_sentences_the_archive_lacks(archive, example_path, monkeypatch):
    from newsfaq import load_article
    from newsfaq.nlp.embeddings import get_embedder

    wire = load_article(example_path)
    archive.add([wire])
    embedded = []
    embed = get_embedder().embed
    monkeypatch.setattr(get_embedder(), "embed", lambda texts: embedded.extend(texts) or embed(texts))
    copy = Article(id="copy", date="2025-03-15", body=wire.body + "\n\nReporting by the wire desk; editing by staff.")
    archive.add([copy])
    assert len(embedded) == 1 and embedded[0].endswith("editing by staff.")  # only the sentence that changed


def test_an_archive_without_stored_embeddings_is_still_answered(archive):
    with archive.store.db:
        archive.store.db.execute("DELETE FROM vectors")  # as an archive written before embeddings were stored
    answer = archive.ask("How many soldiers are stationed at the northern base?")
    assert "2,300" in answer.answer


def test_search_ranks_by_the_fused_score_and_honours_the_limit(archive):
    hits = archive.search("soldiers stationed at the base", limit=3)
    assert len(hits) == 3 and "soldiers are stationed" in hits[0].citation.text
    assert [h.relevance for h in hits] == sorted((h.relevance for h in hits), reverse=True)
    assert archive.search("soldiers", limit=5, until="2024-01-01")[0].article.id == "old"


def test_two_feeds_that_both_number_their_records_from_one_keep_both_articles(tmp_path):
    from newsfaq import iter_articles
    from newsfaq.render.archive_json import articles_json

    feeds = []
    for name, body in (("a", OLD.body), ("b", NEW.body)):
        feed = tmp_path / f"{name}.jsonl"
        feed.write_text(json.dumps({"id": "1", "date": "2024-09-10", "text": body}) + "\n")
        feeds.append(feed)
    articles = [article for _, article in iter_articles(feeds)]
    with Archive(tmp_path / "feeds.db", create=True) as archive:
        report = archive.add(articles)
        assert (report.added, report.duplicates) == (2, 0)
        stored = archive.articles()
    assert {s.article.id for s in stored} == {a.id for a in articles} and "1" not in {a.id for a in articles}
    assert [s.article.source_id for s in stored] == ["1", "1"]
    assert [a["source_id"] for a in articles_json(stored)["articles"]] == ["1", "1"]


def test_a_body_over_spacys_length_limit_is_stored_and_the_archive_still_answers(tmp_path, example_path):
    """A 1.1 MB body with no full stop used to become one sentence that spaCy refused (E088) at every ask."""
    from newsfaq import load_article

    filler = "the harbour board met the unions again and nothing changed " * 19_000
    huge = Article(id="huge", body=filler, date="2025-03-15")
    assert len(huge.body) > 1_000_000
    with Archive(tmp_path / "a.db", create=True) as archive:
        archive.add([huge, load_article(example_path)])
        answer = archive.ask("How many workers joined the stoppage?")
        assert answer.answer == "About 1,200"
        assert archive.search("harbour board unions", 3)


def test_the_article_that_names_the_questions_subject_is_read_before_better_matching_ones(tmp_path):
    """Three stories match "party", "belong" and "election" better than the one about Okafor, which names her
    in one sentence and her party in another; only hers can answer, so it is read although it ranks fourth."""
    other_stories = [
        "Delegates who belong to the party met in Leeds after the election to choose a new treasurer.",
        "Farmers who belong to the party's rural wing walked out after the election in protest.",
        "Students who belong to the party's youth group handed out leaflets after the election.",
    ]
    articles = [Article(id=f"other-{n}", date=f"2024-03-0{n}", body=body) for n, body in enumerate(other_stories, 1)]
    okafor = "Okafor opened the new library in Hebden on Friday. She is a councillor for the Green Party."
    question = "Which party does Okafor belong to after the election?"
    with Archive(tmp_path / "a.db", create=True) as archive:
        archive.add([*articles, Article(id="okafor", date="2024-03-08", body=okafor)])
        ranked = list(dict.fromkeys(hit.article.id for hit in archive.search(question)))
        assert ranked.index("okafor") == 3  # by its words alone her story would not be among the three read
        answer = archive.ask(question, answer_at=0.0)
    assert answer.answer and answer.evidence[0].article.id == "okafor"


def test_with_the_model_the_newest_source_is_read_first_and_an_older_one_that_differs_is_shown(
    archive, scripted_reader
):
    model = scripted_reader("About 2,300")
    answer = archive.ask("How many soldiers are stationed at the northern base?", model=model)
    assert model.prompts[0].index("2,300 soldiers") < model.prompts[0].index("1,800 soldiers")
    assert answer.answer == "About 2,300" and answer.as_of == "2024-09-10"
    assert [(a.as_of, "1,800" in a.answer) for a in answer.alternatives] == [("2023-05-02", True)]
