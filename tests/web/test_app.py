"""The JSON API in-process: every endpoint, its errors, and that it prints
exactly what the CLI's ``--format json`` prints."""

from __future__ import annotations

import json
import shutil

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsfaq.cli import app as cli
from newsfaq.web import create_app


def _cli_json(*args: str) -> dict:
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_health_reports_the_archive_and_that_writes_are_off(client, archive_path):
    assert client.get("/api/health").json() == {
        "status": "ok", "version": "0.1.0", "archive": str(archive_path), "articles": 3, "writes": False,
    }  # fmt: skip


def test_faq_is_the_cli_json(client, example_text, example_path):
    response = client.post("/api/faq", json={"article": {"text": example_text, "name": "harbour_strike.txt"}})
    assert response.status_code == 200
    assert response.json() == _cli_json("faq", str(example_path))
    assert response.json()["schema"] == "newsfaq.faq/1"


def test_faq_of_an_archived_article_by_id(client):
    faq = client.post("/api/faq", json={"article": {"id": "new-report"}, "count": 2}).json()
    assert faq["article"]["id"] == "new-report" and 1 <= len(faq["items"]) <= 2
    body = client.get("/api/articles/new-report").json()["body"]
    for item in faq["items"]:
        for c in item["citations"]:
            assert body[c["start"] : c["end"]] == c["text"]


def test_check_is_the_cli_json_and_flags_the_planted_claim(client, example_text, example_path):
    report = client.post("/api/check", json={"article": {"text": example_text}}).json()
    assert report == _cli_json("check", str(example_path))
    labels = {item["question"]: item["verdict"]["label"] for item in report["items"]}
    assert labels["How long will the strike last?"] == "unsupported"


def test_check_claims_and_an_faq_given_as_markdown(client, example_text):
    claims = ["About 4,000 workers joined the stoppage.", "Maersk said it would divert some vessels to Antwerp."]
    report = client.post("/api/check", json={"article": {"text": example_text}, "claims": claims}).json()
    assert [i["verdict"]["label"] for i in report["items"]] == ["contradicted", "supported"]
    faq = "Where will ships go?\n\nMaersk said it would divert some vessels to Antwerp while the strike lasts.\n"
    report = client.post("/api/check", json={"article": {"text": example_text}, "faq": faq}).json()
    assert [(i["question"], i["verdict"]["label"]) for i in report["items"]] == [("Where will ships go?", "supported")]


def test_check_without_anything_to_check_names_what_to_send(client):
    response = client.post("/api/check", json={"article": {"id": "old-report"}})
    assert response.status_code == 422 and "send faq or claims" in response.json()["error"]


def test_ask_is_the_cli_json(client, archive_path):
    question = "How many soldiers are stationed at the northern base?"
    answer = client.post("/api/ask", json={"question": question}).json()
    assert answer == _cli_json("ask", question, "--db", str(archive_path))
    assert "2,300" in answer["answer"] and answer["as_of"] == "2024-09-10"
    assert [a["as_of"] for a in answer["alternatives"]] == ["2023-05-02"]


def test_ask_as_of_and_one_article(client, example_text):
    question = "How many soldiers are stationed at the northern base?"
    older = client.post("/api/ask", json={"question": question, "as_of": "2024-01-01"}).json()
    assert "1,800" in older["answer"]
    one = client.post("/api/ask", json={"question": "How many workers joined the stoppage?",
                                         "article": {"text": example_text}}).json()  # fmt: skip
    assert "1,200" in one["answer"] and one["evidence"][0]["citation"]["sentence"] == 2


def test_ask_abstains_when_the_archive_is_silent(client):
    answer = client.post("/api/ask", json={"question": "What is the capital of France?"}).json()
    assert answer["answer"] is None and "does not say" in answer["message"]


def test_articles_listing_paging_and_one_article(client):
    listing = client.get("/api/articles").json()
    assert listing["schema"] == "newsfaq.articles/1"
    assert [a["date"] for a in listing["articles"]] == ["2023-05-02", "2024-09-10", "2025-03-14"]
    assert [a["id"] for a in client.get("/api/articles?limit=1&offset=1").json()["articles"]] == ["new-report"]
    article = client.get("/api/articles/old-report").json()
    assert article["schema"] == "newsfaq.article/1" and article["title"] == "Base keeps its garrison"
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404 and "GET /api/articles" in missing.json()["error"]


def test_timeline_and_search(client):
    timeline = client.get("/api/timeline", params={"entity": "northern base"}).json()
    assert timeline["schema"] == "newsfaq.timeline/1"
    assert [e["article"]["id"] for e in timeline["entries"]] == ["old-report", "new-report"]
    hits = client.get("/api/search", params={"q": "deployment"}).json()["hits"]
    assert hits and all("deployment" in h["citation"]["text"].lower() for h in hits)


def test_parse_returns_the_body_that_citations_point_into(client, example_text):
    article = client.post("/api/parse", json={"article": {"text": example_text}}).json()
    assert article["date"] == "2025-03-14" and article["body"].startswith("Dock workers")
    assert len(article["existing_faq"]) == 2  # the article's own FAQ, kept apart from the body


def test_render_gives_markdown_and_faqpage_jsonld(client, example_text):
    faq = client.post("/api/faq", json={"article": {"text": example_text}, "count": 2}).json()
    markdown = client.post("/api/render", json={"faq": faq, "format": "md"})
    assert markdown.headers["content-type"].startswith("text/markdown") and faq["items"][0]["question"] in markdown.text
    jsonld = client.post("/api/render", json={"faq": faq, "format": "jsonld"}).json()
    assert jsonld["@type"] == "FAQPage" and len(jsonld["mainEntity"]) == len(faq["items"])


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "article"),
        ({"article": {}}, "article"),
        ({"article": {"text": "x", "id": "y"}}, "article"),
        ({"article": {"text": "x"}, "count": 0}, "count"),
        ({"article": {"text": 5}}, "article.text"),
    ],
)
def test_missing_or_wrong_fields_are_422_naming_the_field(client, body, field):
    response = client.post("/api/faq", json=body)
    assert response.status_code == 422
    assert response.json()["details"][0]["field"] == field and response.json()["error"].startswith(field)


def test_malformed_json_is_422(client):
    response = client.post("/api/faq", content=b'{"article": ', headers={"content-type": "application/json"})
    assert response.status_code == 422 and response.json()["error"].startswith("body: malformed JSON")


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        ("/api/faq", {"article": {"text": "date 2025-01-01\n\n\x00\x01\x02"}}, "no article text"),
        ("/api/faq", {"article": {"text": "<html><body><nav>Home | News</nav></body></html>"}}, "no article text"),
        ("/api/faq", {"article": {"text": "Workers walked off the job on Thursday at the port. " * 5}}, "article.date"),
        ("/api/faq", {"article": {"text": "{not json", "format": "json"}}, "JSON"),
        ("/api/ask", {"question": "   "}, "empty"),
        ("/api/ask", {"question": "Who?", "as_of": "last Tuesday"}, "YYYY-MM-DD"),
        ("/api/check", {"article": {"id": "nope"}, "claims": ["x"]}, "no article"),
    ],
)
def test_bad_input_is_a_one_line_error(client, path, body, message):
    response = client.post(path, json=body)
    assert response.status_code in (404, 422)
    error = response.json()["error"]
    assert message in error and "\n" not in error


def test_question_over_1000_characters_is_refused(client):
    response = client.post("/api/ask", json={"question": "why " * 300})
    assert response.status_code == 422 and response.json()["details"][0]["field"] == "question"


def test_bodies_over_5_mb_are_413_declared_or_streamed(client):
    big = b'{"article": {"text": "' + b"x" * (5 * 1024 * 1024) + b'"}}'
    declared = client.post("/api/faq", content=big, headers={"content-type": "application/json"})
    assert declared.status_code == 413 and "5 MB" in declared.json()["error"]

    def chunks():
        for start in range(0, len(big), 1 << 20):
            yield big[start : start + (1 << 20)]

    streamed = client.post("/api/faq", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413


def test_the_archive_is_read_only_unless_writes_are_allowed(client, archive_path, example_text, tmp_path):
    assert client.post("/api/articles", json={"articles": [{"text": example_text}]}).status_code == 403
    assert client.delete("/api/articles/old-report").status_code == 403
    writable = tmp_path / "copy.db"
    shutil.copy(archive_path, writable)
    with TestClient(create_app(writable, allow_writes=True)) as rw:
        bad = {"text": "no date here, and far too short"}
        added = rw.post("/api/articles", json={"articles": [{"text": example_text}, bad]}).json()
        assert (added["added"], added["duplicates"], len(added["errors"])) == (0, 1, 1)
        assert rw.delete("/api/articles/old-report").json() == {"removed": "old-report"}
        assert rw.get("/api/health").json()["articles"] == 2
        assert rw.delete("/api/articles/old-report").status_code == 404


def test_without_an_archive_the_archive_endpoints_say_how_to_get_one(example_text):
    with TestClient(create_app(None)) as bare:
        response = bare.post("/api/ask", json={"question": "Who?"})
        assert response.status_code == 404 and "--db" in response.json()["error"]
        assert bare.post("/api/faq", json={"article": {"text": example_text}}).status_code == 200


def test_no_cors_headers_are_sent(client):
    headers = {"Origin": "http://elsewhere.example", "Access-Control-Request-Method": "POST"}
    preflight = client.options("/api/faq", headers=headers)
    plain = client.get("/api/health", headers={"Origin": "http://elsewhere.example"})
    assert "access-control-allow-origin" not in preflight.headers | plain.headers


def test_the_page_has_a_strict_content_security_policy_and_no_inline_script(client):
    page = client.get("/")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    assert "<script>" not in page.text and 'id="archive-pick"' in page.text


def test_openapi_docs_are_served_without_a_cdn(client):
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/docs-assets/swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/faq", "/api/check", "/api/ask", "/api/articles", "/api/articles/{article_id}", "/api/timeline",
            "/api/health"} <= set(paths)  # fmt: skip


def test_worker_processes_answer_like_the_worker_thread(client, archive_path, example_text):
    faq_request = {"article": {"text": example_text}, "count": 3}
    with TestClient(create_app(archive_path, workers=2)) as pooled:
        assert pooled.post("/api/faq", json=faq_request).json() == client.post("/api/faq", json=faq_request).json()
        missing = pooled.get("/api/articles/nope")
        assert missing.status_code == 404 and "no article" in missing.json()["error"]
        assert pooled.post("/api/articles", json={"articles": [{"text": example_text}]}).status_code == 403


def test_two_apps_in_one_process_keep_their_own_archives(client):
    with TestClient(create_app(None)) as bare:
        assert bare.get("/api/health").json()["articles"] == 0
        assert client.get("/api/health").json()["articles"] == 3
    assert client.get("/api/health").json()["articles"] == 3
