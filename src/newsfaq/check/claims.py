"""Splitting an answer or summary into atomic claims, each checked on its own.

One wrong detail should not hide behind a true sentence: "The US struck in
response to attacks, including mortar fire at the embassy" holds two claims,
and only the second may be unsupported. Sentences are split first, then each
sentence gives up its relative clauses, "including ..." phrases, coordinated
clauses with their own subject, and the reported content of an attribution
("X said that Y"): what remains is the main claim. Appositions stay in place:
"X, the commander, said" is checked as written, not rewritten as "X is Y".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsfaq.nlp.pipeline import get_nlp

SPEECH_VERBS = {"say", "tell", "state", "claim", "announce", "report", "add", "insist", "argue", "believe", "warn"}
MIN_PART_WORDS = 3


def _kind(token: Token, root: Token) -> str | None:
    """What kind of separate claim ``token`` heads, if any."""
    if token.dep_ == "relcl":
        return token.dep_
    if token.dep_ == "prep" and token.lower_ in ("including", "includes", "include"):
        return "including"
    if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
        return "clause" if any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children) else None
    if token.dep_ == "ccomp" and token.head.i == root.i and root.lemma_ in SPEECH_VERBS:
        return "reported"
    return None


def _text(tokens: list[Token]) -> str:
    """Tokens joined with their own spacing, without dangling commas or conjunctions."""
    tokens = [t for k, t in enumerate(tokens) if not (k and t.is_punct and tokens[k - 1].is_punct)]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "mark")):
        tokens = tokens[1:]
    final = tokens[-1].text if tokens and tokens[-1].text in ".!?" else ""
    body = [t for t in tokens if t.text not in ".!?"] if final else tokens
    while body and (body[-1].is_punct or body[-1].dep_ == "cc"):
        body = body[:-1]
    if not body:
        return ""
    return ("".join(t.text_with_ws for t in body[:-1]) + body[-1].text + final).strip()


def _sentence_claims(sentence: Span) -> list[str]:
    root = sentence.root
    kinds = {t.i: k for t in sentence if t.i != root.i and (k := _kind(t, root))}
    owner: dict[int, int] = {}  # token -> the innermost part that holds it
    for head in sorted(kinds, key=lambda i: len(list(sentence.doc[i].subtree)), reverse=True):
        for t in sentence.doc[head].subtree:
            owner[t.i] = head
    parts = []
    for head, kind in kinds.items():
        # "including mortar fire": the preposition itself is not part of the claim.
        skip = head if kind == "including" else -1
        parts.append(_text([t for t in sentence.doc[head].subtree if owner.get(t.i) == head and t.i != skip]))
    # A reported statement stays in the main claim too, so "X said Y" is checked with its speaker.
    in_main = [t for t in sentence if t.i not in owner or kinds[owner[t.i]] == "reported"]
    # A comma that opened a detached part goes with it.
    main = _text([t for t in in_main if not (t.is_punct and t.i + 1 in owner and kinds[owner[t.i + 1]] != "reported")])
    kept = [c for c in [main, *parts] if len(c.split()) >= MIN_PART_WORDS and any(ch.isalnum() for ch in c)]
    return kept or [sentence.text.strip()]


def split_claims(text: str, doc: Doc | Span | None = None) -> list[str]:
    """The atomic claims in ``text``, in reading order (one when it cannot be split)."""
    doc = doc if doc is not None else get_nlp()(text)
    claims = [claim for sentence in doc.sents if sentence.text.strip() for claim in _sentence_claims(sentence)]
    return claims or [text.strip()]
