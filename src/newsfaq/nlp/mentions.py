"""Making mentions self-contained: full names, expanded definite descriptions,
resolved pronouns. Questions must make sense without the article at hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsfaq.nlp.phrases import keeps_case, render
from newsfaq.nlp.syntax import NOMINAL_SUBJECT_DEPS

NAME_DEPS = {"compound", "flat", "punct", "nmod"}
PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
"""The pronouns that stand for a named person, with the gender each gives them."""
GENDER_WORDS = {
    **dict.fromkeys(("mr", "sir", "lord", "king", "prince", "duke", "brother", "father", "husband", "son",
                     "boyfriend", "grandfather", "uncle", "nephew", "dad", "grandson", "stepfather"), "m"),
    **dict.fromkeys(("mrs", "ms", "miss", "lady", "dame", "queen", "princess", "duchess", "sister", "mother",
                     "wife", "daughter", "girlfriend", "grandmother", "aunt", "niece", "mum", "mom", "widow",
                     "granddaughter", "stepmother"), "f"),
}  # fmt: skip
"""Titles and kinship words that give the gender of the person they name."""
MARKED_VOTES = 3
VOTING_PRONOUNS = {"he", "she"}
"""Only a subject pronoun votes: "him", "her" and "his" after a name often stand for someone else ("Maria
described his plan", "Tom told her")."""
NOT_VOTING = {"poss", "pobj", "compound"}
"""A name in these roles is seldom what the next he/she stands for: "Ed miliband's son ... as he declared",
"the wife of the leader of the church of jesus christ ... she claims", "Jann wenner" as a compound."""
KNOWN_REACH = 150
"""About six sentences of news: a person of the pronoun's gender named so recently is more likely meant than a
nearer one whose gender the article never gives."""
GENDERS_KEY = "newsfaq.person_genders"
PEOPLE_KEY = "newsfaq.named_people"
DEMONSTRATIVES = {"this", "these", "that", "those"}
ROLE_TITLES = {
    "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "senator", "sen", "governor",
    "mayor", "congressman", "congresswoman", "rep", "speaker", "ambassador", "commissioner", "assistant", "deputy",
    "chief", "superintendent", "inspector", "detective", "sergeant", "sgt", "constable", "officer", "captain",
    "lieutenant", "colonel", "general", "gen", "major", "commander", "admiral", "marshal", "sheriff", "judge",
    "justice", "attorney", "prosecutor", "coach", "manager", "boss", "director", "executive", "chairman",
    "chairwoman", "professor", "prof", "ayatollah", "sheikh", "imam", "rabbi", "reverend", "rev", "archbishop",
    "bishop", "cardinal", "councillor", "councilman", "councilwoman", "alderman", "mp", "mla", "msp", "mep",
    "lawmaker",
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
        surname = next((t for t in reversed(ent) if t.dep_ != "case"), ent[-1])  # not the "'s" of "Ed Miller's"
        name = max(doc[ent.start : surname.i + 1].text, render(name_tokens(surname)), key=len)
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
    """The person a he, him, his, she or her refers to, among those named before it (``named_people``) whom the
    article does not give the other gender (``person_genders``): the nearest in its sentence ("Clegg is a good
    speaker but his performance ..."), else the nearest the article gives that gender within ``KNOWN_REACH``
    tokens, else the nearest. In "Police arrested truong's sister alyssa chang ... truong says his sister asked
    him to babysit the toddler. She promised to pick up the boy", she is Chang, not Truong nor the toddler named
    between them. On the 499 check-dev articles, preferring a marked woman for a she alone fixed 3 questions and
    broke 5 that preferring either marked gender gets right."""
    gender = PRONOUN_GENDERS.get(pronoun.lower_)
    if gender is None or pronoun.pos_ != "PRON":
        return None
    genders = person_genders(pronoun.doc)
    before = [m for m in named_people(pronoun.doc) if m.head.i < pronoun.i and genders.get(m.key, gender) == gender]
    in_sentence = [m for m in before if m.head.i >= pronoun.sent.start]
    known = [m for m in before if m.key in genders and pronoun.i - m.head.i <= KNOWN_REACH]
    chosen = in_sentence or known or before
    return chosen[-1].head if chosen else None


def pronoun_referents(sentences: list[Span]) -> list[list[str]]:
    """Per sentence, the full names (``full_names``) of the people its he, him, his, she and her stand for
    (``resolve_pronoun``), once each: who a reader knows the sentence is about though it names no one ("She
    promised to pick up the boy" is about Alyssa Chang)."""
    if not sentences:
        return []
    names = full_names(sentences[0].doc)
    keys = ([m.key for m in referred_people(sentence)] for sentence in sentences)
    return [list(dict.fromkeys(names.get(key, key) for key in found)) for found in keys]


def referred_people(sentence: Span, *, possessives: bool = True) -> list[PersonMention]:
    """The mentions (``named_people``) that the sentence's pronouns stand for (``resolve_pronoun``), in order;
    ``possessives`` False leaves out a his or her that only owns a noun ("His wife said ...")."""
    mention_at = {m.head.i: m for m in named_people(sentence.doc)}
    pronouns = (token for token in sentence if possessives or token.dep_ != "poss")
    return [mention_at[person.i] for token in pronouns if (person := resolve_pronoun(token)) is not None]


def named_people(doc: Doc) -> list[PersonMention]:
    """Every mention of a person, in order: the PERSON entities (``person_mentions``) and the surnames the
    tagger missed when they recur, as it often does on lower-cased text ("mr miliband", "Rock hasn't
    commented"): a proper noun, tagged as no other entity and not a title, that is a tagged person's surname.
    Worked out once per document (kept as plain values in ``doc.user_data``; the parse must not change
    after)."""
    if PEOPLE_KEY not in doc.user_data:
        tagged = person_mentions(doc)
        keys = {m.key for m in tagged}
        missed = [
            PersonMention(key=t.lower_, head=t, name=t.text)
            for t in doc
            if t.pos_ == "PROPN" and t.lower_ in keys and not t.ent_type_ and t.lower_ not in ROLE_TITLES
        ]
        found = sorted([*tagged, *missed], key=lambda m: m.head.i)
        doc.user_data[PEOPLE_KEY] = [(m.key, m.head.i, m.name) for m in found]
    return [PersonMention(key, doc[i], name) for key, i, name in doc.user_data[PEOPLE_KEY]]


def person_genders(doc: Doc) -> dict[str, str]:
    """Surname key -> "m" or "f", for the people the article itself marks as one, by votes: a title or a
    kinship word before the name or in apposition to it ("Mrs", "his sister alyssa chang", "the child's
    grandmother, vien nguyen") gives three; a he/she after the name in its sentence, before anyone else is
    named ("John truong thought he was helping"), or opening the next sentence as its subject after a named
    main subject ("Jann wenner ... confirmed .... He defended her reporting"), gives one, unless the name is a
    possessor, a compound or the object of a preposition (``NOT_VOTING``). A gender needs twice the other's
    votes; names alone decide nothing, and a surname the article gives more than one first name ("John Smith
    and his wife Jane Smith") is a family, given none. Worked out once per document, as every pronoun of a FAQ
    asks it."""
    if GENDERS_KEY in doc.user_data:
        return doc.user_data[GENDERS_KEY]
    votes: dict[str, dict[str, int]] = {}
    first_names: dict[str, set[str]] = {}
    mentions = named_people(doc)
    for mention, following in zip(mentions, [*mentions[1:], None], strict=False):
        tally = votes.setdefault(mention.key, {"m": 0, "f": 0})
        for gender in _marked_genders(mention.head):
            tally[gender] += MARKED_VOTES
        if mention.head.dep_ not in NOT_VOTING:
            for pronoun in _pronouns_after(mention.head, following.head if following is not None else None):
                tally[PRONOUN_GENDERS[pronoun.lower_]] += 1
        if (given := _first_name(mention.head)) is not None:
            first_names.setdefault(mention.key, set()).add(given)
    genders = {
        key: gender
        for key, tally in votes.items()
        for gender, other in (("m", "f"), ("f", "m"))
        if tally[gender] > 0 and tally[gender] >= 2 * tally[other] and len(first_names.get(key, ())) < 2
    }
    doc.user_data[GENDERS_KEY] = genders
    return genders


NOT_GIVEN_NAMES = ROLE_TITLES | GENDER_WORDS.keys()
"""Words before a surname that are a role or a title, not a first name."""


def _first_name(head: Token) -> str | None:
    """The first name of a person named in full (a proper noun before the surname, past any title or role)."""
    words = [t for t in name_tokens(head) if t.lower_.rstrip(".") not in NOT_GIVEN_NAMES]
    return words[0].lower_ if len(words) > 1 and words[0].pos_ == "PROPN" else None


def _pronouns_after(subject: Token, following: Token | None) -> list[Token]:
    """The he/she (``VOTING_PRONOUNS``) that follow a name in its sentence before the next person named, and the
    subject of the next sentence when it is a he/she and the name is the sentence's main subject."""
    doc, sentence = subject.doc, subject.sent
    stop = min(sentence.end, following.i if following is not None else sentence.end)
    found = [t for t in doc[subject.i + 1 : stop] if t.lower_ in VOTING_PRONOUNS and t.pos_ == "PRON"]
    main_subject = subject.dep_ in NOMINAL_SUBJECT_DEPS and subject.head.i == sentence.root.i
    if stop == sentence.end and main_subject and sentence.end < len(doc):
        opener = doc[sentence.end].sent.root
        found += [c for c in opener.children if c.dep_ in NOMINAL_SUBJECT_DEPS and c.lower_ in VOTING_PRONOUNS]
    return found


def _marked_genders(head: Token) -> list[str]:
    """The genders given by the title and kinship words (``GENDER_WORDS``) that mark a named person: a title the
    parser took into the name ("Mr" of "Mr Colin Park", never the surname itself: Carole King), a noun among
    the two words before it unless a preposition ties them to someone else ("the wife of Tom Reyes" marks
    nobody named Reyes), the noun it stands in apposition to, and a noun in apposition to it."""
    name = name_tokens(head)
    before = list(head.doc[max(name[0].i - 2, head.sent.start) : name[0].i])
    if head.dep_ == "pobj" or (before and before[-1].pos_ == "ADP"):
        before = []
    appositions = [child for child in head.children if child.dep_ == "appos"]
    if head.dep_ == "appos":
        appositions.append(head.head)
    words = name[:-1] + before + appositions
    marks = [t.lower_.rstrip(".") for t in words if t.pos_ in ("PROPN", "NOUN")]
    return [GENDER_WORDS[mark] for mark in marks if mark in GENDER_WORDS]


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
