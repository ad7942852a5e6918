"""Names as a question gives them (``nlp/mentions.py``)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsfaq.nlp.mentions import (
    PRONOUN_GENDERS,
    full_names,
    named_people,
    person_genders,
    pronoun_referents,
    resolve_pronoun,
    without_role,
)
from newsfaq.nlp.pipeline import get_nlp


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Assistant Commissioner Mark Rowley", "Mark Rowley"),
        ("commissioner mark rowley", "mark rowley"),
        ("Qantas Chief Executive Alan Joyce", "Alan Joyce"),
        ("Minister al-Sudani", "al-Sudani"),
        ("Mushtaq Jawad Kazim al-Jawari", "Mushtaq Jawad Kazim al-Jawari"),
        ("Prince Harry", "Prince Harry"),
        ("Dr Jane Hale", "Dr Jane Hale"),
        ("John Major", "John Major"),
    ],
)
def test_a_role_before_a_name_is_not_part_of_it(name, bare):
    assert without_role(name) == bare


def test_full_names_drop_a_role_the_parser_cut_short():
    doc = get_nlp()(
        "Assistant commissioner mark rowley, head of operations at the police, warned of attacks. "
        "Assistant commissioner mark rowley said tactics were changing."
    )
    assert full_names(doc)["rowley"] == "mark rowley"


def _resolved(text: str) -> list[tuple[str, str | None]]:
    doc = get_nlp()(text)
    return [
        (t.text, person.text if (person := resolve_pronoun(t)) is not None else None)
        for t in doc
        if t.lower_ in PRONOUN_GENDERS
    ]


def test_a_kinship_word_or_a_title_gives_a_persons_gender():
    doc = get_nlp()(
        "Police arrested Tom Reyes's sister Ana Vidal after the raid. Mr Colin Park, a neighbour, saw the van."
    )
    genders = person_genders(doc)
    assert genders["vidal"] == "f"
    assert genders["park"] == "m"
    assert "reyes" not in genders  # a possessor is not marked by the word after it


def test_she_skips_a_nearer_man_and_an_unmarked_name_for_the_woman_the_article_names():
    resolved = _resolved(
        "Police arrested Tom Reyes's sister Ana Vidal on Friday. "
        "Tom Reyes thought he was helping. "
        "Reyes said Sam Ortiz slept in the spare room. "
        "She promised to collect the boy."
    )
    assert resolved[-1] == ("She", "Vidal")


def test_a_he_or_she_opening_the_next_sentence_votes_for_the_named_subject():
    doc = get_nlp()("Jann Wenner confirmed the story on Monday. He defended the reporting.")
    assert person_genders(doc)["wenner"] == "m"


def test_marks_that_belong_to_someone_else_give_no_gender():
    doc = get_nlp()(
        "Maria Santos, the wife of Tom Reyes, spoke first. Carole King sang. Ed Miller's son said he loved the kitchen."
    )
    genders = person_genders(doc)
    assert genders["santos"] == "f"
    assert "reyes" not in genders  # "the wife of" marks Santos, not Reyes
    assert "king" not in genders  # a surname is no title
    assert "miller" not in genders  # the he after a possessor is the son


def test_a_surname_shared_by_a_family_gets_no_gender():
    doc = get_nlp()("John Smith and his wife Jane Smith were arrested on Monday. He told police the car was theirs.")
    assert "smith" not in person_genders(doc)
    assert _resolved("John Smith and his wife Jane Smith were arrested on Monday. He told police.")[-1] == (
        "He",
        "Smith",
    )


def test_a_person_named_earlier_in_the_sentence_comes_first():
    resolved = _resolved("Mr David Crane spoke first. Nick Hollis is a good speaker but his speech was a re-run.")
    assert resolved == [("his", "Hollis")]


def test_a_name_alone_decides_no_gender():
    assert person_genders(get_nlp()("Kim Lee met Sam Ortiz on Tuesday. She left early.")) == {}
    assert _resolved("Kim Lee met Sam Ortiz on Tuesday. She left early.") == [("She", "Ortiz")]


def test_a_surname_the_tagger_missed_is_still_a_mention():
    nlp = get_nlp()
    words = ["Chris", "Rock", "posted", "a", "photo", ".", "Rock", "waited", ".", "He", "smiled", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True] * len(words),
        pos=["PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"],
        sent_starts=[True, False, False, False, False, False, True, False, False, True, False, False],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"],
    )
    people = named_people(doc)
    assert [m.key for m in people] == ["rock", "rock"]
    assert people[1].head.i == 6
    assert resolve_pronoun(doc[9]).i == 6


def test_an_article_naming_nobody_gives_no_gender_and_no_referent():
    doc = get_nlp()("The ferry sank on Tuesday. She was forty years old.")
    assert person_genders(doc) == {}
    assert resolve_pronoun(doc[6]) is None


def test_a_sentence_is_about_the_people_its_pronouns_stand_for_by_their_full_names():
    doc = get_nlp()(
        "Police arrested Tom Reyes's sister Ana Vidal on Friday. "
        "Vidal and the grandmother then left. "
        "She promised to collect the boy, but Reyes said his calls went unanswered. "
        "The ferry sank."
    )
    found = pronoun_referents(list(doc.sents))
    assert found == [[], [], ["Ana Vidal", "Tom Reyes"], []]  # "She" named "Vidal" nearest, "his" Reyes
