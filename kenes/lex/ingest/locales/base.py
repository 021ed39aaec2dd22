"""What a locale plugin describes: the heading vocabulary, numbering and publisher habits of one language.

The generic stages in :mod:`kenes.lex.ingest.structure` never test a language code; everything that differs
between Russian "Статья 12-1.", Kazakh "12-1-бап." and English "Article 12" lives in a :class:`Locale`
built from the helpers here. A new language is a new module with one ``LOCALE`` and no change elsewhere.

Ranks order containers: a heading closes every open container whose rank is not lower than its own, so
"Глава" (30) closes a chapter and an article but stays inside a "РАЗДЕЛ" (20). Annexes rank lowest of all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from kenes.lex.citation import Citation

from ..note_effects import Effect

# Ranks shared by every locale, so a locale only says which words make which kind.
ANNEX = 0
PART = 10
SECTION = 20
CHAPTER = 30
SUBCHAPTER = 40  # "Параграф 2." inside a chapter
GROUP = 90  # an unnumbered heading that gathers articles ("SCOPE", "Depositary Functions")
ARTICLE = 100

ARABIC = r"\d+(?:-\d+)*"  # 12, 12-1, 12-1-2: inserted articles keep their parent's number
#: An article number in every form the region prints an inserted article: 12, 12-1, 12.1, 341.1-1,
#: 348.11-1, 12¹, 288(1), "12 прим." (eIds: kenes.lex.eid.number; table in docs/IDENTIFIERS.md).
ARTICLE_NUM = r"\d+(?:[.-]\d+)*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d+\))?(?:-\d+)*(?:\s+прим\.)?"
# Any token that starts like a number: what a heading the rules do not understand may carry ("12а", "5/1").
_ANY_NUM = r"[\dIVXLCІ][^\s]*?"
ROMAN = r"[IVXLC]+"
ARABIC_OR_ROMAN = rf"(?:{ARABIC}|{ROMAN})"
LOWER = "a-zа-яёәіңғүұқөһўҳҷӣӯ"  # lowercase letters of the supported scripts, for "is this a sentence?"
APOSTROPHE = "['ʻʼ’‘`]"  # Uzbek o' g' are written with any of these


@dataclass(frozen=True)
class HeadingRule:
    """One way a heading is written: which kind and rank it makes, and a pattern with ``num``/``heading``.

    The pattern is matched against a whole block (a joined paragraph). Groups: ``num`` (optional),
    ``heading`` and ``rest`` (the title, written after a separator or after a plain space).
    """

    kind: str
    rank: int
    pattern: re.Pattern[str]
    loose: re.Pattern[str] | None = None  # the same shape with any number: "looks like this heading"

    def match(self, text: str) -> tuple[str, str] | None:
        """(num, heading) when ``text`` is this heading, else None."""
        m = self.pattern.match(text)
        if m is None:
            return None
        groups = m.groupdict()
        num = _roman_latin(groups.get("num") or "")
        heading = (groups.get("heading") or groups.get("rest") or "").strip()
        if not num and groups.get("whole"):
            heading = text.strip()
        elif not num and heading:
            heading = text.strip()  # "SCHEDULE TO PART XI": no number, so the label is part of the name
        return num, heading


@dataclass(frozen=True)
class Enumeration:
    """How one level of numbered blocks inside a provision starts: "1." paragraph, "1)" point, "(a)" …

    ``style`` (arabic, letter, roman) lets the tree builder tell "(i)" after "(h)" (a letter) from "(i)"
    under "(a)" (a roman subpoint).
    """

    level: str  # paragraph | point | subpoint
    style: str  # arabic | letter | roman
    pattern: re.Pattern[str]  # group ``num`` is the printed token; the text follows the match


#: A citation grammar: (text, include_relative) -> citations, in any order (see ingest/references.py).
CitationGrammar = Callable[[str, bool], list[Citation]]


@dataclass(frozen=True)
class NoteGrammar:
    """How the publisher's amendment notes read in this language: the marker, then the body's parser."""

    prefix: re.Pattern[str]  # "Сноска." — removed before the body is parsed
    parse: Callable[[str], list[Effect]]  # the body -> one effect per amending act, [] when not understood


@dataclass(frozen=True)
class Captions:
    """How provisions are captioned in the law's own language (law text, so never through gettext).

    ``kinds`` heads a provision ("Статья {n}.", "{n}-бап."); ``below`` names a part after its article
    ("пункт {n}", "{n}-тармақ"). "{n}" is the number as printed.
    """

    kinds: Mapping[str, str] = field(default_factory=dict)
    below: Mapping[str, str] = field(default_factory=dict)

    def caption(self, kind: str, num: str) -> str:
        """``Статья 113.``; "" for a kind that needs a number and has none; "Преамбула" needs none."""
        word = self.kinds.get(kind, "{n}")
        if not num:
            return "" if "{n}" in word else word
        return word.format(n=num)

    def article(self, num: str) -> str:
        """The article's caption without its final full stop, to go before a part: "Статья 102"."""
        return self.kinds.get("article", "{n}").rstrip(".").format(n=num)


@dataclass(frozen=True)
class Locale:
    """Everything language-specific that the generic stages need for one language."""

    code: str  # ISO 639-3, as stored on expressions
    name: str
    aliases: tuple[str, ...] = ()
    headings: tuple[HeadingRule, ...] = ()
    enumerations: tuple[Enumeration, ...] = ()
    notes: tuple[re.Pattern[str], ...] = ()  # a block starting so is the publisher's, not law
    toc_markers: tuple[re.Pattern[str], ...] = ()  # a line announcing a table of contents
    drop_lines: tuple[re.Pattern[str], ...] = ()  # portal labels that carry nothing ("ПРЕСС-РЕЛИЗ")
    signatures: tuple[re.Pattern[str], ...] = ()  # "Президент Республики Казахстан" near the end
    preamble_starts: tuple[re.Pattern[str], ...] = ()  # where a preamble begins inside the front matter
    title_patterns: tuple[re.Pattern[str], ...] = ()  # group ``title``: "may be cited as the …"
    companions: tuple[re.Pattern[str], ...] = ()  # a heading of another instrument printed after this one
    words: frozenset[str] = field(default_factory=frozenset)  # frequent words, to recognise the language
    script: str = "Cyrl"  # Cyrl | Latn: which homoglyphs to repair in the first word of a line
    repealed: tuple[re.Pattern[str], ...] = ()  # a heading that says the provision is no longer law
    citations: CitationGrammar | None = None  # None: citations in this language are not read yet
    amendment_notes: NoteGrammar | None = None  # None: notes are kept as text, no effects read
    captions: Captions | None = None  # None: captioned as in English

    def heading(self, text: str) -> tuple[HeadingRule, str, str] | None:
        """The first heading rule ``text`` matches, with its number and title."""
        for rule in self.headings:
            found = rule.match(text)
            if found is not None:
                return rule, found[0], found[1]
        return None

    def looks_like_heading(self, text: str) -> bool:
        """True when ``text`` has a heading's shape ("Статья 12а. …") that no rule understands: to report."""
        return any(rule.loose is not None and rule.loose.match(text) for rule in self.headings)

    def is_repealed(self, heading: str) -> bool:
        """True when a provision's heading says it is repealed ("Утратила силу. - …", "Исключена …")."""
        return any(p.match(heading) for p in self.repealed)


def label(*words: str, lower: bool = False) -> str:
    """A regex alternative of each word capitalised and in capitals (Статья|СТАТЬЯ), and as written if
    ``lower``: a label after a number is lowercase ("12-бап"), one before it never is ("статья 95" is a
    reference that the portal broke onto its own line, not a heading)."""
    forms: list[str] = []
    for word in words:
        for form in ((word,) if lower else ()) + (word[:1].upper() + word[1:], word.upper()):
            if form not in forms:
                forms.append(form)
    return "(?:" + "|".join(forms) + ")"


def tail() -> str:
    # After the number: "." or a dash and the title, nothing, or a space and a title that is not a sentence
    # ("Глава 12 предусматривается …" is a note about chapter 12, not chapter 12 itself).
    return rf"(?:\s*[.:–—]\s*(?P<heading>.*)|\s*|\s+(?P<rest>[^\s{LOWER}].*))"


def _numbered(kind: str, rank: int, shape: Callable[[str], str], num: str) -> HeadingRule:
    """A numbered heading: ``shape`` places the number's pattern among the label's words; the loose twin
    places any number-like token there, to report a heading the rule does not understand."""
    return HeadingRule(
        kind,
        rank,
        re.compile(rf"^{shape(num)}{tail()}$"),
        re.compile(rf"^{shape(_ANY_NUM)}{tail()}$"),
    )


def before(kind: str, rank: int, words: str, num: str = ARABIC) -> HeadingRule:
    """A heading whose label precedes the number: "Статья 12-1. Title", "Article 5", "Моддаи 3."."""
    return _numbered(kind, rank, lambda n: rf"{words}\s*(?P<num>{n})(?![\w-])", num)


def after(kind: str, rank: int, words: str, num: str = ARABIC) -> HeadingRule:
    """A heading whose label follows the number: "12-1-бап. Title", "2-тарау.", "I BO'LIM"."""
    return _numbered(kind, rank, lambda n: rf"(?P<num>{n})(?:\s*-\s*|\s+){words}(?![\w])", num)


#: Where a language writes a heading's label: before the number ("Статья 12") or after it ("12-бап").
Placement = Callable[[str, int, str, str], HeadingRule]


def ladder(
    place: Placement, *, section: str, chapter: str, article: str, subchapter: str | None = None
) -> tuple[HeadingRule, ...]:
    """The numbered headings every code of the region is built from, in any of its languages.

    Sections and chapters are numbered in arabic or roman figures, a paragraph inside a chapter
    (``subchapter``, where the language has one) in arabic, an article in every form an inserted article
    takes (:data:`ARTICLE_NUM`). A language says only its words and whether they go ``before`` or
    ``after`` the number, so the numbering rules are written once for all of them.
    """
    rules = [
        place("section", SECTION, section, ARABIC_OR_ROMAN),
        place("chapter", CHAPTER, chapter, ARABIC_OR_ROMAN),
    ]
    if subchapter is not None:
        rules.append(place("section", SUBCHAPTER, subchapter, ARABIC))
    rules.append(place("article", ARTICLE, article, ARTICLE_NUM))
    return tuple(rules)


def named(kind: str, rank: int, pattern: str) -> HeadingRule:
    """An unnumbered heading whose words are its name: "ОБЩАЯ ЧАСТЬ", "ANNEX"."""
    return HeadingRule(kind, rank, re.compile(rf"^(?P<whole>{pattern})\s*$"))


def enum(level: str, style: str, pattern: str) -> Enumeration:
    return Enumeration(level, style, re.compile(rf"^(?P<num>{pattern})\s*"))


def patterns(*sources: str, flags: int = 0) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(s, flags) for s in sources)


# Numbering shared by the Cyrillic-script laws of the region: "1." paragraph (пункт, тармақ, бөлүк),
# "1)" point (подпункт, тармақша), "а)" letter subpoint. "8)" alone on a line is a broken link, not a point:
# the block stage only starts a new block at a blank line, so such fragments never get here.
CYRILLIC_NUMBERING = (
    enum("paragraph", "arabic", rf"{ARABIC}\.(?=\s|$|[^\d\s.,;:)])"),
    enum("point", "arabic", rf"{ARABIC}\)"),
    enum("subpoint", "letter", r"[а-яёәіңғүұқөһўҳҷӣӯ]\)(?=\s)"),
)

LATIN_NUMBERING = (
    enum("paragraph", "arabic", rf"{ARABIC}\.(?=\s|$|[^\d\s.,;:)])"),
    enum("point", "letter", r"\([a-z]{1,2}\)|[a-z]\)(?=\s)|[a-z]\.(?=\s)"),
    enum("subpoint", "roman", r"\([ivx]+\)|[ivx]+\)(?=\s)"),
)

_CYRILLIC_ROMAN = str.maketrans({"І": "I", "Х": "X", "С": "C", "Ӏ": "I"})


def _roman_latin(num: str) -> str:
    """'ІІ' typed with Cyrillic І is the roman numeral II; keep eIds in one script."""
    if num and all(ch in "IVXLCІХСӀ" for ch in num):
        return num.translate(_CYRILLIC_ROMAN)
    return num
