"""Kyrgyz (кыргыз тили), as cbd.minjust.gov.kg publishes the laws of the Kyrgyz Republic.

Headings: ЖАЛПЫ/АТАЙЫН БӨЛҮК (part), "1-бөлүм" (section), "2-глава" or "2-бап" (chapter: in Kyrgyz "бап"
is a CHAPTER, unlike Kazakh), "3-параграф", "12-1-берене." (article); "1." and "1)" as in Russian.
"""

from __future__ import annotations

from .base import CYRILLIC_NUMBERING, PART, Locale, after, label, ladder, named, patterns

HEADINGS = (
    named("part", PART, r"(?:ЖАЛПЫ|АТАЙЫН|Жалпы|Атайын)\s+(?:БӨЛҮК|бөлүк)"),
    *ladder(
        after,
        section=label("бөлүм", lower=True),
        chapter=label("глава", "бап", lower=True),
        subchapter=label("параграф", lower=True),
        article=label("берене", lower=True),
    ),
)

LOCALE = Locale(
    code="kir",
    name="Kyrgyz",
    aliases=("ky", "kir", "kg", "kyrgyz"),
    headings=HEADINGS,
    enumerations=CYRILLIC_NUMBERING,
    toc_markers=patterns(r"^(?:МАЗМУНУ|Мазмуну)$"),
    signatures=patterns(r"^Кыргыз\s+Республикасынын\s+Президенти$"),
    words=frozenset(
        [
            "жана",
            "менен",
            "боюнча",
            "жөнүндө",
            "ушул",
            "үчүн",
            "ылайык",
            "же",
            "тарабынан",
            "кыргыз",
            "республикасынын",
            "мыйзамы",
            "мыйзамынын",
            "мыйзамдарына",
            "берененин",
            "беренеде",
            "тартипте",
            "белгиленген",
            "аныкталат",
            "каралган",
            "эмес",
            "болуп",
            "мүмкүн",
        ]
    ),
)
