"""Whether a sentence holds the kind of answer its question asks for.

A sentence can be on the question's topic without answering it: on the FAQ panel the commonest unanswered
items were a "why" whose sentence gives no reason ("She feared for her life") or gives it for another verb, a
"when" with no time and a "how many" or "what percentage" with no figure ("a majority"), a "what did X
say" quoting someone else's words, and a question about one person answered by a sentence about another
(``faq/asked_people.py``). Those are visible in the parse, so they are dropped before the model is
asked anything. Other questions (who, what, where, how) are left to the model's answer check: their answers
have no one shape.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsfaq.ask.candidates import ENTITY_TYPES
from newsfaq.ask.question_analysis import analyse_question
from newsfaq.faq.asked_people import names_someone_else
from newsfaq.faq.candidates import ItemCandidate
from newsfaq.nlp.analysis import Analysis
from newsfaq.nlp.lexicon import CALENDAR_WORDS, SPEECH_LEMMAS, content_keys

TIME_ENTITIES = ENTITY_TYPES["DATE"]
NUMBER_ENTITIES = ENTITY_TYPES["NUMBER"]
"""The entity labels the reader already takes as a time and as a figure (``ask/candidates.py``)."""
TIME_WORDS = {"yesterday", "today", "tonight", "ago"} | CALENDAR_WORDS.keys()
COUNT_WORDS = {"dozen", "dozens", "hundreds", "thousands", "millions", "billions", "half", "twice", "double"}
REASON_WORDS = {"because", "due", "owing", "response", "retaliation", "reason", "reasons", "amid", "following", "bid"}
REASON_LEMMAS = {"cause", "prompt", "spark", "trigger", "blame", "justify", "fuel", "force", "aim"}
REASON_MARKS = {"as", "since", "so", "after"}
"""Conjunctions that open a cause clause; 'after' also as a preposition ('arrested after a brawl')."""
AGE = re.compile(r"\byears?\W*old\b", re.I)
"""The parser tags an age ("five - year - old") as a date; it says nothing of when."""
_ASKS_REASON = re.compile(r"^what (?:is|was|are|were) the (?:reason|cause|motive)", re.I)
DURATION_OPENERS = {"for", "over", "within", "throughout"}
RELATIVE_ENDS = {"later", "earlier", "afterwards", "before", "after"}
"""'for at least 10 years' answers 'how long', not 'when'; 'two months later' is a time only with the event it
is counted from, which the sentence on its own does not give (an editor on the panel: 'no time')."""
TIME_UNITS = {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century"}
"""A figure and one of these alone ("nine years", "48 hours") is a length of time wherever it stands ("her
husband of nine years"); a point in time needs more ("nine years ago", "last year", "May 2019")."""
_PAST = {"say": "said", "tell": "told", "write": "wrote"}
_ASKS_WORDS = re.compile(
    r"^what (?:did|does|do|has|have|had|will|would) (?P<speaker>.+?) (?:"
    + "|".join(f"{lemma}|{_PAST.get(lemma) or lemma.removesuffix('e') + 'ed'}" for lemma in sorted(SPEECH_LEMMAS))
    + r")\b",
    re.I,
)
MIN_NEW_WORDS = 1
"""An answer must add a content word to its question. One can be the whole answer ("Shipping companies reacted
with alarm"); on the FAQ panel's stored items, the answers adding one word or none were both judged
unanswered, so a stricter bar is for the model's answer check to judge, not a count."""
CLAUSE_HEADS = {"ROOT", "advcl", "ccomp", "xcomp", "conj", "relcl", "acl", "pcomp", "parataxis"}
"""How a verb heads a clause; one standing as a noun or an adjective ("lensing is crucial", "alleged
partners") does not."""
ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd"}
"""A verb's subject and object phrases: a reason inside one is that phrase's, not the verb's."""
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "the"}


def asked_kind(question: str) -> str:
    """'reason', 'time', 'number', 'duration', or 'other' (no shape required of the answer)."""
    if _ASKS_REASON.match(question.strip()):
        return "reason"
    expects = analyse_question(question).expects
    return {"REASON": "reason", "DATE": "time", "NUMBER": "number", "DURATION": "duration"}.get(expects, "other")


def fits(candidate: ItemCandidate, analysis: Analysis) -> bool:
    """Whether the candidate's main evidence sentence holds the kind of answer its question asks for, says more
    than the question does, and is not about someone other than the people the question names."""
    sentence = analysis.spans[candidate.sentences[0]]
    return (
        holds_answer_kind(candidate.question, sentence)
        and not restates(candidate.question, sentence.text)
        and not names_someone_else(candidate.question, sentence)
    )


def restates(question: str, sentence: str) -> bool:
    """Whether the sentence adds no content word to the question: it restates it ("Messages of support have
    been posted on Twitter" for "What messages of support have been posted on Twitter?")."""
    return len(content_keys(sentence) - content_keys(question)) < MIN_NEW_WORDS


def holds_answer_kind(question: str, sentence: Span) -> bool:
    """Whether ``sentence`` (a parsed sentence) has a part of the shape the question asks for."""
    kind = asked_kind(question)
    if kind == "other":
        return not quotes_someone_else(question, sentence)
    if kind == "reason":
        return _gives_reason(_asked_part(question, sentence))
    return kind in kinds_held(sentence)


def _asked_part(question: str, sentence: Span) -> list[Token]:
    """The clauses of the verbs the question names, or the whole sentence when it names none: a reason must
    be given for what is asked ("Why did Pulis claim he will never change?" is not answered by "... produced a
    performance to beat Palace when he claimed ...", whose purpose clause is the performance's)."""
    asked = content_keys(question)
    verbs = [
        token
        for token in sentence
        if token.pos_ == "VERB" and token.dep_ in CLAUSE_HEADS and content_keys(f"{token.text} {token.lemma_}") & asked
    ]
    if not verbs:
        return list(sentence)
    return sorted({token for verb in verbs for token in _clause(_predicate(verb))}, key=lambda token: token.i)


def _clause(verb: Token) -> list[Token]:
    """The verb and its clause, less what its subject and object phrases carry: in "unveiled plans to initiate
    talks to redefine the coalition's role", the purpose clause is the talks', not the unveiling's."""
    inside_arguments = {t.i for child in verb.children if child.dep_ in ARGUMENTS for t in child.subtree}
    return [token for token in verb.subtree if token.i not in inside_arguments]


def _predicate(verb: Token) -> Token:
    """The verb whose complement ``verb`` is, if any ("saw volumes rise", "spent his days playing"): a reason
    given for the whole predicate is given for its complement."""
    while verb.dep_ in ("xcomp", "ccomp") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def kinds_held(sentence: Span) -> set[str]:
    """The shapes of answer ``sentence`` holds, of 'time', 'number', 'duration' and 'reason'."""
    found = [entity for entity in sentence.ents if not AGE.search(entity.text)]
    labels = {entity.label_ for entity in found}
    lowered = {token.lower_ for token in sentence}
    held = set()
    if any(e.label_ in TIME_ENTITIES and _is_point_in_time(e) for e in found) or lowered & TIME_WORDS:
        held.add("time")
    if labels & NUMBER_ENTITIES or lowered & COUNT_WORDS or any(t.like_num for t in sentence):
        held.add("number")
    if "number" in held or labels & TIME_ENTITIES:
        held.add("duration")
    if _gives_reason(list(sentence)):
        held.add("reason")
    return held


def counts_something(sentence: Span) -> bool:
    """Whether the sentence gives a figure that is not a date or a time ('40 passengers', '£2m'): one a
    reader asks 'how many' of."""
    return any(entity.label_ in NUMBER_ENTITIES - {"ORDINAL"} for entity in sentence.ents)


def reasons_its_main_event(sentence: Span) -> bool:
    """Whether the sentence gives a reason for what its main verb says happened, the "why" a reader asks of it:
    a reason only inside an object ("unveiled plans to initiate talks to redefine ...") gives none."""
    return _gives_reason(_clause(sentence.root))


def _gives_reason(tokens: list[Token]) -> bool:
    """A cause word, a causal conjunction, a purpose clause ('... to prevent the resurgence') or a consequence
    after ', so', among ``tokens`` (all or part of one sentence)."""
    inside = {token.i for token in tokens}
    heads = {token.i for token in tokens if token.head.i == token.i or token.head.i not in inside}
    for token in tokens:
        if token.lower_ in REASON_WORDS or token.lemma_.lower() in REASON_LEMMAS:
            return True
        opens_clause = token.dep_ == "mark" or (token.lower_ == "after" and token.dep_ == "prep")
        if token.lower_ in REASON_MARKS and opens_clause and not _in_participle(token, heads):
            return True
        if token.lower_ == "to" and token.dep_ == "aux" and token.head.dep_ == "advcl":
            return True
        if token.lower_ == "so" and token.i > token.sent.start and token.nbor(-1).text == ",":
            return True  # "... avoided him, so he spent his days alone": the clause before is the reason
    return False


def _in_participle(mark: Token, asked: set[int]) -> bool:
    """Whether the clause ``mark`` opens hangs on a participle phrase with no subject ("put Tigers ahead,
    grounding a loose ball after Salford failed to handle a kick") other than the ``asked`` clause heads: its
    cause is the phrase's, not the asked verb's. A complement ("suggested referring the boy ... after he
    mispronounced") is the verb's own predicate."""
    verb = mark.head if mark.dep_ == "prep" else mark.head.head
    return (
        verb.i not in asked
        and verb.tag_ in ("VBG", "VBN")
        and verb.dep_ in ("advcl", "acl")
        and not any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)
    )


def _is_point_in_time(entity: Span) -> bool:
    """Whether a time the parser found says when: not an age, a duration ('for ten years') or a time counted
    from an event the sentence does not give ('two months later')."""
    if AGE.search(entity.text) or entity[-1].lower_ in RELATIVE_ENDS or _is_length_of_time(entity):
        return False
    before = entity.doc[entity.start - 1].lower_ if entity.start > 0 else ""
    return before not in DURATION_OPENERS and entity[0].lower_ not in DURATION_OPENERS


def _is_length_of_time(entity: Span) -> bool:
    """A figure and a unit of time and nothing else: "nine years", "a few weeks", "48 hours"."""
    *figure, unit = entity
    return unit.lemma_.lower() in TIME_UNITS and all(t.like_num or t.lower_ in {"a", "few", "several"} for t in figure)


def quotes_someone_else(question: str, sentence: Span) -> bool:
    """Whether a 'What did X say?' question's sentence gives the words of someone it names who is not X
    ("... , Blocker said" for "What did Glover say?"): a wrong speaker states a falsehood. One speaker counts:
    the main verb's, else the first named ('"... a network," the intruder told ABC. Joyce later said ...', a
    sentence the scrape failed to split, is the intruder's); a speaker named inside the quotation ('"The
    minister told us ...," the union leader said') is not. A sentence whose speaker is a pronoun, or that names
    none, is left to the other checks."""
    asked = _ASKS_WORDS.match(question.strip())
    if not asked:
        return False
    verbs = [t for t in sentence if t.lemma_.lower() in SPEECH_LEMMAS and t.pos_ in ("VERB", "AUX")]
    first_named = next(
        (
            {t.lower_ for t in subject.subtree if t.is_alpha and t.lower_ not in TITLES}
            for verb in sorted(verbs, key=lambda verb: verb != sentence.root)
            for subject in verb.children
            if subject.dep_ == "nsubj" and subject.pos_ != "PRON"
        ),
        None,
    )
    speaker = {w for w in re.findall(r"[\w'’-]+", asked["speaker"].lower()) if w not in TITLES}
    return first_named is not None and not speaker & first_named
