"""The Kazakh grammar of adilet's notes: "113-бапқа өзгерістер енгізілді - ҚР … Заңымен".

See :mod:`kenes.lex.ingest.adilet_notes` for what is recognised and what is left out on purpose.
"""

from __future__ import annotations

import re

from ...note_effects import (
    ACT_NO,
    DATE,
    NUM,
    PARENS,
    Effect,
    NoteSyntax,
    in_force_reader,
    subject_of,
    walk_effects,
)

#: The marker the publisher's notes start with; what follows is the note's body.
PREFIX = re.compile(r"^\s*Ескерту\s*[.,:]?\s*")

_KK_L = r"[а-яәіңғүұқөһё]"
_KK_SUBJECT = re.compile(
    rf"""\s*(?:
        (?P<whole>Бүкіл\s+мәтін\s+бойынша)
       |(?P<preamble>Кіріспе)
       |(?:(?:Заң|Кодекс|Конституция|(?P<chapter_in>{NUM})\s*-\s*тарау)\s+)?
        (?P<num>{NUM})\s*-\s*(?P<kind>ба[бп]|тара[уy])(?P<ending>{_KK_L}*)
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
   |(?P<act>(?:ҚР\s+)?(?P<date>{DATE})\s*(?:№|N)\s*(?P<no>{ACT_NO})
        (?:\s*(?P<noun_first>{_KK_NOUN}))?(?:\s*{PARENS})?(?:\s*(?P<noun>{_KK_NOUN}))?)
    """,
    re.X,
)
_KK_PLANNED = re.compile(r"көзделеді|көзделген")
_KK_IN_FORCE_SUFFIX = re.compile(r"\s*қолданысқа\s+енгізіледі\s*$")
_KK_IN_FORCE_ON = re.compile(rf"^\s*(?P<date>{DATE})\s+бастап\s+қолданысқа\s+енгізіледі\s*$")


def _kk_act_kind(noun: str | None, previous: str) -> str:
    if not noun:
        return previous
    noun = noun.lower()
    if noun.startswith("конституциялық"):
        return "Конституциялық заңы"
    if noun.startswith("кодекс"):
        return "Кодексі"
    return "Заңы"


_KK_SYNTAX = NoteSyntax(
    step=_KK_STEP,
    act_kind=_kk_act_kind,
    title=lambda kind, date, no: f"ҚР {date:%d.%m.%Y} № {no} {kind}",
    in_force=in_force_reader(_KK_IN_FORCE_ON, _KK_IN_FORCE_SUFFIX),
    act_kind_follows=True,
)


def parse(body: str) -> list[Effect]:
    found = subject_of(body, _KK_PLANNED, _KK_SUBJECT)
    if found is None:
        return []
    subject, kind = found
    num = None
    if kind is None:
        kind = "article" if subject["kind"].startswith("ба") else "chapter"
        num = subject["num"]
    return walk_effects(body, subject.end(), _KK_SYNTAX, kind, num, bool(subject["heading"]))
