"""Writing the question whose answer is a given span of a sentence.

A rule-based transformation of the dependency parse (after Heilman & Smith's
overgenerate-and-rank idea, without the ranker): pick a wh-phrase from the
answer's entity type and role, find the clause that governs the answer, prune
the parts of the clause that do not lead to the answer, then front the
wh-phrase with subject-auxiliary inversion and do-support.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsfaq.nlp.mentions import name_tokens, resolve_pronoun
from newsfaq.nlp.phrases import keeps_case, render
from newsfaq.nlp.syntax import do_support, subject_of

# Pruning asides shortens questions towards what people ask; each set was kept
# only where it raised BLEU on SQuAD dev (bench/question_writing.py).
PRUNED_CLAUSE_DEPS = {
    "advcl",
    "parataxis",
    "conj",
    "cc",
    "punct",
    "mark",
    "intj",
    "discourse",
    "preconj",
    "advmod",
    "npadvmod",
}
PRUNED_ANYWHERE_DEPS = {"appos", "relcl", "parataxis", "acl"}
COMPLEMENT_DEPS = {"dobj", "attr", "acomp", "xcomp"}
PARTICLES = {"up", "down", "out", "off", "back", "away", "over", "on", "in", "apart", "aside"}
CLIMB_DEPS = {"xcomp", "acl", "advcl", "pcomp", "conj", "prep", "pobj", "dobj", "attr", "oprd"}
LABEL_WH = {
    "PERSON": "who",
    "DATE": "when",
    "TIME": "when",
    "MONEY": "how much",
    "PERCENT": "what percentage",
    "QUANTITY": "how much",
    "CARDINAL": "how many",
}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CAUSE_PHRASES = (
    "because",
    "due to",
    "owing to",
    "in order to",
    "so that",
    "as a result of",
    "in response to",
    "in retaliation for",
)


@dataclass
class WhPhrase:
    """The question phrase and the tokens of the sentence it stands for."""

    text: str
    replaces: set[int]


def _entity_label(answer: Span) -> str:
    """The entity type that covers most of the answer, or ''."""
    counts: dict[str, int] = {}
    for token in answer:
        if token.ent_type_:
            counts[token.ent_type_] = counts.get(token.ent_type_, 0) + 1
    if not counts:
        return ""
    label, count = max(counts.items(), key=lambda item: (item[1], item[0]))
    return label if count * 2 >= len(answer) else ""


def _governing_prep(answer: Span) -> Token | None:
    root = answer.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.i < answer.start:
        return head
    return None


def _counted_noun(answer: Span) -> Token | None:
    """For a bare number, the noun it counts ('2,500' in '2,500 US troops')."""
    for token in answer:
        if token.dep_ == "nummod" and not (answer.start <= token.head.i < answer.end):
            return token.head
    if answer.root.pos_ in ("NOUN", "PROPN") and any(t.like_num for t in answer):
        return answer.root
    return None


def choose_wh(answer: Span) -> WhPhrase:
    """The wh-phrase for an answer span, with the sentence tokens it replaces."""
    replaces = {token.i for token in answer}
    replaces |= {t.i for t in answer.root.children if t.dep_ in ("det", "predet") and t.i < answer.start}
    text_lower = answer.text.lower()
    prep = _governing_prep(answer)
    if text_lower.startswith(CAUSE_PHRASES):
        return WhPhrase("why", replaces)
    label = _entity_label(answer)
    if label in ("CARDINAL", "QUANTITY", "MONEY") or (not label and answer.root.like_num):
        noun = _counted_noun(answer)
        if noun is not None and label != "MONEY":
            noun_tokens = [t for t in noun.lefts if t.dep_ in ("compound", "amod") and t.i not in replaces]
            noun_tokens = [t for t in noun_tokens if not t.like_num] + [noun]
            replaces |= {t.i for t in noun_tokens}
            return WhPhrase("how many " + render(noun_tokens), replaces)
    wh = LABEL_WH.get(label)
    if label in PLACE_LABELS and prep is not None and prep.lower_ in ("in", "at", "near", "inside", "within"):
        wh = "where"
    if wh in ("when", "where") and prep is not None:
        # "when"/"where" stand for the whole adverbial: drop its preposition ("as of", "in", "since").
        replaces.add(prep.i)
        before = prep.doc[prep.i - 1] if prep.i > 0 else None
        if before is not None and before.lower_ == "as" and before.head.i in (prep.i, prep.head.i):
            replaces.add(before.i)
    if wh is None:
        wh = "how" if answer.root.pos_ == "ADV" and not label else "what"
    return WhPhrase(wh, replaces)


def _is_predicate(token: Token) -> bool:
    # An all-caps word tagged as a verb is nearly always a misparsed acronym ('IS').
    acronym = token.text.isupper() and len(token.text) > 1
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass") and not acronym


def governing_predicate(answer: Span) -> Token:
    """The nearest finite clause head above the answer (climbing out of infinitives)."""
    token = answer.root
    if _is_predicate(token) and token.head.i != token.i:
        token = token.head  # the answer is a whole clause: ask from the clause above it
    while not _is_predicate(token) and token.head.i != token.i:
        token = token.head
    while subject_of(token) is None and token.head.i != token.i and token.dep_ in CLIMB_DEPS and token.dep_ != "relcl":
        token = token.head
        while not _is_predicate(token) and token.head.i != token.i:
            token = token.head
    return token


def _is_aside(token: Token, predicate: Token, subject: Token | None) -> bool:
    """Side clauses, appositions, fronted adverbials and subordinators of the clause."""
    if token.dep_ in PRUNED_ANYWHERE_DEPS or token.tag_ == "-LRB-" or token.is_quote:
        return True
    if token.lower_ == "according" and token.dep_ == "prep":
        return True  # attributions ("according to the union") are not part of the fact asked about
    if token.head.i != predicate.i:
        return False
    if token.dep_ in PRUNED_CLAUSE_DEPS or token.tag_ == "WRB":
        # Particles belong to the verb; a time ("last year") changes what is asked.
        return not (_is_particle(token, predicate) or (token.dep_ == "npadvmod" and token.ent_type_ == "DATE"))
    if token.dep_ == "prep" and any(c.dep_ in COMPLEMENT_DEPS and c.i < token.i for c in predicate.children):
        return True  # a trailing adverbial after the verb's complement
    fronted = subject is not None and token.i < subject.left_edge.i
    return fronted and token.dep_ in ("prep", "advmod", "npadvmod", "advcl", "dep")


def _is_particle(token: Token, predicate: Token) -> bool:
    """'down' in 'stepped down' belongs to the verb even when parsed as an adverb."""
    return token.i == predicate.i + 1 and (token.tag_ == "RP" or token.lower_ in PARTICLES)


def _clause_tokens(predicate: Token, keep: set[int]) -> set[int]:
    """The predicate's subtree without side clauses and asides that do not hold the answer."""
    tokens = {t.i for t in predicate.subtree}
    subject = subject_of(predicate)
    for token in predicate.subtree:
        if token.i in keep or token.i not in tokens or not _is_aside(token, predicate, subject):
            continue
        branch = _bracketed(token) if token.tag_ == "-LRB-" else {t.i for t in token.subtree}
        if not branch & keep:
            tokens -= branch | _flanking_punctuation(token.doc, branch)
    return tokens


def _flanking_punctuation(doc: Doc, branch: set[int]) -> set[int]:
    """The commas or dashes that set off a removed aside."""
    edges = (min(branch) - 1, max(branch) + 1)
    return {i for i in edges if 0 <= i < len(doc) and doc[i].text in (",", "-", "–", "—")}


def _bracketed(opening: Token) -> set[int]:
    """An opening bracket up to its closing one, as token indices."""
    doc = opening.doc
    for i in range(opening.i + 1, min(len(doc), opening.i + 60)):
        if doc[i].tag_ == "-RRB-":
            return set(range(opening.i, i + 1))
    return {opening.i}


def _relative_antecedent(predicate: Token, subject: Token | None) -> list[Token]:
    """For 'a strike that killed X', the antecedent 'a strike' stands in for 'that'."""
    if predicate.dep_ != "relcl" or subject is None or subject.tag_ not in ("WDT", "WP"):
        return []
    head = predicate.head
    return [t for t in head.subtree if not (predicate.left_edge.i <= t.i <= predicate.right_edge.i)]


def _finish(text: str) -> str:
    text = text.strip().rstrip(" ,.;:!?")
    if not text:
        return ""
    return text[0].upper() + text[1:] + "?"


def _pronoun_replacement(token: Token) -> str | None:
    """'he' -> 'al-Sudani', 'his' -> "al-Sudani's": questions must stand on their own."""
    person = resolve_pronoun(token)
    if person is None:
        return None
    name = render(name_tokens(person))
    return name + "'s" if token.dep_ == "poss" else name


def _modified(noun: Token) -> bool:
    """'this recent strike by the US' says enough to become 'the recent strike ...'."""
    return any(c.dep_ in ("amod", "compound", "prep", "nummod") for c in noun.children)


def question_for_answer(answer: Span, wh_text: str | None = None) -> str:
    """The question asking for ``answer`` (a span of a parsed sentence).

    ``wh_text`` overrides the chosen wh-phrase ("what reaction").
    """
    wh = choose_wh(answer)
    if wh_text:
        wh = WhPhrase(wh_text, wh.replaces)
    predicate = governing_predicate(answer)
    clause = _clause_tokens(predicate, wh.replaces)
    clause -= wh.replaces
    doc: Doc = answer.doc
    subject = subject_of(predicate)
    antecedent = _relative_antecedent(predicate, subject)
    words: list[str] = []

    def word(token: Token) -> str:
        if token.pos_ == "PRON" and (resolved := _pronoun_replacement(token)):
            return resolved
        if token.dep_ == "det" and token.lower_ in ("this", "these") and _modified(token.head):
            return "the"
        if token.i == min(clause | wh.replaces) and not keeps_case(token):
            return token.text.lower()
        return token.text

    subject_span = set() if subject is None else {t.i for t in subject.subtree}
    answer_in_subject = bool(subject_span & wh.replaces) or subject is None
    ordered = sorted(clause)
    if answer_in_subject:
        placed = False
        for i in sorted(clause | wh.replaces):
            if i in wh.replaces:
                if not placed:
                    words.append(wh.text)
                    placed = True
            else:
                words.append(word(doc[i]))
        return _finish(_tidy(words))

    auxiliaries = [c for c in predicate.children if c.dep_ in ("aux", "auxpass") and c.i < predicate.i]
    moved: Token | None = auxiliaries[0] if auxiliaries else None
    if moved is None and predicate.lemma_ == "be":
        moved = predicate
    words.append(wh.text)
    if moved is not None:
        words.append(moved.text.lower())
        body = [i for i in ordered if i != moved.i]
        replacement: dict[int, str] = {}
    else:
        words.append(do_support(predicate))
        body = ordered
        replacement = {predicate.i: predicate.lemma_}
    if antecedent and subject is not None:
        replacement[subject.i] = render(antecedent)
    for i in body:
        words.append(replacement.get(i) or word(doc[i]))
    return _finish(_tidy(words))


def _tidy(words: list[str]) -> str:
    text = " ".join(w for w in words if w)
    for mark in (",", ".", ";", ":", "’s", "'s", "%", ")", "”", "n't"):
        text = text.replace(" " + mark, mark)
    text = text.replace("( ", "(").replace("“ ", "“").replace(" - ", "-")
    text = re.sub(r"^((?:\S+ ){1,3}?)(?:, )+", r"\1", text)  # "When did, the US" -> "When did the US"
    text = re.sub(r",\s*(?=,|$)", "", text)
    return " ".join(text.split())


def write_question(context: str, answer_text: str, answer_start: int) -> str:
    """The question, about ``context``, whose answer is ``answer_text`` at ``answer_start``."""
    from newsfaq.nlp.pipeline import get_nlp

    doc = get_nlp()(context)
    return question_for_span(doc, answer_start, answer_start + len(answer_text))


def question_for_span(doc: Doc, start_char: int, end_char: int) -> str:
    """Like :func:`write_question` for an already parsed context."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        span = doc.char_span(start_char, min(len(doc.text), start_char + 1), alignment_mode="expand")
    sentence = span[0].sent
    if span.end > sentence.end:
        span = doc[span.start : sentence.end]
    return question_for_answer(span)
