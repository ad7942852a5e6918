"""The parse keeps the shared split and parses long bodies in chunks."""

from __future__ import annotations

from newsfaq import load_article, make_faq
from newsfaq.nlp import analysis
from newsfaq.nlp.analysis import analyze


def test_chunked_parse_matches_the_whole_parse(example_path, monkeypatch):
    article = load_article(example_path)
    whole = analyze(article)
    monkeypatch.setattr(analysis, "CHUNK_CHARS", 300)
    chunked = analyze(article)
    assert chunked.doc.text == article.body
    assert chunked.sentences == whole.sentences
    assert [s.text for s in chunked.spans] == [s.text for s in whole.spans]
    assert [(e.text, e.label_) for e in chunked.doc.ents] == [(e.text, e.label_) for e in whole.doc.ents]


def test_a_body_over_spacys_length_limit_gets_an_faq(example_path):
    """spaCy refuses texts over 1,000,000 characters (E088); the FAQ reads only as far as it can cite."""
    article = load_article(example_path)
    body = "\n\n".join([article.body] * (1_000_000 // len(article.body) + 2))
    assert len(body) > 1_000_000
    faq = make_faq(type(article)(id="long", body=body, date=article.date))
    assert faq.items
    assert all(body[c.start : c.end] == c.text for item in faq.items for c in item.citations)
