"""Uzbek (oʻzbek tili) in both scripts: lex.uz publishes Latin and Cyrillic texts of the same laws.

Headings: UMUMIY/MAXSUS QISM (part), "1-boʻlim" / "I BOʻLIM" / "1-бўлим" (section), "2-bob" / "2-боб"
(chapter), "12-1-modda." / "12-1-модда." (article). The apostrophe of oʻ gʻ is typed as ' ʻ ʼ ’ ‘ or `
and every form is accepted; the text itself is left as written.
"""

from __future__ import annotations

from .base import (
    APOSTROPHE,
    ARABIC,
    LATIN_NUMBERING,
    PART,
    Enumeration,
    Locale,
    after,
    enum,
    label,
    ladder,
    named,
    patterns,
)

O_LOW = f"o{APOSTROPHE}"
O_UP = f"O{APOSTROPHE}"

HEADINGS = (
    named("part", PART, r"(?:UMUMIY|MAXSUS|Umumiy|Maxsus)\s+(?:QISM|qism)"),
    named("part", PART, r"(?:УМУМИЙ|МАХСУС|Умумий|Махсус)\s+(?:ҚИСМ|қисм)"),
    *ladder(
        after,
        section=rf"(?:b{O_LOW}lim|B{O_LOW}lim|B{O_UP}LIM|бўлим|Бўлим|БЎЛИМ)",
        chapter=label("bob", "боб", lower=True),
        article=label("modda", "модда", lower=True),
    ),
)

NUMBERING: tuple[Enumeration, ...] = (
    LATIN_NUMBERING[0],
    enum("point", "arabic", rf"{ARABIC}\)"),
    enum("subpoint", "letter", r"[a-zа-яёўқғҳ]\)(?=\s)"),
)

LOCALE = Locale(
    code="uzb",
    name="Uzbek",
    aliases=("uz", "uzb", "uzbek", "uzb-latn", "uzb-cyrl", "uz-latn", "uz-cyrl"),
    headings=HEADINGS,
    enumerations=NUMBERING,
    toc_markers=patterns(r"^(?:MUNDARIJA|Mundarija|МУНДАРИЖА|Мундарижа)$"),
    signatures=patterns(
        rf"^O{APOSTROPHE}?zbekiston\s+Respublikasi(?:ning)?\s+Prezidenti$",
        r"^Ўзбекистон\s+Республикаси(?:нинг)?\s+Президенти$",
    ),
    words=frozenset(
        [
            "va",
            "bilan",
            "uchun",
            "ushbu",
            "yoki",
            "modda",
            "moddasi",
            "qonun",
            "qonunga",
            "respublikasi",
            "tomonidan",
            "belgilangan",
            "tartibda",
            "hollarda",
            "mumkin",
            "emas",
            "ham",
            "ва",
            "билан",
            "учун",
            "ушбу",
            "ёки",
            "модда",
            "моддаси",
            "қонун",
            "қонунга",
            "республикаси",
            "томонидан",
            "белгиланган",
            "тартибда",
            "ҳолларда",
            "мумкин",
            "эмас",
            "ҳам",
        ]
    ),
    script="Latn",
)
