"""Scraped-news clean-up, applied before any sentence is split.

Real feeds carry mojibake ("Â£", or "fã©in" where the damaged text was then
lower-cased), full stops with no space after them ("in the US.Authorities
say"), page furniture ("Scroll down for video", "Media playback is not
supported on this device", share bars), and text run through a tokeniser
("the victim 's", "-lrb-", "`` quoted ''"). Each
repair here is local and keeps every word of prose; furniture is removed
only where a whole phrase of it matches. ``Article.body`` holds the cleaned
text and citation offsets index it. ``clean_text`` is idempotent, so the
checker can apply it again to both sides of a pair.
"""

from __future__ import annotations

import re

import ftfy

_BRACKETS = {"-lrb-": "(", "-rrb-": ")", "-lsb-": "[", "-rsb-": "]", "-lcb-": "{", "-rcb-": "}"}
_BRACKET_TOKEN = re.compile("|".join(_BRACKETS), re.I)
_CLITIC = re.compile(r"(?<=\w) (?='(?:s|re|ve|ll|d|m)\b|n't\b)", re.I)
"""A space a tokeniser put before a clitic: "victim 's", "do n't"."""
_OPEN_DOUBLE = re.compile(r"``")
_OPEN_SINGLE = re.compile(r"(?:(?<=\s)|^)`(?=\s)", re.M)
_CLOSE_DOUBLE = re.compile(r"''")
_MISSING_SPACE = re.compile(r"(?<=[^\W_]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z%)][.!?][\"”’])(?=[A-Z][a-z])")
"""A sentence end glued to the next sentence: "in the US.Authorities", "well."Next". Abbreviations with
inner dots ("U.S.Army") and domains ("example.com") are left alone."""
_CAPTION_RUN_ON = re.compile(
    r"(\bpictured (?:above|below|left|right|centre|center|top|bottom|here))[ \t]+(?=[A-Z][a-z])"
)
"""A photo caption run into the next sentence with no full stop: "…cake, pictured above Detectives are…"."""

CAPTION = re.compile(
    r"\(\s*(?:pictured|left|right|centre|center|above|below|top|bottom|inset|second (?:left|right))\b[^()]{0,30}\)"
    r"|\bpictured (?:above|below|left|right|centre|center|top|bottom|here)\b"
    r"|^\s*[A-Z][\w'’ -]{0,30}\s:\s"
)
NOT_EVIDENCE = re.compile(CAPTION.pattern + r"|:\s*\.?\s*$" + r"|[^.!?\"”’'\)\]]\s*$" + r"|^[^\[\]()]*[\])]")
"""A photo caption kept in the text as a sentence ("Babysitting : John agreed to babysit Ronnie (pictured)"),
a lead-in cut from its quote ("Coach Ian Watson told BBC Radio Manchester:"), a sentence cut short by the
scrape (no closing punctuation: "…when the hand became"), or the tail of one split inside an editor's
brackets (a closing bracket before any opening one: "religious ruling] declaring …"; on the 499 check-dev
articles, all 41 sentences with one after their first word were such tails): prose to the checker, but never an
FAQ's evidence (one repeats the story beside a picture the reader lacks, the others say nothing whole)."""


def is_not_evidence(sentence: str) -> bool:
    """Whether the sentence is a marked caption, a lead-in cut from its quote or cut short by the scrape
    (``NOT_EVIDENCE``)."""
    return bool(NOT_EVIDENCE.search(sentence))


def is_caption(sentence: str) -> bool:
    """Whether the sentence carries a photo-caption mark: "(pictured)", "pictured above", a "Label : " opening."""
    return bool(CAPTION.search(sentence))


PUNCTUATION_PIECE = 40
"""spaCy's tokenizer takes time quadratic in the length of a run of punctuation with no space (4,000
characters: about 2 s; 20,000: a minute). Such a run is never prose; it is cut into pieces this long."""

_ENDS = r"(?=[ \t]*[.:!]?[ \t]*(?:\n|$)|[ \t]*[.:!]\s)"
"""A phrase that could also open prose ("Read more about…") is furniture only when it ends a sentence."""
FURNITURE = re.compile(
    rf"""(?:^|(?<=[.!?"”’\n]))[ \t]*(?:
        scroll\ down\ for\ (?:the\ )?videos?
      | media\ playback\ is\ (?:not\ supported|unsupported)\ on\ (?:this|your)\ device
      | click\ here\ (?:to|for)\ [^.\n]{{0,80}}{_ENDS}
      | send\ this\ page\ to\ someone\ via\ email
      | share\ this\ (?:with|article|story)(?:\ (?:email|facebook|messenger|twitter|pinterest|whatsapp|linkedin
            |reddit|copy\ this\ link|sms))+
      | (?:image|picture|photo)\ copyright\ [^.\n]{{0,60}}?\ (?:image|picture|photo)\ caption\b(?=\ [A-Z])
      | (?:image|picture|photo)\ caption\b(?=\ [A-Z])
      | (?:story\ continues\ below\ (?:this\ )?)?advertisement(?=[ \t]*(?:\n|$))
      | (?:follow|like)\ us\ on\ (?:twitter|facebook|instagram)[^.\n]{{0,40}}{_ENDS}
      | (?:editor'?s\ note:\ )?sign\ up\ (?:for|to)\ [^.\n]{{0,60}}?newsletters?{_ENDS}
      | read\ more(?:\ [^.\n]{{0,40}}?\ (?:stories|news)\ here)?{_ENDS}
      | \((?:[^()\n]{{0,80}}/)?[^()\n]{{0,60}}(?:getty\ images|reuters|ap\ photo|afp|pa\ media)\)(?=[ \t]*(?:\n|$))
    )[ \t]*[.:!]?(?=\s|$)""",
    re.I | re.X,
)
"""Page furniture, matched as a whole phrase at the start of a line or after a sentence end."""
_PUNCTUATION_RUN = re.compile(rf"[^\w\s]{{{2 * PUNCTUATION_PIECE},}}")
_BLANK_RUNS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_SPACES = re.compile(r"[ \t]{2,}")


def detokenise(text: str) -> str:
    """Undo tokeniser artefacts (PTB bracket tokens, split clitics, `` '' quotes) in place. Spaces around
    punctuation stay: the sentence splitter reads them, and the checker's words ignore them."""
    text = _BRACKET_TOKEN.sub(lambda m: _BRACKETS[m.group().lower()], text)
    text = _CLITIC.sub("", text)
    text = _OPEN_DOUBLE.sub('"', text)
    text = _OPEN_SINGLE.sub("'", text)
    return _CLOSE_DOUBLE.sub('"', text)


def remove_furniture(text: str) -> str:
    """Drop page furniture; the prose around it stays as it was."""
    text = FURNITURE.sub("", text)
    return _SPACES.sub(" ", _BLANK_RUNS.sub("\n\n", text))


def _cut_run(match: re.Match[str]) -> str:
    run = match.group()
    return " ".join(run[i : i + PUNCTUATION_PIECE] for i in range(0, len(run), PUNCTUATION_PIECE))


_LOWERED_MOJIBAKE = re.compile("ã[\u00a0-\u00bf]")
"""An accented letter's two UTF-8 bytes read as Latin-1, then lower-cased ("fã©in" for "féin"): ftfy looks for
"Ã©", and "ã" is never followed by these symbols in real text."""


def _redecode(match: re.Match[str]) -> str:
    """The letter whose bytes were "Ã" and the symbol: always valid UTF-8 (a lead byte and a continuation)."""
    return ("Ã" + match.group()[1]).encode("latin-1").decode("utf-8")


def clean_text(text: str) -> str:
    """The text with encoding damage, glued sentences, captions run into prose, furniture and tokeniser
    artefacts repaired (see the module docstring)."""
    text = _LOWERED_MOJIBAKE.sub(_redecode, ftfy.fix_encoding(text))
    text = _PUNCTUATION_RUN.sub(_cut_run, text)
    text = detokenise(text)
    text = _MISSING_SPACE.sub(" ", text)
    text = _CAPTION_RUN_ON.sub(r"\1. ", text)
    return remove_furniture(text).strip()
