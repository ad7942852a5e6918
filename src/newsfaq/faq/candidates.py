"""The unit the FAQ planner works with: a question, its intent and its evidence."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """A possible FAQ item. ``sentences[0]`` is the main evidence; ``weight`` ranks it."""

    intent: str
    question: str
    sentences: tuple[int, ...]
    weight: float
