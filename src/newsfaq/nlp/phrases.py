"""Rendering sets of parsed tokens back into tidy English text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?%)\]’”'])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[“‘])\s+")
_EDGE_PUNCT = " ,;:-–—"


def render(tokens: Iterable[Token]) -> str:
    """Join tokens in document order with their original spacing, tidied at the edges."""
    ordered = sorted(tokens, key=lambda token: token.i)
    parts = []
    for position, token in enumerate(ordered):
        parts.append(token.text)
        following = ordered[position + 1] if position + 1 < len(ordered) else None
        if following is not None and (token.whitespace_ or following.i != token.i + 1):
            parts.append(" ")
    text = "".join(parts)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    text = re.sub(r"\s*,(\s*,)+", ",", text)
    return re.sub(r"\s+", " ", text).strip(_EDGE_PUNCT)


def keeps_case(token: Token) -> bool:
    """Whether a sentence-initial token keeps its capital when moved inside a question."""
    return (
        token.pos_ == "PROPN"
        or token.text == "I"
        or token.ent_type_ != ""
        or (token.text.isupper() and len(token.text) > 1)
    )
