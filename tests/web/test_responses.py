"""The response models in /docs describe what the routes really send: each real response validates."""

import pytest
from pydantic import BaseModel, ConfigDict, TypeAdapter

from newsfaq.web import responses
from newsfaq.web.requests import FaqDocument


def _conforms(model: type[BaseModel], data: dict) -> None:
    """``data`` has exactly the model's fields (no extra ones it leaves undocumented) with valid values."""
    strict = type(model.__name__, (model,), {"model_config": ConfigDict(extra="forbid")})
    TypeAdapter(strict).validate_python(data)


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
    with pytest.raises(ValueError, match="unexpected"):
        _conforms(responses.ArticleDocument, {**sent, "unexpected": 1})
    with pytest.raises(ValueError, match="schema"):
        _conforms(responses.ArticleDocument, {**sent, "schema": "newsfaq.article/2"})


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
