"""Russian, as the laws of Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan are published in it.

Headings: ОБЩАЯ/ОСОБЕННАЯ ЧАСТЬ (part), РАЗДЕЛ 1 / Раздел I (section), Глава 2 (chapter), Параграф 3 inside a
chapter, Статья 124-1. (article); "1." пункт, "1)" подпункт, "а)" letter subpoint. Notes are the adilet.zan.kz
portal's ("Сноска. …", "Примечание ИЗПИ!"); "Примечание." alone is law (notes to an article of a code).
Citations: ``citations.py``; amendment notes: ``notes.py``.
"""

from __future__ import annotations

from ..base import (
    CYRILLIC_NUMBERING,
    PART,
    Captions,
    Locale,
    NoteGrammar,
    before,
    label,
    ladder,
    named,
    patterns,
)
from . import citations, notes

HEADINGS = (
    named("part", PART, r"(?:ОБЩАЯ|ОСОБЕННАЯ|Общая|Особенная)\s+(?:ЧАСТЬ|часть)"),
    *ladder(
        before,
        section=label("раздел"),
        chapter=label("глава"),
        subchapter=r"(?:Параграф|ПАРАГРАФ|§)",
        article=label("статья"),
    ),
)

#: The adilet.zan.kz portal's notes (ИЗПИ, formerly РЦПИ, is the institute that keeps the database).
ADILET_NOTES = (
    r"^Сноска\b",  # also "Сноска.Статья 327 исключена …" with no space
    r"^Примечание\s+(?:ИЗПИ|РЦПИ)\s*!",
    r"^Примечание\.\s+См\.",
    r"^Примечание\.\s+В соответствии с Законом Республики Казахстан от",
    r"^Вниманию пользователей\s*!",
    r"^Нормативным постановлением\s+Конституционного Суда",
)

#: The notes of consolidated Russian federal texts, one per line after what they note: "(в ред. Федерального
#: закона от 30.06.2006 N 90-ФЗ)", "(часть вторая введена Федеральным законом от …)".
FEDERAL_NOTES = (
    r"^\((?:в\s+ред\.|введен|част|абзац|пп?\.|утратил|наименование|стать|примечание)[^\n]*?"
    r"(?:Федеральн\w*\s+закон|-ФЗ\b)",
)

LOCALE = Locale(
    code="rus",
    name="Russian",
    aliases=("ru", "rus", "russian"),
    headings=HEADINGS,
    enumerations=CYRILLIC_NUMBERING,
    notes=patterns(*ADILET_NOTES, *FEDERAL_NOTES),
    toc_markers=patterns(r"^(?:СОДЕРЖАНИЕ|ОГЛАВЛЕНИЕ|Содержание|Оглавление)$"),
    drop_lines=patterns(r"^ПРЕСС-РЕЛИЗ$"),
    signatures=patterns(
        # "Президент" may stand alone, "Республики Казахстан" following as its own paragraph
        r"^Президент(?:\s+(?:Республики\s+(?:Казахстан|Таджикистан|Узбекистан)|Кыргызской\s+Республики))?$"
    ),
    repealed=patterns(r"^(?:Утратил[аои]?\s+силу|Исключен[аоы]?)\b"),
    citations=citations.find,
    amendment_notes=NoteGrammar(notes.PREFIX, notes.parse),
    captions=Captions(
        kinds={
            "preamble": "Преамбула",
            "part": "{n}",
            "section": "Раздел {n}.",
            "chapter": "Глава {n}.",
            "article": "Статья {n}.",
            "annex": "Приложение {n}",
        },
        below={"paragraph": "пункт {n}", "point": "подпункт {n}", "subpoint": "подпункт {n}"},
    ),  # fmt: skip
    words=frozenset(
        [
            "и",
            "в",
            "во",
            "не",
            "на",
            "с",
            "со",
            "по",
            "о",
            "об",
            "от",
            "для",
            "или",
            "что",
            "к",
            "из",
            "за",
            "при",
            "его",
            "ее",
            "их",
            "это",
            "этого",
            "настоящего",
            "настоящей",
            "настоящим",
            "настоящему",
            "статьи",
            "статьей",
            "статье",
            "которые",
            "который",
            "которых",
            "является",
            "являются",
            "также",
            "если",
            "либо",
            "быть",
            "может",
            "должны",
            "может",
            "случае",
            "случаях",
            "соответствии",
            "порядке",
            "органа",
            "органы",
            "лица",
            "лиц",
            "республики",
            "законом",
            "закона",
            "кодекса",
        ]
    ),
)
