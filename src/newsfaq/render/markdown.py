"""Markdown: a ``FAQs`` section like the reference article's, with citations."""

from __future__ import annotations

from newsfaq.model import FAQ


def _inert(text: str) -> str:
    """Article text with ``<`` escaped, so a Markdown renderer that passes HTML through never makes a tag
    of it (everything else reads as written)."""
    return text.replace("<", "&lt;")


def to_markdown(faq: FAQ) -> str:
    """The FAQ as markdown: title and date line, then each question in bold with its answer (a checked short
    answer, when there is one, above the quote) and a line citing its sentences and resolved dates."""
    lines = []
    if faq.article.title:
        lines += [f"# {_inert(faq.article.title)}", ""]
    if faq.article.date:
        lines += [f"date {faq.article.date}", ""]
    lines += ["FAQs", ""]
    if not faq.items:
        lines += ["(The article gives no answerable questions.)", ""]
    if faq.note:
        lines += [f"({_inert(faq.note)})", ""]
    for item in faq.items:
        lines += [f"**{_inert(item.question)}**", ""]
        if item.short_answer:  # the model's words, checked; the quote below is the answer of record
            lines += [_inert(item.short_answer), "", f"> {_inert(item.answer)}", ""]
        else:
            lines += [_inert(item.answer), ""]
        sources = "; ".join(f"sentence {c.sentence + 1}, chars {c.start}–{c.end}" for c in item.citations)
        notes = [f"Source: {sources}."]
        notes += [f"“{_inert(d.text)}” = {_inert(d.iso)}." for d in item.dates if d.iso != d.text]
        lines += ["<sub>" + " ".join(notes) + "</sub>", ""]
    return "\n".join(lines).rstrip() + "\n"
