"""Output formats for an FAQ: markdown, json, html, jsonld."""

from __future__ import annotations

import json
from collections.abc import Callable

from newsfaq.errors import NewsfaqError
from newsfaq.model import FAQ
from newsfaq.render.html import to_html
from newsfaq.render.jsonld import to_jsonld
from newsfaq.render.markdown import to_markdown


def to_json(faq: FAQ) -> str:
    """The FAQ's versioned JSON document, indented, with non-ASCII text written as is."""
    return json.dumps(faq.to_dict(), ensure_ascii=False, indent=2)


RENDERERS: dict[str, Callable[[FAQ], str]] = {
    "md": to_markdown,
    "json": to_json,
    "html": to_html,
    "jsonld": to_jsonld,
}


def render_faq(faq: FAQ, fmt: str) -> str:
    """The FAQ in format ``fmt`` (a key of ``RENDERERS``); an unknown format is a one-line error."""
    try:
        return RENDERERS[fmt](faq)
    except KeyError:
        raise NewsfaqError(f"unknown output format {fmt!r}; use one of {', '.join(RENDERERS)}") from None
