"""The legal works the rules cite, and how a provision's eId becomes a label a person can read.

A citation is stored as (work URI, eId) because that is what the legal database links to; the label
("п. 4 ст. 113 ТК РК") is derived here, in the work's language, so the YAML files and the rules never
spell a label that could drift from its eId.

>>> cite("/akn/kz/act/code/2015-11-23/414-v", "art_113__para_4").label
'п. 4 ст. 113 ТК РК'
>>> cite("/akn/aa-ilo/act/convention/1970-06-22/c131", "art_3__point_a").label
'ILO C131, Art. 3(a)'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kenes.lex import catalogue
from kenes.lex import eid as eids

#: The eId steps a rule may cite (the grammar itself is kenes.lex.eid's, free of Django).
_CITABLE = {"article": "art", "paragraph": "para", "point": "point"}


@dataclass(frozen=True)
class Work:
    """A work the engine may cite. ``corpus`` is its text under ../shared/corpus, if we hold it."""

    uri: str
    short: str  # the work's name as it ends a label, in the genitive where the language needs it
    lang: str
    corpus: str | None = None


@dataclass(frozen=True)
class CitedProvision:
    """One provision an answer rests on. ``verified`` is False when its text is not in our corpus."""

    work: str
    eid: str
    label: str
    lang: str
    verified: bool = True

    def to_dict(self) -> dict[str, object]:
        return {
            "work": self.work,
            "eid": self.eid,
            "label": self.label,
            "lang": self.lang,
            "verified": self.verified,
        }


LABOUR_CODE = "/akn/kz/act/code/2015-11-23/414-v"
MIGRATION_LAW = "/akn/kz/act/law/2011-07-22/477-iv"
OFFENCES_CODE = "/akn/kz/act/code/2014-07-05/235-v"
SOCIAL_CODE = "/akn/kz/act/code/2023-04-20/224-vii"
EAEU_TREATY = "/akn/aa-eaeu/act/treaty/2014-05-29/eaeu-treaty"
ILO_C131 = "/akn/aa-ilo/act/convention/1970-06-22/c131"
RU_FOREIGNERS_LAW = "/akn/ru/act/law/2002-07-25/115-fz"
TJ_LABOUR_CODE = "/akn/tj/act/code/2016-07-23/1329"
RU_LABOUR_CODE = "/akn/ru/act/code/2001-12-30/197-fz"


def _cite_as(uri: str, lang: str) -> str:
    """The work's name as it ends a label, from the one catalogue of work names (kenes.lex.catalogue)."""
    entry = catalogue.get(uri)
    if entry is None or not entry.cite_as(lang):
        raise KeyError(f"{uri} has no cite_as[{lang}] in kenes/lex/starter/works.yaml")
    return entry.cite_as(lang)


WORKS: dict[str, Work] = {
    w.uri: w
    for w in (
        Work(LABOUR_CODE, _cite_as(LABOUR_CODE, "rus"), "ru", "kz/labour_code_2015_ru.txt"),
        Work(MIGRATION_LAW, _cite_as(MIGRATION_LAW, "rus"), "ru", "kz/migration_law_2011_ru.txt"),
        Work(
            OFFENCES_CODE, _cite_as(OFFENCES_CODE, "rus"), "ru", "kz/administrative_offences_code_2014_ru.txt"
        ),
        Work(SOCIAL_CODE, _cite_as(SOCIAL_CODE, "rus"), "ru", "kz/social_code_2023_ru.txt"),
        Work(EAEU_TREATY, _cite_as(EAEU_TREATY, "rus"), "ru"),
        Work(ILO_C131, _cite_as(ILO_C131, "eng"), "en", "ilo/C131.md"),
        Work(RU_FOREIGNERS_LAW, _cite_as(RU_FOREIGNERS_LAW, "rus"), "ru"),
        Work(TJ_LABOUR_CODE, _cite_as(TJ_LABOUR_CODE, "rus"), "ru", "tj/labour_code_2016_ru.md"),
        Work(RU_LABOUR_CODE, _cite_as(RU_LABOUR_CODE, "rus"), "ru", "ru/labour_code_2001_ru.md"),
    )
}


def parse_eid(eid: str) -> list[tuple[str, str]]:
    """Split an eId into (kind, number) steps, refusing shapes the rules have no business citing."""
    steps = []
    for part, (kind, num) in zip(eid.split(eids.SEPARATOR), eids.split(eid), strict=True):
        if kind not in _CITABLE or not eids.is_valid(part) or not re.fullmatch(r"[0-9a-z-]+", num):
            raise ValueError(f"not a citable eId step: {part!r} in {eid!r}")
        steps.append((_CITABLE[kind], num))
    if not steps or steps[0][0] != "art":
        raise ValueError(f"an eId cited by a rule starts at an article: {eid!r}")
    return steps


def _label_ru(steps: list[tuple[str, str]], short: str) -> str:
    # Russian legal style reads inside-out: "подп. 3) п. 1 ст. 1 ТК РК".
    words = {"art": "ст. {}", "para": "п. {}", "point": "подп. {})"}
    return " ".join(words[kind].format(num) for kind, num in reversed(steps)) + f" {short}"


def _label_en(steps: list[tuple[str, str]], short: str) -> str:
    out = f"{short}, Art. {steps[0][1]}"
    for _kind, num in steps[1:]:
        out += f"({num})"
    return out


LABELLERS: dict[str, Callable[[list[tuple[str, str]], str], str]] = {"ru": _label_ru, "en": _label_en}


def cite(work: str, eid: str, *, verified: bool | None = None) -> CitedProvision:
    """A citation of ``eid`` in ``work``; verified defaults to whether we hold the work's text."""
    w = WORKS.get(work)
    if w is None:
        raise KeyError(f"unknown work {work!r}: add it to kenes.rights.works.WORKS")
    label = LABELLERS[w.lang](parse_eid(eid), w.short)
    return CitedProvision(work, eid, label, w.lang, w.corpus is not None if verified is None else verified)
