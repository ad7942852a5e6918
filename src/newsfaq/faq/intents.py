"""Reader intents: each finder reads the parse for one kind of question a reader
asks (what happened, why, who is who, how many, what next, reactions,
background, what was said) and proposes candidates the article can answer.

Weights encode how central each intent usually is to a news story; the writer
combines them with the sentence's position (news puts the key facts first).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.tokens import Span, Token

from newsfaq.faq.candidates import ItemCandidate
from newsfaq.faq.question_writing import CAUSE_PHRASES, question_for_answer
from newsfaq.nlp.analysis import Analysis
from newsfaq.nlp.lexicon import CALENDAR_WORDS, QUOTE_MARKS, SAY_VERBS
from newsfaq.nlp.mentions import full_names, mention_text, name_tokens, person_mentions, without_role
from newsfaq.nlp.phrases import render
from newsfaq.nlp.syntax import NOMINAL_SUBJECT_DEPS, do_support, subject_of

YEAR = re.compile(r"(?:1[89]|20)\d\ds?")
"""A year, or a decade ('1990s'), as a token."""
TIME_UNITS = {"day", "week", "month", "year", "decade", "century"}

INTENT_WEIGHTS = {
    "what-happened": 1.0,
    "why": 0.95,
    "what-next": 0.9,
    "how-many": 0.85,
    "who": 0.8,
    "reaction": 0.75,
    "background": 0.6,
    "said": 0.55,
    "key-event": 0.7,
    "key-fact": 0.7,
}
"""``key-event`` and ``key-fact`` are no finder's: the model engine asks about a sentence central to the story
that no finder recognised (``faq/centrality.py``); their weight grows with how central the sentence is."""
FILLER_INTENTS = ("key-event", "key-fact")
"""Intents asked only to bring a short FAQ up to ``min_items``, in this order: the central sentences worded as
what happened (``key-event``), then, where the FAQ is still short, the same sentences steered to the words they
add to the opening (``key-fact``, ``model_questions.new_words``). With no reader's intent to steer it, the model
asks what a sentence does not answer: on the FAQ panel, 13 of 53 judged unhinted key-fact items were good,
against 56 of 92 of every other intent. Told to ask what happened, it wrote 16 new items from the same
sentences, 10 of them good (blind-judged). With both in turn, the panel's model FAQs went from 72 items, 63.9% of
them fluent, answered and important, 5 with page furniture and 6 main-event articles short of four items, to 76
items, 65.8%, 2 and 3 (``bench/faq_panel.py``). The key-fact round is still the weak one: unhinted, 2 of its 12
items in the panel's 74 were good and free of furniture; named the added words, 4 of 14 in 77, with furniture
down from 3 to 1 and asked-back consistency down from 86.5% to 81.8% (the reader rarely lands on a quote asked
about in other words). Without the round, 12 main-event articles would be short instead of 4 (``bench/faq_funnel.py``
replay)."""
JUSTIFY_VERBS = {"justify", "defend", "explain"}
LIGHT_VERBS = {
    "strike": "carry out",
    "attack": "carry out",
    "raid": "carry out",
    "operation": "carry out",
    "bombing": "carry out",
    "airstrike": "carry out",
    "decision": "make",
    "move": "make",
    "ban": "impose",
    "sanction": "impose",
    "tariff": "impose",
    "cut": "make",
}
PLAN_VERBS = {
    "aim",
    "plan",
    "intend",
    "seek",
    "hope",
    "want",
    "propose",
    "expect",
    "vow",
    "pledge",
    "promise",
    "prepare",
    "try",
    "threaten",
    "decide",
    "agree",
}
CONDITIONS = {"if", "unless", "whether"}
"""Marks of a clause that supposes or doubts: a plan in one ("if Joyce wants to campaign, good luck to him",
"unclear whether the council plans to ...") is not reported."""
PLAN_NOUNS = {"plan", "proposal", "intention", "bid", "effort", "scheme"}
REACTION_LEMMAS = {
    "condemn",
    "condemnation",
    "criticize",
    "criticise",
    "criticism",
    "denounce",
    "outrage",
    "anger",
    "welcome",
    "praise",
    "protest",
    "reject",
    "slam",
    "backlash",
    "fury",
    "applaud",
    "hail",
    "reaction",
    "response",
}
TRIGGER_VERBS = {"spark", "provoke", "draw", "trigger", "cause", "prompt", "fuel", "stir"}
DEATH_LEMMAS = {"kill", "death", "die", "dead", "assassinate", "slay", "execute"}
UNDERGONE = {"die", "collapse", "disappear", "vanish", "drown", "perish", "faint"}
"""Verbs whose subject does nothing but undergo them: "What happened to X?" asks them, not "What did X do?"."""
SPECIFIC_WORDS = 4
"""A subject with no name needs this many words to say whom a question means ("a g4s security van", not "an
elderly man")."""


def _aux_and_verb(verb: Token) -> tuple[str, str]:
    """('has', 'unveiled') or ('did', 'unveil'): the pieces of an inverted question."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if aux:
        return aux[0].lower_, render(aux[1:] + [verb])
    return do_support(verb), verb.lemma_


def find_what_happened(analysis: Analysis) -> Iterator[ItemCandidate]:
    """The lead: the main event of the first of the two opening sentences that says what someone did (to an
    object: "What did X unveil?"; or without one: "What did X do?"). An opening that says what happened to its
    subject ("A security van has been robbed", "A mother of four died") is asked "What happened to ...?", and
    the second sentence is still asked what someone did in it ("Police said three armed men took ...")."""
    for index, span in enumerate(analysis.spans[:2]):
        root = span.root
        subject = subject_of(root, NOMINAL_SUBJECT_DEPS)
        subject_text = mention_text(subject) if subject is not None else None
        if not subject_text or root.pos_ != "VERB":
            continue
        obj = next((c for c in root.children if c.dep_ in ("dobj", "attr", "ccomp")), None)
        befell = obj is None and (subject.dep_ == "nsubjpass" or root.lemma_ in UNDERGONE)
        if obj is not None:
            question = question_for_answer(Span(span.doc, obj.left_edge.i, obj.right_edge.i + 1))
        elif befell:
            question = f"What happened to {subject_text}?" if _asks_what_befell(root, subject, subject_text) else None
        else:
            aux, _ = _aux_and_verb(root)
            question = f"What {aux} {subject_text} do?" if aux in ("did", "does", "do") else None
        if question:
            yield ItemCandidate("what-happened", question, (index,), INTENT_WEIGHTS["what-happened"])
            if not befell:
                return


def _asks_what_befell(verb: Token, subject: Token, named: str) -> bool:
    """Whether "What happened to ``named``?" asks well after a main event that befell the subject (a passive, or
    an ``UNDERGONE`` verb): "A g4s security van has been robbed", "A south carolina mother of four died". Not
    after a passive that only introduces another verb ("The ruler was expected to attend"), one yet to happen
    ("will be celebrated") or one denied ("was not suspended"), nor of a subject that is a bare "a man" or
    "children" ("What happened to a man?" asks nothing), carries a dateline ("Islamabad pakistan (cnn)") or a
    quotation."""
    if any(child.dep_ in ("xcomp", "neg") or child.tag_ == "MD" for child in verb.children) or "(" in named:
        return False
    if any(t.is_quote for t in subject.subtree):
        return False  # someone's words ("a `unique and beautiful' teenage girl"), not who she is
    asked = set(named.lower().split())
    named_in_it = any(t.pos_ == "PROPN" and t.lower_ in asked for t in subject.subtree)
    return named_in_it or len(named.split()) >= SPECIFIC_WORDS


def _actor_of_event(analysis: Analysis, noun: Token) -> str | None:
    """Who did an event ('the strike'): a national/organisational modifier of the same noun elsewhere."""
    for other in analysis.doc:
        if other.lemma_ != noun.lemma_:
            continue
        for child in other.children:
            if child.dep_ in ("compound", "amod", "poss") and child.ent_type_ in ("GPE", "ORG", "NORP"):
                if child.pos_ == "ADJ":
                    continue  # "the Israeli airstrike": a nationality is no one to ask "why did ... ?" of
                return _with_article(analysis, child)
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                objects = [g for g in child.children if g.dep_ == "pobj" and g.ent_type_]
                if objects:
                    return render(objects[0].subtree)
    return None


def _with_article(analysis: Analysis, token: Token) -> str:
    """'US' -> 'the US' when the article itself writes 'the US', or writes 'the US strike' (an acronym after
    'the' keeps it: 'the UN report', 'the NHS strike')."""
    text = render(name_tokens(token))
    if token.text.isupper() and token.i > 0 and token.doc[token.i - 1].lower_ == "the":
        return "the " + text
    for other in analysis.doc:
        if other.text == token.text and any(c.lower_ == "the" for c in other.lefts):
            return "the " + text
    return text


def find_why(analysis: Analysis) -> Iterator[ItemCandidate]:
    """Causes and justifications: 'X justified Y, stating ...', 'because ...', 'in response to ...'."""
    weight = INTENT_WEIGHTS["why"]
    for token in analysis.doc:
        index = analysis.sentence_of(token)
        if token.lemma_ in JUSTIFY_VERBS and token.pos_ == "VERB":
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            agent = subject_of(token, NOMINAL_SUBJECT_DEPS)
            if obj is None or agent is None:
                continue
            actor = _actor_of_event(analysis, obj)
            light = LIGHT_VERBS.get(obj.lemma_)
            event = "the " + obj.text
            if actor and light:
                question = f"Why did {actor} {light} {event}?"
            else:
                question = f"How did {mention_text(agent) or agent.text} justify {event}?"
            yield ItemCandidate("why", question, (index,), weight)
        elif token.lower_ in ("because", "due", "response", "retaliation") and token.i > token.sent.start:
            head = _cause_phrase(token)
            if head is not None:
                yield ItemCandidate("why", question_for_answer(head, "why"), (index,), weight * 0.95)
        elif token.lower_ == "after" and token.dep_ == "mark" and token.head.dep_ == "advcl":
            clause = token.head
            span = Span(token.doc, token.i, clause.right_edge.i + 1)
            yield ItemCandidate("why", question_for_answer(span, "why"), (index,), weight * 0.8)


def _cause_phrase(token: Token) -> Span | None:
    """The span of a cause clause/phrase that starts at ``token`` or just before it."""
    doc = token.doc
    start = token.i
    if token.lower_ in ("response", "retaliation") and token.i >= 1 and doc[token.i - 1].lower_ == "in":
        start = token.i - 1
    anchor = doc[start]
    # "because of the cuts", "due to": the phrase hangs from its preposition; "because they cut wages": from
    # the clause that the marker introduces.
    phrase_head = anchor if anchor.dep_ in ("prep", "advmod") else anchor.head
    end = phrase_head.right_edge.i + 1
    span = doc[start:end]
    if not span.text.lower().startswith(CAUSE_PHRASES) or len(span) < 3:
        return None
    return span


def find_how_many(analysis: Analysis) -> Iterator[ItemCandidate]:
    """Quantities with what they count: 'How many US troops are in Iraq and Syria?'."""
    seen: set[str] = set()
    for entity in analysis.doc.ents:
        if entity.label_ not in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
            continue
        number = next((t for t in entity if t.dep_ == "nummod" and t.head not in entity), None)
        if number is None or number.head.pos_ != "NOUN":
            continue
        noun = number.head
        if noun.lemma_ in seen or _small_number(number):
            continue
        question = _count_question(number, noun)
        if question:
            seen.add(noun.lemma_)
            yield ItemCandidate("how-many", question, (analysis.sentence_of(noun),), INTENT_WEIGHTS["how-many"])


def _small_number(number: Token) -> bool:
    """'the two nations' is not a figure a reader asks about."""
    return number.lower_ in ("one", "two", "three", "both")


def _count_question(number: Token, noun: Token) -> str | None:
    noun_words = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and not c.like_num]
    noun_words = [c for c in noun_words if c.lower_ not in ("additional", "other", "more", "about")]
    noun_phrase = render(noun_words + [noun])
    predicate = noun.head
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and predicate.pos_ in ("VERB", "AUX"):
        span = Span(noun.doc, number.left_edge.i, number.right_edge.i + 1)
        return question_for_answer(span)
    places = [render(p.subtree) for p in noun.children if p.dep_ == "prep" and p.lower_ in ("in", "at", "on")]
    if not places:
        return None
    extra = _parallel_places(number, noun)
    place = places[0] + (" and " + " and ".join(extra) if extra else "")
    verb = noun.sent.root
    be = "were" if verb.tag_ == "VBD" else "are"
    return f"How many {noun_phrase} {be} {place}?"


def _parallel_places(number: Token, noun: Token) -> list[str]:
    """'..., alongside an additional 900 in Syria' adds Syria to the places counted."""
    places = []
    for token in noun.sent:
        if token.like_num and token.i != number.i and token.pos_ == "NUM":
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    objects = [o for o in prep.children if o.dep_ == "pobj"]
                    places.extend(render(o.subtree) for o in objects)
    return places


def find_what_next(analysis: Analysis) -> Iterator[ItemCandidate]:
    """Plans and aims: 'The government aims to establish ...' -> 'What does the Iraqi government aim to do?'."""
    weight = INTENT_WEIGHTS["what-next"]
    asked_will = False
    for token in analysis.doc:
        if token.pos_ != "VERB":
            continue
        subject = subject_of(token, NOMINAL_SUBJECT_DEPS)
        subject_text = mention_text(subject) if subject is not None else None
        if not subject_text or any(_negates_or_supposes(c) for c in token.children):
            continue  # "does not plan to close", "if X wants to campaign": neither says what X plans
        index = analysis.sentence_of(token)
        aux, verb = _aux_and_verb(token)
        if token.lemma_ in PLAN_VERBS and any(c.dep_ == "xcomp" for c in token.children):
            yield ItemCandidate("what-next", f"What {aux} {subject_text} {verb} to do?", (index,), weight)
            continue
        plan = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_ in PLAN_NOUNS), None)
        if plan is not None and any(c.dep_ == "acl" for c in plan.children):
            yield ItemCandidate("what-next", f"What {plan.text} {aux} {subject_text} {verb}?", (index,), weight)
            continue
        will = next((c for c in token.children if c.dep_ == "aux" and c.lower_ in ("will", "'ll")), None)
        named = subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        if will is not None and named and token.lemma_ not in ("be", "have") and not asked_will:
            asked_will = True  # one vague "What will X do?" per article at most
            yield ItemCandidate("what-next", f"What will {subject_text} do?", (index,), weight * 0.9)


def _negates_or_supposes(child: Token) -> bool:
    """A verb's negation ('not'), or the mark of a clause that supposes it ('if')."""
    return child.dep_ == "neg" or (child.dep_ == "mark" and child.lower_ in CONDITIONS)


def find_reactions(analysis: Analysis) -> Iterator[ItemCandidate]:
    """How people reacted: verbs and nouns of reaction, and what an event sparked."""
    weight = INTENT_WEIGHTS["reaction"]
    for token in analysis.doc:
        index = analysis.sentence_of(token)
        if token.lemma_ in REACTION_LEMMAS and token.pos_ == "NOUN":
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            target = _object_of(token, "of") or _object_of(token, "to")
            if owner is not None and target is not None and (question := _react_to(owner, target)):
                yield ItemCandidate("reaction", question, (index,), weight)
                continue
            if token.dep_ == "dobj" and token.head.lemma_ in TRIGGER_VERBS:
                answer = Span(token.doc, token.left_edge.i, token.right_edge.i + 1)
                yield ItemCandidate("reaction", question_for_answer(answer, "what reaction"), (index,), weight)
        elif (
            token.lemma_ == "react"
            and token.pos_ == "VERB"
            and (subject := subject_of(token, NOMINAL_SUBJECT_DEPS)) is not None
        ):
            holder = mention_text(subject)
            if holder:
                yield ItemCandidate("reaction", f"How did {holder} react?", (index,), weight)
        elif token.lemma_ in REACTION_LEMMAS and token.pos_ == "VERB":
            subject, obj = (
                subject_of(token, NOMINAL_SUBJECT_DEPS),
                next((c for c in token.children if c.dep_ == "dobj"), None),
            )
            if subject is not None and obj is not None and (question := _react_to(subject, obj)):
                yield ItemCandidate("reaction", question, (index,), weight)


def _react_to(holder: Token, target: Token) -> str | None:
    """'How did X react to Y?' when both can stand on their own ("the Iraqi government's" loses its 's)."""
    holder_text, target_text = mention_text(holder), mention_text(target)
    if not (holder_text and target_text):
        return None
    holder_text = holder_text.removesuffix("’s").removesuffix("'s").strip()
    return f"How did {holder_text} react to {target_text}?"


def _object_of(noun: Token, preposition: str) -> Token | None:
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == preposition:
            return next((o for o in prep.children if o.dep_ == "pobj"), None)
    return None


def find_who(analysis: Analysis) -> Iterator[ItemCandidate]:
    """Who is who: people the article names more than once and describes (apposition, title or 'X is a ...'),
    answered by the sentence that gives their role."""
    names = full_names(analysis.doc)
    by_person: dict[str, list[Token]] = {}
    for mention in person_mentions(analysis.doc):
        by_person.setdefault(mention.key, []).append(mention.head)
    for key, heads in by_person.items():
        role_sentences = [analysis.sentence_of(h) for h in heads if _described(h)]
        if not role_sentences or len(heads) < 2:
            continue  # a person named once in passing is no one a reader asks about
        dead = any(_near_death(h) for h in heads)
        weight = INTENT_WEIGHTS["who"] * min(1.0, 0.7 + 0.1 * len(heads))
        question = f"Who {'was' if dead else 'is'} {names[key]}?"
        yield ItemCandidate("who", question, (role_sentences[0],), weight)  # the sentence that gives the role


def _described(head: Token) -> bool:
    """A name given with its role: 'X, the commander of ...', 'Prime Minister, X' or 'X is a youth minister'."""
    if any(c.dep_ == "appos" for c in head.children):
        return True
    if head.dep_ == "nsubj" and _says_what_one_is(head.head):
        return _named_in_full(head) and not _quoted(head.sent)
    return head.dep_ == "appos" and head.head.pos_ in ("PROPN", "NOUN")


def _says_what_one_is(verb: Token) -> bool:
    """Whether ``verb`` states plainly that its subject is a kind of person: 'is a former prosecutor', not 'is
    not a member', 'if X is a candidate' or 'Is X a spy?'."""
    plain = verb.dep_ == "ROOT" and not verb.sent.text.rstrip().endswith("?")
    if verb.lemma_ != "be" or not plain or any(c.dep_ in ("neg", "mark") for c in verb.children):
        return False
    return any(c.dep_ == "attr" and c.pos_ == "NOUN" for c in verb.children)


def _named_in_full(head: Token) -> bool:
    """Whether the mention gives more than a surname ('Aidy Boothroyd', 'Mr Afzal'): a bare 'Smart' may be the
    wife of the Gregg Smart named before."""
    return any(c.dep_ == "compound" for c in head.children)


def _quoted(sentence: Span) -> bool:
    """Whether the sentence opens or closes a quotation (a possessive's apostrophe aside): a quoted 'X is part of
    a network' is a charge, not a role."""
    return any(t.tag_ in ("``", "''") and t.text in QUOTE_MARKS for t in sentence)


def _near_death(head: Token) -> bool:
    """Whether the sentence reports this person's death (so the question uses 'was')."""
    for token in head.sent:
        if token.lemma_ in DEATH_LEMMAS:
            if token.lemma_ == "death" and (whose := _object_of(token, "of")) is not None:
                return whose.i == head.i
            if head.is_ancestor(token) or token.is_ancestor(head) or token.head.i == head.i:
                return True
    return False


def find_background(analysis: Analysis) -> Iterator[ItemCandidate]:
    """Dated background the article gives: 'When did Iraq declare victory over IS?'."""
    for entity in analysis.doc.ents:
        if entity.label_ != "DATE" or not _names_a_date(entity):
            continue
        question = question_for_answer(entity)
        if question.lower().startswith("when "):
            yield ItemCandidate(
                "background", question, (analysis.sentence_of(entity.root),), INTENT_WEIGHTS["background"]
            )


def _names_a_date(entity: Span) -> bool:
    """Whether a DATE entity's number dates something: a year ('2015', 'the 1990s'), a day of a month or
    weekday ('4 March'), or a span of time ('four years ago'). A number alone is often a count that spaCy took
    for a date ('Forty workers joined the strike')."""
    if any(YEAR.fullmatch(t.text) for t in entity):
        return True
    dated = any(t.lemma_ in TIME_UNITS or (t.lower_ in CALENDAR_WORDS and t.text != "may") for t in entity)
    return dated and any(t.like_num for t in entity)


def find_said(analysis: Analysis) -> Iterator[ItemCandidate]:
    """What a named person or organisation said (one question per speaker). A person is named without the role
    before the name, which the parser often cuts ('commissioner mark rowley' for an assistant commissioner)."""
    spoken: set[str] = set()
    for token in analysis.doc:
        if token.lemma_ not in SAY_VERBS or token.pos_ != "VERB":
            continue
        subject = subject_of(token, NOMINAL_SUBJECT_DEPS)
        if subject is None or subject.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE"):
            continue
        speaker = render(name_tokens(subject)) if subject.pos_ == "PROPN" else mention_text(subject)
        if subject.ent_type_ == "PERSON":
            speaker = without_role(speaker)
        if not speaker or speaker in spoken or not any(c.dep_ == "ccomp" for c in token.children):
            continue
        spoken.add(speaker)
        yield ItemCandidate("said", f"What did {speaker} say?", (analysis.sentence_of(token),), INTENT_WEIGHTS["said"])


FINDERS: tuple[Callable[[Analysis], Iterator[ItemCandidate]], ...] = (
    find_what_happened,
    find_why,
    find_what_next,
    find_how_many,
    find_who,
    find_reactions,
    find_background,
    find_said,
)
