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


def test_html_escapes_every_attribute_whatever_a_field_holds():
    hostile = '"><img src=x onerror=alert(1)>'
    item = QAPair("Q?", "A.", citations=[Citation(sentence=hostile, start=0, end=1, text="A")], intent=hostile)
    html = render_faq(FAQ(article=ArticleRef(id=hostile), items=[item]), "html")
    assert "<img" not in html and '"><' not in html and html.count("&quot;&gt;&lt;img") == 3


def test_jsonld_cannot_end_the_script_block_it_is_embedded_in():
    faq = _hostile_faq()
    text = render_faq(faq, "jsonld")
    assert "<" not in text and ">" not in text
    page = json.loads(text)
    assert page["mainEntity"][0]["acceptedAnswer"]["text"] == faq.items[0].answer
    assert page["about"]["headline"] == "A & B"


def test_markdown_has_faqs_section_and_sources(example_faq):
    _, faq = example_faq
    text = render_faq(faq, "md")
    assert "\nFAQs\n" in text and f"**{faq.items[0].question}**" in text and "Source: sentence" in text


def test_article_round_trip():
    article = Article(id="a", body="Body text.", date="2024-01-01", existing_faq=[QAPair("Q?", "A.")])
    assert Article.from_dict(article.to_dict()) == article


def test_markdown_never_passes_article_text_through_as_html():
    markdown = render_faq(_hostile_faq(), "md")
    assert "<script>" not in markdown and "<b>" not in markdown
    assert "&lt;script>alert('x')&lt;/script> said the mayor." in markdown
    assert "<sub>" in markdown  # the renderer's own tag stays


def test_a_short_answer_stands_above_its_quote_and_round_trips():
    faq = _hostile_faq()
    faq.items[0].short_answer = "The mayor <warned> of an attack."
    data = json.loads(render_faq(faq, "json"))
    assert data["items"][0]["short_answer"] == "The mayor <warned> of an attack." and FAQ.from_dict(data) == faq
    markdown = render_faq(faq, "md")
    assert "The mayor &lt;warned> of an attack.\n\n> &lt;script>" in markdown
    html = render_faq(faq, "html")
    assert '<p class="short">The mayor &lt;warned&gt; of an attack.</p>' in html and "<blockquote>&lt;script" in html
    assert "short_answer" not in json.loads(render_faq(_hostile_faq(), "json"))["items"][0]
