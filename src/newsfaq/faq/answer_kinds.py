"""Whether a sentence holds the kind of answer its question asks for.

A sentence can be on the question's topic without answering it: on the FAQ panel the commonest unanswered
items were a "why" whose sentence gives no reason ("She feared for her life"), a "when" with no time and a
"how many" or "what percentage" with no figure ("a majority"). Those are visible in the parse, so they are
dropped before the model is asked anything. Other questions (who, what, where, how) are left to the
model's answer check: their answers have no one shape.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from newsfaq.ask.candidates import ENTITY_TYPES
from newsfaq.ask.question_analysis import analyse_question
from newsfaq.faq.candidates import ItemCandidate
from newsfaq.nlp.analysis import Analysis
from newsfaq.nlp.lexicon import CALENDAR_WORDS

TIME_ENTITIES = ENTITY_TYPES["DATE"]
NUMBER_ENTITIES = ENTITY_TYPES["NUMBER"]
"""The entity labels the reader already takes as a time and as a figure (``ask/candidates.py``)."""
TIME_WORDS = {"yesterday", "today", "tonight", "ago"} | CALENDAR_WORDS.keys()
COUNT_WORDS = {"dozen", "dozens", "hundreds", "thousands", "millions", "billions", "half", "twice", "double"}
REASON_WORDS = {"because", "due", "owing", "response", "retaliation", "reason", "reasons", "amid", "following", "bid"}
REASON_LEMMAS = {"cause", "prompt", "spark", "trigger", "blame", "justify", "fuel", "force", "aim"}
REASON_MARKS = {"as", "since", "so", "after"}
"""Conjunctions that open a cause clause; 'after' also as a preposition ('arrested after a brawl')."""
AGE = re.compile(r"\byears?\W*old\b", re.I)
"""The parser tags an age ("five - year - old") as a date; it says nothing of when."""
_ASKS_REASON = re.compile(r"^what (?:is|was|are|were) the (?:reason|cause|motive)", re.I)


def asked_kind(question: str) -> str:
    """'reason', 'time', 'number', 'duration', or 'other' (no shape required of the answer)."""
    if _ASKS_REASON.match(question.strip()):
        return "reason"
    expects = analyse_question(question).expects
    return {"REASON": "reason", "DATE": "time", "NUMBER": "number", "DURATION": "duration"}.get(expects, "other")


def fits(candidate: ItemCandidate, analysis: Analysis) -> bool:
    """Whether the candidate's main evidence sentence holds the kind of answer its question asks for."""
    return holds_answer_kind(candidate.question, analysis.spans[candidate.sentences[0]])


def holds_answer_kind(question: str, sentence: Span) -> bool:
    """Whether ``sentence`` (a parsed sentence) has a part of the shape the question asks for."""
    kind = asked_kind(question)
    if kind == "other":
        return True
    labels = {entity.label_ for entity in sentence.ents if not AGE.search(entity.text)}
    lowered = {token.lower_ for token in sentence}
    if kind == "time":
        return bool(labels & TIME_ENTITIES or lowered & TIME_WORDS)
    has_number = bool(labels & NUMBER_ENTITIES or lowered & COUNT_WORDS or any(t.like_num for t in sentence))
    if kind == "number":
        return has_number
    if kind == "duration":
        return has_number or bool(labels & TIME_ENTITIES)
    return _gives_reason(sentence)


def _gives_reason(sentence: Span) -> bool:
    """A cause word, a causal conjunction or a purpose clause ('... to prevent the resurgence')."""
    for token in sentence:
        if token.lower_ in REASON_WORDS or token.lemma_.lower() in REASON_LEMMAS:
            return True
        opens_clause = token.dep_ == "mark" or (token.lower_ == "after" and token.dep_ == "prep")
        if token.lower_ in REASON_MARKS and opens_clause:
            return True
        if token.lower_ == "to" and token.dep_ == "aux" and token.head.dep_ == "advcl":
            return True
    return False
