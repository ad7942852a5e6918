"""The response models in /docs describe what the routes really send: each real response validates."""

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel, TypeAdapter

from newsfaq.web import create_app, responses
from newsfaq.web.requests import FaqDocument


def _conforms(model: type[BaseModel], data: dict) -> None:
    """``data`` validates as ``model`` and is exactly what the model gives back, nested parts included: a field
    the model leaves undocumented, anywhere, makes them differ."""
    adapter = TypeAdapter(model)
    assert adapter.dump_python(adapter.validate_python(data), mode="json", by_alias=True, exclude_unset=True) == data


def test_every_document_the_api_sends_matches_its_declared_model(client, example_text):
    article = {"text": example_text}
    _conforms(responses.Health, client.get("/api/health").json())
    _conforms(FaqDocument, client.post("/api/faq", json={"article": article}).json())
    _conforms(responses.ArticleDocument, client.post("/api/parse", json={"article": article}).json())
    _conforms(responses.CheckDocument, client.post("/api/check", json={"article": article}).json())
    _conforms(responses.AnswerDocument, client.post("/api/ask", json={"question": "How many soldiers?"}).json())
    _conforms(responses.ArticlesDocument, client.get("/api/articles").json())
    _conforms(responses.ArticleDocument, client.get("/api/articles/new-report").json())
    hits = client.get("/api/search", params={"q": "soldiers base"}).json()
    entries = client.get("/api/timeline", params={"entity": "base"}).json()
    assert hits["hits"] and entries["entries"]  # their items are checked too
    _conforms(responses.SearchDocument, hits)
    _conforms(responses.TimelineDocument, entries)


def test_a_document_that_drifts_from_its_model_is_caught(client):
    sent = client.get("/api/articles/new-report").json()
    with pytest.raises(AssertionError):
        _conforms(responses.ArticleDocument, {**sent, "unexpected": 1})
    with pytest.raises(ValueError, match="schema"):
        _conforms(responses.ArticleDocument, {**sent, "schema": "newsfaq.article/2"})
    hits = client.get("/api/search", params={"q": "soldiers"}).json()
    hits["hits"][0]["citation"]["undocumented"] = True
    with pytest.raises(AssertionError):
        _conforms(responses.SearchDocument, hits)


def test_what_writes_return_matches_its_model(tmp_path, example_text):
    with TestClient(create_app(tmp_path / "writable.db", allow_writes=True)) as writable:
        added = writable.post("/api/articles", json={"articles": [{"text": example_text}, {"text": ""}]}).json()
        _conforms(responses.Added, added)
        assert added["errors"] and added["ids"]
        _conforms(responses.Removed, writable.delete(f"/api/articles/{added['ids'][0]}").json())


def test_docs_name_each_routes_response_model(client):
    paths = client.get("/openapi.json").json()["paths"]
    declared = {
        ("/api/ask", "post"): "AnswerDocument",
        ("/api/check", "post"): "CheckDocument",
        ("/api/faq", "post"): "FaqDocument",
        ("/api/timeline", "get"): "TimelineDocument",
        ("/api/articles", "post"): "Added",
    }
    for (path, method), name in declared.items():
        schema = paths[path][method]["responses"]["200"]["content"]["application/json"]["schema"]
        assert schema["$ref"].endswith(f"/{name}")
