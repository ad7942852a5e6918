"""Splitting a trailing "FAQs" section off an article and parsing its Q/A pairs.

The section is someone else's FAQ: it is kept apart and never used as evidence.
"""

from __future__ import annotations

import re

from newsfaq.model import QAPair

_HEADING = re.compile(
    r"^[ \t]*(?:FAQs?|Frequently Asked Questions|Questions and answers|Q&A)[ \t]*:?[ \t]*$",
    re.I | re.M,
)


def split_faq_section(text: str) -> tuple[str, str | None]:
    """Return (body, faq_text); faq_text is None when there is no FAQ heading."""
    matches = list(_HEADING.finditer(text))
    if not matches:
        return text, None
    heading = matches[-1]
    return text[: heading.start()], text[heading.end() :]


def parse_faq_pairs(faq_text: str) -> list[QAPair]:
    """Paragraphs ending in '?' are questions; the paragraphs after one are its answer."""
    pairs: list[QAPair] = []
    question: str | None = None
    answer: list[str] = []
    for raw in faq_text.splitlines():
        line = re.sub(r"^(?:Q|A)[:.]\s*", "", raw.strip())
        if not line:
            continue
        if line.endswith("?") and len(line) < 300:
            if question is not None:
                pairs.append(QAPair(question=question, answer=" ".join(answer)))
            question, answer = line, []
        elif question is not None:
            answer.append(line)
    if question is not None:
        pairs.append(QAPair(question=question, answer=" ".join(answer)))
    return pairs
