"""Adilet's editorial notes ("Сноска. …", "Ескерту. …") read as amendment effects.

Why: the consolidated texts on adilet.zan.kz say after each changed provision which acts changed it and
from when. Read into :class:`Effect` rows they give the work's amendment history (and the date a
consolidation is current to) without anyone typing it in. A wrong effect would put a false date on
the law, so a note that is not understood in full gives nothing: never a guess.

Recognised, Russian (``lang`` "rus"/"ru"):

* the provision: "Статья 113" (also "Статью", "Cтатья" with a Latin C), "Заголовок статьи 17"
  (``heading=True``), "Глава 3", "Заголовок главы 10", "Заголовок раздела VI", "Пункт 2", "Часть 2",
  "Подпункт 3)", "Преамбула", "По всему тексту" (the document), "В статью 9 внесено изменение …";
  insertions name the new provision: "Глава 2 дополнена статьей 16-1", "Кодекс дополнен главой 5",
  "Параграф 1 главы 12 дополнен статьей 101-1" -> article 16-1 / chapter 5 / article 101-1 inserted;
* what was done: "с изменениями, внесенными" / "с изменением, внесенным" (amended), "в редакции"
  (substituted), "исключена" (repealed), "дополнена … в соответствии с" (inserted), "заменены"
  (amended); a note may chain several ("в редакции Закона …; с изменениями, внесенными Законом …");
* each amending act: "Законом РК от 04.05.2020 № 321-VІ", later ones of a list as "; от 02.01.2021
  № 399-VI", also Кодекс, Конституционный закон, "статьей 204 Трудового кодекса РК от …"; one Effect
  per act, its number with Cyrillic look-alikes made Latin ("321-VІ" -> "321-VI");
* commencement in the parentheses after an act: "(вводится в действие с 16.12.2020)" -> ``in_force_on``;
  anything else ("по истечении десяти календарных дней после дня его первого официального
  опубликования", "порядок введения в действие см. ст.2") -> ``in_force_text``.

Recognised, Kazakh (``lang`` "kaz"/"kk"): "113-бапқа өзгерістер енгізілді", "28-бап жаңа редакцияда",
"27-бап алып тасталды", "Заң 37-2-баппен толықтырылды", "4-тарау 24-1-баппен толықтырылды",
"39-баптың тақырыбына өзгеріс енгізілді", "Кіріспе алып тасталды", "Бүкіл мәтін бойынша …
ауыстырылды", acts "ҚР 24.11.2015 № 421-V (…) Заңымен" / "… Заңдарымен" / "Конституциялық заңымен",
dates also as "2012.04.27", commencement "(01.07.2023 бастап қолданысқа енгізіледі)".

Not recognised (empty list): notes naming no act by date and number ("внесенным ст. 263 настоящего
Кодекса"); planned changes ("предусматривается", "предусмотрен" — not yet in the text); a subject
that is not written ("Исключена Законом РК …", a bare "Заголовок …": the note's position says what
it means, which this function does not see); the table of contents ("Оглавление исключено"); notes in
other languages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Effect", "parse_note"]

EFFECTS = ("amended", "substituted", "inserted", "repealed")


@dataclass(frozen=True)
class Effect:
    """One amending act's effect on one provision, as the publisher's note states it."""

    target_kind: str  # article | chapter | section | paragraph | point | preamble | document
    target_num: str | None  # "113", "16-1", "VI"; None for the preamble and the document
    effect: str  # amended | substituted | inserted | repealed
    act_title: str  # normalised: "Закон РК от 04.05.2020 № 321-VI"
    act_date: dt.date
    act_number: str  # "321-VI"
    in_force_on: dt.date | None = None
    in_force_text: str | None = None  # the commencement as written when it gives no date
    heading: bool = False  # only the provision's heading was changed


_NUM = r"\d+(?:-\d+)*"
_ROMAN = r"[IVXLCІ]+"
# Cyrillic letters typed for Latin ones in act numbers and dates' neighbours ("321-VІ").
_LOOKALIKES = str.maketrans({"І": "I", "і": "I", "Ӏ": "I", "Х": "X", "х": "X", "С": "C", "с": "C", "М": "M"})


def _act_number(raw: str) -> str:
    """ "321-VІ" -> "321-VI" (Cyrillic І), "15-viii" -> "15-VIII", "181" -> "181"."""
    raw = re.sub(r"\s+", "", raw)
    head, sep, tail = raw.partition("-")
    return head + sep + tail.translate(_LOOKALIKES).upper()


def _date(text: str) -> dt.date | None:
    """ "04.05.2020" or, in some Kazakh notes, "2012.04.27"; None when it is not a real date."""
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})\.(\d{1,2})\.(\d{1,2})", text)
    if not m:
        return None
    day, month, year = (m[1], m[2], m[3]) if m[1] else (m[6], m[5], m[4])
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


_DATE = r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}\.\d{1,2}\.\d{1,2}"
_ACT_NO = r"\d+(?:\s*-\s*[A-Za-zА-Яа-яІі]+)?"
_ANY_ACT = re.compile(rf"(?<![\d.])(?:{_DATE})(?:\s+года)?\s*(?:№|N)\s*\d")  # every "date № number" in a note
_PARENS = r"\((?P<commence>[^()]*(?:\([^()]*\)[^()]*)*)\)"  # one level of nesting: "(… см. ст.2 )"


# --------------------------------------------------------------------------------------------------
# Russian

_RU_KINDS = {
    "стать": "article",
    "cтать": "article",  # Latin C, as typed in some notes
    "глав": "chapter",
    "раздел": "section",
    "подпункт": "point",
    "пункт": "paragraph",
    "част": "paragraph",
    "преамбул": "preamble",
    "кодекс": "document",
    "закон": "document",
    "конституци": "document",
    "указ": "document",
}


def _ru_kind(word: str) -> str | None:
    word = word.lower()
    return next((kind for stem, kind in _RU_KINDS.items() if word.startswith(stem)), None)


_RU_PROVISION = r"(?:[СсCc]тать\w*|[Гг]лав\w*|[Рр]аздел\w*|[Пп]одпункт\w*|[Пп]ункт\w*|[Чч]аст\w*)"
_RU_SUBJECT = re.compile(
    rf"""\s*(?:
        (?P<whole>По\s+всему\s+тексту)
       |(?P<preamble>Преамбула)
       |В\s+(?P<into_kind>стать[юи]|глав[уы]|пункт)\s+(?P<into_num>{_NUM})(?=\s+внесен)  # "В статью 9 …"
       |(?P<heading>Заголовок\s+)?
        (?:(?P<kind>{_RU_PROVISION})\s+(?P<num>{_NUM}\)?|{_ROMAN})(?!\w)
          |(?P<container>[Пп]араграф\s+{_NUM}(?:\s+главы\s+{_NUM})?
            |(?:Кодекс|Закон|Конституция|Указ)(?=\s+дополнен)))
        (?:\s+дополнен[аоы]?\s+(?P<ins_kind>стать[её]й|главой|разделом|пунктом|частью|подпунктом)
           \s+(?P<ins_num>{_NUM}\)?))?
    )""",
    re.X,
)
_RU_STEP = re.compile(
    rf"""
    (?P<amended>с\s+изменени(?:ем|ями)|внесен[оы]\s+изменени[ея]|заменены|изменен[аоы]?(?=\s))
   |(?P<substituted>в\s+редакции)
   |(?P<repealed>исключен[аоы]?)(?!\w)
   |(?P<inserted>дополнен[аоы]?)(?!\w)
   |(?P<act>
        (?:(?P<noun>(?:Конституционн\w+\s+)?[Зз]акон\w*|(?:[А-ЯЁ][а-яё-]+\s+)?[Кк]одекс\w*|[Уу]каз\w*)
           (?:\s+(?:РК|Республики\s+Казахстан))?\)?\s+)?
        о?т\s+(?P<date>{_DATE})(?:\s+года)?\s*(?:№|N)\s*(?P<no>{_ACT_NO})  # "т 17.11.2025": a typo seen
        (?:\s*{_PARENS})?)
    """,
    re.X,
)
_RU_PLANNED = re.compile(r"предусм(?:атрива|отрен)")
_RU_IN_FORCE_ON = re.compile(
    rf"^\s*(?:вводится|вводятся)\s+в\s+действие\s+(?:[сc]о?\s+)?(?P<date>{_DATE})\s*\.?\s*$"
)
_RU_IN_FORCE_PREFIX = re.compile(r"^\s*(?:вводится|вводятся)\s+в\s+действие\s+")


def _ru_act_kind(noun: str | None, previous: str) -> str:
    if not noun:
        return previous
    noun = noun.lower()
    if noun.startswith("конституционн"):
        return "Конституционный закон"
    if "кодекс" in noun:
        return "Кодекс"
    if noun.startswith("указ"):
        return "Указ"
    return "Закон"


def _ru_in_force(commence: str | None) -> tuple[dt.date | None, str | None]:
    if commence is None:
        return None, None
    m = _RU_IN_FORCE_ON.match(commence)
    if m:
        return _date(m["date"]), None
    text = " ".join(commence.split())
    return None, _RU_IN_FORCE_PREFIX.sub("", text) or None


def _parse_ru(body: str) -> list[Effect]:
    if _RU_PLANNED.search(body):
        return []
    subject = _RU_SUBJECT.match(body)
    if not subject:
        return []
    heading = bool(subject["heading"])
    if subject["whole"]:
        kind, num = "document", None
    elif subject["preamble"]:
        kind, num = "preamble", None
    elif subject["into_kind"]:
        kind, num = _ru_kind(subject["into_kind"]), subject["into_num"]
    elif subject["ins_kind"]:
        kind, num, heading = _ru_kind(subject["ins_kind"]), subject["ins_num"], False
    elif subject["kind"]:
        kind, num = _ru_kind(subject["kind"]), subject["num"]
    else:
        return []  # "Параграф 2 исключен": no eId kind of ours for a параграф
    if kind is None:
        return []
    if num is not None:
        num = num.rstrip(")").translate(_LOOKALIKES)  # "VІ" (Cyrillic І) -> "VI"; digits pass through
    return _effects(
        body,
        subject.end(),
        _RU_STEP,
        kind,
        num,
        heading,
        act_kind=_ru_act_kind,
        title=lambda kind_, date, no: f"{kind_} РК от {date:%d.%m.%Y} № {no}",
        in_force=_ru_in_force,
        initial="inserted" if subject["ins_kind"] else None,  # "Глава 2 дополнена статьей 16-1 …"
    )


# --------------------------------------------------------------------------------------------------
# Kazakh

_KK_L = r"[а-яәіңғүұқөһё]"
_KK_SUBJECT = re.compile(
    rf"""\s*(?:
        (?P<whole>Бүкіл\s+мәтін\s+бойынша)
       |(?P<preamble>Кіріспе)
       |(?:(?:Заң|Кодекс|Конституция|(?P<chapter_in>{_NUM})\s*-\s*тарау)\s+)?
        (?P<num>{_NUM})\s*-\s*(?P<kind>ба[бп]|тара[уy])(?P<ending>{_KK_L}*)
        (?P<heading>\s+тақырыб{_KK_L}*)?
    )""",
    re.X,
)
_KK_NOUN = rf"(?:Конституциялық\s+)?[Зз]аң{_KK_L}*|[Кк]одекс{_KK_L}*"  # "Заңымен", "Заңдарымен"
_KK_STEP = re.compile(
    rf"""
    (?P<amended>өзгеріс(?:тер)?\s+енгізілді|ауыстырылды)
   |(?P<substituted>жаңа\s+редакцияда)
   |(?P<repealed>алып\s+тасталды)
   |(?P<inserted>толықтырылды)
   |(?P<act>(?:ҚР\s+)?(?P<date>{_DATE})\s*(?:№|N)\s*(?P<no>{_ACT_NO})
        (?:\s*(?P<noun_first>{_KK_NOUN}))?(?:\s*{_PARENS})?(?:\s*(?P<noun>{_KK_NOUN}))?)
    """,
    re.X,
)
_KK_PLANNED = re.compile(r"көзделеді|көзделген")
_KK_IN_FORCE_SUFFIX = re.compile(r"\s*қолданысқа\s+енгізіледі\s*$")
_KK_IN_FORCE_ON = re.compile(rf"^\s*(?P<date>{_DATE})\s+бастап\s+қолданысқа\s+енгізіледі\s*$")


def _kk_act_kind(noun: str | None, previous: str) -> str:
    if not noun:
        return previous
    noun = noun.lower()
    if noun.startswith("конституциялық"):
        return "Конституциялық заңы"
    if noun.startswith("кодекс"):
        return "Кодексі"
    return "Заңы"


def _kk_in_force(commence: str | None) -> tuple[dt.date | None, str | None]:
    if commence is None:
        return None, None
    m = _KK_IN_FORCE_ON.match(commence)
    if m:
        return _date(m["date"]), None
    return None, _KK_IN_FORCE_SUFFIX.sub("", " ".join(commence.split())) or None


def _parse_kk(body: str) -> list[Effect]:
    if _KK_PLANNED.search(body):
        return []
    subject = _KK_SUBJECT.match(body)
    if not subject:
        return []
    heading = bool(subject["heading"])
    if subject["whole"]:
        kind, num = "document", None
    elif subject["preamble"]:
        kind, num = "preamble", None
    else:
        kind = "article" if subject["kind"].startswith("ба") else "chapter"
        num = subject["num"]
    effects = _effects(
        body,
        subject.end(),
        _KK_STEP,
        kind,
        num,
        heading,
        act_kind=_kk_act_kind,
        title=lambda kind_, date, no: f"ҚР {date:%d.%m.%Y} № {no} {kind_}",
        in_force=_kk_in_force,
        act_kind_follows=True,
    )
    return effects


# --------------------------------------------------------------------------------------------------


def _effects(
    body: str,
    start: int,
    step: re.Pattern[str],
    kind: str,
    num: str | None,
    heading: bool,
    *,
    act_kind: Callable[[str | None, str], str],
    title: Callable[[str, dt.date, str], str],
    in_force: Callable[[str | None], tuple[dt.date | None, str | None]],
    act_kind_follows: bool = False,
    initial: str | None = None,
) -> list[Effect]:
    """Walk the note from ``start``: each action word sets what the acts after it did.

    Russian names the kind of act before its date ("Законом РК от …"); Kazakh after the list
    ("… Заңдарымен"), so there the kind is filled in backwards once known.
    """
    current = initial
    acts: list[tuple[str, dt.date, str, dt.date | None, str | None, str | None]] = []
    kinds: list[str | None] = []
    previous_kind = "Закон" if not act_kind_follows else "Заңы"
    for m in step.finditer(body, start):
        name = m.lastgroup if m.lastgroup in EFFECTS else "act" if m["act"] else None
        if name in EFFECTS:
            current = name
            continue
        if name != "act":
            continue
        if current is None:
            return []  # an act before any action: not a note we understand
        date = _date(m["date"])
        if date is None:
            return []
        on, text = in_force(m["commence"])
        if not act_kind_follows:
            previous_kind = act_kind(m["noun"], previous_kind)
            kinds.append(previous_kind)
        else:
            kinds.append(m["noun"] or m.groupdict().get("noun_first"))
        acts.append((current, date, _act_number(m["no"]), on, text, m["noun"]))
    if len(acts) != len(_ANY_ACT.findall(body, start)):
        return []  # an act we could not place: better nothing than a partial history
    if act_kind_follows:  # "…; 13.05.2020 № 327-VI (…) Заңдарымен": the noun covers the acts before it
        known = previous_kind
        for i in range(len(kinds) - 1, -1, -1):
            known = act_kind(kinds[i], known) if kinds[i] else known
            kinds[i] = known
    return [
        Effect(
            target_kind=kind,
            target_num=num,
            effect="amended" if heading else effect,  # a new heading changes the article, not all of it
            act_title=title(kinds[i] or previous_kind, date, no),
            act_date=date,
            act_number=no,
            in_force_on=on,
            in_force_text=text,
            heading=heading,
        )
        for i, (effect, date, no, on, text, _noun) in enumerate(acts)
    ]


_PREFIXES = {
    "rus": re.compile(r"^\s*Сноска\s*[.,:]?\s*"),
    "kaz": re.compile(r"^\s*Ескерту\s*[.,:]?\s*"),
}
#: Note readers per language (AKN three-letter codes, two-letter aliases).
READERS: dict[str, tuple[re.Pattern[str], Callable[[str], list[Effect]]]] = {
    "rus": (_PREFIXES["rus"], _parse_ru),
    "ru": (_PREFIXES["rus"], _parse_ru),
    "kaz": (_PREFIXES["kaz"], _parse_kk),
    "kk": (_PREFIXES["kaz"], _parse_kk),
}


def parse_note(text: str, lang: str = "rus") -> list[Effect]:
    """The amendment effects an adilet note states, one per amending act; [] when not understood.

    >>> note = "Статья 7 - в редакции Закона РК от 01.02.2021 № 10-VІ (вводится в действие с 01.03.2021)."
    >>> [(e.target_num, e.effect, e.act_number, e.in_force_on) for e in parse_note(note)]
    [('7', 'substituted', '10-VI', datetime.date(2021, 3, 1))]
    """
    reader = READERS.get(lang.lower())
    if reader is None:
        return []
    prefix, parse = reader
    body = " ".join(prefix.sub("", text, count=1).split())
    return parse(body)
