"""The judge's model behind an OpenAI-compatible endpoint: a real llama-cpp-python server, started by the test
on the same model file, must answer the judge's question as the local model does (skipped without the ``llm``
extra, failing instead where NEWSFAQ_REQUIRE_LLM is set)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
import urllib.request

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
def llm_server(local_model, free_port):
    """``python -m llama_cpp.server`` on a free loopback port; waits until it lists its model."""
    if importlib.util.find_spec("sse_starlette") is None:
        pytest.fail("llama-cpp-python's server extra is missing; the llm extra installs llama-cpp-python[server]")
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(llm.model_path()), "--host", "127.0.0.1",
               "--port", str(port), "--n_ctx", "2048", "--verbose", "False"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while True:
        try:
            urllib.request.urlopen(f"{url}/v1/models", timeout=1)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"the llama.cpp server did not start: {process.stdout.read().decode(errors='replace')}")
            time.sleep(0.5)
    yield url
    process.terminate()
    process.wait(timeout=30)


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
