import json

from rich.console import Console

from newsfaq.model import Article, Citation, QAPair, Verdict
from newsfaq.render.report import report_dict, report_markup

ARTICLE = Article(id="a1", body="Workers struck [bold]today[/bold].", date="2025-03-14")
PART = Verdict("Workers struck", "supported", 0.9, [Citation(0, 0, 34, ARTICLE.body)], "sentence 1 says this")
BAD = Verdict("for [red]two weeks[/red]", "unsupported", 0.1, [], "the article does not mention two weeks")
ITEM = Verdict("Workers struck for two weeks.", "unsupported", 0.1, PART.evidence, "1 of 2 unsupported", [PART, BAD])


def _plain(markup: str) -> str:
    console = Console(record=True, width=200)
    console.print(markup, soft_wrap=True)
    return console.export_text()


def test_report_shows_each_claim_with_reason_and_quoted_evidence_and_escapes_text():
    text = _plain(report_markup([(QAPair("How long?", ITEM.claim), ITEM)]))
    assert "How long?" in text and "? unsupported (0.10)" in text and "✓ supported (0.90)" in text
    assert "for [red]two weeks[/red]" in text  # a claim's brackets are text, not markup
    assert "sentence 1: “Workers struck [bold]today[/bold].”" in text
    assert text.rstrip().endswith("1 unsupported")


def test_json_report_is_versioned_and_round_trips():
    data = json.loads(json.dumps(report_dict(ARTICLE, [(None, ITEM)])))
    assert data["schema"] == "newsfaq.check/1" and data["article"]["date"] == "2025-03-14"
    assert data["items"][0]["question"] is None
    assert Verdict.from_dict(data["items"][0]["verdict"]) == ITEM
