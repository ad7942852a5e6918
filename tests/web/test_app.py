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
from newsfaq.web.core import Core


def _cli_json(*args: str) -> dict:
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_health_reports_the_archive_by_file_name_and_that_writes_are_off(client, archive_path):
    assert client.get("/api/health").json() == {
        "status": "ok", "version": "0.1.0", "archive": archive_path.name, "articles": 3, "writes": False,
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


def test_check_takes_the_judge_mode_and_refuses_an_unknown_one(client, example_text):
    body = {"article": {"text": example_text}, "claims": ["About 4,000 workers joined the stoppage."]}
    report = client.post("/api/check", json={**body, "judge": "off"}).json()
    assert [i["verdict"]["label"] for i in report["items"]] == ["contradicted"]
    response = client.post("/api/check", json={**body, "judge": "sometimes"})
    assert response.status_code == 422 and response.json()["details"][0]["field"] == "judge"


def test_check_without_anything_to_check_names_what_to_send(client):
    response = client.post("/api/check", json={"article": {"id": "old-report"}})
    assert response.status_code == 422 and "give faq or claims" in response.json()["error"]


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
    short = client.post(
        "/api/render", json={"faq": faq | {"note": "The article has only 3 sentences."}, "format": "md"}
    )
    assert "(The article has only 3 sentences.)" in short.text  # a short FAQ's note survives the round trip
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
        ({"article": {"text": "x"}, "answers": "brief"}, "answers"),
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


def test_an_error_is_one_line_even_when_the_input_is_not(client):
    response = client.post("/api/faq", json={"article": {"text": "{not json", "format": "json", "name": "a\nb.json"}})
    assert response.status_code == 422 and "\n" not in response.json()["error"]


@pytest.mark.parametrize("field", ["as_of", "since", "until"])
def test_a_bad_date_names_its_json_field_not_a_cli_flag(client, field):
    response = client.post("/api/ask", json={"question": "Who?", field: "last Tuesday"})
    message = f"{field} 'last Tuesday' is not a date; write it as YYYY-MM-DD"
    assert response.status_code == 422
    assert response.json() == {"error": message, "details": [{"field": field, "message": message}]}


def test_core_errors_name_the_field_as_the_request_spells_it(client):
    search = client.get("/api/search", params={"q": "   "})
    assert search.status_code == 422 and search.json()["details"][0]["field"] == "q"
    assert search.json()["error"].startswith("q is empty")
    undated = {"text": "Workers walked off the job on Thursday at the port. " * 5}
    faq = client.post("/api/faq", json={"article": undated})
    assert faq.status_code == 422 and faq.json()["details"][0]["field"] == "article.date"
    assert "--date" not in faq.json()["error"]


def test_articles_name_their_source_file_without_the_server_path(client, example_path):
    listing = client.get("/api/articles").json()["articles"]
    assert [a["source"] for a in listing] == [None, None, example_path.name]
    assert client.get(f"/api/articles/{listing[-1]['id']}").json()["source"] == example_path.name


def test_errors_from_adding_name_the_item_once(archive_path, tmp_path):
    writable = tmp_path / "copy.db"
    shutil.copy(archive_path, writable)
    undated = "Workers walked off the job on Thursday at the port. " * 5
    with TestClient(create_app(writable, allow_writes=True)) as rw:
        added = rw.post("/api/articles", json={"articles": [{"text": "far too short"}, {"text": undated}]}).json()
    assert [e["item"] for e in added["errors"]] == ["articles[0] (pasted article)", "articles[1] (pasted article)"]
    assert "articles[0]" not in added["errors"][0]["error"]
    assert added["errors"][1]["error"] == "no publication date found; set articles[1].date to YYYY-MM-DD"


HOSTILE = '"><img src=x onerror=alert(1)>'


def _faq_document(**item) -> dict:
    """A newsfaq.faq/1 document with one item, changed by ``item``."""
    base = {"question": "Who walked out?", "answer": "Dock workers.", "citations": [], "confidence": 0.5}
    return {"schema": "newsfaq.faq/1", "article": {"id": "x1", "date": "2024-01-01"}, "items": [{**base, **item}]}


def _citation(**fields) -> list[dict]:
    return [{"sentence": 0, "start": 0, "end": 13, "text": "Dock workers.", **fields}]


WRONG_ITEMS = [
    ({"citations": _citation(sentence=HOSTILE)}, "faq.items[0].citations[0].sentence"),
    ({"citations": _citation(sentence="3")}, "faq.items[0].citations[0].sentence"),
    ({"citations": _citation(sentence=-1)}, "faq.items[0].citations[0].sentence"),
    ({"citations": _citation(start=20)}, "faq.items[0].citations[0]"),
    ({"question": 5}, "faq.items[0].question"),
    ({"answer": None}, "faq.items[0].answer"),
    ({"intent": ["who"]}, "faq.items[0].intent"),
    ({"confidence": 1.5}, "faq.items[0].confidence"),
    ({"confidence": "high"}, "faq.items[0].confidence"),
    ({"dates": [{"text": "today", "start": 0, "end": 5, "iso": HOSTILE}]}, "faq.items[0].dates[0].iso"),
    ({"unknown": 1}, "faq.items[0].unknown"),
]


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize(("item", "field"), WRONG_ITEMS)
def test_render_refuses_a_faq_that_breaks_the_schema_naming_the_field(client, item, field, fmt):
    response = client.post("/api/render", json={"faq": _faq_document(**item), "format": fmt})
    assert response.status_code == 422 and response.json()["details"][0]["field"] == field
    assert HOSTILE not in response.text


@pytest.mark.parametrize(("item", "field"), WRONG_ITEMS)
def test_check_refuses_a_faq_that_breaks_the_schema_naming_the_field(client, item, field):
    response = client.post("/api/check", json={"article": {"id": "old-report"}, "faq": _faq_document(**item)})
    assert response.status_code == 422 and response.json()["details"][0]["field"] == field


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"schema": "newsfaq.faq/2"}, "faq.schema"),
        ({"article": {"id": "x1", "date": "last Tuesday"}}, "faq.article.date"),
        ({"article": {"id": 7}}, "faq.article.id"),
        ({"items": {"question": "Q?"}}, "faq.items"),
    ],
)
def test_render_refuses_a_faq_document_with_a_wrong_header(client, change, field):
    response = client.post("/api/render", json={"faq": {**_faq_document(), **change}, "format": "md"})
    assert response.status_code == 422 and response.json()["details"][0]["field"] == field


def test_a_faq_to_check_is_markdown_or_a_faq_document(client):
    response = client.post("/api/check", json={"article": {"id": "old-report"}, "faq": 5})
    assert response.status_code == 422 and response.json()["details"] == [
        {"field": "faq", "message": "give the FAQ as markdown text or a newsfaq.faq/1 object"}
    ]


def test_a_valid_faq_document_renders_escaped(client):
    faq = _faq_document(question=HOSTILE, answer=HOSTILE, intent=HOSTILE, citations=_citation(text=HOSTILE))
    html = client.post("/api/render", json={"faq": faq, "format": "html"})
    assert html.status_code == 200 and "<img" not in html.text and "&lt;img" in html.text


def test_unknown_paths_and_methods_answer_json(client):
    assert client.get("/api/nope").json() == {"error": "Not Found"}
    wrong = client.put("/api/faq")
    assert wrong.status_code == 405 and wrong.json() == {"error": "Method Not Allowed"} and wrong.headers["allow"]


def test_an_unexpected_failure_is_a_json_500_that_gives_nothing_away(monkeypatch):
    def broken(self, source):
        raise RuntimeError("/srv/private/path exploded")

    monkeypatch.setattr(Core, "parse", broken)
    with TestClient(create_app(None), raise_server_exceptions=False) as bare:
        response = bare.post("/api/parse", json={"article": {"text": "x"}})
    assert response.status_code == 500 and response.headers["content-type"] == "application/json"
    assert response.json() == {"error": "internal error: the server failed on this request; the log has the details"}


def test_an_offset_past_what_sqlite_counts_is_a_422(client):
    response = client.get("/api/articles", params={"offset": 10**20})
    assert response.status_code == 422 and response.json()["details"][0]["field"] == "offset"


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
