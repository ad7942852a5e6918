"""Whether an answer sentence is about the people its question names.

The model is told to use names, not pronouns, and sometimes puts the wrong name in: on the FAQ panel, "What is
Sinn Féin leader Gerry Adams' priority regarding the EU referendum …?" was answered by "She said that … the
stormont executive's priority should be …", the words of another politician. Such a question states a
falsehood about a real person, so it is refused before the model is asked anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsfaq.nlp.lexicon import LETTER_RUN, rarity
from newsfaq.nlp.mentions import (
    GENDER_WORDS,
    PersonMention,
    named_people,
    person_genders,
    referred_people,
    without_role,
)
from newsfaq.nlp.syntax import NOMINAL_SUBJECT_DEPS, subject_of

MIN_KEY_LETTERS = 2
"""A one-letter key is the tagger's mistake ("'s" taken into "enda kenny's"); Li and Wu are names."""
RARE_NAME = 4.0
"""``lexicon.rarity`` (8 minus the Zipf frequency) from which a surname written in lower case in a question
still names its person ("What did truong promise?"); a commoner word names someone only capitalised and not
first ("How did police hunt for …" names no Hunt)."""
_POSSESSIVE = re.compile(r"['’]s?(?=\W|$)")
_APOSTROPHE = re.compile(r"['’]")


@dataclass(frozen=True)
class _Word:
    """A word of a question or an answer sentence, with its key for matching names."""

    text: str
    key: str
    possessive: bool
    """Whether the word ends in "'s": a name does not go on past it ("Okafor's Labour Party")."""


def names_someone_else(question: str, sentence: Span) -> bool:
    """Whether ``question`` names people of the article and ``sentence`` speaks of another person (by name or
    by a pronoun, resolved as the rule writer resolves it, ``mentions.referred_people``) and of none of them.
    One of them is enough: "What did Dutton say about Alan Joyce's campaign?" is answered by a quotation naming
    Joyce. A sentence naming nobody is left to the other checks ("And menstruating women may benefit …" is
    Sarah Flower's advice in an article of her advice), as is one whose main subject is a description ("The
    former swansea striker …"): news refers to its people so, and who is meant is not in the words. A
    possessive pronoun ("His wife said …") speaks of the thing possessed, not of its owner."""
    mentions = _people(sentence.doc)
    names = _asked_names(question, mentions)
    if not names or _describes_someone(sentence):
        return False
    said = {word.key for word in _words(sentence.text)}
    if any(words & said for words in names.values()):
        return False
    key_of = {m.head.i: m.key for m in mentions}
    spoken_of = {m.key for m in mentions if sentence.start <= m.head.i < sentence.end}
    spoken_of |= {key_of.get(person.head.i) for person in referred_people(sentence, possessives=False)}
    return bool(spoken_of - {None}) and not spoken_of & names.keys()


def _people(doc: Doc) -> list[PersonMention]:
    """The mentions of those the article names who are surely people: named in full or with a role somewhere
    ("Paul Okafor", "mla jenny", not just "Harlow", a town the tagger took for a person) or given a gender
    (``mentions.person_genders``). Their surname keys lose any apostrophe, as words do (``_words``: "O'Neill"
    is "oneill")."""
    genders = person_genders(doc)
    mentions = named_people(doc)
    people = {m.key for m in mentions if len(m.name.split()) > 1 or m.key in genders}
    keyed = [PersonMention(_APOSTROPHE.sub("", m.key), m.head, m.name) for m in mentions if m.key in people]
    return [m for m in keyed if len(m.key) >= MIN_KEY_LETTERS and m.key.isalpha()]


def _asked_names(question: str, mentions: list[PersonMention]) -> dict[str, set[str]]:
    """Surname key -> the words that name that person, for each person of the article the question names (by
    the surname, capitalised past the first word or rare, ``RARE_NAME``): the words of the article's mentions
    of them, less roles and titles, and the capitalised words beside the surname in the question (the tagger
    often keeps part of a name: "sabrina rubin" of "Sabrina Rubin Erdely")."""
    words = _words(question)
    names: dict[str, set[str]] = {}
    for key in {m.key for m in mentions} & {word.key for word in words}:
        at = next((i for i, word in enumerate(words) if word.key == key and _names(word, i)), None)
        if at is None:
            continue
        named = {key} | {w for m in mentions if m.key == key for w in _words_of(without_role(m.name))}
        for step in (-1, 1):
            beside = at + step
            while 0 < beside < len(words) and (words[beside].text[0].isupper() or words[beside].key in named):
                if (step == 1 and words[beside - 1].possessive) or (step == -1 and words[beside].possessive):
                    break
                named.add(words[beside].key)
                beside += step
        names[key] = named - GENDER_WORDS.keys()
    return names


def _names(word: _Word, position: int) -> bool:
    """Whether a question word that is a surname names its person (``RARE_NAME``); the question's first word
    is a question word."""
    return (position > 0 and word.text[0].isupper()) or rarity(word.key) >= RARE_NAME


def _words(text: str) -> list[_Word]:
    """The words of a question or sentence, each with its key: lower case, with no apostrophe ("O'Neill's" is
    "oneill", marked possessive)."""
    found = []
    for match in re.finditer(r"\S+", text):
        token = match.group()
        bare = _POSSESSIVE.sub("", token)
        for part in LETTER_RUN.findall(_APOSTROPHE.sub("", bare)):
            found.append(_Word(part, part.lower(), possessive=False))
        if found and bare != token:
            found[-1] = _Word(found[-1].text, found[-1].key, possessive=True)
    return found


def _words_of(name: str) -> set[str]:
    return {word.key for word in _words(name)}


def _describes_someone(sentence: Span) -> bool:
    """Whether the sentence's main subject is a definite description with no name in it ("the five-year-old",
    "the former swansea striker"): news refers to its people so, and which person is meant is not in the
    words."""
    subject = subject_of(sentence.root, NOMINAL_SUBJECT_DEPS)
    if subject is None or subject.pos_ != "NOUN":
        return False
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    return definite and not any(token.ent_type_ == "PERSON" for token in subject.subtree)
