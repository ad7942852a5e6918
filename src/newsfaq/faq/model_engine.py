"""The model engine: the rule planner chooses what to ask about, the local model words the question, and the
checks decide whether it may be offered.

The planner already knows which sentences matter (the lead, the causes, the counts, the plans) and what a
reader would ask of each; its weakness is wording. So the model writes one question per chosen answer
sentence, with the planner's intent as a hint, and the question is kept only when the reader, asked it back,
lands on that sentence and the checker supports its premise. Kept questions join the rule-based candidates in
the writer's one ranking (``faq/writer.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from newsfaq.faq.candidates import Candidate, ranked
from newsfaq.faq.centrality import centrality
from newsfaq.faq.intents import INTENT_WEIGHTS
from newsfaq.faq.model_questions import write_question
from newsfaq.faq.question_checks import asked_back, premises_hold
from newsfaq.ingest.clean import is_caption
from newsfaq.nlp.analysis import Analysis
from newsfaq.settings import Settings

LEAD_SENTENCES = 3
"""The opening sentences always get a model question: news says what happened first."""
REWORDED_INTENTS = {"what-happened", "why", "what-next", "how-many", "reaction", "background", "said"}
"""'Who is X?' is already how a reader asks it; every other intent's rule wording is the model's to improve."""
SPARE = 1
"""Questions written beyond the FAQ's length, for the ones the checks drop."""


def answer_sentences(planned: list[Candidate], analysis: Analysis, count: int) -> list[Candidate]:
    """The ``count`` answer sentences most worth a model question, most important first, each as the planner's
    best candidate for it: the planned candidates' main evidence, the lead sentences (as what happened, when
    the planner found nothing in them), and the sentences most central to the story (``faq/centrality.py``)."""
    chosen: dict[int, Candidate] = {}
    for candidate in planned:
        if candidate.intent in REWORDED_INTENTS:
            chosen.setdefault(candidate.sentences[0], candidate)
    for index in range(min(LEAD_SENTENCES, len(analysis.spans))):
        if not is_caption(analysis.spans[index].text):
            chosen.setdefault(index, Candidate("what-happened", "", (index,), INTENT_WEIGHTS["what-happened"]))
    for index, share in enumerate(centrality(analysis)):
        if share > 0:
            chosen.setdefault(index, Candidate("key-fact", "", (index,), INTENT_WEIGHTS["key-fact"] * (0.5 + share)))
    return ranked(list(chosen.values()))[:count]


def model_candidates(
    analysis: Analysis,
    planned: list[Candidate],
    settings: Settings,
    model,
    progress: Callable[[int, int], None] | None = None,
) -> list[Candidate]:
    """The model's questions for the planner's answer sentences that pass both checks."""
    story = " ".join(span.text for span in analysis.spans[:LEAD_SENTENCES])
    targets = answer_sentences(planned, analysis, settings.max_questions + SPARE)
    written = []
    for done, target in enumerate(targets, start=1):
        question = write_question(model, story, analysis.spans[target.sentences[0]].text, target.intent)
        if question:
            written.append(replace(target, question=question, engine="model"))
        if progress:
            progress(done, len(targets))
    if not written:
        return []
    landed = asked_back([c.question for c in written], analysis)
    holds = premises_hold([c.question for c in written], analysis, settings)
    return [
        candidate
        for candidate, sentence, held in zip(written, landed, holds, strict=True)
        if sentence == candidate.sentences[0] and held
    ]
