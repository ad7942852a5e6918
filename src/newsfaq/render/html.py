"""An HTML fragment (a ``<section>``) with every string in it escaped, attributes included:
an FAQ posted to the HTTP API can hold anything, not only article text."""

from __future__ import annotations

from html import escape

from newsfaq.model import FAQ


def to_html(faq: FAQ) -> str:
    """The FAQ as an HTML ``<section>``: one ``div.qa`` per item, with its intent and citations as data
    attributes (a checked short answer, when there is one, above the quote as a ``blockquote``)."""
    parts = [f'<section class="newsfaq-faq" data-article-id="{escape(faq.article.id)}">', "  <h2>FAQs</h2>"]
    for number, item in enumerate(faq.items, start=1):
        cites = escape(" ".join(f"{c.sentence}:{c.start}-{c.end}" for c in item.citations))
        parts += [
            f'  <div class="qa" id="q{number}" data-intent="{escape(item.intent or "")}" data-cites="{cites}">',
            f"    <h3>{escape(item.question)}</h3>",
        ]
        if item.short_answer:
            parts += [
                f'    <p class="short">{escape(item.short_answer)}</p>',
                f"    <blockquote>{escape(item.answer)}</blockquote>",
            ]
        else:
            parts.append(f"    <p>{escape(item.answer)}</p>")
        parts.append("  </div>")
    parts.append("</section>")
    return "\n".join(parts) + "\n"
