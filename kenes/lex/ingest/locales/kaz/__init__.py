"""Kazakh (қазақ тілі), as adilet.zan.kz publishes the official Kazakh texts.

Headings: ЖАЛПЫ/ЕРЕКШЕ БӨЛІМ (part), "1-бөлім" (section), "2-тарау." (chapter), "3-параграф." inside a
chapter, "12-1-бап." (article; also "37-1 бап." with a space, and "1-бап" alone); "1." тармақ, "1)"
тармақша. "63-баптан" (a broken link: "see article 63") is not a heading: the label must end the word.
The portal's notes are "Ескерту. …" and "ЗҚАИ-ның ескертпесі!"; its Russian notes occur in Kazakh files too.
"""

from __future__ import annotations

from .. import rus
from ..base import (
    CYRILLIC_NUMBERING,
    PART,
    Captions,
    Locale,
    NoteGrammar,
    after,
    label,
    ladder,
    named,
    patterns,
)
from . import citations, notes

HEADINGS = (
    named("part", PART, r"(?:ЖАЛПЫ|ЕРЕКШЕ|Жалпы|Ерекше)\s+(?:БӨЛІМ|бөлім)"),
    *ladder(
        after,
        section=label("бөлім", lower=True),
        chapter=label("тарау", lower=True),
        subchapter=label("параграф", lower=True),
        article=label("бап", lower=True),
    ),
)

LOCALE = Locale(
    code="kaz",
    name="Kazakh",
    aliases=("kk", "kaz", "kz", "kazakh"),
    headings=HEADINGS,
    enumerations=CYRILLIC_NUMBERING,
    notes=patterns(
        r"^Ескерту\s*[.:]",
        r"^[А-ЯӘІҢҒҮҰҚӨҺ]{2,6}-(?:ның|нің|ны|ні)\s+ескертпесі\s*!",  # ЗҚАИ-ның ескертпесі!, РҚАО-ның …
        r"^Қолданушылар назарына\s*!",
        r"^ҚР Конституциялық Сотының\b",
        *rus.ADILET_NOTES,
    ),
    toc_markers=patterns(r"^(?:МАЗМҰНЫ|Мазмұны)$", *(p.pattern for p in rus.LOCALE.toc_markers)),
    drop_lines=patterns(r"^БАСПАСӨЗ-РЕЛИЗ$", r"^ПРЕСС-РЕЛИЗ$"),
    signatures=patterns(r"^Қазақстан\s+Республикасының\s+Президенті$"),
    repealed=patterns(r"^(?:Алып\s+тасталды|Күшін\s+жойды)\b", *(r.pattern for r in rus.LOCALE.repealed)),
    citations=citations.find,
    amendment_notes=NoteGrammar(notes.PREFIX, notes.parse),
    captions=Captions(
        kinds={
            "preamble": "Преамбула",
            "part": "{n}",
            "section": "{n}-бөлім.",
            "chapter": "{n}-тарау.",
            "article": "{n}-бап.",
            "annex": "{n}-қосымша",
        },
        below={"paragraph": "{n}-тармақ", "point": "{n} тармақша", "subpoint": "{n} тармақша"},
    ),  # fmt: skip
    words=frozenset(
        [
            "және",
            "мен",
            "пен",
            "бен",
            "бойынша",
            "туралы",
            "осы",
            "үшін",
            "сәйкес",
            "немесе",
            "тиіс",
            "болып",
            "жөніндегі",
            "қазақстан",
            "республикасының",
            "заңының",
            "заңымен",
            "заңнамасына",
            "айқындайды",
            "айқындалады",
            "көзделген",
            "белгіленген",
            "тәртіппен",
            "тармағының",
            "тармақшасында",
            "бабының",
            "бабында",
            "кезде",
            "кейін",
            "дейін",
            "бастап",
            "жоқ",
            "бар",
            "да",
            "де",
            "басқа",
            "өзге",
            "сондай",
            "ақ",
        ]
    ),
)
