"""Reading an FAQ to check: newsfaq JSON, or markdown / plain text Q&A paragraphs."""

from __future__ import annotations

import json
import re
from pathlib import Path

from newsfaq.errors import InputError
from newsfaq.ingest.faq_section import parse_faq_pairs, split_faq_section
from newsfaq.model import FAQ, QAPair

_MARKUP_LINE = re.compile(r"^\s*(?:<sub>.*</sub>|#.*|date \d{4}-\d\d-\d\d)\s*$")


def parse_faq(text: str, name: str = "<faq>") -> list[QAPair]:
    """The question/answer pairs in ``text``; a one-line error when there are none."""
    if text.lstrip().startswith("{"):
        try:
            return FAQ.from_dict(json.loads(text)).items
        except json.JSONDecodeError as error:
            raise InputError(f"{name}: not a newsfaq FAQ JSON file ({error})", field="faq") from None
        except InputError as error:  # from_dict names what is wrong inside the document
            raise InputError(f"{name}: {error}", field="faq") from None
    _, section = split_faq_section(text)
    lines = [line.replace("**", "") for line in (section or text).splitlines() if not _MARKUP_LINE.match(line)]
    pairs = [pair for pair in parse_faq_pairs("\n".join(lines)) if pair.answer.strip()]
    if not pairs:
        raise InputError(f"{name}: no questions found; write each question on its own line ending in '?'")
    return pairs


def read_faq(path: Path) -> list[QAPair]:
    """The question/answer pairs of the FAQ file at ``path`` (see ``parse_faq``); a one-line error when the
    file is missing or not UTF-8."""
    if not path.is_file():
        raise InputError(f"{path}: no such file; check the path")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; give a markdown or JSON FAQ") from None
    return parse_faq(text, str(path))
