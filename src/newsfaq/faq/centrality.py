"""Which sentences carry the story: those about what the article keeps coming back to.

The rule planner only proposes sentences its finders recognise (a cause, a count, a plan), and on messy news
it often recognises one or two. A reader still wants the sentences about the story's recurring people,
places and things; a sentence's centrality is the share of its content words that the rest of the article
(or the title) also uses, so a passing aside or a quote's colour scores low.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from newsfaq.ingest.clean import is_not_evidence
from newsfaq.nlp.analysis import Analysis

CONTENT_POS = {"NOUN", "PROPN", "VERB", "NUM", "ADJ"}
MIN_TOKENS = 6
"""Shorter sentences ("Shipping companies reacted with alarm.") are answers to the planner, not key facts."""


def _keys(span: Span) -> set[str]:
    return {t.lemma_.lower() for t in span if t.pos_ in CONTENT_POS and not t.is_stop and t.is_alpha}


def centrality(analysis: Analysis) -> list[float]:
    """For each sentence, the share of its content words found in another sentence or the title (0 for
    captions and fragments)."""
    keys = [_keys(span) for span in analysis.spans]
    counts = Counter(key for sentence in keys for key in sentence)
    title = {w.lower() for w in (analysis.article.title or "").split()}
    scores = []
    for span, sentence in zip(analysis.spans, keys, strict=True):
        if len(span) < MIN_TOKENS or not sentence or is_not_evidence(span.text):
            scores.append(0.0)
            continue
        shared = sum(counts[key] > 1 or key in title for key in sentence)
        scores.append(shared / len(sentence))
    return scores
