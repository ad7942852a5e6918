"""Whether an answer sentence is about the people its question names.

The model is told to use names, not pronouns, and sometimes puts the wrong name in: on the FAQ panel, "What is
Sinn Féin leader Gerry Adams' priority regarding the EU referendum …?" was answered by "She said that … the
stormont executive's priority should be …", the words of another politician. Such a question states a
falsehood about a real person, so it is refused before the model is asked anything.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from newsfaq.nlp.lexicon import LETTER_RUN
from newsfaq.nlp.mentions import PersonMention, named_people, person_genders, resolve_pronoun, without_role

MIN_KEY_LETTERS = 3
"""Shorter surname keys are the tagger's mistakes on lower-cased text ("eu"), not people."""
_QUESTION_WORD = re.compile(r"[^\W\d_][\w-]*")
_POSSESSIVE = re.compile(r"['’]s?\b")


def names_someone_else(question: str, sentence: Span) -> bool:
    """Whether ``question`` names people of the article and ``sentence`` speaks of another person (by name or
    by a pronoun, resolved as the rule writer resolves it, ``mentions.resolve_pronoun``) and of none of them.
    One of them is enough: "What did Dutton say about Alan Joyce's campaign?" is answered by a quotation naming
    Joyce. A sentence naming nobody is left to the other checks ("And menstruating women may benefit …" is
    Sarah Flower's advice in an article of her advice), as is one whose subject is a description ("The former
    swansea striker …"): news refers to its people so, and who is meant is not in the words."""
    mentions = _people(sentence.doc)
    names = _asked_names(question, mentions)
    if not names or _describes_someone(sentence):
        return False
    said = set(LETTER_RUN.findall(sentence.text.lower()))
    if any(words & said for words in names.values()):
        return False
    key_of = {m.head.i: m.key for m in mentions}
    spoken_of = {m.key for m in mentions if sentence.start <= m.head.i < sentence.end}
    spoken_of |= {key_of.get(person.i) for token in sentence if (person := resolve_pronoun(token)) is not None}
    return bool(spoken_of - {None}) and not spoken_of & names.keys()


def _people(doc: Doc) -> list[PersonMention]:
    """The mentions of those the article names who are surely people: named in full somewhere ("Paul Okafor",
    not just "Harlow", a town the tagger took for a person) or given a gender (``mentions.person_genders``),
    with a surname key of ``MIN_KEY_LETTERS`` letters or more."""
    mentions = [m for m in named_people(doc) if len(m.key) >= MIN_KEY_LETTERS and m.key.isalpha()]
    genders = person_genders(doc)
    people = {m.key for m in mentions if len(without_role(m.name).split()) > 1 or m.key in genders}
    return [m for m in mentions if m.key in people]


def _asked_names(question: str, mentions: list[PersonMention]) -> dict[str, set[str]]:
    """Surname key -> the words that name that person, for each person of the article the question names: the
    words of the article's mentions of them, less any role before the name, and the capitalised words beside
    the surname in the question (the tagger often keeps part of a name: "sabrina rubin" of "Sabrina Rubin
    Erdely")."""
    tokens = _QUESTION_WORD.findall(_POSSESSIVE.sub("", question))
    lowered = [token.lower() for token in tokens]
    names: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.key not in lowered:
            continue
        words = names.setdefault(mention.key, {mention.key})
        words |= {w for w in LETTER_RUN.findall(without_role(mention.name).lower()) if len(w) >= MIN_KEY_LETTERS}
        at = lowered.index(mention.key)
        for step in (-1, 1):
            beside = at + step
            while 0 < beside < len(tokens) and (tokens[beside][0].isupper() or lowered[beside] in words):
                words.add(lowered[beside])
                beside += step
    return names


def _describes_someone(sentence: Span) -> bool:
    """Whether the sentence's main subject is a definite description with no name in it ("the five-year-old",
    "the former swansea striker"): news refers to its people so, and which person is meant is not in the
    words."""
    subject = next((c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN":
        return False
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    return definite and not any(token.ent_type_ == "PERSON" for token in subject.subtree)
