"""One splitter for every command: the same sentence has the same number everywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfaq import Article, load_article
from newsfaq.archive import Archive
from newsfaq.ask.answering import passage_of
from newsfaq.check.checker import check_many
from newsfaq.check.index import index_articles
from newsfaq.ingest.assemble import assemble_article
from newsfaq.nlp.analysis import analyze_many
from newsfaq.nlp.sentences import MAX_BLOCK_CHARS, split_sentences

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def test_a_paragraph_break_always_ends_a_sentence():
    body = "Workers walked out across the country\n\nShipping companies reacted with alarm."
    assert [s.text for s in split_sentences([body])[0]] == [
        "Workers walked out across the country",
        "Shipping companies reacted with alarm.",
    ]


def test_the_bundled_example_splits_at_its_paragraph_break(example_path):
    texts = [s.text for s in split_sentences([load_article(example_path).body])[0]]
    assert "Shipping companies reacted with alarm." in texts


def test_offsets_point_into_the_body():
    body = "  First one here. Second one\nwraps a line.\n\n  Third after a break!  "
    for sentence in split_sentences([body])[0]:
        assert body[sentence.start : sentence.end] == sentence.text


def test_a_body_with_no_full_stops_is_cut_into_bounded_sentences():
    body = "word " * (3 * MAX_BLOCK_CHARS // 5)
    sentences = split_sentences([body])[0]
    assert len(sentences) >= 3
    assert max(len(s.text) for s in sentences) <= MAX_BLOCK_CHARS


def _dev_articles(limit_per_set: int) -> list[Article]:
    if not DATA.exists():
        pytest.skip(f"no shared data at {DATA}")
    articles = [load_article(path) for path in sorted((DATA / "articles").glob("*.txt"))]
    bodies: list[str] = []
    for name in ("qags_cnndm.jsonl", "qags_xsum.jsonl"):
        lines = (DATA / "check-dev" / name).read_text(encoding="utf-8").splitlines()
        bodies += list(dict.fromkeys(json.loads(line)["article"] for line in lines))[:limit_per_set]
    summedits = json.loads((DATA / "check-dev" / "summedits_news.json").read_text(encoding="utf-8"))
    bodies += list(dict.fromkeys(item["doc"] for item in summedits))[:limit_per_set]
    return articles + [assemble_article(body, name=f"dev{n}", date="2024-01-01") for n, body in enumerate(bodies)]


def test_every_command_numbers_sentences_the_same(tmp_path):
    """faq's parse, the checker's index, the archive and ask over one article give one sentence list."""
    articles = _dev_articles(limit_per_set=12)
    split = split_sentences([a.body for a in articles])
    parsed = [analysis.sentences for analysis in analyze_many(articles)]
    indexed = [[entry.sentence for entry in index.sentences] for index in index_articles([a.body for a in articles])]
    assert parsed == split
    assert indexed == split
    with Archive(tmp_path / "a.db", create=True) as archive:
        archive.add(articles[:6])
        for article, sentences in zip(articles[:6], split, strict=False):
            stored = archive.store.db.execute(
                "SELECT idx, start_char, end_char, text FROM sentences WHERE article_id = ? ORDER BY idx", (article.id,)
            ).fetchall()
            assert stored == [(s.index, s.start, s.end, s.text) for s in sentences]
    for article, sentences in zip(articles[:3], split, strict=False):
        assert passage_of(article).offsets == [(s.index, s.start, s.end) for s in sentences]
        verdict = check_many([(article, sentences[-1].text)])[0]
        by_index = {s.index: (s.start, s.end, s.text) for s in sentences}
        assert verdict.evidence
        assert all(by_index[c.sentence] == (c.start, c.end, c.text) for c in verdict.evidence)
