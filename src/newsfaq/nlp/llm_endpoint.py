"""A language model behind an OpenAI-compatible endpoint (a llama.cpp server, vLLM), for teams that already run one.

It answers the same question as the local model: the log-probability margin of
one answer word over another at the assistant's first token, read from the
chat completion's ``top_logprobs`` (one token, temperature 0, so no sampling).
The server applies its own model's chat template.
"""

from __future__ import annotations

import json
import math
import urllib.error
import urllib.request

from newsfaq.nlp.llm import Messages, ModelUnavailable

TOP_LOGPROBS = 20
"""The most OpenAI's API returns; an answer word outside them is taken as no likelier than the last."""
TIMEOUT_SECONDS = 120.0


class EndpointModel:
    """Chat completions at ``url`` (the server's root or its /v1 path)."""

    def __init__(self, url: str, timeout: float = TIMEOUT_SECONDS) -> None:
        root = url.rstrip("/").removesuffix("/chat/completions")
        self.url = root if root.endswith("/v1") else f"{root}/v1"
        self.timeout = timeout

    def answer_margin(self, messages: Messages, yes: str, no: str) -> float:
        """log P(yes) - log P(no), matching tokens without case or spaces; an answer word outside the top
        tokens counts as no likelier than the least likely of them. Neither among them is an error: the
        model is not answering the question."""
        top = self._first_token_logprobs(messages)
        if yes.lower() not in top and no.lower() not in top:
            raise ModelUnavailable(
                f"the model endpoint {self.url} answered with neither {yes!r} nor {no!r} among its likeliest "
                f"first tokens ({', '.join(sorted(top)[:5])}…); is it serving an instruct model?"
            )
        floor = min(top.values())
        return top.get(yes.lower(), floor) - top.get(no.lower(), floor)

    def reply(self, messages: Messages, *, max_tokens: int = 64, stop: list[str] | None = None) -> str:
        """The assistant's greedy reply (temperature 0), cut at a stop string."""
        body = {"messages": messages, "max_tokens": max_tokens, "temperature": 0, "stop": stop or []}
        try:
            return str(self._post("/chat/completions", body)["choices"][0]["message"]["content"] or "")
        except (KeyError, IndexError, TypeError):
            raise ModelUnavailable(f"the model endpoint {self.url} returned no chat reply") from None

    def _first_token_logprobs(self, messages: Messages) -> dict[str, float]:
        """The first answer token's likeliest tokens (lower-cased, without spaces) and their log-probabilities."""
        reply = self._post(
            "/chat/completions",
            {"messages": messages, "max_tokens": 1, "temperature": 0, "logprobs": True, "top_logprobs": TOP_LOGPROBS},
        )
        try:
            entries = reply["choices"][0]["logprobs"]["content"][0]["top_logprobs"]
            top: dict[str, float] = {}
            for entry in entries:
                token, logprob = entry["token"].strip().lower(), float(entry["logprob"])
                if math.isfinite(logprob):
                    top[token] = max(top.get(token, -math.inf), logprob)
        except (KeyError, IndexError, TypeError, ValueError):
            raise ModelUnavailable(
                f"the model endpoint {self.url} returned no first-token logprobs; it must support "
                "chat completions with logprobs and top_logprobs"
            ) from None
        if not top:
            raise ModelUnavailable(f"the model endpoint {self.url} returned an empty top_logprobs list")
        return top

    def _post(self, path: str, body: dict) -> dict:
        request = urllib.request.Request(
            self.url + path, json.dumps(body).encode(), {"Content-Type": "application/json"}, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            detail = " ".join(error.read()[:200].decode("utf-8", "replace").split())  # one line, whatever it sent
            raise ModelUnavailable(f"the model endpoint {self.url} answered HTTP {error.code}: {detail}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = " ".join(str(getattr(error, "reason", error)).split())
            raise ModelUnavailable(f"the model endpoint {self.url} cannot be reached ({reason})") from None
        except ValueError:  # not JSON, or not text at all
            raise ModelUnavailable(f"the model endpoint {self.url} did not answer with JSON") from None
