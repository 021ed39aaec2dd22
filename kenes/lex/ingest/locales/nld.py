"""Dutch, known so that the Dutch translation printed after an English convention can be told apart.

The ILO texts of the shared corpus come from the Dutch treaty database: English authentic text, then the
Dutch translation, with the database's own remarks in Dutch ("Treedt in werking op een nader te bepalen
tijdstip", "Vervallen per …"). Its headings are parsed too, so a Dutch text can be imported as ``nld``.
"""

from __future__ import annotations

from .base import (
    ANNEX,
    ARABIC_OR_ROMAN,
    ARTICLE,
    CHAPTER,
    LATIN_NUMBERING,
    PART,
    Locale,
    before,
    label,
    named,
)

HEADINGS = (
    named("annex", ANNEX, label("bijlage")),
    before("annex", ANNEX, label("bijlage"), ARABIC_OR_ROMAN),
    before("part", PART, label("deel", "titel"), ARABIC_OR_ROMAN),
    before("chapter", CHAPTER, label("hoofdstuk"), ARABIC_OR_ROMAN),
    before("article", ARTICLE, label("artikel"), ARABIC_OR_ROMAN),
)

LOCALE = Locale(
    code="nld",
    name="Dutch",
    aliases=("nl", "nld", "dut", "dutch"),
    headings=HEADINGS,
    enumerations=LATIN_NUMBERING,
    words=frozenset(
        [
            "de",
            "het",
            "een",
            "van",
            "en",
            "op",
            "te",
            "voor",
            "zijn",
            "worden",
            "wordt",
            "niet",
            "met",
            "dit",
            "deze",
            "die",
            "aan",
            "bij",
            "door",
            "tot",
            "uit",
            "naar",
            "ook",
            "dat",
            "lid",
            "leden",
            "artikel",
            "verdrag",
            "betreffende",
            "inzake",
            "bepalingen",
            "hoofdstuk",
            "deel",
            "bijlage",
            "aanbeveling",
            "volkenbond",
            "statuut",
            "arbeidsverdrag",
            "maritiem",
            "vervallen",
            "treedt",
            "werking",
            "tijdstip",
            "nader",
            "bepalen",
            "overeenkomstig",
            "krachtens",
        ]
    ),
    script="Latn",
)
