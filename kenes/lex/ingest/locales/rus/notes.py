"""The Russian grammar of adilet's notes: "Статья 7 - в редакции Закона РК от 01.02.2021 № 10-VІ …".

See :mod:`kenes.lex.ingest.adilet_notes` for what is recognised and what is left out on purpose.
"""

from __future__ import annotations

import re

from ...note_effects import (
    ACT_NO,
    DATE,
    LOOKALIKES,
    NUM,
    PARENS,
    ROMAN,
    Effect,
    NoteSyntax,
    act_number,
    in_force_reader,
    note_date,
    subject_of,
    walk_effects,
)

#: The marker the publisher's notes start with; what follows is the note's body.
PREFIX = re.compile(r"^\s*Сноска\s*[.,:]?\s*")

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
       |В\s+(?P<into_kind>стать[юи]|глав[уы]|пункт)\s+(?P<into_num>{NUM})(?=\s+внесен)  # "В статью 9 …"
       |(?P<heading>Заголовок\s+)?
        (?:(?P<kind>{_RU_PROVISION})\s+(?P<num>{NUM}\)?|{ROMAN})(?!\w)
          |(?P<container>[Пп]араграф\s+{NUM}(?:\s+главы\s+{NUM})?
            |(?:Кодекс|Закон|Конституция|Указ)(?=\s+дополнен)))
        (?:\s+дополнен[аоы]?\s+(?P<ins_kind>стать[её]й|главой|разделом|пунктом|частью|подпунктом)
           \s+(?P<ins_num>{NUM}\)?))?
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
        о?т\s+(?P<date>{DATE})(?:\s+года)?\s*(?:№|N)\s*(?P<no>{ACT_NO})  # "т 17.11.2025": a typo seen
        (?:\s*{PARENS})?)
    """,
    re.X,
)
_RU_PLANNED = re.compile(r"предусм(?:атрива|отрен)")
_RU_IN_FORCE_ON = re.compile(
    rf"^\s*(?:вводится|вводятся)\s+в\s+действие\s+(?:[сc]о?\s+)?(?P<date>{DATE})\s*\.?\s*$"
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


_RU_SYNTAX = NoteSyntax(
    step=_RU_STEP,
    act_kind=_ru_act_kind,
    title=lambda kind, date, no: f"{kind} РК от {date:%d.%m.%Y} № {no}",
    in_force=in_force_reader(_RU_IN_FORCE_ON, _RU_IN_FORCE_PREFIX),
)


# Consolidated Russian federal texts note each change on its own line after the changed part:
# "(в ред. Федеральных законов от 30.06.2006 N 90-ФЗ, от 28.02.2008 N 13-ФЗ)", "(часть вторая введена
# Федеральным законом от …)", "(абзац утратил силу …)". The note names no provision: it is about the one it
# stands at (target kind "here"), whose eId the link stage takes from where the note is attached.
_FEDERAL = re.compile(
    r"""^\((?P<subject>[^()]*?)\s*
    (?:(?P<amended>в\s+ред\.|в\s+редакции|изменен[аоы]?)|(?P<inserted>введен[аоы]?)|(?P<repealed>утратил[аио]?\s+силу))
    (?P<acts>[^()]*?(?:Федеральн\w*\s+закон\w*|Закон\w*\s+РФ)[^()]*)\)\s*$""",
    re.X,
)
_FEDERAL_ACT = re.compile(rf"от\s+(?P<date>{DATE})\s*(?:№|N)\s*(?P<no>{ACT_NO})")


def _parse_federal(body: str) -> list[Effect]:
    m = _FEDERAL.match(body)
    if not m:
        return []
    effect = next(name for name in ("amended", "inserted", "repealed") if m[name])
    if m["subject"].strip():  # "часть вторая введена …": a part changed, so its provision is amended
        effect = "amended"
    out = []
    for act in _FEDERAL_ACT.finditer(m["acts"]):
        date = note_date(act["date"])
        if date is None:
            return []  # an act we cannot date: better no history than a wrong one
        number = act_number(act["no"])
        title = f"Федеральный закон от {date:%d.%m.%Y} № {number}"
        out.append(Effect("here", None, effect, title, date, number))
    return out


def parse(body: str) -> list[Effect]:
    if body.startswith("("):
        return _parse_federal(body)
    found = subject_of(body, _RU_PLANNED, _RU_SUBJECT)
    if found is None:
        return []
    subject, kind = found
    num, heading = None, bool(subject["heading"])
    if kind is None:
        if subject["into_kind"]:
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
        num = num.rstrip(")").translate(LOOKALIKES)  # "VІ" (Cyrillic І) -> "VI"; digits pass through
    # "Глава 2 дополнена статьей 16-1 …": the inserted article is the subject
    initial = "inserted" if subject["ins_kind"] else None
    return walk_effects(body, subject.end(), _RU_SYNTAX, kind, num, heading, initial=initial)
