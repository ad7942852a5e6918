"""The model engine: the rule planner chooses what to ask about, the local model words the question, and the
checks decide what may be offered.

The planner already knows which sentences matter (the lead, the causes, the counts, the plans) and what a
reader would ask of each; its weakness is wording. So the model writes one question per chosen answer
sentence, with the planner's intent as a hint. Then every candidate, the model's and the rules', is kept only
when the checker finds its premise in the article, its sentence holds the kind of answer asked for and the
model finds the sentence answers it, and the reader, asked it back, lands on that sentence or on one the model
finds answers it less well; the survivors compete in the writer's one ranking
(``faq/writer.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Span

from newsfaq.faq.answer_kinds import counts_something, fits, reasons_its_main_event
from newsfaq.faq.candidates import ItemCandidate, ranked
from newsfaq.faq.centrality import centrality
from newsfaq.faq.intents import FILLER_INTENTS, INTENT_WEIGHTS
from newsfaq.faq.model_questions import write_question
from newsfaq.faq.question_checks import ANSWERS_AT, answer_margins, asked_back, premises_hold
from newsfaq.nlp.analysis import Analysis
from newsfaq.nlp.llm import AnswerScorer, ReplyWriter
from newsfaq.nlp.quotable import unquotable
from newsfaq.settings import Settings

LEAD_SENTENCES = 3
"""The opening sentences always get a model question: news says what happened first. A lead sentence that
gives a reason or a count gets a "why" or "how many" question as well: on the FAQ panel, items answered from
the first two sentences were judged good 16 times in 21, those from the sixth on 13 in 32."""
REWORDED_INTENTS = {"what-happened", "why", "what-next", "how-many", "reaction", "background", "said"}
"""'Who is X?' is already how a reader asks it; every other intent's rule wording is the model's to improve."""
SPARE = 5
"""Questions written beyond the FAQ's length, for the ones the checks drop."""


def answer_sentences(planned: list[ItemCandidate], analysis: Analysis, count: int) -> list[ItemCandidate]:
    """The ``count`` answer sentences most worth a model question, most important first, each as the planner's
    best candidate for it: the planned candidates' main evidence, the lead sentences (as what happened, when
    the planner found nothing in them, and as why or how many where they say), and the sentences most
    central to the story (``faq/centrality.py``)."""
    chosen: dict[int, ItemCandidate] = {}
    for candidate in planned:
        if candidate.intent in REWORDED_INTENTS:
            chosen.setdefault(candidate.sentences[0], candidate)
    barred = unquotable(analysis)
    lead = [index for index in range(min(LEAD_SENTENCES, len(analysis.spans))) if index not in barred]
    for index in lead:
        chosen.setdefault(index, ItemCandidate("what-happened", "", (index,), INTENT_WEIGHTS["what-happened"]))
    for index, share in enumerate(centrality(analysis)):
        if share > 0 and index not in barred:
            chosen.setdefault(
                index, ItemCandidate(FILLER_INTENTS[0], "", (index,), INTENT_WEIGHTS[FILLER_INTENTS[0]] * (0.5 + share))
            )
    further = [
        ItemCandidate(intent, "", (index,), INTENT_WEIGHTS[intent])
        for index in lead
        for intent in _further_asks(analysis.spans[index])
        if chosen[index].intent != intent
    ]
    return ranked([*chosen.values(), *further])[:count]


def wording_rounds(targets: list[ItemCandidate]) -> list[list[ItemCandidate]]:
    """The targets in the rounds the writer has the model word them: the non-filler ones, then the filler ones
    once as each filler intent in turn (``FILLER_INTENTS``); a later round is worded only while the FAQ is short."""
    fillers = [t for t in targets if t.intent in FILLER_INTENTS]
    first = [t for t in targets if t.intent not in FILLER_INTENTS]
    return [first, *([replace(t, intent=intent) for t in fillers] for intent in FILLER_INTENTS if fillers)]


def _further_asks(sentence: Span) -> list[str]:
    """The intents a sentence answers beyond what happened: why, when it gives a reason for its main event (the
    answer check wants the reason in the asked verb's clause, so one elsewhere would waste a model call); how
    many, when it counts something."""
    asks = (("why", reasons_its_main_event(sentence)), ("how-many", counts_something(sentence)))
    return [intent for intent, held in asks if held]


def model_questions(
    analysis: Analysis, targets: list[ItemCandidate], model: ReplyWriter, on_written: Callable[[], None] | None = None
) -> list[ItemCandidate]:
    """The model's question for each target (``answer_sentences``), unchecked; ``on_written()`` after each."""
    story = " ".join(span.text for span in analysis.spans[:LEAD_SENTENCES])
    questions = []
    for target in targets:
        question = write_question(model, story, analysis.spans[target.sentences[0]].text, target.intent)
        if question:
            questions.append(replace(target, question=question, engine="model"))
        if on_written:
            on_written()
    return questions


@dataclass(frozen=True)
class Checks:
    """What the checks found for one candidate. A check is None where it was not made (unless the checks were
    ``thorough``): ``margin`` when the answer kind had already failed, ``premise_holds`` when ``margin`` is
    below the bar, ``rival`` when the reader landed on the candidate's own sentence or the premise failed."""

    candidate: ItemCandidate
    landed: int
    """The sentence the reader, asked the question back, answers it from."""
    premise_holds: bool | None
    """Whether the question's premise holds against the article (``question_checks.premises_hold``)."""
    fits: bool
    """Whether the sentence holds the kind of answer asked for (a time for "when", a number for "how many") and
    is about the people the question names (``answer_kinds.fits``)."""
    margin: float | None = None
    """The model's margin that the candidate's own sentence answers it."""
    rival: float | None = None
    """The model's margin that the sentence the reader landed on answers it."""


def passes(checks: Checks, answers_at: float = ANSWERS_AT) -> bool:
    """Whether a candidate may be offered: its premise holds, its sentence holds the kind of answer asked for
    and, by the model, answers it, and the reader landed on that sentence or on one the model finds answers it
    less well (the fast reader often lands elsewhere on a reworded question; the model settles between the
    two)."""
    if not (checks.premise_holds and checks.fits) or checks.margin is None or checks.margin < answers_at:
        return False
    if checks.landed == checks.candidate.sentences[0]:
        return True
    return checks.rival is not None and checks.rival < checks.margin


def check_candidates(
    candidates: list[ItemCandidate],
    analysis: Analysis,
    settings: Settings,
    model: AnswerScorer,
    *,
    thorough: bool = False,
) -> list[Checks]:
    """The checks' outcomes for each candidate, of either engine. The model is asked only what ``passes`` needs
    (each call costs a second or more), cheapest first: whether the sentence answers the question (one short
    prompt) for the candidates whose sentence fits; the premise, whose judge reads three sentences of the
    article, only for those it answers (at ``ANSWERS_AT``); a rival only for those still standing. ``thorough``
    asks it everything, for benchmarks that replay other bars (a lower bar needs it)."""
    if not candidates:
        return []
    found = [
        Checks(c, landed, None, fits(c, analysis))
        for c, landed in zip(candidates, asked_back([c.question for c in candidates], analysis), strict=True)
    ]
    asked = [i for i, f in enumerate(found) if thorough or f.fits]
    margins = _margins([(found[i].candidate.question, found[i].candidate.sentences[0]) for i in asked], analysis, model)
    for i, margin in zip(asked, margins, strict=True):
        found[i] = replace(found[i], margin=margin)
    answered = [i for i, f in enumerate(found) if thorough or (f.margin is not None and f.margin >= ANSWERS_AT)]
    held = premises_hold([found[i].candidate.question for i in answered], analysis, settings) if answered else []
    for i, holds in zip(answered, held, strict=True):
        found[i] = replace(found[i], premise_holds=holds)
    astray = [
        i
        for i, f in enumerate(found)
        if f.landed != f.candidate.sentences[0] and f.margin is not None and (thorough or f.premise_holds)
    ]
    rivals = _margins([(found[i].candidate.question, found[i].landed) for i in astray], analysis, model)
    for i, rival in zip(astray, rivals, strict=True):
        found[i] = replace(found[i], rival=rival)
    return found


def passing(
    candidates: list[ItemCandidate], analysis: Analysis, settings: Settings, model: AnswerScorer
) -> list[ItemCandidate]:
    """The candidates that pass the checks (``passes``), in their order."""
    return [checks.candidate for checks in check_candidates(candidates, analysis, settings, model) if passes(checks)]


def _margins(asked: list[tuple[str, int]], analysis: Analysis, model: AnswerScorer) -> list[float]:
    """The model's margin that each (question, sentence index) is answered by that sentence; a pair asked twice
    (one question written for several sentences, asked back to the same one) costs one call."""
    pairs = list(dict.fromkeys(asked))
    sentences = [analysis.spans[index].text for _, index in pairs]
    margins = dict(zip(pairs, answer_margins([question for question, _ in pairs], sentences, model), strict=True))
    return [margins[pair] for pair in asked]
