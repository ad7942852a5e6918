"""Candidate answer spans in a sentence and the features a small model weighs.

Candidates are what answers are made of: named entities, numbers with their
unit, noun phrases, cause clauses ("because ..."), manner phrases ("by ...")
and the objects of the verb. Each gets sparse features: does its type fit the
question, does it repeat the question (answers rarely do), how close it is to
the words the question and sentence share, and its syntactic role.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsfaq.ask.question_analysis import QuestionInfo
from newsfaq.ask.sentences import RankedSentence
from newsfaq.nlp.lexicon import words

ENTITY_TYPES = {
    "PERSON": {"PERSON", "NORP", "ORG"},
    "ORG": {"ORG", "NORP"},
    "GPE": {"GPE", "LOC", "FAC"},
    "DATE": {"DATE", "TIME"},
    "DURATION": {"DATE", "TIME", "QUANTITY", "CARDINAL"},
    "NUMBER": {"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"},
}
CAUSE_WORDS = {"because", "since", "as", "due", "after", "so"}
MANNER_MARKERS = {"by", "through", "with", "via", "using"}
MAX_CANDIDATE_TOKENS = 25


@dataclass
class AnswerCandidate:
    """A span that may answer the question: its sentence, its kind (an entity label, "CHUNK", "CAUSE" and
    so on) and the reader's features for it."""

    span: Span
    sentence: Span
    kind: str
    features: dict[str, float]

    @property
    def text(self) -> str:
        """The span's text without spaces or ``,.;:`` at either end: the answer as given."""
        return self.span.text.strip(" ,.;:")


def _spans(sentence: Span) -> list[tuple[Span, str]]:
    doc = sentence.doc
    found: list[tuple[Span, str]] = [(e, e.label_) for e in sentence.ents]
    for entity in sentence.ents:
        # "2,500 US troops": the number with the noun it counts.
        if entity.label_ in ("CARDINAL", "QUANTITY", "MONEY") and entity.root.head.i >= entity.end:
            head = entity.root.head
            if head.pos_ in ("NOUN", "PROPN") and head.i < sentence.end:
                found.append((doc[entity.start : head.i + 1], "COUNTED"))
    found += [(chunk, "CHUNK") for chunk in sentence.noun_chunks]
    for token in sentence:
        subtree = doc[token.left_edge.i : token.right_edge.i + 1]
        if token.dep_ in ("advcl", "prep", "pcomp") and token.lower_ in CAUSE_WORDS | MANNER_MARKERS:
            found.append((subtree, "CAUSE" if token.lower_ in CAUSE_WORDS else "MANNER"))
        elif token.dep_ == "advcl" and any(c.lower_ in CAUSE_WORDS for c in token.children if c.dep_ == "mark"):
            found.append((subtree, "CAUSE"))
        elif token.dep_ in ("dobj", "attr", "pobj", "nsubj", "nsubjpass", "appos", "xcomp", "acomp"):
            found.append((subtree, "PHRASE"))
    seen, unique = set(), []
    for span, kind in found:
        key = (span.start, span.end)
        if key not in seen and 0 < len(span) <= MAX_CANDIDATE_TOKENS and span.text.strip(" ,.;:"):
            seen.add(key)
            unique.append((span, kind))
    return unique


def _ancestors(token: Token) -> list[Token]:
    """The token and its heads up to the root, nearest first."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _tree_path(span_root: Token, matched: list[Token]) -> tuple[int, str]:
    """Edges from the span's root to the nearest question word in the parse, and that path's labels
    (short paths only: answers sit close to the question's words in the parse)."""
    up = _ancestors(span_root)
    best = (30, "none")
    for token in matched:
        other = _ancestors(token)
        depth = {t.i: n for n, t in enumerate(other)}
        meet = next((n for n, t in enumerate(up) if t.i in depth), None)
        if meet is None:
            continue
        length = meet + depth[up[meet].i]
        if length < best[0]:
            rising = "/".join(t.dep_ for t in up[:meet])
            falling = "/".join(t.dep_ for t in other[: depth[up[meet].i]])
            best = (length, f"{rising}^{falling}" if length <= 3 else "long")
    return best


def _beside(span: Span, sentence: Span, width: int) -> list[int]:
    """Token indices within ``width`` of the span on either side, inside its sentence."""
    before = range(max(sentence.start, span.start - width), span.start)
    return [*before, *range(span.end, min(sentence.end, span.end + width))]


def _token_keys(sentence: Span) -> dict[int, str]:
    """The match key of each content token, by token index (one word analysis per sentence)."""
    by_start = {w.start: w.key for w in words(sentence.text, sentence.start_char) if w.content}
    return {t.i: by_start[t.idx] for t in sentence if t.idx in by_start}


def candidates(
    question: QuestionInfo, ranked: RankedSentence, sentence_rank: int, read: list[RankedSentence]
) -> list[AnswerCandidate]:
    """Every candidate answer in ``ranked.sentence`` with its features (``read``: every sentence being read,
    to say how this one compares)."""
    sentence = ranked.sentence
    keys = question.keys
    fitting = ENTITY_TYPES.get(question.expects, ())
    type_in_sentence = float(any(e.label_ in fitting for e in sentence.ents))
    token_keys = _token_keys(sentence)
    matched = [i for i, key in token_keys.items() if key in keys]
    aligned = ranked.alignment.tokens
    best_share = max(r.share for r in read)
    best_closeness = max(r.closeness for r in read)
    best_alignment = max(r.alignment.score for r in read)
    result = []
    for span, kind in _spans(sentence):
        span_keys = [token_keys[i] for i in range(span.start, span.end) if i in token_keys]
        repeat = sum(k in keys for k in span_keys) / len(span_keys) if span_keys else 1.0
        outside = [i for i in matched if not span.start <= i < span.end]
        distance = min((min(abs(i - span.start), abs(i - (span.end - 1))) for i in outside), default=30)
        window = sum(span.start - 6 <= i < span.end + 6 for i in outside)
        head = span.root.head
        label = span.root.ent_type_ or "none"
        tree_distance, path = _tree_path(span.root, [sentence.doc[i] for i in outside])
        features = {
            f"kind={kind}": 1.0,
            f"{question.expects}&{kind}": 1.0,
            f"{question.kind}&{kind}": 1.0,
            f"{question.kind}&dep={span.root.dep_}": 1.0,
            "type_fits": float(kind in ENTITY_TYPES.get(question.expects, ())),
            "type_fits_counted": float(kind == "COUNTED" and question.expects == "NUMBER"),
            "cause_for_why": float(kind == "CAUSE" and question.kind == "why"),
            "manner_for_how": float(kind == "MANNER" and question.kind == "how"),
            "repeats_question": repeat,
            "all_in_question": float(repeat == 1.0),
            "log_distance": math.log1p(distance),
            "near": float(distance <= 3),
            "head_in_question": float(head.i != span.root.i and token_keys.get(head.i) in keys),
            "question_words_nearby": window / max(1, len(matched)),
            f"{question.expects}&ent={label}": 1.0,
            f"first={span[0].pos_}": 1.0,
            "has_number": float(any(t.like_num for t in span)),
            "log_length": math.log1p(len(span)),
            "best_sentence": float(sentence_rank == 0),
            "sentence_share": ranked.share,
            "behind_best_sentence": best_share - ranked.share,
            "closeness": ranked.closeness,
            "behind_closest_sentence": best_closeness - ranked.closeness,
            "alignment": ranked.alignment.score,
            "behind_best_alignment": best_alignment - ranked.alignment.score,
            "weakest_alignment": ranked.alignment.weakest,
            "span_alignment": max((aligned.get(i, 0.0) for i in range(span.start, span.end)), default=0.0),
            "nearby_alignment": max((aligned.get(i, 0.0) for i in _beside(span, sentence, 3)), default=0.0),
            "head_alignment": aligned.get(head.i, 0.0) if head.i != span.root.i else 0.0,
            "sentence_rank": float(sentence_rank),
            "type_in_sentence": type_in_sentence,
            "before_match": float(bool(outside) and span.end <= min(outside)),
            "tree_distance": float(tree_distance),
            f"path={path}": 1.0,
            f"{question.kind}&path={path}": 1.0,
        }
        result.append(AnswerCandidate(span, sentence, kind, features))
    return result
