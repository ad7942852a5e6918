"""``make_faq``: plan candidates from reader intents, keep the well-formed,
rank by importance, check each answer against the article, drop repeats, and
attach answers quoted from the article.

Answers are whole article sentences, so every answer is literally in the source
and each citation's offsets point at exactly the quoted text.
"""

from __future__ import annotations

import re

from newsfaq import __version__
from newsfaq.faq.candidates import Candidate
from newsfaq.faq.grounding import ground
from newsfaq.faq.intents import FINDERS, INTENT_WEIGHTS
from newsfaq.model import FAQ, Article, ArticleRef, Citation, QAPair
from newsfaq.nlp.analysis import Analysis, analyze
from newsfaq.settings import DEFAULT_SETTINGS, Settings

UNRESOLVED_WORDS = {"he", "she", "it", "they", "them", "his", "her", "its", "their", "this", "these", "those", "whose"}
QUESTION_STARTS = ("what", "why", "how", "who", "when", "where", "which", "whom")
MIN_QUESTION_WORDS, MAX_QUESTION_WORDS = 4, 16
DANGLING_WORDS = {"in", "on", "at", "of", "as", "since", "during", "to", "from", "with", "for"}
DUPLICATE_OVERLAP = 0.7
POSITION_DISCOUNT = 0.06
"""Importance falls with the evidence's place in the story: weight / (1 + 0.06 x sentence index)."""
_STOP = {"the", "a", "an", "of", "to", "in", "on", "and", "did", "does", "do", "is", "are", "was", "were"}


def is_well_formed(question: str) -> bool:
    """Reject questions a reader could not understand without the article."""
    words = re.findall(r"[\w'’-]+", question.lower())
    if not (MIN_QUESTION_WORDS <= len(words) <= MAX_QUESTION_WORDS) or not question.endswith("?"):
        return False
    if words[0] not in QUESTION_STARTS or words.count("what") > 1 or words.count("how") > 1:
        return False
    if words[-1] in DANGLING_WORDS or words[2] in ("that", "which"):
        return False  # "When is X in?", "Why had that been abandoned?"
    return not (set(words) & UNRESOLVED_WORDS) and not re.search(r"[\"“”]", question)


def _content_words(question: str) -> set[str]:
    return {w for w in re.findall(r"[\w'’-]+", question.lower()) if w not in _STOP}


def _is_repeat(candidate: Candidate, kept: list[Candidate]) -> bool:
    words = _content_words(candidate.question)
    for other in kept:
        # One question per evidence sentence, except "who" items, which are about a person.
        same_evidence = other.sentences[0] == candidate.sentences[0]
        if same_evidence and "who" not in (candidate.intent, other.intent):
            return True
        other_words = _content_words(other.question)
        overlap = len(words & other_words) / max(1, min(len(words), len(other_words)))
        if overlap >= DUPLICATE_OVERLAP:
            return True
    return False


def _importance(candidate: Candidate) -> float:
    """Intent weight discounted by how far down the story the evidence sits."""
    return candidate.weight / (1.0 + POSITION_DISCOUNT * candidate.sentences[0])


def reach(settings: Settings) -> int:
    """How many leading sentences the FAQ reads: evidence further down can never reach
    ``min_confidence`` (the heaviest intent discounted by position), so a very long body is parsed only
    this far, twice over to leave room for second answer sentences."""
    furthest = (max(INTENT_WEIGHTS.values()) / settings.min_confidence - 1.0) / POSITION_DISCOUNT
    return 2 * (int(furthest) + 1)


def plan_candidates(analysis: Analysis) -> list[Candidate]:
    """All well-formed candidates, most important first (deterministic order)."""
    found = [c for finder in FINDERS for c in finder(analysis) if is_well_formed(c.question)]
    return sorted(found, key=lambda c: (-_importance(c), c.sentences[0], c.question))


def select(candidates: list[Candidate], limit: int) -> list[Candidate]:
    kept: list[Candidate] = []
    for candidate in candidates:
        if len(kept) >= limit:
            break
        if not _is_repeat(candidate, kept):
            kept.append(candidate)
    return kept


def _answer(analysis: Analysis, candidate: Candidate, settings: Settings) -> QAPair:
    indices = candidate.sentences[: settings.max_answer_sentences]
    sentences = [analysis.sentences[i] for i in indices]
    citations = [Citation(sentence=s.index, start=s.start, end=s.end, text=s.text) for s in sentences]
    dates = [d for d in analysis.dates if any(s.start <= d.start < s.end for s in sentences)]
    return QAPair(
        question=candidate.question,
        answer=" ".join(s.text for s in sentences),
        citations=citations,
        intent=candidate.intent,
        confidence=round(min(1.0, _importance(candidate)), 3),
        dates=dates,
    )


def make_faq(article: Article, settings: Settings = DEFAULT_SETTINGS, *, analysis: Analysis | None = None) -> FAQ:
    """Write the FAQ for ``article``: at most ``settings.max_questions`` grounded pairs."""
    analysis = analysis or analyze(article, limit=reach(settings))
    confident = [c for c in plan_candidates(analysis) if _importance(c) >= settings.min_confidence]
    chosen = select(ground(confident, analysis, settings.max_answer_sentences).kept, settings.max_questions)
    items = [_answer(analysis, c, settings) for c in chosen]
    return FAQ(article=ArticleRef.of(article), items=items, generator=f"newsfaq {__version__}")
