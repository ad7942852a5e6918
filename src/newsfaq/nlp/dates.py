"""Time expressions in parsed text, resolved against the article's date.

A bare weekday is ambiguous on its own: "walked out on Thursday" is the
Thursday before the report, "plans to extend the strike on Monday" the
Monday after it. The verb that governs the expression decides, so the FAQ's
dates and the archive's timeline read plans as plans.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span

from newsfaq import datetext
from newsfaq.model import ResolvedDate

PLAN_WORDS = {
    "plan", "due", "set", "expect", "schedule", "intend", "aim", "hope", "threaten", "vow", "promise", "prepare",
    "propose", "agree", "decide", "want", "seek", "go",
}  # fmt: skip
"""Heads of an infinitive that speaks of the future: "plans to extend", "is due to resume", "is going to"."""


def points_forward(expression: Span) -> bool:
    """Whether the clause that holds the time expression speaks of the future: a modal without a perfect
    ("will visit", "could meet", but not "may have met"), or an infinitive of intention ("plans to extend")."""
    verb = next((t for t in expression.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxiliaries):
        return not any(a.lemma_ == "have" for a in auxiliaries)
    infinitive = any(a.tag_ == "TO" for a in auxiliaries)
    return infinitive and verb.head is not verb and verb.head.lemma_.lower() in PLAN_WORDS


def resolve_expression(expression: Span, anchor: date) -> ResolvedDate | None:
    """The date a DATE entity denotes, at the precision it carries, or None when it names no definite time."""
    found = datetext.resolve(expression.text, anchor, forward=points_forward(expression))
    if found is None:
        return None
    iso = datetext.iso_precision(expression.text, found)
    return ResolvedDate(text=expression.text, start=expression.start_char, end=expression.end_char, iso=iso)


def resolve_dates(entities: tuple[Span, ...] | list[Span], anchor: date) -> list[ResolvedDate]:
    """Every DATE entity that names a definite time."""
    return [found for e in entities if e.label_ == "DATE" and (found := resolve_expression(e, anchor))]
