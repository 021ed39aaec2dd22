"""The Russian citation grammar: "пунктом 2 статьи 31 настоящего Кодекса" -> article 31, paragraph 2.

All case forms of статья, пункт, подпункт, часть (and "ст.", "п.", "пп."); lists and ranges ("статьями
96–98"); KoAP-style lists with parts in brackets ("213 (частями пятой и пятнадцатой)"); the work after the
numbers ("… Уголовного кодекса Республики Казахстан", "… ТК РК", "Конвенции МОТ № 97" -> ``ilo:c097``), shared
backwards over joined phrases; whole acts named without an article ("Законом РК от 04.05.2020 № 321-VI").
See :mod:`kenes.lex.ingest.references` for what is deliberately not recognised.
"""

from __future__ import annotations

import re

from kenes.lex.citation import Citation

from ...phrases import (
    ART,
    NUM,
    PARA,
    POINT,
    Item,
    Phrase,
    scan,
    take_list,
    ws,
)

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
_PART_NO = rf"(?:{_ORD}|{NUM})"
_PART_NO_RE = re.compile(_PART_NO)
# KoAP lists: "213 (частями пятой и пятнадцатой)", "80 (частью 2-2)", "590 (части 2-1, четвертая и 4-1)"
_RU_PARTS_IN_PARENS = (
    rf"(?:\s*\(\s*част(?:ь|и|ью|ями|ях|ям)\s+(?P<ords>{_PART_NO}(?:\s*(?:,|и|или)\s*{_PART_NO})*)\s*\))?"
)
# An article's number may also be the Russian code's "22.1", "341.1-1" or the Tajik code's "288(1)".
# A date ("статья 01.02.2020" in junk) is not one: no leading zero, and no dd.mm.yyyy shape.
_ART_NUM = r"(?!0\d|\d{1,2}\.\d{1,2}\.\d{2,4})\d+(?:\.\d+)*(?:-\d+)*(?:\(\d+\)(?!\s*\())?"
_RU_ART_ITEM = re.compile(rf"(?P<n>{_ART_NUM}){_NOT_AFTER_NUM}{_RU_PARTS_IN_PARENS}")
# The first number may be closed by a bracket: "(статья 214)" is never a point.
_NOT_AFTER_FIRST_ARTICLE = _NOT_AFTER_NUM.replace("[\\d)]", "\\d", 1)
_RU_ART_FIRST = re.compile(rf"(?P<n>{_ART_NUM}){_NOT_AFTER_FIRST_ARTICLE}{_RU_PARTS_IN_PARENS}")
_RU_PARA_ITEM = re.compile(rf"(?P<n>{NUM}){_NOT_AFTER_NUM}")
_RU_POINT_ITEM = re.compile(rf"(?P<n>{NUM})\)")
_RU_PART_ITEM = re.compile(rf"(?P<o>{_ORD})|(?P<n>{NUM}){_NOT_AFTER_NUM}")  # "частями 2-1 и четвертой"


def _parts_below(m: re.Match[str]) -> list[str]:
    """The parts listed after an article: "213 (частями пятой и пятнадцатой)" -> ["5", "15"]."""
    ords = m.groupdict().get("ords")
    if not ords:
        return []
    return [t if t[0].isdigit() else str(_ru_ordinal(t)) for t in _PART_NO_RE.findall(ords)]


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


def _ru_levels(text: str, pos: int) -> tuple[Phrase, str] | None:
    """The levels of one Russian phrase from ``pos``; also the first keyword as written."""
    phrase = Phrase(pos, pos)
    first_kw = ""
    cur = pos
    while True:
        km = _RU_KW.match(text, cur)
        if not km:
            break
        kind = km.lastgroup or ""
        p = km.end()
        parsed: tuple[list[Item], int] | None
        if kind == "sub" or (kind == "pkt" and _RU_POINT_ITEM.match(text, p)):
            rank, parsed = POINT, take_list(text, p, _RU_POINT_ITEM, _RU_SEPS, lambda m: m["n"])
        elif kind == "pkt":
            rank, parsed = PARA, take_list(text, p, _RU_PARA_ITEM, _RU_SEPS, lambda m: m["n"])
        elif kind == "part":
            rank = PARA
            parsed = take_list(text, p, _RU_PART_ITEM, _RU_SEPS, _part_value)
        else:
            rank, parsed = (
                ART,
                take_list(text, p, _RU_ART_ITEM, _RU_SEPS, lambda m: m["n"], _RU_ART_FIRST, _parts_below),
            )
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


def _ru_suffix(text: str, phrase: Phrase) -> bool:
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
        if phrase.high >= ART:
            return True  # "статьи 5 настоящей статьи" cannot be; leave the words alone
        phrase.anchor = "article"
    elif kind == "rel_para":
        if phrase.high >= PARA:
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
    return ws(m["ext"])


def _is_heading(text: str, end: int, keyword: str, phrase: Phrase) -> bool:
    """ "Статья 38. Перевод …", "Статья 94-1 Положение …": the article's own heading, not a citation."""
    single = len(phrase.levels) == 1 and len(phrase.levels.get(ART, [])) == 1
    if not single or keyword not in ("Статья", "статья"):
        return False
    if text[end : end + 1] == ".":
        return True
    if not _RU_CAPITAL_NEXT.match(text, end):
        return False
    suffix = _RU_SUFFIX.match(text, end)
    return not (suffix and suffix.lastgroup in ("self", "ext"))


def _ru_phrase(text: str, pos: int) -> tuple[Phrase, bool] | None:
    """One phrase from ``pos``; an article's own heading ("Статья 38. …") is dropped and ends the group."""
    got = _ru_levels(text, pos)
    if not got:
        return None
    phrase, keyword = got
    if _is_heading(text, phrase.end, keyword, phrase):
        return Phrase(phrase.start, phrase.end, anchor="drop"), True
    if not _ru_suffix(text, phrase):
        phrase.anchor = "drop"
    return phrase, False


def find(text: str, include_relative: bool) -> list[Citation]:
    return scan(
        text,
        include_relative,
        anchor=_RU_ANCHOR,
        conj=_RU_CONJ,
        read=_ru_phrase,
        whole_acts=_RU_WORK_ONLY,
        hint=_ru_work_only_hint,
    )


def _ru_work_only_hint(m: re.Match[str]) -> str | None:
    if m["ilo"]:
        return f"ilo:c{int(m['ilo_no']):03d}"
    if m["law"] and not (m["wlaw_date"] or m["wlaw_no"] or m["wlaw_title"]):
        return None  # "законами Республики Казахстан": no act in particular
    return ws(m.group(0))
