"""English, as international instruments are printed: ILO conventions, Council of Europe treaties.

Headings: PART I / Part 1 / TITLE 1 (part), CHAPTER II (chapter), Section 3, Article 12 / Article XII
(article), and in the Maritime Labour Convention's Code "Regulation 1.1", "Standard A1.1", "Guideline B1.1"
(article-level provisions); ANNEX I, SCHEDULE II, Appendix A5-I (annex, whose articles restart at 1). A bare
roman numeral heading ("### I" in C160) is a part. "1." paragraph, "(a)" / "a)" / "a." point, "(i)" subpoint.

The front matter ends where the preamble begins ("The General Conference of the International Labour
Organisation …"); the short title is the one the preamble gives ("may be cited as the …"). A Recommendation
printed after a Convention is a separate instrument and is not imported with it.
"""

from __future__ import annotations

import re

from ..base import (
    ANNEX,
    ARABIC,
    ARABIC_OR_ROMAN,
    ARTICLE,
    CHAPTER,
    LATIN_NUMBERING,
    PART,
    ROMAN,
    SUBCHAPTER,
    Captions,
    HeadingRule,
    Locale,
    before,
    label,
    patterns,
    tail,
)
from . import citations

HEADINGS = (
    HeadingRule(
        "annex",
        ANNEX,
        re.compile(
            rf"^{label('annex', 'schedule', 'appendix')}"
            # possessive: "Annex I to this …" is a sentence, not an unnumbered annex called "Annex I to …"
            rf"(?:\s+(?P<num>{ROMAN}|\d+|[A-Z]\d*(?:[.-]?[IVX\d]+)*)(?![\w-]))?+{tail()}$"
        ),
    ),
    before("part", PART, label("part"), ARABIC_OR_ROMAN),
    before("part", PART, label("title"), ARABIC),
    HeadingRule("part", PART, re.compile(rf"^(?P<num>{ROMAN})\.?$")),
    before("chapter", CHAPTER, label("chapter"), ARABIC_OR_ROMAN),
    before("section", SUBCHAPTER, label("section"), ARABIC_OR_ROMAN),
    before("article", ARTICLE, label("article"), ARABIC_OR_ROMAN),
    before("article", ARTICLE, label("regulation"), r"\d+(?:\.\d+)+"),
    before("article", ARTICLE, label("standard"), r"A\d+(?:\.\d+)+"),
    before("article", ARTICLE, label("guideline"), r"B\d+(?:\.\d+)+"),
)

LOCALE = Locale(
    code="eng",
    name="English",
    aliases=("en", "eng", "english"),
    headings=HEADINGS,
    enumerations=LATIN_NUMBERING,
    toc_markers=patterns(r"^(?:CONTENTS|Contents|TABLE OF CONTENTS|Table of contents)$"),
    drop_lines=patterns(r"^(?:PREAMBLE|Preamble)$"),
    preamble_starts=patterns(
        r"The General Conference of the International Labour Organi[sz]ation",
        r"The member States of the Council of Europe",
        r"The States Parties to (?:the present|this) Convention",
        r"(?<![a-z])Whereas\b",  # "PREAMBLEWhereas …": the source glued the label on
    ),
    # the short title ends with its year ("…, 1930, for ratification by …") or with the clause
    title_patterns=patterns(
        r"may be cited as (?:the )?(?P<title>.+?(?:,\s*\d{4}\b|(?=\s*[:;]|\.(?:\s|$)|$)))"
    ),
    companions=patterns(r"^Recommendation\b"),
    # the certification and attestation closing an ILO text are not provisions
    signatures=patterns(r"^The foregoing is the authentic text\b", r"^IN (?:FAITH|WITNESS) WHEREOF\b"),
    citations=citations.find,
    captions=Captions(
        kinds={
            "preamble": "Preamble",
            "part": "Part {n}",
            "section": "Section {n}.",
            "chapter": "Chapter {n}.",
            "article": "Article {n}",
            "annex": "Annex {n}",
        },
        below={"paragraph": "paragraph {n}", "point": "point {n}", "subpoint": "point {n}"},
    ),  # fmt: skip
    words=frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "shall",
            "be",
            "by",
            "which",
            "that",
            "this",
            "with",
            "for",
            "any",
            "or",
            "its",
            "such",
            "has",
            "have",
            "been",
            "are",
            "not",
            "on",
            "as",
            "from",
            "their",
            "other",
            "under",
            "all",
            "each",
            "member",
            "members",
            "convention",
            "article",
            "paragraph",
            "provisions",
            "concerned",
            "international",
            "labour",
            "organisation",
            "organization",
            "may",
            "should",
            "where",
            "when",
        ]
    ),
    script="Latn",
)
