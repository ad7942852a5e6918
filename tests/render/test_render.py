import json

from newsfaq.model import FAQ, Article, ArticleRef, Citation, QAPair
from newsfaq.render import render_faq


def _hostile_faq() -> FAQ:
    quote = "<script>alert('x')</script> said the mayor."
    item = QAPair(
        question="What did the <b>mayor</b> say?",
        answer=quote,
        citations=[Citation(sentence=0, start=0, end=len(quote), text=quote)],
        intent="said",
        confidence=0.5,
    )
    return FAQ(article=ArticleRef(id="x1", date="2024-01-01", title="A & B"), items=[item], generator="t")


def test_json_round_trips_into_the_dataclasses(example_faq):
    _, faq = example_faq
    data = json.loads(render_faq(faq, "json"))
    assert data["schema"] == "newsfaq.faq/1"
    assert FAQ.from_dict(data) == faq


def test_jsonld_is_a_schema_org_faq_page(example_faq):
    _, faq = example_faq
    page = json.loads(render_faq(faq, "jsonld"))
    assert page["@type"] == "FAQPage"
    first = page["mainEntity"][0]
    assert first["@type"] == "Question" and first["name"] == faq.items[0].question
    assert first["acceptedAnswer"]["text"] == faq.items[0].answer


def test_html_escapes_article_text():
    html = render_faq(_hostile_faq(), "html")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>" not in html


def test_markdown_has_faqs_section_and_sources(example_faq):
    _, faq = example_faq
    text = render_faq(faq, "md")
    assert "\nFAQs\n" in text and f"**{faq.items[0].question}**" in text and "Source: sentence" in text


def test_article_round_trip():
    article = Article(id="a", body="Body text.", date="2024-01-01", existing_faq=[QAPair("Q?", "A.")])
    assert Article.from_dict(article.to_dict()) == article
