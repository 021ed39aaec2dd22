"""Cross-references in legislative text: "пунктом 2 статьи 31 настоящего Кодекса" -> ``art_31__para_2``.

Why a finder of its own: the link stage (:mod:`kenes.lex.linking`) turns every citation into a row that
readers follow, so a wrong link is worse than a missing one. Everything here leans towards precision: a
phrase is a citation only when a structural keyword (статья, пункт, подпункт, часть / бап, тармақ,
тармақша, бөлік / Article, paragraph, subparagraph, Part, Annex) stands next to a number, and a cited
work is taken from the words that follow (Russian, English) or precede (Kazakh) the numbers.

Recognised (``lang`` "rus"/"ru", "kaz"/"kk", "eng"/"en"):

* Russian, all case forms of the keywords: "статья 96 настоящего Кодекса", "пунктом 2 статьи 31",
  "подпунктом 3) пункта 1 статьи 52", "частью первой статьи 293 Уголовного кодекса Республики
  Казахстан", "статьями 53 и 54", "статьями 96–98", KoAP-style lists "статьями 206 , 213 (частями
  пятой и пятнадцатой), 217 настоящего Кодекса", "статьи 35 или статьи 36 УПК" (a work named after
  the last of several joined phrases applies to all of them), "ст. 113 ТК РК"; work-only citations of
  specific acts ("Законом Республики Казахстан «О миграции населения»", "Конституции Республики
  Казахстан", "Социальным кодексом Республики Казахстан", "Законом РК от 04.05.2020 № 321-VI",
  "Конвенции МОТ № 97").
* English (ILO style): "Article 6 of this Convention", "paragraph 2 of Article 11", "subparagraphs (a)
  and (b) of paragraph 1 of this Article", "paragraph 7 (b) of Article 19 of the Constitution of the
  International Labour Organisation", "Articles 14 and 15", "Parts II to X", "Annex I", "Article 3 of
  Annex II", "Article 5, paragraph 3, of the Minimum Age Convention, 1973"; works "Convention No. 97",
  "ILO Convention No. 143" (-> ``ilo:c097``), "the Forced Labour Convention, 1930 (No. 29)" (->
  ``ilo:c029``), "the Migration for Employment Convention, 1939" (the title as written).
* Kazakh: "осы Кодекстің 96-бабы", "осы Заңның 12-бабының 2-тармағы", "49-бабының 1) тармақшасы",
  "21-бабы бірінші бөлігінің 8) тармақшасында", "«…» Қазақстан Республикасы Заңының 21-бабы",
  "Қазақстан Республикасы Еңбек кодексінің 5-бабы"; a work named before the first of several joined
  phrases applies to the following ones.

Choices:

* A list or a range gives one :class:`Citation` per number ("статьями 96–98" -> 96, 97, 98; a range
  whose ends are not plain integers, or spans more than 100, gives its two ends only). All citations
  read from one phrase share that phrase's ``start``/``end``/``text``: group by span to draw one link.
* ``work`` is None for this act, whether named ("настоящего Кодекса", "this Convention") or implicit;
  ``anchor`` tells the two apart ("named"/"implicit"). Another act's hint is kept as written
  (whitespace collapsed), except ILO instruments cited by number, which become ``ilo:c097``-style ids.
* References relative to where the text stands ("пунктом 2 настоящей статьи", "paragraph 1 of this
  Article", "осы баптың 2-тармағы", an English bare "paragraph 2") are returned only when asked for
  (``include_relative=True``) because they need the eId of the citing provision to be resolved:
  :meth:`Citation.eid_candidates` takes it as ``context``.

Not recognised (left out on purpose, or not yet): chapters, sections and paragraphs of codes
("главы 11", "параграфа 2") — their eIds nest and cannot be built from the number alone; "абзац"
(AKN has no eId level for it; the point around it is still found); an abbreviation ("ст.", "п.",
"пп.") without a named work — adilet notes and the Vedomosti ("№ 8, ст. 44") use them for other
acts; a bare "пунктом 2" with no article and no "настоящей статьи" (ambiguous); articles of an act
named only by an unknown lowercase noun ("статьи 5 приложения 1") — dropped rather than taken as this
act's; headings ("Статья 38. Перевод …", "58-4-бап. …", "###Article 1").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import product

from kenes.lex.tree import clean_num

__all__ = ["Citation", "find_references"]

# Ranks of the levels a phrase may name, from the most specific up.
_POINT, _PARA, _ART, _TOP = 0, 1, 2, 3


@dataclass(frozen=True)
class Citation:
    """One provision (or whole work) that a phrase of the text points at."""

    start: int
    end: int
    text: str
    work: str | None = None  # None: this act; else a hint ("ТК РК", "ilo:c097", a title as written)
    article: str | None = None
    paragraph: str | None = None
    point: str | None = None
    annex: str | None = None  # "II" for "Article 3 of Annex II"
    part: str | None = None  # "II" for "Part II of this Convention"
    anchor: str = "implicit"  # named | implicit | article | paragraph | annex (see eid_candidates)

    @property
    def relative(self) -> bool:
        """True when the target depends on the provision the text stands in ("настоящей статьи")."""
        return self.anchor in ("article", "paragraph", "annex")

    def eid_candidates(self, context: str | None = None) -> list[str]:
        """eIds to try in the cited work, most specific first.

        Several forms because structure parsers differ: "подпункт 1) статьи 49" is ``art_49__point_1``
        where the points hang from the article and ``art_49__para_1__point_1`` where an unnumbered
        paragraph holds them; the article itself is the last resort. ``context`` is the eId of the
        provision the citation stands in: it is needed for relative citations (otherwise they give no
        candidates) and, inside an annex, makes an implicit "Article 2" try that annex first.

        >>> Citation(0, 0, "", article="49", paragraph="2", point="1").eid_candidates()
        ['art_49__para_2__point_1', 'art_49__para_2', 'art_49']
        >>> Citation(0, 0, "", paragraph="2", anchor="article").eid_candidates("art_7__para_1")
        ['art_7__para_2', 'art_7']
        """
        if self.relative:
            base = _context_base(
                context, {"article": "art", "paragraph": "para", "annex": "annex"}[self.anchor]
            )
            if base is None:
                return []
            if self.anchor == "annex":
                if not self.article:
                    return [base]
                return _descend(f"{base}__art_{clean_num(self.article)}", self.paragraph, self.point)
            if self.anchor == "paragraph":
                return [f"{base}__point_{clean_num(self.point)}", base] if self.point else [base]
            return _descend(base, self.paragraph, self.point)
        tops: list[str] = []
        if self.article:
            art = f"art_{clean_num(self.article)}"
            if self.annex:
                tops.append(f"annex_{clean_num(self.annex)}__{art}")
            else:
                home = _context_base(context, "annex") if self.anchor == "implicit" else None
                if home:
                    tops.append(f"{home}__{art}")
                tops.append(art)
        elif self.annex:
            tops.append(f"annex_{clean_num(self.annex)}")
        elif self.part:
            tops.append(f"part_{clean_num(self.part)}")
        elif self.paragraph or self.point:  # a decree's "пункт 3 настоящего Указа": paragraphs at the top
            return _descend("", self.paragraph, self.point)
        out: list[str] = []
        for top in tops:
            out += [e for e in _descend(top, self.paragraph, self.point) if e not in out]
        return out


def _descend(base: str, paragraph: str | None, point: str | None) -> list[str]:
    def join(*parts: str) -> str:
        return "__".join(p for p in parts if p)

    para = f"para_{clean_num(paragraph)}" if paragraph else ""
    pt = f"point_{clean_num(point)}" if point else ""
    if para and pt:
        out = [join(base, para, pt), join(base, para)]
    elif para:
        out = [join(base, para)]
    elif pt:
        out = [join(base, pt), join(base, "para_1", pt)]
    else:
        out = []
    return out + ([base] if base else [])


def _context_base(context: str | None, prefix: str) -> str | None:
    """The part of ``context`` up to and including its first ``prefix_…`` segment."""
    if not context:
        return None
    parts = context.split("__")
    for i, part in enumerate(parts):
        if part.startswith(prefix + "_"):
            return "__".join(parts[: i + 1])
    return None


# --------------------------------------------------------------------------------------------------
# Shared machinery: a phrase is a chain of levels (point < paragraph < article < annex/part), each a
# list of numbers, then perhaps a work.


@dataclass
class _Item:
    value: str
    below: list[str] = field(default_factory=list)  # "213 (частями пятой)", "paragraph 7 (b)"


@dataclass
class _Phrase:
    start: int
    end: int
    levels: dict[int, list[_Item]] = field(default_factory=dict)
    top_kind: str = ""  # annex | part, for rank _TOP
    work: str | None = None
    anchor: str = "implicit"
    suffixed: bool = False  # a work or a relative anchor was written after (or before) the numbers
    abbreviated: bool = False

    @property
    def low(self) -> int:
        return min(self.levels)

    @property
    def high(self) -> int:
        return max(self.levels)


def _take_list(
    text: str,
    pos: int,
    item: re.Pattern[str],
    sep: re.Pattern[str],
    value: Callable[[re.Match[str]], str],
    first: re.Pattern[str] | None = None,
) -> tuple[list[_Item], int] | None:
    """Read "1, 2 и 5–7" at ``pos``: items with ranges expanded, and where the list ends."""
    m = (first or item).match(text, pos)
    if not m:
        return None
    items = [_Item(value(m), _below(m))]
    end = m.end()
    while True:
        s = sep.match(text, end)
        if not s:
            break
        nxt = item.match(text, s.end())
        if not nxt:
            break
        last = _Item(value(nxt), _below(nxt))
        if s["range"]:
            items += [_Item(v) for v in _range_between(items[-1].value, last.value)]
        items.append(last)
        end = nxt.end()
    return items, end


def _below(m: re.Match[str]) -> list[str]:
    groups = m.groupdict()
    if groups.get("ords"):
        return [t if t[0].isdigit() else str(_ru_ordinal(t)) for t in _PART_NO_RE.findall(groups["ords"])]
    if groups.get("letter"):
        return [groups["letter"]]
    return []


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman_to_int(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def _int_to_roman(n: int) -> str:
    out = ""
    for v, r in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= v:
            out += r
            n -= v
    return out


def _range_between(a: str, b: str) -> list[str]:
    """Values strictly between ``a`` and ``b`` when both are plain integers (or Roman numerals)."""
    if a.isdigit() and b.isdigit():
        lo, hi = int(a), int(b)
        return [str(i) for i in range(lo + 1, hi)] if 0 < hi - lo <= 100 else []
    if a and b and set(a + b) <= set(_ROMAN):
        lo, hi = _roman_to_int(a), _roman_to_int(b)
        return [_int_to_roman(i) for i in range(lo + 1, hi)] if 0 < hi - lo <= 100 else []
    if len(a) == len(b) == 1 and a.isalpha() and b.isalpha() and 0 < ord(b) - ord(a) <= 26:
        return [chr(c) for c in range(ord(a) + 1, ord(b))]
    return []


def _ws(s: str) -> str:
    return " ".join(s.split())


def _chain_backwards(phrases: list[_Phrase]) -> None:
    """Russian and English name the work after the last of joined phrases: share it backwards.

    "статьи 35 или статьи 36 УПК" -> both UPK; "подпунктом 1) и пунктом 3 статьи 52" -> point 1 of art 52.
    A phrase lacking the levels above its own borrows those of the next phrase that lie above both.
    """
    for i in range(len(phrases) - 2, -1, -1):
        a, b = phrases[i], phrases[i + 1]
        if a.suffixed or a.anchor == "drop":
            continue
        if b.anchor == "drop":  # "статьи 5 и статьи 6 приложения 1": both belong to the unknown document
            a.anchor = "drop"
            continue
        for rank, items in b.levels.items():
            if rank > a.high and rank > b.low and rank not in a.levels:
                a.levels[rank] = items
                if rank == _TOP:
                    a.top_kind = b.top_kind
        a.work, a.anchor, a.suffixed = b.work, b.anchor, b.suffixed
        a.abbreviated = a.abbreviated and not b.suffixed


def _emit(text: str, phrase: _Phrase) -> list[Citation]:
    """Every combination of the phrase's levels as a Citation sharing the phrase's span."""
    span = text[phrase.start : phrase.end]
    arts = phrase.levels.get(_ART, [_Item("")])
    paras = phrase.levels.get(_PARA)
    points = phrase.levels.get(_POINT, [_Item("")])
    tops = phrase.levels.get(_TOP, [_Item("")])
    out: list[Citation] = []
    for top, art, pt in product(tops, arts, points):
        para_values = [p.value for p in paras] if paras else (art.below or [""])
        for para in para_values:
            if paras and not pt.value:  # "paragraph 7 (b)": the point hangs from the paragraph item
                below = next((p.below for p in paras if p.value == para), [])
                pts = below or [""]
            else:
                pts = [pt.value]
            for p in pts:
                out.append(
                    Citation(
                        phrase.start,
                        phrase.end,
                        span,
                        work=phrase.work,
                        article=art.value or None,
                        paragraph=para or None,
                        point=p or None,
                        annex=top.value if phrase.top_kind == "annex" and top.value else None,
                        part=top.value if phrase.top_kind == "part" and top.value else None,
                        anchor=phrase.anchor,
                    )
                )
    return out


def _usable(phrase: _Phrase, include_relative: bool) -> bool:
    if phrase.abbreviated and phrase.anchor != "named" and phrase.work is None:
        return False
    if phrase.anchor in ("article", "paragraph", "annex"):
        return include_relative
    return not (phrase.anchor == "implicit" and phrase.high < _ART)  # "пунктом 2" of what? ambiguous


# --------------------------------------------------------------------------------------------------
# Russian

_NUM = r"\d+(?:-\d+)*"
_WS = re.compile(r"\s+")
_UNITS = (
    r"(?:календарн|рабоч|дн[еяийю]|день|месяц|лет\b|год|час|минут|процент|%|раз\b|тенге|месячн|минимальн|"
    r"МРП|МЗП|сут|недел|человек|работник|лиц|числ|тысяч|миллион|экземпляр|квадратн|километр|метр|"
    r"кг|килограмм|литр|градус|балл)"
)
_ORD_STEMS = [
    ("одиннадцат", 11), ("двенадцат", 12), ("тринадцат", 13), ("четырнадцат", 14), ("пятнадцат", 15),
    ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18), ("девятнадцат", 19), ("двадцат", 20),
    ("перв", 1), ("втор", 2), ("трет", 3), ("четв[её]рт", 4), ("пят", 5), ("шест", 6), ("седьм", 7),
    ("восьм", 8), ("девят", 9), ("десят", 10),
]  # fmt: skip
_ORD = r"(?:" + "|".join(s for s, _ in _ORD_STEMS) + r")[а-яё]{1,4}(?![а-яё])"
_ORD_LOOKUP = [(re.compile(s), n) for s, n in _ORD_STEMS]


def _ru_ordinal(word: str) -> int:
    return next(n for rx, n in _ORD_LOOKUP if rx.match(word))


_RU_SEPS = re.compile(
    r"""(?:\s*,\s*(?:(?:и|или|либо)\s+)?          # "1, 2", "1, и 2"
        |\s+(?:и|или|либо|а\s+также)\s+            # "53 и 54"
        |(?P<range>\s*(?:[–—]|(?<=\))-)\s*|\s+-\s+)  # "96–98", "1)-3)", "96 - 98"
    )""",
    re.X,
)

_RU_KW = re.compile(
    r"""(?<![^\W\d_])(?<![.-])(?:
        (?P<sub>[Пп]одпункт(?:ы|а|у|ом|е|ов|ам|ами|ах)?(?!\w)|пп\.)
       |(?P<pkt>[Пп]ункт(?:ы|а|у|ом|е|ов|ам|ами|ах)?(?!\w)|п\.)
       |(?P<part>[Чч]аст(?:ь|и|ью|ей|ям|ями|ях)(?!\w))
       |(?P<art>[Сс]тать(?:я|и|е|ю|ей|ёй|ями|ях|ям)(?!\w)|[Сс]т\.)
    )\s*""",
    re.X,
)
# A keyword immediately followed by something numeric: where phrases may start.
_RU_ANCHOR = re.compile(_RU_KW.pattern + r"(?=\d|" + _ORD + r")", re.X)

# A number ends here: not "5)" nor "5.1" nor "5-го", and no unit follows ("5 дней"); a keyword glued on
# by a typo ("пунктом 1-1статьи 52") is allowed.
_NOT_AFTER_NUM = r"(?![\d)]|\.\d|%|(?!стать|пункт|подпункт|част)[а-яёa-z])(?!\s*(?:%|" + _UNITS + r"))"
_PART_NO = rf"(?:{_ORD}|{_NUM})"
_PART_NO_RE = re.compile(_PART_NO)
# KoAP lists: "213 (частями пятой и пятнадцатой)", "80 (частью 2-2)", "590 (части 2-1, четвертая и 4-1)"
_RU_PARTS_IN_PARENS = (
    rf"(?:\s*\(\s*част(?:ь|и|ью|ями|ях|ям)\s+(?P<ords>{_PART_NO}(?:\s*(?:,|и|или)\s*{_PART_NO})*)\s*\))?"
)
_RU_ART_ITEM = re.compile(rf"(?P<n>{_NUM}){_NOT_AFTER_NUM}{_RU_PARTS_IN_PARENS}")
# The first number may be closed by a bracket: "(статья 214)" is never a point.
_NOT_AFTER_FIRST_ARTICLE = _NOT_AFTER_NUM.replace("[\\d)]", "\\d", 1)
_RU_ART_FIRST = re.compile(rf"(?P<n>{_NUM}){_NOT_AFTER_FIRST_ARTICLE}{_RU_PARTS_IN_PARENS}")
_RU_PARA_ITEM = re.compile(rf"(?P<n>{_NUM}){_NOT_AFTER_NUM}")
_RU_POINT_ITEM = re.compile(rf"(?P<n>{_NUM})\)")
_RU_PART_ITEM = re.compile(rf"(?P<o>{_ORD})|(?P<n>{_NUM}){_NOT_AFTER_NUM}")  # "частями 2-1 и четвертой"


def _part_value(m: re.Match[str]) -> str:
    return m["n"] or str(_ru_ordinal(m["o"]))


_RU_RK = r"(?:Республики\s+Казахстан|РК)"
_RU_QUOTED = r"(?:«(?:[^«»;]|«[^«»;]*»){1,400}»|\"[^\";]{1,400}\"|“[^”;]{1,400}”)"  # titles have no ";"
_RU_MONTHS = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_RU_DATE = rf"(?:\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\d{{1,2}}\s+{_RU_MONTHS}\s+\d{{4}})(?:\s+года|\s+г\.)?"
_RU_ACTNO = r"(?:№|N)\s*\d+(?:-[A-Za-zА-Яа-яІі]+)?"
_RU_ADJ_ENDING = r"(?:ого|его|ым|им|ый|ий|ой|ом|ем|ому|ему)"
# "Уголовно-процессуального", "Административным процедурно-процессуальным", "Гражданского процессуального"
_RU_ADJ = (
    rf"(?!Настоящ|Данн|Указанн|Соответствующ|Действующ|Эт)[А-ЯЁ][а-яё]+(?:-[а-яё]+)?{_RU_ADJ_ENDING}"
    rf"(?:\s+[а-яё]+(?:-[а-яё]+)?{_RU_ADJ_ENDING}(?=\s+[Кк]одекс))?"
)
_RU_CODE_TOPIC = (
    r"(?:об?\s+административных\s+правонарушениях|о\s+здоровье\s+народа\s+и\s+системе\s+здравоохранения"
    r"|о\s+браке\s+\(супружестве\)\s+и\s+семье|о\s+налогах\s+и\s+других\s+обязательных\s+платежах\s+в\s+бюджет"
    r"(?:\s*\(Налоговый\s+кодекс\))?|о\s+недрах\s+и\s+недропользовании|об\s+административных\s+процедурах"
    r"|о\s+таможенном\s+регулировании\s+в\s+Республике\s+Казахстан)"
)
_RU_CODE_TAIL = (
    rf"(?:\s+(?:{_RU_CODE_TOPIC}|{_RU_QUOTED}))?(?:\s*\((?:Общая|Особенная)\s+часть\))?"
    rf"(?:\s*\([А-ЯЁ][а-яё]+\s+[Кк]одекс\))?(?:\s+от\s+{_RU_DATE})?(?:\s+{_RU_ACTNO})?"
)
_RU_CODE = (
    rf"(?:{_RU_ADJ}\s+[Кк]одекс(?:а|у|ом|е|ы|ов)?(?:\s+{_RU_RK})?|Кодекс(?:а|у|ом|е|ы)?\s+{_RU_RK})"
    rf"(?!\w){_RU_CODE_TAIL}"
)
_RU_LAW = (
    rf"(?:Конституционн(?:ого|ый|ым|ом|ому)\s+)?[Зз]акон(?:а|у|ом|е|ы|ов|ами|ах)?(?:\s+{_RU_RK})?"
    rf"(?:\s+от\s+(?P<law_date>{_RU_DATE}))?(?:\s+(?P<law_no>{_RU_ACTNO}))?(?:\s+(?P<law_title>{_RU_QUOTED}))?"
)
_RU_CONST = rf"Конституци(?:и|я|ей|ю)(?!\w)(?:\s+{_RU_RK})?"
_RU_ALIAS = rf"(?:ТК|КоАП|ГК|УК|УПК|ГПК|НК|АППК|ПК|СПК|ЗК|ЭК|БК|СК)(?:\s+{_RU_RK})?(?![\w])"
_RU_ILO = (
    r"Конвенци(?:и|я|ей|ю)\s+(?:(?:Международной\s+организации\s+труда|МОТ)\s+)?(?:№|N)\s*(?P<ilo_no>\d+)"
)
_RU_ACT_NOUN = (
    r"(?:Правил|Положени[яюи]|Указ(?:а|у|ом|е)?|Постановлени[яюе]|Приказа|Регламента|Инструкции|Устава|"
    r"Договора|Соглашения|Протокола|Конвенции|Пакта|Декларации|Хартии|Закона|Кодекса)"
)
_RU_GENERIC = (
    rf"{_RU_ACT_NOUN}(?!\w)(?:\s+{_RU_RK})?(?:\s+от\s+{_RU_DATE})?(?:\s+{_RU_ACTNO})?"
    rf"(?:\s+{_RU_QUOTED}|(?:\s+(?:об?|о|по|между)(?:\s+[^\s,;:.()«»\"]+){{1,6}}))?"
)
_RU_EXTERNAL = rf"{_RU_ILO}|{_RU_ALIAS}|{_RU_CONST}|{_RU_CODE}|{_RU_LAW}|{_RU_GENERIC}"

_RU_SUFFIX = re.compile(
    rf"""\s*(?:
        (?P<self>настоящ(?:его|ей|ем|им|ему|ий|ая|ее)\s+(?:(?:[А-ЯЁ][а-яё]+{_RU_ADJ_ENDING}\s+)?[Кк]одекс(?:а|у|ом|е)?
            |Конституционного\s+закона
            |Закона|Конвенции|Соглашения|Договора|Указа|Положения|Правил|Устава|Протокола|Регламента
            |Постановления|Приказа|Декрета))(?!\w)
       |(?P<rel_art>настоящ(?:ей|ую|ая)\s+стать(?:и|е|ей|ю|я))(?!\w)
       |(?P<rel_para>настоящ(?:его|ему|им|ем|ий)\s+пункт(?:а|у|ом|е)?|настоящ(?:ей|ую|ая)\s+част(?:и|ью|ь))(?!\w)
       |(?P<ext>{_RU_EXTERNAL})
       |(?P<foreign>(?:[Пп]риложени[яюе]|закона|кодекса|договора|соглашения|положения|правил|указа
            |постановления|приказа|решения|конвенции|протокола|устава|регламента|инструкции)(?!\w))
    )""",
    re.X,
)
_RU_CAPITAL_NEXT = re.compile(r"\s+[А-ЯЁ]")
_RU_CONJ = re.compile(r"\s*(?:,\s*(?:(?:и|или|либо|а\s+также)\s+)?|\s(?:и|или|либо|а\s+также)\s+)")
_RU_WORK_ONLY = re.compile(
    rf"""(?<![\w«"])(?:
        (?P<ilo>{_RU_ILO})
       |(?P<const>{_RU_CONST})
       |(?P<code>{_RU_CODE})
       |(?P<law>{_RU_LAW.replace("law_", "wlaw_")})
       |(?P<alias>(?:ТК|КоАП|ГК|УК|УПК|ГПК|НК|АППК)\s+{_RU_RK}(?![\w]))
    )""",
    re.X,
)


def _ru_levels(text: str, pos: int) -> tuple[_Phrase, str] | None:
    """The levels of one Russian phrase from ``pos``; also the first keyword as written."""
    phrase = _Phrase(pos, pos)
    first_kw = ""
    cur = pos
    while True:
        km = _RU_KW.match(text, cur)
        if not km:
            break
        kind = km.lastgroup or ""
        p = km.end()
        parsed: tuple[list[_Item], int] | None
        if kind == "sub" or (kind == "pkt" and _RU_POINT_ITEM.match(text, p)):
            rank, parsed = _POINT, _take_list(text, p, _RU_POINT_ITEM, _RU_SEPS, lambda m: m["n"])
        elif kind == "pkt":
            rank, parsed = _PARA, _take_list(text, p, _RU_PARA_ITEM, _RU_SEPS, lambda m: m["n"])
        elif kind == "part":
            rank = _PARA
            parsed = _take_list(text, p, _RU_PART_ITEM, _RU_SEPS, _part_value)
        else:
            rank, parsed = _ART, _take_list(text, p, _RU_ART_ITEM, _RU_SEPS, lambda m: m["n"], _RU_ART_FIRST)
        if not parsed or (phrase.levels and rank <= phrase.high):
            break
        items, end = parsed
        phrase.levels[rank] = items
        phrase.abbreviated |= km.group(0).rstrip().endswith(".")
        first_kw = first_kw or km.group(0).strip()
        phrase.end = end
        ws = _WS.match(text, end)
        cur = ws.end() if ws else end
    if not phrase.levels:
        return None
    return phrase, first_kw


def _ru_suffix(text: str, phrase: _Phrase) -> bool:
    """Read what follows the numbers; False when the phrase must be dropped."""
    m = _RU_SUFFIX.match(text, phrase.end)
    if not m:
        return True
    kind = m.lastgroup
    if kind == "foreign":
        return False
    if kind == "self":
        phrase.anchor = "named"
    elif kind == "rel_art":
        if phrase.high >= _ART:
            return True  # "статьи 5 настоящей статьи" cannot be; leave the words alone
        phrase.anchor = "article"
    elif kind == "rel_para":
        if phrase.high >= _PARA:
            return True
        phrase.anchor = "paragraph"
    else:
        phrase.anchor = "named"
        phrase.work = _ru_work_hint(m)
    phrase.suffixed = True
    phrase.end = m.end()
    return True


def _ru_work_hint(m: re.Match[str]) -> str:
    if m["ilo_no"]:
        return f"ilo:c{int(m['ilo_no']):03d}"
    return _ws(m["ext"])


def _is_heading(text: str, end: int, keyword: str, phrase: _Phrase) -> bool:
    """ "Статья 38. Перевод …", "Статья 94-1 Положение …": the article's own heading, not a citation."""
    single = len(phrase.levels) == 1 and len(phrase.levels.get(_ART, [])) == 1
    if not single or keyword not in ("Статья", "статья"):
        return False
    if text[end : end + 1] == ".":
        return True
    if not _RU_CAPITAL_NEXT.match(text, end):
        return False
    suffix = _RU_SUFFIX.match(text, end)
    return not (suffix and suffix.lastgroup in ("self", "ext"))


def _find_ru(text: str, include_relative: bool) -> list[Citation]:
    out: list[Citation] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = _RU_ANCHOR.search(text, pos)
        if not m:
            break
        group: list[_Phrase] = []
        cur = m.start()
        while True:
            got = _ru_levels(text, cur)
            if not got:
                break
            phrase, keyword = got
            if _is_heading(text, phrase.end, keyword, phrase):
                group.append(_Phrase(phrase.start, phrase.end, anchor="drop"))
                break
            if not _ru_suffix(text, phrase):
                phrase.anchor = "drop"
            group.append(phrase)
            c = _RU_CONJ.match(text, phrase.end)
            if not c or not _RU_ANCHOR.match(text, c.end()):
                break
            cur = c.end()
        if not group:
            pos = m.end()
            continue
        _chain_backwards(group)
        live = [p for p in group if p.anchor != "drop"]
        for phrase in live:
            if _usable(phrase, include_relative):
                out += _emit(text, phrase)
            spans.append((phrase.start, phrase.end))
        pos = max(p.end for p in group)
    out += _work_only(text, _RU_WORK_ONLY, spans, _ru_work_only_hint)
    return out


def _ru_work_only_hint(m: re.Match[str]) -> str | None:
    if m["ilo"]:
        return f"ilo:c{int(m['ilo_no']):03d}"
    if m["law"] and not (m["wlaw_date"] or m["wlaw_no"] or m["wlaw_title"]):
        return None  # "законами Республики Казахстан": no act in particular
    return _ws(m.group(0))


def _work_only(
    text: str,
    rx: re.Pattern[str],
    spans: list[tuple[int, int]],
    hint: Callable[[re.Match[str]], str | None],
) -> list[Citation]:
    """Citations of a whole act that no article phrase has already taken."""
    spans = sorted(spans)
    out: list[Citation] = []
    i = 0
    for m in rx.finditer(text):
        while i < len(spans) and spans[i][1] <= m.start():
            i += 1
        if i < len(spans) and spans[i][0] < m.end():
            continue
        work = hint(m)
        if work:
            out.append(Citation(m.start(), m.end(), m.group(0), work=work, anchor="named"))
    return out


# --------------------------------------------------------------------------------------------------
# English (ILO conventions and the like)

_EN_SEPS = re.compile(r"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+|(?P<range>\s+to\s+|\s*[–—]\s*))")
_EN_KW = re.compile(
    r"""(?<![\w#])(?:
        (?P<sub>[Ss]ub-?paragraphs?|[Cc]lauses?)
       |(?P<para>[Pp]aragraphs?)
       |(?P<art>[Aa]rticles?)
       |(?P<part>Parts?)
       |(?P<annex>Annex(?:es)?)
    )\s+""",
    re.X,
)
_EN_ANCHOR = re.compile(_EN_KW.pattern + r"(?=\d|\(\s*[a-z]{1,4}\s*\)|[IVXLC]+\b)", re.X)
_EN_LETTER_ITEM = re.compile(r"\(\s*(?P<n>[a-z]{1,4})\s*\)")
_EN_NUM_ITEM = re.compile(r"(?P<n>\d+)(?![\d.]\d|\w)(?:\s*\(\s*(?P<letter>[a-z]{1,4})\s*\))?")
_EN_ROMAN_ITEM = re.compile(r"(?P<n>[IVXLC]+)(?!\w)")
_EN_OF = re.compile(r"\s+of\s+")
_EN_SUFFIX_OF = re.compile(r",?\s+of\s+")
_EN_OTHER_UNIT_BEFORE = re.compile(r"(?:Standard|Regulation|Guideline|Rule|Article)\s+[\w.]+,\s*$")
_EN_LINE_START = re.compile(r"(?:^|\n|#|[.:;]\s)[ \t]*$")
_EN_HEADING_NEXT = re.compile(r"[ \t]*(?:\n|[A-Z])")
_EN_CONJ = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)")
# "Article 5, paragraph 3, of …", "Article 6, paragraphs 3 and 4", "Article II, paragraph 1(a)"
_EN_REVERSED = re.compile(r",\s+paragraphs?\s+(?=\d)")
_EN_REVERSED_SUB = re.compile(r",\s+subparagraph\s+\(\s*(?P<p>[a-z]{1,4})\s*\)")
_EN_TITLE = (
    r"(?P<title>(?:[A-Z][\w’'-]*|\([A-Z][^()]{0,60}\))"
    r"(?:\s+(?:[A-Z][\w’'-]*|\([A-Z][^()]{0,60}\)|and|of|for|on|in|the|to|with|against|at)){0,12}?"
    r"\s+(?P<tkind>Convention|Recommendation|Protocol)(?:\s+\(Revised\))?,\s+\d{4}"
    r"(?:\s+\(No\.\s*(?P<tno>\d+)\))?)"
)
_EN_NUMBERED = (
    r"(?:ILO\s+)?(?P<nkind>Convention|Recommendation|Protocol)\s*(?:No\.?\s*|\(No\.\s*)(?P<nno>\d+)\)?"
)
_EN_WORK = re.compile(
    rf"""(?:
        (?P<self>(?:this|the\s+present)\s+(?:Convention|Protocol|Recommendation|Code|Instrument))(?!\w)
       |(?P<rel_art>this\s+Article)(?!\w)
       |(?P<rel_para>this\s+paragraph)(?!\w)
       |(?P<rel_annex>this\s+Annex)(?!\w)
       |(?P<rel_part>this\s+Part)(?!\w)
       |(?:the\s+)?(?P<ext>{_EN_NUMBERED}|{_EN_TITLE}
            |Constitution\s+of\s+the\s+International\s+Labour\s+Organi[sz]ation
            |Charter\s+of\s+the\s+United\s+Nations
            |(?:Convention|Constitution|Protocol)(?!\w))
       |(?P<unknown>(?:the|that|a|an|its|such|any|each|those|these|Standard|Regulation|Guideline|Rule|Schedule
            |Appendix)\b)
    )""",
    re.X,
)
_EN_WORK_ONLY = re.compile(rf"(?<![\w])(?:{_EN_NUMBERED}|{_EN_TITLE})")
_ILO_PREFIX = {"Convention": "c", "Recommendation": "r", "Protocol": "p"}


def _en_hint(m: re.Match[str]) -> str:
    if m["nno"]:
        return f"ilo:{_ILO_PREFIX[m['nkind']]}{int(m['nno']):03d}"
    if m["tno"]:
        return f"ilo:{_ILO_PREFIX[m['tkind']]}{int(m['tno']):03d}"
    return _ws(m["ext"] if "ext" in m.groupdict() and m["ext"] else m.group(0))


def _en_levels(text: str, pos: int) -> _Phrase | None:
    phrase = _Phrase(pos, pos)
    cur = pos
    while True:
        km = _EN_KW.match(text, cur)
        if not km:
            break
        kind = km.lastgroup or ""
        p = km.end()
        if kind == "sub":
            rank, parsed = _POINT, _take_list(text, p, _EN_LETTER_ITEM, _EN_SEPS, lambda m: m["n"])
        elif kind == "para":
            rank, parsed = _PARA, _take_list(text, p, _EN_NUM_ITEM, _EN_SEPS, lambda m: m["n"])
        elif kind == "art":  # MLC, 2006 numbers its Articles in Roman numerals
            rank, parsed = (
                _ART,
                _take_list(text, p, _EN_NUM_ITEM, _EN_SEPS, lambda m: m["n"])
                or _take_list(text, p, _EN_ROMAN_ITEM, _EN_SEPS, lambda m: m["n"]),
            )
        else:
            rank, parsed = _TOP, _take_list(text, p, _EN_ROMAN_ITEM, _EN_SEPS, lambda m: m["n"])
        if not parsed or (phrase.levels and rank <= phrase.high):
            break
        items, end = parsed
        if kind == "art" and any(i.below for i in items):
            break  # "Article 3 (b)" is not how ILO texts cite
        phrase.levels[rank] = items
        if rank == _TOP:
            phrase.top_kind = kind
        phrase.end = end
        if rank == _ART and len(items) == 1 and _PARA not in phrase.levels:
            rev = _EN_REVERSED.match(text, end)
            paras = _take_list(text, rev.end(), _EN_NUM_ITEM, _EN_SEPS, lambda m: m["n"]) if rev else None
            if paras:
                phrase.levels[_PARA], end = paras
                sub = _EN_REVERSED_SUB.match(text, end)
                if sub and len(paras[0]) == 1:
                    phrase.levels[_PARA][0].below.append(sub["p"])
                    end = sub.end()
                phrase.end = end
        of = _EN_OF.match(text, end)
        if not of:
            break
        cur = of.end()
    return phrase if phrase.levels else None


def _en_suffix(text: str, phrase: _Phrase) -> bool:
    of = _EN_SUFFIX_OF.match(text, phrase.end)
    if not of:
        return True
    m = _EN_WORK.match(text, of.end())
    if not m:
        return True
    kind = m.lastgroup
    if kind == "unknown":
        return False  # "Part I of the declaration …": some other document
    if kind == "self":
        phrase.anchor = "named"
    elif kind == "rel_art" and phrase.high < _ART:
        phrase.anchor = "article"
    elif kind == "rel_para" and phrase.high < _PARA:
        phrase.anchor = "paragraph"
    elif kind == "rel_annex" and phrase.high < _TOP:
        phrase.anchor = "annex"
    elif kind == "rel_part":
        phrase.anchor = "implicit"  # articles are numbered through the whole instrument
    elif kind in ("rel_art", "rel_para", "rel_annex"):
        return True
    else:
        phrase.anchor = "named"
        phrase.work = _en_hint(m)
    phrase.suffixed = True
    phrase.end = m.end()
    return True


def _en_heading(text: str, keyword: str, phrase: _Phrase) -> bool:
    """ "Article 1" opening a line, or a sentence, and followed by the provision's first words: a heading."""
    if phrase.suffixed or len(phrase.levels) != 1 or keyword not in ("Article", "Annex", "Part"):
        return False
    if len(next(iter(phrase.levels.values()))) != 1:
        return False
    before = text[max(0, phrase.start - 8) : phrase.start]
    after = text[phrase.end : phrase.end + 3]
    return bool(_EN_LINE_START.search(before) and _EN_HEADING_NEXT.match(after))


def _find_en(text: str, include_relative: bool) -> list[Citation]:
    out: list[Citation] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = _EN_ANCHOR.search(text, pos)
        if not m:
            break
        group: list[_Phrase] = []
        cur = m.start()
        while True:
            phrase = _en_levels(text, cur)
            if not phrase:
                break
            ok = _en_suffix(text, phrase)
            if not ok or _en_heading(text, text[cur : cur + 8].split()[0], phrase):
                phrase.anchor = "drop"
            elif not phrase.suffixed and _EN_OTHER_UNIT_BEFORE.search(
                text, max(0, phrase.start - 40), phrase.start
            ):
                phrase.anchor = "drop"  # "Standard A4.5, paragraph 9": a paragraph of something else
            elif not phrase.suffixed and phrase.high == _PARA:
                phrase.anchor = "article"  # ILO drafting: a bare "paragraph 2" is of the same Article
            elif not phrase.suffixed and phrase.high == _POINT:
                phrase.anchor = "paragraph"
            group.append(phrase)
            c = _EN_CONJ.match(text, phrase.end)
            if not c or not _EN_ANCHOR.match(text, c.end()):
                break
            cur = c.end()
        if not group:
            pos = m.end()
            continue
        _chain_backwards(group)
        live = [p for p in group if p.anchor != "drop"]
        for phrase in live:
            if _usable(phrase, include_relative):
                out += _emit(text, phrase)
            spans.append((phrase.start, phrase.end))
        pos = max(p.end for p in group)
    out += _work_only(text, _EN_WORK_ONLY, spans, _en_hint)
    return out


# --------------------------------------------------------------------------------------------------
# Kazakh: the work comes first, then article, paragraph (тармақ or "бірінші бөлігі"), point.

_KK_L = r"[а-яәіңғүұқөһё]"  # lowercase Kazakh letters, for case endings
_KK_SEP = r"\s*(?:,|және|мен|немесе|[–—])\s*"
# The phrase below has no keyword in front of its numbers (Kazakh puts "-бабы" after them), so finditer
# tries it at every digit. Unbounded runs made that quadratic: 10,000 digits took 18 s. The repeats are
# bounded (longer numbers and lists do not occur in legislation) and a match cannot start inside a number.
_KK_NUM = r"\d{1,6}(?:-\d{1,6}){0,4}"
_KK_LIST = rf"{_KK_NUM}(?:{_KK_SEP}{_KK_NUM}){{0,30}}"
_KK_PLIST = rf"{_KK_NUM}\)(?:{_KK_SEP}{_KK_NUM}\)){{0,30}}"
_KK_ORDS = {
    "бірінші": 1, "екінші": 2, "үшінші": 3, "төртінші": 4, "бесінші": 5, "алтыншы": 6, "жетінші": 7,
    "сегізінші": 8, "тоғызыншы": 9, "оныншы": 10,
}  # fmt: skip
_KK_ORD = "(?:" + "|".join(_KK_ORDS) + ")"
_KK_QUOTED = r"(?:«(?:[^«»]|«[^«»]*»){1,400}»|\"[^\"]{1,400}\"|“[^”]{1,400}”)"
_KK_RK = r"Қазақстан\s+Республикасы(?:ның)?"
_KK_CAP = r"[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ]"
# Bounded: every capital letter in a long unbroken run (base64, a line of capitals) is a possible start.
_KK_WORD = r"[^\s,;:.()]{1,40}"
_KK_EXTERNAL = (
    rf"{_KK_QUOTED}\s+(?:{_KK_RK}\s+)?(?:Конституциялық\s+)?[Зз]аң{_KK_L}*"
    rf"|{_KK_RK}\s+Конституция{_KK_L}*"
    rf"|{_KK_RK}\s+(?!осы\s){_KK_CAP}(?:{_KK_WORD})?\s+(?:(?!осы\s){_KK_WORD}\s+){{0,4}}?[Кк]одекс{_KK_L}*"
    # "Еңбек кодексінің" without the country's name
    rf"|(?!Осы\s){_KK_CAP}(?:{_KK_WORD})?\s+(?:(?!осы\s){_KK_WORD}\s+){{0,2}}?кодекс{_KK_L}*"
    rf"|ҚР\s+(?:ЕК|ӘҚБтК|АК|ҚК|ҚПК)(?!\w)"
)
_KK_PHRASE = re.compile(
    rf"""
    (?:(?P<work>
        (?P<self>[Оо]сы\s+(?:Кодекс|Заң|Конвенция|Конституциялық\s+заң|Конституция){_KK_L}*)
       |(?P<rel_art>[Оо]сы\s+бап(?:тың|қа|та)?)
       |(?P<rel_para>[Оо]сы\s+(?:тарма[қғ](?:тың|қа|та|ы)?|бөлі[кг](?:тің|і)?))
       |(?P<ext>{_KK_EXTERNAL})
    )\s+)?
    (?<![\d-])(?=\d|{_KK_ORD})
    (?:(?P<arts>{_KK_LIST})(?:\s*-\s*|\s+)(?P<artkw>ба[бп]{_KK_L}*))?        # 96-бабы, 53 және 54-баптары
    (?:\s*(?:(?P<paras>{_KK_LIST})\s*-\s*(?:тарма[қғ](?!ша){_KK_L}*|бөлі[кг]{_KK_L}*)  # 2-тармағы
            (?:\s+{_KK_ORD}\s+бөлі[кг]{_KK_L}*)?                                       # (its 1st part)
            |(?P<paraord>{_KK_ORD}(?:{_KK_SEP}{_KK_ORD}){{0,10}})\s+бөлі[кг]{_KK_L}*))?    # бірінші бөлігінің
    (?:\s*(?P<points>{_KK_PLIST})\s+(?:тармақша{_KK_L}*|тарма[қғ]{_KK_L}*))?            # 1) тармақшасы
    """,
    re.X,
)
_KK_CONJ = re.compile(r"\s*(?:,\s*(?:(?:және|немесе)\s+)?|\s(?:және|немесе)\s+)\s*$")
_KK_WORK_ONLY = re.compile(rf"(?<![\w«\"])(?:{_KK_EXTERNAL})")
_KK_NUM_RE = re.compile(_NUM + r"\)?")


def _kk_items(spec: str | None) -> list[_Item]:
    if not spec:
        return []
    items: list[_Item] = []
    for tok in re.finditer(rf"{_NUM}|[–—]", spec):
        if tok.group(0) in "–—":
            items.append(_Item("–"))
        elif items and items[-1].value == "–":
            items.pop()
            items += [_Item(v) for v in _range_between(items[-1].value, tok.group(0))] + [_Item(tok.group(0))]
        else:
            items.append(_Item(tok.group(0)))
    return [i for i in items if i.value != "–"]


def _find_kk(text: str, include_relative: bool) -> list[Citation]:
    out: list[Citation] = []
    spans: list[tuple[int, int]] = []
    previous: _Phrase | None = None
    for m in _KK_PHRASE.finditer(text):
        if not (m["arts"] or m["paras"] or m["paraord"] or m["points"]):
            continue
        if m["arts"] and m["artkw"] == "бап" and text[m.end() : m.end() + 1] == ".":
            continue  # "58-4-бап. Тексеру …": a heading
        if m["artkw"] and m["artkw"].startswith("баптан") and re.match(r"\s*қараңыз", text[m.end() :]):
            continue  # "(… тәртібін 2-баптан қараңыз)": an article of the amending act
        phrase = _Phrase(m.start(), m.end())
        if m["arts"]:
            phrase.levels[_ART] = _kk_items(m["arts"])
        if m["paras"]:
            phrase.levels[_PARA] = _kk_items(m["paras"])
        elif m["paraord"]:
            phrase.levels[_PARA] = [_Item(str(_KK_ORDS[w])) for w in re.findall(_KK_ORD, m["paraord"])]
        if m["points"]:
            phrase.levels[_POINT] = _kk_items(m["points"])
        if m["self"]:
            phrase.anchor, phrase.suffixed = "named", True
        elif m["ext"]:
            phrase.anchor, phrase.work, phrase.suffixed = "named", _ws(m["ext"]), True
        elif m["rel_art"] and phrase.high < _ART:
            phrase.anchor, phrase.suffixed = "article", True
        elif m["rel_para"] and phrase.high < _PARA:
            phrase.anchor, phrase.suffixed = "paragraph", True
        elif m["work"]:
            continue  # "осы баптың 5-бабы" cannot be
        elif previous is not None and _KK_CONJ.match(text[previous.end : m.start()]):
            # "Заңының 6-бабының 8-тармағында, 7-бабының 3-тармағында": the work carries forward
            phrase.anchor, phrase.work, phrase.suffixed = previous.anchor, previous.work, previous.suffixed
            for rank, items in previous.levels.items():
                if rank > phrase.high and rank not in phrase.levels:
                    phrase.levels[rank] = items
        if _usable(phrase, include_relative):
            out += _emit(text, phrase)
        spans.append((phrase.start, phrase.end))
        previous = phrase
    out += _work_only(text, _KK_WORK_ONLY, spans, lambda m: _ws(m.group(0)))
    return out


# --------------------------------------------------------------------------------------------------

#: Finders per language (AKN three-letter codes, two-letter aliases): add a language by adding a finder.
FINDERS: dict[str, Callable[[str, bool], list[Citation]]] = {
    "rus": _find_ru,
    "ru": _find_ru,
    "kaz": _find_kk,
    "kk": _find_kk,
    "eng": _find_en,
    "en": _find_en,
}


def find_references(text: str, lang: str, *, include_relative: bool = False) -> list[Citation]:
    """Citations in ``text`` in document order (see the module docstring for what is recognised).

    >>> [(c.article, c.paragraph) for c in find_references("пунктом 2 статьи 31 настоящего Кодекса", "rus")]
    [('31', '2')]
    """
    try:
        finder = FINDERS[lang.lower()]
    except KeyError:
        raise ValueError(f"no reference finder for language {lang!r}; known: {sorted(FINDERS)}") from None
    found = finder(text, include_relative)
    return sorted(found, key=lambda c: (c.start, c.end))
