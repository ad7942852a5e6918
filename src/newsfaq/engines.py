"""Which engine does a job that the local model can help with: the fast engine alone (``fast``), or with the
model beside it (``model``: an error when it is missing); ``auto`` uses the model when it is installed and
says once when it is not. The FAQ writer and the reader each have their own choice and variable."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from typing import Literal, get_args

from newsfaq.nlp.llm import LanguageModel, available_model
from newsfaq.settings import chosen_mode

Engine = Literal["fast", "model", "auto"]
ENGINES: tuple[str, ...] = get_args(Engine)
_log = logging.getLogger("newsfaq")


@dataclass(frozen=True)
class ModelJob:
    """A job the model may help with: the variable that sets its default engine, its name in messages, and
    what the user is told when ``auto`` finds no model."""

    env: str
    kind: str
    without: str

    def engine(self, mode: str | None) -> Engine:
        """``mode`` checked, or when None the default: $``env``, else auto."""
        return chosen_mode(mode, ENGINES, self.env, "engine", self.kind)  # type: ignore[return-value]

    def model(self, mode: str | None, url: str | None) -> LanguageModel | None:
        """The model to use, or None for the fast engine alone (``auto`` without the model)."""
        chosen = self.engine(mode)
        if chosen == "fast":
            return None
        return available_model(url, f"the {self.kind} 'model'" if chosen == "model" else None, self.say_off)

    def say_off(self, reason: str) -> None:
        """Warn once per process that the job runs without the model, and why (``reason``)."""
        say_once(self.without.format(reason=reason))


@cache
def say_once(message: str) -> None:
    """A warning given once per process (the model's absence is news the first time only)."""
    _log.warning(message)


FAQ_WRITER = ModelJob(
    "NEWSFAQ_FAQ_ENGINE",
    "FAQ engine",
    "the model question writer is off ({reason}); writing questions with the fast engine alone",
)
READER = ModelJob(
    "NEWSFAQ_ASK_ENGINE",
    "ask engine",
    "the model reader is off ({reason}); answering with the fast reader alone",
)
