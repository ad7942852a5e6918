"""Which sentences an FAQ answer may quote, and which ones the reader skips as repeating the story.

A marked photo caption, a lead-in cut from its quote or a sentence cut short is never an answer
(``ingest.clean.is_not_evidence``). Scraped tabloid pages also carry captions with no mark: a caption block
opens with a sentence restating the story beside a picture ("West Brom manager Tony Pulis led his side to a
2-0 victory"), then the marked ones follow. On the FAQ panel editors flagged such openers as furniture. They
are found by what they do: the sentence just before a caption (marked, or a pictured action, below) that
repeats another sentence of the article. A sentence said twice (a caption or a summary box copying the text)
is quoted from its first copy only: the story's order ranks it, and a second item quoting the same words would
repeat the first. Past the lead, two more kinds of sentence are unmarked captions: one whose words a longer
sentence holds, a shortened restatement ("Borini came on as a substitute in the win") quoted from the longer
one wherever that stands; and one whose main verb is a pictured action in the present tense ("Ighalo
celebrates after scoring", "Rodgers shakes hands with Sterling"), as news prose tells past events in the past.
And where the article's sentences open with capitals, one that opens in lower case is the tail of a quote split
mid-sentence ("whether the deal is approved ..."; one that closes a bracket it never opened is a tail in any
article: ``is_not_evidence``), unless it is a whole quotation attributed after it ('"we waited years," said Ann
Reid': the BBC scrape lowercases a quotation's first letter).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span

from newsfaq.ingest.clean import is_caption, is_not_evidence
from newsfaq.nlp.analysis import Analysis
from newsfaq.nlp.lexicon import QUOTE_MARKS, SPEECH_LEMMAS, content_keys, share_held

REPEATS = 0.5
"""A caption opener has more than this share of its content words in another sentence of the article. On the
499 check-dev articles, moving the bar down from 0.6 took 5 more sentences, 4 of them captions. Counting a
caption found by its pictured action as well as a marked one took one more, a caption ("Fabio borini enjoys a
day out at go ape ... on tuesday", before "The liverpool strike poses with friends ...")."""
SAME = 0.8
"""Share of a sentence's content words another sentence holds at which it copies that one (when the share
holds both ways) or restates it shorter (one way)."""
LEAD = 3
"""Opening sentences, which summarise the story rather than restate it: never a restatement of a later one."""
PICTURED_ACTIONS = {"celebrate", "pose", "react", "smile", "wave", "gesture", "embrace", "hug", "greet", "kiss"}
PICTURED_ACTIONS |= {"laugh", "salute", "applaud", "speak", "arrive", "chat", "relax", "grimace", "shake", "cuddle"}
PICTURED_ACTIONS |= {"give", "lift", "put", "score", "testify", "try", "watch"}
"""What a photo shows someone doing. On the 499 check-dev articles, the 26 sentences past the lead with one of
these as their present-tense main verb and a named subject, and no caption mark, were 25 captions and one
line describing a video clip. "walk" and "enjoy" are left out: 1 caption in 4 and 1 in 2. The last seven
added 12 more: 10 captions ("Wenger lifts the fa cup following arsenal's triumph ...", "Randall, 17,
testifies in rockingham county superior court ... in 1991"), a newsletter advertisement and a line of live
match commentary. "look", "stand" and "play" are left out: 2 captions in 3, 2 in 3 and 2 in 4."""
CAPITALISED = 0.6
"""Share of sentences opening with a capital above which the article is cased (some scraped texts are not)."""
_TAIL = re.compile(r"^[^\w(]*[a-z]")
"""Lower case first, past any quote marks; not past a bracket, which opens a dateline ("( cnn ) comedian ...")."""
_ATTRIBUTION = re.compile(r"[,?!.]\s*[\"”’']")
"""A quotation closing before its attribution: '...," she said', '...?" he asked'."""


def unquotable(analysis: Analysis) -> set[int]:
    """Indices of the sentences that may not be an FAQ answer."""
    return _barred(analysis, _sentence_keys(analysis))


def echoes(analysis: Analysis) -> set[int]:
    """The sentences no answer may quote (``unquotable``: captions, copies) that restate one it may: a reader
    answering from the article cites the story, not a caption repeating it ("Fabio borini enjoys a day out at go
    ape in delamere forest park on tuesday", beside the lede that says so)."""
    keys = _sentence_keys(analysis)
    barred = _barred(analysis, keys)
    prose = [j for j in range(len(keys)) if j not in barred]
    return {i for i in barred if any(restates(keys[i], keys[j]) for j in prose)}


def _sentence_keys(analysis: Analysis) -> list[set[str]]:
    return [content_keys(span.text) for span in analysis.spans]


def _barred(analysis: Analysis, keys: list[set[str]]) -> set[int]:
    """``unquotable``, given each sentence's content words."""
    texts = [span.text for span in analysis.spans]
    marked = {i for i, text in enumerate(texts) if is_not_evidence(text)}

    def held(i: int, j: int) -> float:
        return share_held(keys[i], keys[j])

    prose = [j for j in range(len(texts)) if j not in marked]
    pictured = _pictured(analysis)
    captions = {i for i, text in enumerate(texts) if is_caption(text)} | pictured
    openers = {i for i in prose if i + 1 in captions and any(restates(keys[i], keys[j]) for j in prose if j != i)}
    copies = {i for i in prose if any(_is_copy(i, j, held) for j in prose if j != i)}
    return marked | openers | copies | pictured | _tails(analysis.spans)


def restates(ours: set[str], theirs: set[str]) -> bool:
    """Whether a sentence with the content words ``ours`` says little that one with ``theirs`` does not: more
    than ``REPEATS`` of them are there."""
    return share_held(ours, theirs) > REPEATS


def _is_copy(i: int, j: int, held: Callable[[int, int], float]) -> bool:
    """Whether sentence ``i`` is a copy of sentence ``j``: the later of two copies, or past the lead, the
    shorter."""
    if held(i, j) < SAME:
        return False
    return j < i if held(j, i) >= SAME else i >= LEAD


def _pictured(analysis: Analysis) -> set[int]:
    """Sentences past the lead that describe a picture: a named subject doing a pictured action, now."""
    return {
        i
        for i, span in enumerate(analysis.spans)
        if i >= LEAD
        and span.root.tag_ in ("VBZ", "VBP")
        and span.root.lemma_.lower() in PICTURED_ACTIONS
        and any(child.dep_ == "nsubj" and child.pos_ != "PRON" for child in span.root.children)
    }


def _tails(spans: list[Span]) -> set[int]:
    """Sentences that begin mid-sentence, in an article whose sentences otherwise begin with capitals. A whole
    quotation attributed after it is no tail, though the scrape left its first word in lower case."""
    tails = {i for i, span in enumerate(spans) if _TAIL.match(span.text) and not _attributed_quote(span)}
    cased = 1 - len(tails) / max(1, len(spans)) >= CAPITALISED
    return tails if cased else set()


def _attributed_quote(sentence: Span) -> bool:
    """Whether the sentence opens a quotation, closes it as an attribution does ('...," ', '...?" ') and then
    has a speech verb as its main verb: '"we waited years for this," said Ann Reid.' On the 499 check-dev
    articles, 201 lower-case openings are such quotations, nearly all in the BBC texts, whose scrape keeps a
    quotation's first letter as it lowercased it."""
    text = sentence.text
    closing = _ATTRIBUTION.search(text)
    root = sentence.root
    return (
        text[:1] in QUOTE_MARKS
        and closing is not None
        and root.lemma_.lower() in SPEECH_LEMMAS
        and root.idx - sentence.start_char >= closing.end()
    )
