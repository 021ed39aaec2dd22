"""How a provision is captioned in the law's own language ("Статья 113.", "113-бап.", "Article 113").

Law text, not interface: no gettext; each language's words live in its locale (``Locale.captions``). Its own
module so that both the HTML of law text (:mod:`.lawhtml`) and the titles of headings and results
(:mod:`.labels`) use it without importing each other.
"""

from __future__ import annotations

from kenes.lex.ingest.locales import captions


def kind_label(kind: str, num: str, lang: str) -> str:
    """``Статья 113.``, ``113-бап.``, ``Article 113`` — the caption a provision carries in its language."""
    return captions(lang).caption(kind, num)  # the words are the locale's (kenes.lex.ingest.locales)


def title_of(kind: str, num: str, heading: str, lang: str) -> str:
    label = kind_label(kind, num, lang)
    return f"{label} {heading}".strip() if heading else label or kind
