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

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from newsfaq.nlp.lexicon import SAY_VERBS
from newsfaq.nlp.pipeline import get_nlp

SPEECH_VERBS = {f"{stem}{ending}" for stem in SAY_VERBS | {"report", "believe"} for ending in ("", "s", "ed", "d")}
SPEECH_VERBS |= {"said", "told"}
"""Reporting verbs (and "believe") by form: claims are parsed without the lemmatizer, for speed."""
UNUSED_PIPES = ("attribute_ruler", "lemmatizer", "ner")
"""Claim splitting reads dependencies and fine tags only; skipping the rest
(per call, never by switching the shared pipeline) saves a third of the parse."""
MIN_PART_WORDS = 3


def _kind(token: Token, root: Token) -> str | None:
    """What kind of separate claim ``token`` heads, if any."""
    if token.dep_ == "relcl":
        return token.dep_
    if token.dep_ == "prep" and token.lower_ in ("including", "includes", "include"):
        return "including"
    if token.dep_ == "conj" and (token.tag_.startswith("VB") or token.tag_ == "MD"):
        return "clause" if any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children) else None
    if token.dep_ == "ccomp" and token.head.i == root.i and root.lower_ in SPEECH_VERBS:
        return "reported"
    return None


def _text(tokens: list[Token]) -> str:
    """Tokens joined with their own spacing (a space where a part was cut out), without
    dangling commas, conjunctions or the closing full stop."""
    tokens = [t for k, t in enumerate(tokens) if not (k and t.is_punct and tokens[k - 1].is_punct)]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "mark")):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    pieces = []
    for this, following in zip(tokens, tokens[1:], strict=False):
        adjacent = following.i == this.i + 1
        pieces.append(this.text_with_ws if adjacent else this.text + ("" if following.is_punct else " "))
    return ("".join(pieces) + tokens[-1].text).strip() if tokens else ""


def _is_clause(tokens: list[Token], root: Token) -> bool:
    """Does the remainder still say something: its verb, a subject and a few words?"""
    kept = {t.i for t in tokens}
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i in kept for c in root.children)
    return root.i in kept and has_subject and sum(not t.is_punct for t in tokens) > MIN_PART_WORDS


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
    if not _is_clause(in_main, root):
        # What is left is a scrap ("The jockey a rider"): check the sentence whole, with its parts.
        in_main = list(sentence)

    def cut(i: int) -> bool:
        return i in owner and kinds[owner[i]] != "reported"

    # The commas that opened and closed a detached part go with it.
    main = _text([t for t in in_main if not (t.is_punct and (cut(t.i + 1) or cut(t.i - 1)))])
    kept = [c for c in [main, *parts] if len(c.split()) >= MIN_PART_WORDS and any(ch.isalnum() for ch in c)]
    return kept or [sentence.text.strip()]


def split_claims(
    text: str, doc: Doc | Span | None = None, keep_whole: Callable[[str], bool] | None = None
) -> list[str]:
    """The atomic claims in ``text``, in reading order (one when it cannot be split).

    ``keep_whole(sentence)`` can exempt a sentence from splitting (the checker
    passes a test for sentences quoted word for word from the article).
    """
    if doc is None:
        doc = get_nlp()(text, disable=UNUSED_PIPES)
    claims = []
    for sentence in doc.sents:
        if not sentence.text.strip():
            continue
        whole = keep_whole is not None and keep_whole(sentence.text)
        claims.extend([sentence.text.strip()] if whole else _sentence_claims(sentence))
    return claims or [text.strip()]
