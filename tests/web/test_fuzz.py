"""Generated malformed requests to every endpoint of the read-only server: random bytes, truncated
JSON, wrong types, markup, huge lines, missing fields, wrong content types and methods. Whatever
arrives, the answer is never a 500, every error is JSON with a one-line ``error``, rendered HTML
holds no live markup, and the archive file is unchanged. Seeded, so a failing case can be replayed."""

from __future__ import annotations

import copy
import hashlib
import json
import math
import random
from urllib.parse import quote

import pytest

SEED = 11
CASES = 20
"""Per endpoint; 12 endpoints make 240 requests."""

ARTICLE = {"text": "{not json", "format": "json", "date": "2024-01-01", "name": "feed.json"}
"""Refused quickly at JSON parsing, so no case waits on the NLP: a huge line of punctuation there
would only measure spaCy's tokenizer."""

FAQ = {
    "schema": "newsfaq.faq/1",
    "generator": "fuzz",
    "article": {"id": "x1", "date": "2024-01-01", "title": "Strike", "url": "https://example.com/a"},
    "items": [
        {
            "question": "Who walked out?",
            "answer": "Dock workers.",
            "citations": [{"sentence": 0, "start": 0, "end": 13, "text": "Dock workers."}],
            "intent": "who",
            "confidence": 0.5,
            "dates": [{"text": "today", "start": 20, "end": 25, "iso": "2024-01-01"}],
        }
    ],
}

POSTS = {
    "/api/faq": {"article": ARTICLE, "count": 2},
    "/api/parse": {"article": ARTICLE},
    "/api/check": {"article": ARTICLE, "claims": ["About 1,800 soldiers are at the base."]},
    "/api/ask": {"question": "How many soldiers are at the base?", "as_of": "2024-01-01", "since": "2000-01-01"},
    "/api/render": {"faq": FAQ, "format": "html"},
    "/api/articles": {"articles": [ARTICLE]},
}
GETS = {
    "/api/articles": {"limit": "2", "offset": "0"},
    "/api/search": {"q": "soldiers", "limit": "3"},
    "/api/timeline": {"entity": "northern base"},
    "/api/health": {},
}
BY_ID = [("GET", "/api/articles/{}"), ("DELETE", "/api/articles/{}")]

MARKUP = [
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(1)</script>",
    "[/x] [bold]{field}{0}%s",
    "line one\nline two\r\n\u2028three",
    "\x00\x1b[31m\ufffd",
    "' OR 1=1 --",
    "../../etc/passwd",
]
WRONG_TYPES = [0, -1, 1.5, 10**30, True, None, [], {}, "3", ["x", 1], {"a": 1}]
URL_MOST = 6_000
"""Characters of a huge query value or id: percent-encoded they fill the 64 KB a URL may have (httpx refuses more,
and servers refuse far less)."""
JSON = {"content-type": "application/json"}
CONTENT_TYPES = [
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/xml",
    "application/json; charset=utf-16",
]


def _huge(rng: random.Random, most: int = 400_000) -> str:
    """One line of 100-400 KB in a body; in a URL at most ``most`` characters (``URL_MOST``)."""
    alphabet = rng.choice(["A", "<>&\"'{}[]\\", "é\u2028\x00 \n", "word "])
    return "".join(rng.choices(alphabet, k=rng.randint(most // 4, most)))


def _paths(value, path=()):
    """Every place in a JSON value, as a tuple of keys and indices."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, child in items:
        yield (*path, key)
        yield from _paths(child, (*path, key))


def _get(value, path):
    for key in path:
        value = value[key]
    return value


def _set(value, path, new):
    """A copy of ``value`` with ``new`` at ``path`` (or, when ``new`` is ``_set``, without it)."""
    value = copy.deepcopy(value)
    parent = value
    for key in path[:-1]:
        parent = parent[key]
    if new is _set:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return value


def _post_case(rng: random.Random, template: dict) -> tuple[str, dict]:
    """One malformed request for a JSON endpoint: (what it is, keyword arguments for the client)."""
    body = copy.deepcopy(template)
    if "faq" in body:
        body["format"] = rng.choice(["md", "html", "json", "jsonld"])
    everywhere = list(_paths(body))
    strings = [p for p in everywhere if isinstance(_get(body, p), str)]
    kind = rng.choice(["bytes", "truncated", "type", "markup", "huge", "missing", "content-type", "nan"])
    if kind == "bytes":
        return kind, {"content": rng.randbytes(rng.randint(0, 2000)), "headers": JSON}
    if kind == "truncated":
        text = json.dumps(body)
        return kind, {"content": text[: rng.randint(0, len(text) - 1)], "headers": JSON}
    if kind == "content-type":
        return kind, {"content": json.dumps(body), "headers": {"content-type": rng.choice(CONTENT_TYPES)}}
    path = rng.choice(strings if kind in ("markup", "huge") else everywhere)
    new = {
        "type": lambda: rng.choice([v for v in WRONG_TYPES if type(v) is not type(_get(body, path))]),
        "markup": lambda: rng.choice(MARKUP),
        "huge": lambda: _huge(rng),
        "missing": lambda: _set,
        "nan": lambda: rng.choice([math.nan, math.inf, -math.inf]),  # Python's JSON reads NaN and Infinity
    }[kind]()
    content = json.dumps(_set(body, path, new))
    return f"{kind} at {'.'.join(map(str, path))}", {"content": content, "headers": JSON}


def _query_case(rng: random.Random, template: dict) -> tuple[str, dict]:
    params = dict(template)
    kind = rng.choice(["type", "markup", "huge", "missing", "repeated"])
    if not params or kind == "repeated":
        return "repeated", {"params": [*params.items(), *params.items(), ("x", rng.choice(MARKUP))]}
    name = rng.choice(list(params))
    new = {
        "type": lambda: rng.choice(["abc", "-1", "1e99", "99999999999999999999999", "", "[]"]),
        "markup": lambda: rng.choice(MARKUP),
        "huge": lambda: _huge(rng, URL_MOST),
        "missing": lambda: None,
    }[kind]()
    if new is None:
        del params[name]
    else:
        params[name] = new
    return f"{kind} in {name}", {"params": params}


def _problem(response) -> str | None:
    """What is wrong with the server's answer, or None."""
    if response.status_code >= 500:
        return f"status {response.status_code}: {response.text[:200]}"
    kind = response.headers.get("content-type", "")
    if response.status_code >= 400:
        if not kind.startswith("application/json"):
            return f"error of type {kind!r}: {response.text[:200]}"
        error = response.json().get("error")
        if not isinstance(error, str) or len(error.splitlines()) != 1:
            return f"error is not one line: {error!r:.200}"
    elif kind.startswith("text/html") and any(tag in response.text.lower() for tag in ("<img", "<script")):
        return f"live markup in rendered HTML: {response.text[:200]}"
    elif kind.startswith("application/ld+json") and "</script" in response.text.lower():
        return "JSON-LD would end its <script> block"
    return None


def _requests(endpoint: str, rng: random.Random):
    """``CASES`` malformed requests to ``endpoint``: (description, method, url, client arguments)."""
    method, path = endpoint.split(" ", 1)
    for _ in range(CASES):
        if rng.random() < 0.1:
            yield "wrong method", rng.choice(["PUT", "PATCH"]), path.format("old-report"), {}
        elif "{}" in path:
            article_id = rng.choice([*MARKUP, _huge(rng, URL_MOST), "", " ", "é" * 300])
            yield f"id {article_id[:40]!r}", method, path.format(quote(article_id, safe="")), {}
        else:
            what, arguments = _post_case(rng, POSTS[path]) if method == "POST" else _query_case(rng, GETS[path])
            yield what, method, path, arguments


ENDPOINTS = [f"POST {p}" for p in POSTS] + [f"GET {p}" for p in GETS] + [f"{m} {p}" for m, p in BY_ID]


@pytest.fixture(scope="module")
def archive_md5(archive_path, client) -> str:
    return hashlib.md5(archive_path.read_bytes()).hexdigest()


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_malformed_requests_get_a_json_4xx_and_leave_the_archive_alone(client, archive_path, archive_md5, endpoint):
    rng = random.Random(f"{SEED} {endpoint}")
    failures = []
    for number, (what, method, url, arguments) in enumerate(_requests(endpoint, rng)):
        try:
            problem = _problem(client.request(method, url, **arguments))
        except Exception as error:  # a 500 re-raised by the test client
            problem = f"raised {error!r:.200}"
        if problem:
            failures.append(f"case {number} ({what}): {problem}")
    assert not failures, "\n".join(failures)
    assert hashlib.md5(archive_path.read_bytes()).hexdigest() == archive_md5
