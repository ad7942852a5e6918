"""The model engine's question writer: the local model writes the question an answer sentence answers.

Asked for "the questions a reader would want", a 1.5B model writes generic ones ("What happened?") and greedy
decoding loops. Given the story's opening and one answer sentence the planner chose, it writes a fluent,
specific question with names instead of pronouns (2-3 s on 2 cores). What it writes is never trusted: the
writer checks every question (``faq/question_checks.py``) before it competes with the rule-based ones.
"""

from __future__ import annotations

import re

from newsfaq.faq.wording import asks_yes_or_no, garbled_or_vague, without_modifiers
from newsfaq.nlp.lexicon import content_keys, words
from newsfaq.nlp.llm import Messages, ReplyWriter, first_line

SYSTEM = (
    "You write one short question for a news FAQ. The answer sentence must answer it. Use names, not pronouns. "
    "Mention only what the story says. Reply with the question alone."
)
INTENT_HINTS = {
    "what-happened": "Ask what happened.",
    "key-event": "Ask what happened.",
    "said": "Ask what someone said.",
    "why": "Ask why.",
    "how-many": "Ask for the number.",
    "what-next": "Ask what someone plans, expects or promises to do.",
    "reaction": "Ask how people reacted.",
    "background": "Ask when.",
}
"""Steer the question word where the planner knows what the sentence answers (a cause, a count, a plan), and
to what happened where a filler sentence is asked first (``intents.FILLER_INTENTS``). A filler sentence asked
again (``key-fact``) is steered to what it adds to the opening instead (``new_words``)."""
MIN_SHARED_WORDS = 2
"""A question must share this many content words (stems: "plan" and "plans" are one) with the story: "What will
happen next?" asks nothing."""
MAX_QUESTION_TOKENS = 40
MAX_WORDS = 18
STORY_CHARS = 900
"""How much of the opening the prompt quotes: enough for who and what, short enough to read fast."""


def question_messages(story: str, answer: str, intent: str) -> Messages:
    """The chat put to the question writer: the story's opening, the answer sentence, and a hint for the
    planner's ``intent`` where it has one."""
    hint = INTENT_HINTS.get(intent, "")
    if intent == "key-fact" and (added := new_words(story, answer)):
        hint = f"Ask about: {', '.join(added)}."
    ask = f"Write the question this sentence answers. {hint}".strip()
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"Story so far: {story[:STORY_CHARS]}\n\nAnswer sentence: {answer}\n\n{ask}"},
    ]


def new_words(story: str, answer: str) -> list[str]:
    """The answer's content words that the story's opening does not use, once each, in order. Told only to ask
    what happened, the model asks about the story's protagonist, and the reader finds the answer in the opening
    instead (73 of the 101 key-event questions of the FAQ panel's articles); named the words the sentence adds,
    it asks what that sentence tells."""
    known = content_keys(story)
    added: dict[str, str] = {}
    for word in words(answer):
        if word.content and word.key not in known:
            added.setdefault(word.key, word.text)
    return list(added.values())


def tidy_question(text: str) -> str | None:
    """The first line as one question, cut to its nouns' cores when too long (``without_modifiers``), or None
    when it is not one (no question mark, still too long, a list), asks yes or no ("Does X believe that ...?":
    the model lifts it from its answer sentence; both judged on the FAQ panel were bad) or reads badly
    (``garbled_or_vague``)."""
    line = re.sub(r"^(?:Q(?:uestion)?\s*[:.]\s*|\d+[.)]\s*)", "", first_line(text)).strip(" \"'“”")
    if not line.endswith("?") or line.count("?") > 1 or asks_yes_or_no(line):
        return None
    if len(line.split()) > MAX_WORDS:
        line = without_modifiers(line)
    if len(line.split()) > MAX_WORDS or len(line.split()) < 3:
        return None
    return None if garbled_or_vague(line) else line[0].upper() + line[1:]


def write_question(model: ReplyWriter, story: str, answer: str, intent: str) -> str | None:
    """The model's question for ``answer`` (a sentence of the story), or None when it wrote no usable one."""
    reply = model.reply(question_messages(story, answer, intent), max_tokens=MAX_QUESTION_TOKENS, stop=["\n"])
    question = tidy_question(reply)
    if question is None or len(content_keys(question) & content_keys(f"{story} {answer}")) < MIN_SHARED_WORDS:
        return None
    return question
