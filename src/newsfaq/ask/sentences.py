"""Which sentences of an article could answer a question: rarity-weighted
overlap of the question's words with each sentence, with a bonus for shared
word pairs (the same scoring the checker uses to find evidence)."""

from __future__ import annotations

from newsfaq.ask.questions import QuestionInfo
from newsfaq.check.lexicon import words


def rank_sentences(question: QuestionInfo, sentences: list[str]) -> list[tuple[int, float]]:
    """(sentence index, share of the question's weight it holds), best first."""
    content = [w for w in question.words if w.content]
    total = sum(w.rarity for w in content) or 1.0
    pairs = {(a.key, b.key) for a, b in zip(question.words, question.words[1:], strict=False)}
    scored = []
    for index, text in enumerate(sentences):
        found = words(text)
        keys = {w.key for w in found}
        share = sum(w.rarity for w in content if w.key in keys) / total
        shared_pairs = sum((a.key, b.key) in pairs for a, b in zip(found, found[1:], strict=False))
        scored.append((index, share + 0.05 * shared_pairs))
    return sorted(scored, key=lambda item: (-item[1], item[0]))
