"""``make_faq``: plan candidates from reader intents, let the local model reword the questions (checked),
rank both engines' candidates together by importance, check each answer against the article, drop repeats,
and attach answers quoted from the article.

Answers are whole article sentences, so every answer is literally in the source
and each citation's offsets point at exactly the quoted text.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from newsfaq.engines import FAQ_WRITER
from newsfaq.faq.answer_kinds import TITLES, asked_kind, fits
from newsfaq.faq.candidates import POSITION_DISCOUNT, ItemCandidate, ranked
from newsfaq.faq.grounding import ground
from newsfaq.faq.intents import FILLER_INTENTS, FINDERS, INTENT_WEIGHTS
from newsfaq.faq.model_engine import SPARE, answer_sentences, model_questions, passing, wording_rounds
from newsfaq.faq.short_answers import answer_style, with_short_answers
from newsfaq.faq.wording import QUESTION_STARTS, is_well_formed, question_words
from newsfaq.model import FAQ, Article, ArticleRef, Citation, QAPair
from newsfaq.nlp.analysis import Analysis, analyze
from newsfaq.nlp.lexicon import content_keys, share_held
from newsfaq.nlp.llm import LanguageModel, ModelUnavailable
from newsfaq.nlp.quotable import unquotable
from newsfaq.settings import DEFAULT_SETTINGS, Settings
from newsfaq.version import __version__

AnswerWords = dict[int, set[str]]
DUPLICATE_OVERLAP = 0.7
RESTATES = 0.5
"""Two answer sentences sharing more than this share of each one's content words say one thing twice. On the
499 check-dev articles the fast engine's FAQs lost 5 items to it, most of them on a caption or summary line
restating the lede and worded badly ("When did after beating tommy burns jack johnson become ...?"); on the FAQ
panel, one model item quoting a caption that restates the lede. Counting a share one way only (a short line
inside a long lede) changed 13 of the 499 FAQs and, on the panel, dropped a good item."""
MAX_ITEMS_PER_SENTENCE = 2
_STOP = {"the", "a", "an", "of", "to", "in", "on", "and", "did", "does", "do", "is", "are", "was", "were"}
_STOP |= {*QUESTION_STARTS, "many", "much"}  # "How many goals did X score?" repeats "What did X score?"
_STOP |= TITLES  # "What did Mr Paisley say?" repeats "What did Ian Paisley say?"; see ``_same_words``


def _content_words(question: str) -> set[str]:
    return {w for w in question_words(question) if w not in _STOP}


def _is_repeat(candidate: ItemCandidate, kept: list[ItemCandidate], answer_words: AnswerWords) -> bool:
    """Whether ``candidate`` asks what a kept item already answers: mostly the same words, or the same answer
    asked for the same kind of answer. An answer sentence restating a kept one (a caption or summary line
    restating the lede) counts as the same answer. A sentence may answer two questions of different kinds (what
    happened, and how many died); "who" items, which are about a person, are not counted."""
    on_same_answer = [
        other
        for other in kept
        if "who" not in (candidate.intent, other.intent)
        and (other.sentences[0] == candidate.sentences[0] or _restates(candidate, other, answer_words))
    ]
    if len(on_same_answer) >= MAX_ITEMS_PER_SENTENCE:
        return True
    kind = asked_kind(candidate.question)
    if any(asked_kind(other.question) == kind for other in on_same_answer):
        return True
    return any(_same_words(candidate.question, other.question) for other in kept)


def _same_words(question: str, other: str) -> bool:
    """Whether two questions share ``DUPLICATE_OVERLAP`` of the shorter one's content words, titles aside,
    unless each names someone by another title ("What did Mr Maxwell say?", "What did Mrs Maxwell say?")."""
    titles, other_titles = _titles(question), _titles(other)
    if titles and other_titles and not titles & other_titles:
        return False
    words, other_words = _content_words(question), _content_words(other)
    return len(words & other_words) / max(1, min(len(words), len(other_words))) >= DUPLICATE_OVERLAP


def _titles(question: str) -> set[str]:
    return {w for w in question_words(question) if w in TITLES} - {"the"}


def _restates(candidate: ItemCandidate, other: ItemCandidate, answer_words: AnswerWords) -> bool:
    """Whether the two items' answer sentences share more than ``RESTATES`` of each one's content words."""
    ours, theirs = answer_words.get(candidate.sentences[0], set()), answer_words.get(other.sentences[0], set())
    return min(share_held(ours, theirs), share_held(theirs, ours)) > RESTATES


def reach(settings: Settings) -> int:
    """How many leading sentences the FAQ reads: evidence further down can never reach
    ``min_confidence`` (the heaviest intent discounted by position), so a very long body is parsed only
    this far, twice over to leave room for second answer sentences."""
    furthest = (max(INTENT_WEIGHTS.values()) / settings.min_confidence - 1.0) / POSITION_DISCOUNT
    return 2 * (int(furthest) + 1)


def plan_candidates(analysis: Analysis) -> list[ItemCandidate]:
    """All well-formed rule-based candidates whose evidence is prose, not a photo caption, and holds the kind of
    answer asked for, most important first (deterministic order)."""
    found = [c for finder in FINDERS for c in finder(analysis) if is_well_formed(c.question)]
    barred = unquotable(analysis)
    return ranked([c for c in found if c.sentences[0] not in barred and fits(c, analysis)])


def select(
    candidates: list[ItemCandidate],
    limit: int,
    max_who: int,
    fill_to: int = 0,
    *,
    answer_words: AnswerWords | None = None,
) -> list[ItemCandidate]:
    """Up to ``limit`` candidates, fillers aside, that repeat no kept one, with at most ``max_who`` "Who is ...?"
    items (a story's people matter through what they did, which the other items quote); then, while fewer than
    ``min(limit, fill_to)`` are kept, filler candidates that repeat none kept, one filler intent after another
    (``FILLER_INTENTS``). In ranking order. ``answer_words`` gives the answer sentences' content words, by
    index, to tell answers that restate each other (``answer_words_of``)."""
    answer_words = answer_words or {}
    kept = _pick([c for c in candidates if c.intent not in FILLER_INTENTS], limit, max_who, [], answer_words)
    for intent in FILLER_INTENTS:
        kept = _pick([c for c in candidates if c.intent == intent], min(limit, fill_to), max_who, kept, answer_words)
    chosen = {id(c) for c in kept}
    return [c for c in candidates if id(c) in chosen]


def _pick(
    candidates: list[ItemCandidate], limit: int, max_who: int, kept: list[ItemCandidate], answer_words: AnswerWords
) -> list[ItemCandidate]:
    """``kept`` and, after it, those of ``candidates`` that fit ``select``'s rules, up to ``limit`` in all."""
    kept = list(kept)
    for candidate in candidates:
        if len(kept) >= limit:
            break
        too_many_who = candidate.intent == "who" and sum(c.intent == "who" for c in kept) >= max_who
        if not too_many_who and not _is_repeat(candidate, kept, answer_words):
            kept.append(candidate)
    return kept


def answer_item(analysis: Analysis, candidate: ItemCandidate, settings: Settings) -> QAPair:
    """The FAQ item for a chosen candidate: its question and its sentences, quoted with citations and dates."""
    indices = candidate.sentences[: settings.max_answer_sentences]
    sentences = [analysis.sentences[i] for i in indices]
    citations = [Citation(sentence=s.index, start=s.start, end=s.end, text=s.text) for s in sentences]
    dates = [d for d in analysis.dates if any(s.start <= d.start < s.end for s in sentences)]
    return QAPair(
        question=candidate.question,
        answer=" ".join(s.text for s in sentences),
        citations=citations,
        intent=candidate.intent,
        confidence=round(min(1.0, candidate.importance), 3),
        dates=dates,
    )


def _candidates(
    analysis: Analysis, settings: Settings, progress: Callable[[int, int], None] | None
) -> list[ItemCandidate]:
    """The rule-based candidates alone for the fast engine; with the model, those and the model's questions,
    every one checked. Under ``auto`` a model that fails mid-way leaves the rule-based ones unchecked, as the
    fast engine has them, and the user is told once."""
    planned = plan_candidates(analysis)
    model = FAQ_WRITER.model(settings.faq_engine, settings.llm_url)
    if model is None:
        return planned
    try:
        return ranked(_checked(analysis, planned, settings, model, progress))
    except ModelUnavailable as error:
        if FAQ_WRITER.engine(settings.faq_engine) == "model":
            raise
        FAQ_WRITER.say_off(str(error))
        return planned


def _checked(
    analysis: Analysis,
    planned: list[ItemCandidate],
    settings: Settings,
    model: LanguageModel,
    progress: Callable[[int, int], None] | None,
) -> list[ItemCandidate]:
    """The planned candidates and the model's questions that pass the checks (``passing``). The model words the
    filler sentences only while the FAQ chosen so far is short, the one case in which ``select`` takes a filler:
    once as each filler intent in turn (``FILLER_INTENTS``). ``progress(done, total)`` counts the questions of
    every round and reaches the total once, when the last round is written or a round is not needed."""
    first, *later = wording_rounds(answer_sentences(planned, analysis, settings.max_questions + SPARE))
    total = len(first) + sum(len(targets) for targets in later)
    done = itertools.count(1)

    def on_written() -> None:
        if progress:
            progress(next(done), total)

    kept = passing(planned + model_questions(analysis, first, model, on_written), analysis, settings, model)
    wanted = fewest_items(settings)
    for targets in later:
        if len(choose_items(ranked(kept), analysis, settings, wanted)) >= wanted:
            if progress:
                progress(total, total)  # the rounds left were not needed
            break
        kept += passing(model_questions(analysis, targets, model, on_written), analysis, settings, model)
    return kept


def choose_items(
    candidates: list[ItemCandidate], analysis: Analysis, settings: Settings, fill_to: int = 0
) -> list[ItemCandidate]:
    """The FAQ's items from ranked candidates: confident enough, answers grounded, repeats dropped, fillers
    only up to ``fill_to`` (``select``)."""
    confident = [c for c in candidates if c.importance >= settings.min_confidence]
    grounded = ground(confident, analysis, settings.max_answer_sentences).kept
    return select(
        grounded, settings.max_questions, settings.max_who, fill_to, answer_words=answer_words_of(grounded, analysis)
    )


def answer_words_of(candidates: list[ItemCandidate], analysis: Analysis) -> AnswerWords:
    """The content words of each candidate's main answer sentence, by sentence index."""
    return {i: content_keys(analysis.spans[i].text) for i in {c.sentences[0] for c in candidates}}


def fewest_items(settings: Settings) -> int:
    """The fewest items a FAQ should have: ``min_items``, or the most asked for when that is fewer."""
    return min(settings.min_items, settings.max_questions)


def shortfall(analysis: Analysis, items: list[QAPair], settings: Settings) -> str:
    """Why the FAQ has fewer than ``settings.min_items`` items (or than ``max_questions``, the most asked for,
    when that is fewer), or '' when it does not."""
    if len(items) >= fewest_items(settings):
        return ""
    count = len(analysis.spans)
    if count < settings.min_items:
        return f"The article has only {count} sentence{'s' if count != 1 else ''}: too short for a fuller FAQ."
    return (
        f"Only {len(items)} question{'s' if len(items) != 1 else ''} had an answer the article states and "
        "that passed the checks; no question is offered that the article does not answer."
    )


def make_faq(
    article: Article,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    analysis: Analysis | None = None,
    progress: Callable[[int, int], None] | None = None,
    answer_progress: Callable[[int, int], None] | None = None,
) -> FAQ:
    """Write the FAQ for ``article``: at most ``settings.max_questions`` grounded pairs, with checked short
    answers when ``settings.answers`` is ``short``. ``progress(done, total)`` after each question the model
    writes, out of all it may write (the total is reached at once when no filler is needed), ``answer_progress``
    after each short answer."""
    analysis = analysis or analyze(article, limit=reach(settings))
    chosen = choose_items(_candidates(analysis, settings, progress), analysis, settings, fewest_items(settings))
    items = [answer_item(analysis, c, settings) for c in chosen]
    if answer_style(settings.answers) == "short":
        items = with_short_answers(items, settings, answer_progress)
    return FAQ(
        ArticleRef.of(article),
        items,
        generator=f"newsfaq {__version__}",
        note=shortfall(analysis, items, settings),
    )
