"""How a provision is captioned in the law's own language ("Статья 113.", "113-бап.", "Article 113").

Law text, not interface: no gettext. Its own module so that both the HTML of law text (:mod:`.lawhtml`) and
the titles of headings and results (:mod:`.labels`) use it without importing each other.
"""

from __future__ import annotations

#: How a provision's kind is written in the law's own language (law text, not interface: no gettext).
#: "{n}" is the number as printed.
KIND_WORDS: dict[str, dict[str, str]] = {
    "rus": {"preamble": "Преамбула", "part": "{n}", "section": "Раздел {n}.", "chapter": "Глава {n}.",
            "article": "Статья {n}.", "annex": "Приложение {n}"},
    "kaz": {"preamble": "Преамбула", "part": "{n}", "section": "{n}-бөлім.", "chapter": "{n}-тарау.",
            "article": "{n}-бап.", "annex": "{n}-қосымша"},
    "eng": {"preamble": "Preamble", "part": "Part {n}", "section": "Section {n}.", "chapter": "Chapter {n}.",
            "article": "Article {n}", "annex": "Annex {n}"},
}  # fmt: skip


def kind_label(kind: str, num: str, lang: str) -> str:
    """``Статья 113.``, ``113-бап.``, ``Article 113`` — the caption a provision carries in its language."""
    words = KIND_WORDS.get(lang, KIND_WORDS["eng"])
    word = words.get(kind, "{n}")
    if not num:
        return "" if "{n}" in word else word  # "Преамбула" needs no number
    return word.format(n=num)


def title_of(kind: str, num: str, heading: str, lang: str) -> str:
    label = kind_label(kind, num, lang)
    return f"{label} {heading}".strip() if heading else label or kind
