"""Every FAQ answer passes through the checker before it is offered.

Answers quote article sentences, so they should always pass; the check is the
guard that keeps it so as answer writing grows more ambitious. Each cited
sentence is checked as its own claim (using the article parse, so nothing is
parsed twice); an answer keeps its supported sentences and is dropped when
none is left.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsfaq.check.checker import verdicts_for
from newsfaq.check.index import build_index
from newsfaq.faq.candidates import ItemCandidate
from newsfaq.nlp.analysis import Analysis


@dataclass
class Grounding:
    """Candidates that passed, and how many were trimmed or dropped on the way."""

    kept: list[ItemCandidate]
    trimmed: int = 0
    dropped: int = 0


def ground(candidates: list[ItemCandidate], analysis: Analysis, answer_sentences: int) -> Grounding:
    """Keep each candidate's supported answer sentences (the first ``answer_sentences`` are answered)."""
    cited = sorted({i for c in candidates for i in c.sentences[:answer_sentences]})
    index = build_index(analysis.article.body, analysis.sentences)
    verdicts = verdicts_for(
        [index] * len(cited), [analysis.sentences[i].text for i in cited], parses=[analysis.spans[i] for i in cited]
    )
    supported = {i for i, verdict in zip(cited, verdicts, strict=True) if verdict.label == "supported"}
    result = Grounding(kept=[])
    for candidate in candidates:
        answered = candidate.sentences[:answer_sentences]
        keep = tuple(i for i in answered if i in supported)
        if not keep or keep[0] != answered[0]:
            result.dropped += 1  # without its main evidence the question is no longer answered
        elif keep != answered:
            result.trimmed += 1
            result.kept.append(replace(candidate, sentences=keep))
        else:
            result.kept.append(candidate)
    return result
