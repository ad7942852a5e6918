"""What a claim has in common with its article, as numbers a small model can weigh.

Each claim is aligned to the article sentences that share most of its
informative words; the features then ask what the claim adds (words, names,
numbers absent from the article), whether its word order and phrases recur
(a swapped actor breaks bigrams), and whether a negation appears on one side only.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsfaq.check.index import ArticleIndex, SentenceWords
from newsfaq.nlp.lexicon import Word, calendar_kind

FEATURE_NAMES = (
    "coverage",
    "weighted_coverage",
    "best_sentence_coverage",
    "best_pair_coverage",
    "bigram_coverage",
    "trigram_coverage",
    "missing_weight",
    "max_missing_rarity",
    "missing_numbers",
    "missing_names",
    "negation_mismatch",
    "order_agreement",
    "content_words",
    "pair_cooccurrence",
    "fragments_per_word",
    "fragment_sentences",
    "longest_fragment",
    "missing_rare_share",
    "missing_common_share",
)
RARE = 4.5
"""Rarity (8 - Zipf) above which a word is a name or a specific term, not a paraphrase's everyday word."""


@dataclass
class ClaimAlignment:
    """The evidence a claim was compared with and what the article lacks."""

    evidence: list[SentenceWords]
    missing: list[Word]
    missing_numbers: list[Word]
    missing_names: list[Word]
    negation_mismatch: bool
    features: list[float]
    swapped_name: tuple[str, str] | None = None
    """(the evidence's name, the claim's) when the claim gives the closest sentence's statement to someone
    else: "Enoch Gaver, 28, was shot" where the sentence says "David Gaver, 28, was shot"."""

    @property
    def verbatim(self) -> bool:
        """The whole claim is copied word for word from one article sentence."""
        return self.features[FEATURE_NAMES.index("longest_fragment")] >= 1.0

    @property
    def best_sentence_share(self) -> float:
        """Share of the claim's content words that the closest article sentence holds."""
        return self.features[FEATURE_NAMES.index("best_sentence_coverage")]


def _best_sentences(content: list[Word], index: ArticleIndex) -> list[SentenceWords]:
    """The two sentences sharing the most rarity-weighted claim words, best first."""
    scored = []
    for entry in index.sentences:
        overlap = sum(w.rarity for w in content if w.key in entry.content_keys)
        if overlap > 0:
            scored.append((-overlap, entry.sentence.index, entry))
    scored.sort(key=lambda item: item[:2])
    best = [entry for _, _, entry in scored[:1]]
    if len(scored) > 1:
        # The second sentence only counts for what the first one lacks.
        rest = [w for w in content if w.key not in best[0].content_keys]
        second = max(
            scored[1:], key=lambda item: (sum(w.rarity for w in rest if w.key in item[2].content_keys), -item[1])
        )
        best.append(second[2])
    return best


def _order_agreement(content: list[Word], sentence: SentenceWords) -> float:
    """Share of claim word pairs that keep their order in the evidence (1.0 when too few)."""
    position = {}
    for w in sentence.words:
        position.setdefault(w.key, w.start)
    placed = [position[w.key] for w in content if w.key in position]
    pairs = [(a, b) for i, a in enumerate(placed) for b in placed[i + 1 :] if a != b]
    return sum(a < b for a, b in pairs) / len(pairs) if pairs else 1.0


def _pair_cooccurrence(content: list[Word], index: ArticleIndex) -> float:
    """Share of nearby claim word pairs that some article sentence holds together.

    A summary that fuses pieces of different sentences ("X said" + someone
    else's words) has words that each occur, but never side by side.
    """
    pairs = [(a, b) for i, a in enumerate(content) for b in content[i + 1 : i + 4] if a.key != b.key]
    together = sum(any(a.key in e.content_keys and b.key in e.content_keys for e in index.sentences) for a, b in pairs)
    return _share(together, len(pairs))


def _fragments(keys: list[str], index: ArticleIndex) -> list[tuple[int, int]]:
    """Greedy cover of the claim by the longest stretches copied from one sentence.

    Returns (length, sentence index) per fragment; words found nowhere are
    fragments of length 0.
    """
    tokens = {e.sentence.index: [w.key for w in e.words] for e in index.sentences}
    cover, i = [], 0
    while i < len(keys):
        best = (0, -1)
        for sentence, position in index.positions.get(keys[i], ()):
            row, length = tokens[sentence], 0
            while (
                i + length < len(keys) and position + length < len(row) and row[position + length] == keys[i + length]
            ):
                length += 1
            best = max(best, (length, -sentence))
        cover.append((best[0], -best[1]))
        i += max(1, best[0])
    return cover


def is_verbatim(claim: list[Word], index: ArticleIndex) -> bool:
    """Is the claim copied word for word from one article sentence?"""
    keys = [w.key for w in claim]
    return bool(keys) and _fragments(keys, index)[0][0] == len(keys)


def _share(found: int, total: int) -> float:
    return found / total if total else 1.0


def align_claim(claim: list[Word], index: ArticleIndex) -> ClaimAlignment:
    """The claim compared with the article: its closest sentences, what the article lacks, and the support
    model's features in ``FEATURE_NAMES`` order."""
    content = [w for w in claim if w.content]
    keys = [w.key for w in claim]
    best = _best_sentences(content, index)
    best_keys = best[0].content_keys if best else frozenset()
    pair_keys = best_keys.union(*(e.content_keys for e in best[1:])) if best else frozenset()
    missing = [w for w in content if w.key not in index.keys]
    total_weight = sum(w.rarity for w in content)
    bigrams = list(zip(keys, keys[1:], strict=False))
    trigrams = list(zip(keys, keys[1:], keys[2:], strict=False))
    numbers = [w for w in missing if w.number]
    names = [w for w in missing if (w.capitalised and w is not claim[0]) or w.rarity >= RARE]
    rare = sum(w.rarity >= RARE for w in missing)
    cover = _fragments(keys, index)
    long_fragments = [(n, s) for n, s in cover if n >= 2]
    claim_negated = any(w.negation for w in claim)
    evidence_negated = bool(best) and best[0].negated  # the sentence a reason would quote, not any of them
    features = [
        _share(len(content) - len(missing), len(content)),
        _share(total_weight - sum(w.rarity for w in missing), total_weight) if total_weight else 1.0,
        _share(sum(w.key in best_keys for w in content), len(content)),
        _share(sum(w.key in pair_keys for w in content), len(content)),
        _share(sum(b in index.bigrams for b in bigrams), len(bigrams)),
        _share(sum(t in index.trigrams for t in trigrams), len(trigrams)),
        sum(w.rarity for w in missing),
        max((w.rarity for w in missing), default=0.0),
        float(len(numbers)),
        float(len(names)),
        float(claim_negated != evidence_negated),
        _order_agreement(content, best[0]) if best else 0.0,
        float(len(content)),
        _pair_cooccurrence(content, index),
        len(cover) / max(1, len(keys)),
        float(len({s for _, s in long_fragments})),
        max((n for n, _ in cover), default=0) / max(1, len(keys)),
        rare / max(1, len(content)),
        (len(missing) - rare) / max(1, len(content)),
    ]
    swapped = (
        (_swapped_name(claim, best[0], index.names) or _other_name(claim, missing, best[0], index.names))
        if best
        else None
    )
    return ClaimAlignment(best, missing, numbers, names, claim_negated != evidence_negated, features, swapped)


def _other_name(claim: list[Word], missing: list[Word], best: SentenceWords, names: set[str]) -> tuple[str, str] | None:
    """The claim's one word the article lacks is a capitalised word in the slot where the sentence has a name
    (the same word beside it), and every other content word is in the sentence: "Leeds have thrown their
    backing behind a boycott" of "Supporters of Cardiff have thrown their backing behind a boycott". (A name
    is a word the article capitalises inside a sentence; lower-cased claims are out of reach.)"""
    if len(missing) != 1 or not missing[0].capitalised or missing[0].number or calendar_kind(missing[0]):
        return None
    if any(w.key not in best.content_keys for w in claim if w.content and w is not missing[0]):
        return None
    at = next(i for i, w in enumerate(claim) if w is missing[0])
    before = claim[at - 1].key if at > 0 else None
    after = claim[at + 1].key if at + 1 < len(claim) else None
    row = best.words
    slots = [
        w.text
        for j, w in enumerate(row)
        if w.key in names
        and not w.number
        and not calendar_kind(w)
        and ((after is not None and j + 1 < len(row) and row[j + 1].key == after)
             or (before is not None and j > 0 and row[j - 1].key == before))
    ]  # fmt: skip
    return (slots[0], missing[0].text) if len(slots) == 1 else None


def _swapped_name(claim: list[Word], best: SentenceWords, names: set[str]) -> tuple[str, str] | None:
    """A name in the claim whose surname the sentence gives with another first name, where the claim's first
    name is not in the sentence at all (every word of the claim may still be somewhere in the article)."""
    claim_keys = {w.key for w in claim}
    sentence_keys = {w.key for w in best.words}
    for first, last in zip(claim, claim[1:], strict=False):
        if first.key not in names or last.key not in names or first.key in sentence_keys:
            continue
        for other, same in zip(best.words, best.words[1:], strict=False):
            if same.key == last.key and other.capitalised and other.key in names and other.key not in claim_keys:
                return f"{other.text} {same.text}", f"{first.text} {last.text}"
    return None
