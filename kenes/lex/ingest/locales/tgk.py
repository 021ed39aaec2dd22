"""Tajik (забони тоҷикӣ), as the laws of the Republic of Tajikistan are published (adlia.tj, mmk.tj).

Headings: ҚИСМИ УМУМӢ/МАХСУС or "ҚИСМИ 1" (part), "ФАСЛИ 2" (section), "БОБИ 3" / "Боби 3" (chapter),
"Моддаи 12." (article); "1." қисм of an article, "1)" банд, "а)" зербанд.
"""

from __future__ import annotations

from .base import ARABIC_OR_ROMAN, CYRILLIC_NUMBERING, PART, Locale, before, label, ladder, named, patterns

HEADINGS = (
    named("part", PART, r"(?:ҚИСМИ|Қисми)\s+(?:УМУМӢ|МАХСУС|умумӣ|махсус)"),
    before("part", PART, r"(?:ҚИСМИ|Қисми)", ARABIC_OR_ROMAN),
    *ladder(before, section=label("фасли"), chapter=label("боби"), article=label("моддаи")),
)

LOCALE = Locale(
    code="tgk",
    name="Tajik",
    aliases=("tg", "tgk", "tj", "tajik"),
    headings=HEADINGS,
    enumerations=CYRILLIC_NUMBERING,
    toc_markers=patterns(r"^(?:МУНДАРИҶА|Мундариҷа)$"),
    signatures=patterns(r"^Президенти\s+Ҷумҳурии\s+Тоҷикистон$"),
    words=frozenset(
        [
            "ва",
            "дар",
            "бо",
            "ки",
            "аз",
            "барои",
            "тибқи",
            "мувофиқи",
            "моддаи",
            "қонуни",
            "ҷумҳурии",
            "тоҷикистон",
            "мебошад",
            "намебошад",
            "мешавад",
            "карда",
            "шуда",
            "метавонад",
            "бояд",
            "ё",
            "ҳамчунин",
            "тартиби",
            "муқарраргардида",
        ]
    ),
)
