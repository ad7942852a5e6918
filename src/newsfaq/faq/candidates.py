"""The unit the FAQ planner works with: a question, its intent and its evidence."""

from __future__ import annotations

from dataclasses import dataclass

POSITION_DISCOUNT = 0.06
"""Importance falls with the evidence's place in the story: weight / (1 + 0.06 x sentence index)."""


@dataclass(frozen=True)
class ItemCandidate:
    """A possible FAQ item. ``sentences[0]`` is the main evidence; ``weight`` ranks it."""

    intent: str
    question: str
    sentences: tuple[int, ...]
    weight: float
    engine: str = "rules"
    """Who wrote the question: "rules" (the parse-based writer) or "model" (the local model)."""

    @property
    def importance(self) -> float:
        """Intent weight discounted by how far down the story the evidence sits."""
        return self.weight / (1.0 + POSITION_DISCOUNT * self.sentences[0])


def ranked(candidates: list[ItemCandidate]) -> list[ItemCandidate]:
    """Both engines' candidates in one ranking: most important first; on the same importance (the same answer
    sentence and intent) the model's checked wording before the rules'."""
    return sorted(candidates, key=lambda c: (-c.importance, c.engine != "model", c.sentences[0], c.question))
