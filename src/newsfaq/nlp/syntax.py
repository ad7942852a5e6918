"""What question writing reads off a clause's dependency parse: its subject, and the auxiliary that
do-support puts before it ("did", "does", "do")."""

from __future__ import annotations

from spacy.tokens import Token

CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
"""Every kind of subject a clause can have, clausal and expletive ones included."""
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
"""A noun phrase as the subject: someone or something that acts or is acted on."""


def subject_of(verb: Token, deps: frozenset[str] = CLAUSE_SUBJECT_DEPS) -> Token | None:
    """The verb's first child whose dependency is one of ``deps``."""
    return next((child for child in verb.children if child.dep_ in deps), None)


def do_support(verb: Token) -> str:
    """The do-support auxiliary matching the verb's tense: 'did' for the past, 'does' for the third person."""
    return {"VBD": "did", "VBN": "did", "VBZ": "does"}.get(verb.tag_, "do")
