import json

import pytest

from newsfaq import InputError, MissingDateError, iter_articles, load_article, parse_article
from newsfaq.model import Article
from newsfaq.settings import Settings

BODY = (
    "The city council voted on Tuesday to close the old bridge for repairs. "
    "Engineers said the work would take about six months and cost 4 million euros."
)


def test_dated_layout_with_faq_section(example_path):
    article = load_article(example_path)
    assert article.date == "2025-03-14"
    assert article.body.startswith("Dock workers at the Port of Rotterdam")
    assert "FAQs" not in article.body
    assert [q.question for q in article.existing_faq] == [
        "Why are the Rotterdam dock workers on strike?",
        "How long will the strike last?",
    ]
    assert article.existing_faq[1].answer.startswith("The union has said")


def test_reference_layout_date_on_the_body_line(reference_path):
    article = load_article(reference_path)
    assert article.date == "2024-01-06"
    assert article.body.startswith("Iraq’s Prime Minister")
    assert len(article.existing_faq) == 2
    assert "mortar fire" not in article.body


def test_plain_text_title_and_date_option():
    article = parse_article(f"Bridge to close\n\n{BODY}", date="2024-05-07")
    assert article.title == "Bridge to close"
    assert article.date == "2024-05-07"
    assert article.body == BODY


def test_plain_text_date_found_in_dateline():
    article = parse_article(f"Published: May 7, 2024\n{BODY}")
    assert article.date == "2024-05-07"


def test_missing_date_is_a_clear_error():
    with pytest.raises(MissingDateError, match="no publication date found; set date to YYYY-MM-DD"):
        parse_article(BODY)


def test_html_page():
    page = (
        "<html><head><title>Bridge to close</title>"
        '<meta property="article:published_time" content="2024-05-07"></head><body><article>'
        f"<h1>Bridge to close</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>"
    )
    article = parse_article(page, name="page.html")
    assert article.date == "2024-05-07"
    assert "old bridge" in article.body
    assert article.title == "Bridge to close"


def test_html_without_article_text():
    with pytest.raises(InputError, match="no article text"):
        parse_article("<html><body><nav><a href='/'>Home</a></nav></body></html>", name="x.html", date="2024-01-01")


def test_json_record_and_jsonl_feed(tmp_path):
    record = {"id": "a1", "title": "Bridge", "date": "2024-05-07", "text": BODY, "url": "https://example.org/a1"}
    article = parse_article(json.dumps(record), name="a.json")
    assert (article.source_id, article.url, article.date) == ("a1", "https://example.org/a1", "2024-05-07")
    # The record's id is metadata: the id is the content hash, the same whatever id the feed gave.
    assert article.id == parse_article(json.dumps({**record, "id": 1}), name="b.json").id != "a1"
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps(record)
        + "\n{not json\n"
        + json.dumps({"id": "a2", "date": "2024-05-08"})
        + "\n"
        + json.dumps({**record, "id": "a3", "body": BODY, "text": None})
        + "\n"
    )
    results = list(iter_articles([feed]))
    assert [type(r).__name__ for _, r in results] == ["Article", "InputError", "InputError", "Article"]
    assert "feed.jsonl:2" in str(results[1][1])
    assert "'text'" in str(results[2][1])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00", "binary"),
        (b'{"title": "x", "date": "2024-01-01"', "malformed JSON"),
        (b"date 2024-01-01\nToo short.", "no article text"),
    ],
)
def test_bad_files_get_one_line_errors(tmp_path, content, message):
    path = tmp_path / ("bad.json" if content.startswith(b"{") else "bad.txt")
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        load_article(path)
    assert "\n" not in str(caught.value)


def test_size_limit_and_missing_path(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("date 2024-01-01\n" + BODY * 100)
    with pytest.raises(InputError, match="over the"):
        load_article(big, settings=Settings(max_input_bytes=1000))
    with pytest.raises(InputError, match="no such file"):
        load_article(tmp_path / "missing.txt")


def test_latin1_file_is_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(
        ("date 2024-01-01\nLe café de la gare a fermé ses portes après trente années. " * 3).encode("cp1252")
    )
    assert "café" in load_article(path).body


def test_directory_walk_reports_bad_file_and_goes_on(tmp_path, example_path):
    (tmp_path / "good.txt").write_bytes(example_path.read_bytes())
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "notes.csv").write_text("ignored")
    results = dict(iter_articles([tmp_path]))
    assert set(results) == {str(tmp_path / "empty.txt"), str(tmp_path / "good.txt")}
    assert isinstance(results[str(tmp_path / "empty.txt")], InputError)
    assert results[str(tmp_path / "good.txt")].date == "2025-03-14"


def test_invalid_utf8_is_refused_not_guessed(tmp_path):
    path = tmp_path / "broken.txt"
    prose = b"The minister said the plan works. " * 3
    path.write_bytes(b"date 2024-01-01\n" + prose + b"\xc3\x28 and \xe2\x80 \xa9\xff")
    with pytest.raises(InputError, match=r"0xc3 at position \d+ is not UTF-8.*Windows-1252"):
        load_article(path)


def test_windows_1252_english_is_read(tmp_path):
    path = tmp_path / "western.txt"
    text = "date 2024-01-01\nCafé prices rose by 5% — “a blow”, the mayor said of the £5 fee. " * 2
    path.write_bytes(text.encode("cp1252"))
    assert "“a blow”" in load_article(path).body


def test_a_text_file_starting_with_a_bracket_is_read_as_text(tmp_path):
    path = tmp_path / "bracket.txt"
    path.write_text("[Updated] The council closed the bridge on Monday after engineers found cracks in two piers.")
    assert load_article(path, date="2024-01-01").body.startswith("[Updated] The council")
