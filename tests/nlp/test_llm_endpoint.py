"""The judge's model behind an OpenAI-compatible endpoint: a real llama-cpp-python server, started by the test
on the same model file, must answer the judge's question as the local model does (skipped without the ``llm``
extra, failing instead where NEWSFAQ_REQUIRE_LLM is set)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsfaq.check.judge import closest, messages
from newsfaq.nlp import llm
from newsfaq.nlp.llm_endpoint import EndpointModel
from newsfaq.nlp.sentences import split_sentences

BODY = (
    "The council closed the Old Bridge on Monday after engineers found cracks in two of its piers. "
    "Repairs are expected to take six weeks and will cost about 400,000 pounds, the council said. "
    "Buses will be diverted through the town centre while the bridge is shut."
)


@pytest.fixture(scope="module")
def llm_server(local_model, free_port, running):
    """``python -m llama_cpp.server`` on a free loopback port; waits until it lists its model."""
    if importlib.util.find_spec("sse_starlette") is None:
        pytest.fail("llama-cpp-python's server extra is missing; the llm extra installs llama-cpp-python[server]")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(llm.model_path()), "--host", "127.0.0.1",
               "--port", str(port), "--n_ctx", "2048", "--verbose", "False"]  # fmt: skip
    with running(command, f"{url}/v1/models", "the llama.cpp server", wait_seconds=180):
        yield url


@pytest.mark.parametrize(
    "claim", ["Engineers found cracks in the bridge.", "The bridge will reopen tomorrow after repairs costing 2m."]
)
def test_the_endpoint_answers_the_judges_question_as_the_local_model_does(llm_server, local_model, claim):
    sentences = split_sentences([BODY])[0]
    question = messages(closest(sentences, claim), claim)
    remote = EndpointModel(llm_server).answer_margin(question, "Yes", "No")
    local = local_model.answer_margin(question, "Yes", "No")
    assert remote == pytest.approx(local, abs=0.5)  # one model file; the server batches tokens its own way


def test_check_on_the_command_line_judges_through_the_endpoint(llm_server, tmp_path):
    article = tmp_path / "bridge.txt"
    article.write_text(f"Bridge closed for repairs\n2026-03-02\n\n{BODY}\n")
    result = subprocess.run(
        [sys.executable, "-m", "newsfaq", "check", str(article), "--judge", "always", "--llm-url", llm_server,
         "--claim", "Buses are being diverted while the bridge is closed.", "--format", "json"],
        capture_output=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    assert b"the model judge read sentence" in result.stdout


def test_an_endpoint_that_cannot_be_reached_is_one_clear_error(free_port):
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(llm.ModelUnavailable, match=rf"^the model endpoint {url}/v1 cannot be reached \("):
        EndpointModel(url, timeout=5).answer_margin([{"role": "user", "content": "Hello?"}], "Yes", "No")


def _serving(status: int, body: bytes):
    """A real HTTP server on loopback that answers every POST with ``status`` and ``body``: the replies a
    misconfigured endpoint sends, which a llama.cpp server will not."""

    class Reply(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (the name http.server calls)
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(status)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Reply)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _top(*pairs: tuple[str, float]) -> bytes:
    entries = [{"token": token, "logprob": logprob} for token, logprob in pairs]
    return json.dumps({"choices": [{"logprobs": {"content": [{"top_logprobs": entries}]}}]}).encode()


@pytest.mark.parametrize(
    ("status", "body", "outcome"),
    [
        (200, _top((" yes", -0.1), ("No", -2.5), ("Yes", -0.5)), 2.4),  # case and spaces merged, the likeliest kept
        (200, _top(("Yes", -0.2), ("Maybe", -3.0)), 2.8),  # "No" outside the top: no likelier than the last
        (200, _top(("Yes", float("nan")), ("No", -1.0), ("The", -4.0)), -4.0 + 1.0),  # a NaN entry is ignored
        (200, _top(("The", -0.1), ("I", -1.0)), "neither 'Yes' nor 'No' among its likeliest first tokens"),
        (200, b'{"choices": [{"message": {"content": "Yes"}}]}', "returned no first-token logprobs"),
        (500, b"<html>\n<body>Internal\nerror</body>\n</html>", "answered HTTP 500: <html> <body>Internal error"),
        (200, b"\xff\xfe not json", "did not answer with JSON"),
    ],
)
def test_an_endpoints_answer_is_read_or_refused_in_one_line(status, body, outcome):
    server = _serving(status, body)
    model = EndpointModel(f"http://127.0.0.1:{server.server_port}/v1/chat/completions", timeout=5)
    try:
        if isinstance(outcome, float):
            assert model.answer_margin([{"role": "user", "content": "Is it?"}], "Yes", "No") == pytest.approx(outcome)
        else:
            with pytest.raises(llm.ModelUnavailable) as raised:
                model.answer_margin([{"role": "user", "content": "Is it?"}], "Yes", "No")
            assert outcome in str(raised.value) and "\n" not in str(raised.value)
            assert str(raised.value).startswith(f"the model endpoint http://127.0.0.1:{server.server_port}/v1 ")
    finally:
        server.shutdown()
