"""Which engine writes the FAQ's questions: the rule-based writer alone (``fast``), or with the local model
beside it (``model``); ``auto`` uses the model when it is installed and says once when it is not."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Literal, get_args

from newsfaq.nlp.llm import LanguageModel, available_model
from newsfaq.settings import chosen_mode

FaqEngine = Literal["fast", "model", "auto"]
FAQ_ENGINES: tuple[str, ...] = get_args(FaqEngine)
_log = logging.getLogger("newsfaq")


def faq_engine(mode: str | None) -> FaqEngine:
    """``mode`` checked, or when None the default: $NEWSFAQ_FAQ_ENGINE, else auto."""
    return chosen_mode(mode, FAQ_ENGINES, "NEWSFAQ_FAQ_ENGINE", "engine", "FAQ engine")  # type: ignore[return-value]


@lru_cache(maxsize=1)
def say_model_off(reason: str) -> None:
    """Tell the user once per process that questions come from the rule-based writer alone, and why."""
    _log.warning("the model question writer is off (%s); writing questions with the fast engine alone", reason)


def question_model(mode: str | None, url: str | None) -> LanguageModel | None:
    """The model that writes questions, or None for the fast engine alone (``auto`` without the model)."""
    chosen = faq_engine(mode)
    if chosen == "fast":
        return None
    return available_model(url, "the FAQ engine 'model'" if chosen == "model" else None, say_model_off)
