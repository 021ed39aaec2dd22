"""The Kazakh citation grammar: the work comes first, then article, paragraph and point.

"осы Кодекстің 96-бабы", "осы Заңның 12-бабының 2-тармағы", "49-бабының 1) тармақшасы", "21-бабы бірінші
бөлігінің 8) тармақшасында", "«…» Қазақстан Республикасы Заңының 21-бабы", "Қазақстан Республикасы Еңбек
кодексінің 5-бабы"; a work named before the first of several joined phrases applies to the following ones.
Headings ("58-4-бап. Тексеру") and an amending act's own articles ("2-баптан қараңыз") are not citations.
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
    emit,
    range_between,
    usable,
    work_only,
    ws,
)

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


def _kk_items(spec: str | None) -> list[Item]:
    if not spec:
        return []
    items: list[Item] = []
    for tok in re.finditer(rf"{NUM}|[–—]", spec):
        if tok.group(0) in "–—":
            items.append(Item("–"))
        elif items and items[-1].value == "–":
            items.pop()
            items += [Item(v) for v in range_between(items[-1].value, tok.group(0))] + [Item(tok.group(0))]
        else:
            items.append(Item(tok.group(0)))
    return [i for i in items if i.value != "–"]


def find(text: str, include_relative: bool) -> list[Citation]:
    out: list[Citation] = []
    spans: list[tuple[int, int]] = []
    previous: Phrase | None = None
    for m in _KK_PHRASE.finditer(text):
        if not (m["arts"] or m["paras"] or m["paraord"] or m["points"]):
            continue
        if m["arts"] and m["artkw"] == "бап" and text[m.end() : m.end() + 1] == ".":
            continue  # "58-4-бап. Тексеру …": a heading
        if m["artkw"] and m["artkw"].startswith("баптан") and re.match(r"\s*қараңыз", text[m.end() :]):
            continue  # "(… тәртібін 2-баптан қараңыз)": an article of the amending act
        phrase = Phrase(m.start(), m.end())
        if m["arts"]:
            phrase.levels[ART] = _kk_items(m["arts"])
        if m["paras"]:
            phrase.levels[PARA] = _kk_items(m["paras"])
        elif m["paraord"]:
            phrase.levels[PARA] = [Item(str(_KK_ORDS[w])) for w in re.findall(_KK_ORD, m["paraord"])]
        if m["points"]:
            phrase.levels[POINT] = _kk_items(m["points"])
        if m["self"]:
            phrase.anchor, phrase.suffixed = "named", True
        elif m["ext"]:
            phrase.anchor, phrase.work, phrase.suffixed = "named", ws(m["ext"]), True
        elif m["rel_art"] and phrase.high < ART:
            phrase.anchor, phrase.suffixed = "article", True
        elif m["rel_para"] and phrase.high < PARA:
            phrase.anchor, phrase.suffixed = "paragraph", True
        elif m["work"]:
            continue  # "осы баптың 5-бабы" cannot be
        elif previous is not None and _KK_CONJ.match(text[previous.end : m.start()]):
            # "Заңының 6-бабының 8-тармағында, 7-бабының 3-тармағында": the work carries forward
            phrase.anchor, phrase.work, phrase.suffixed = previous.anchor, previous.work, previous.suffixed
            for rank, items in previous.levels.items():
                if rank > phrase.high and rank not in phrase.levels:
                    phrase.levels[rank] = items
        if usable(phrase, include_relative):
            out += emit(text, phrase)
        spans.append((phrase.start, phrase.end))
        previous = phrase
    out += work_only(text, _KK_WORK_ONLY, spans, lambda m: ws(m.group(0)))
    return out
