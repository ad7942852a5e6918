"""Making mentions self-contained: full names, expanded definite descriptions,
resolved pronouns. Questions must make sense without the article at hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsfaq.nlp.phrases import keeps_case, render

NAME_DEPS = {"compound", "flat", "punct", "nmod"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
DEMONSTRATIVES = {"this", "these", "that", "those"}
ROLE_TITLES = {
    "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "senator", "sen", "governor",
    "mayor", "congressman", "congresswoman", "rep", "speaker", "ambassador", "commissioner", "assistant", "deputy",
    "chief", "superintendent", "inspector", "detective", "sergeant", "sgt", "constable", "officer", "captain",
    "lieutenant", "colonel", "general", "gen", "major", "commander", "admiral", "marshal", "sheriff", "judge",
    "justice", "attorney", "prosecutor", "coach", "manager", "boss", "director", "executive", "chairman",
    "chairwoman", "professor", "prof", "ayatollah", "sheikh", "imam", "rabbi", "reverend", "rev", "archbishop",
    "bishop", "cardinal",
}  # fmt: skip
"""Roles written before a name. Honorifics (Mr, Dr, Sir) and royal titles (Prince Harry) are part of how a
person is named and are not in the list."""


def name_tokens(head: Token) -> list[Token]:
    """A proper name with all its parts ('Mushtaq Jawad Kazim al-Jawari', not 'Jawari')."""
    tokens = [head]
    for child in reversed(list(head.lefts)):
        if child.i != tokens[0].i - 1 or child.dep_ not in NAME_DEPS:
            break
        if child.pos_ not in ("PROPN", "PUNCT") and not child.is_title:
            break
        tokens.insert(0, child)
    while tokens and tokens[0].pos_ == "PUNCT":
        tokens.pop(0)
    return tokens


@dataclass(frozen=True)
class PersonMention:
    """One mention of a person: ``key`` (the surname) groups mentions of one person."""

    key: str
    head: Token
    name: str


def person_mentions(doc: Doc) -> list[PersonMention]:
    """Every PERSON entity, with its full written name and its syntactic head."""
    mentions = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        surname = ent[-1]
        name = max(ent.text, render(name_tokens(surname)), key=len)
        mentions.append(PersonMention(key=surname.text.lower(), head=ent.root, name=name))
    return mentions


def full_names(doc: Doc) -> dict[str, str]:
    """Surname key -> the longest form of that person's name in the document, without a role before it."""
    names: dict[str, str] = {}
    for mention in person_mentions(doc):
        name = without_role(mention.name)
        if len(name) > len(names.get(mention.key, "")):
            names[mention.key] = name
    return names


def without_role(name: str) -> str:
    """'Assistant Commissioner Mark Rowley' -> 'Mark Rowley', 'Liverpool manager Brendan Rodgers' -> 'Brendan
    Rodgers': the role is what "Who is ...?" asks for, and the parser often keeps only part of it ('commissioner
    mark rowley' for an assistant commissioner), which misstates it."""
    parts = name.split()
    roles = [i for i, part in enumerate(parts[:-1]) if part.lower().rstrip(".") in ROLE_TITLES]
    return " ".join(parts[roles[-1] + 1 :]) if roles else name


def _has_entity_modifier(token: Token) -> bool:
    return any(
        child.dep_ in ("amod", "compound", "poss") and child.ent_type_ in ("NORP", "GPE", "ORG")
        for child in token.lefts
    )


def expand_description(head: Token) -> list[Token] | None:
    """'the government' -> 'the Iraqi government' when the article says so elsewhere."""
    if _has_entity_modifier(head):
        return None
    for other in head.doc:
        if other.lemma_ == head.lemma_ and other.pos_ == head.pos_ and _has_entity_modifier(other):
            modifiers = [c for c in other.lefts if c.dep_ in ("amod", "compound") and c.ent_type_]
            determiner = [c for c in head.lefts if c.dep_ == "det"]
            return determiner + modifiers + [other]
    return None


def resolve_pronoun(pronoun: Token) -> Token | None:
    """The person a he/she refers to: the nearest person named before it."""
    if pronoun.lower_ not in PERSON_PRONOUNS:
        return None
    candidates = [m.head for m in person_mentions(pronoun.doc) if m.head.i < pronoun.i]
    return candidates[-1] if candidates else None


def mention_text(head: Token) -> str | None:
    """A self-contained rendering of the noun phrase headed by ``head``, or None.

    None means the phrase cannot stand on its own in a question (an unresolved
    'it', 'this move').
    """
    if head.pos_ == "PRON":
        person = resolve_pronoun(head)
        return render(name_tokens(person)) if person is not None else None
    tokens = [t for t in head.subtree if not _inside(t, head, ("appos", "relcl", "acl", "punct"))]
    if any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in tokens):
        return None  # a relative phrase ('whose posts') cannot stand on its own
    determiners = [c for c in head.lefts if c.dep_ == "det"]
    if determiners and determiners[0].lower_ in DEMONSTRATIVES:
        # 'this recent strike by the US' can become 'the recent strike by the US';
        # 'this development' says nothing on its own.
        if len(tokens) <= 2:
            return None
        return "the " + render(t for t in tokens if t.i != determiners[0].i)
    if head.pos_ == "NOUN" and determiners and determiners[0].lower_ == "the":
        expanded = expand_description(head)
        if expanded:
            rest = [t for t in tokens if t.i > head.i]
            determiner_words = [t.lower_ for t in expanded if t.dep_ == "det"]
            modifiers = render(t for t in expanded[:-1] if t.dep_ != "det")
            return " ".join([*determiner_words, modifiers, render([head] + rest)])
    text = render(tokens)
    first = tokens[0] if tokens else head
    return first.lower_ + text[len(first.text) :] if not keeps_case(first) else text


def _inside(token: Token, head: Token, deps: tuple[str, ...]) -> bool:
    """Whether ``token`` sits under a child of ``head`` attached with one of ``deps``."""
    while token.i != head.i:
        if token.dep_ in deps and token.head.i == head.i:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False
