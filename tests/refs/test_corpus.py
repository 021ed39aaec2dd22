"""References and notes on the real texts (../shared/corpus): counts measured once, and spot checks.

The texts are read at test time; only short citation phrases appear here. Whitespace runs are
collapsed first because adilet breaks its links over lines and the structure parser rejoins them.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from kenes.lex.ingest.adilet_notes import parse_note
from kenes.lex.ingest.references import find_references
from tests.conftest import corpus_file
from tests.growth import assert_grows_linearly

pytestmark = pytest.mark.corpus

LABOUR_CODE = ("kz", "labour_code_2015_ru.txt")
_BLOCKS = re.compile(r"\n\s*\n")
_ARTICLE_HEADING = re.compile(r"(?m)^Статья (\d+(?:-\d+)?)\. ")
_ACTS_IN_NOTE = re.compile(r"\d{1,4}\.\d{1,2}\.\d{2,4}\s*(?:года\s*)?(?:№|N)\s*\d")


def collapse(text: str) -> str:
    return " ".join(text.split())


@cache
def raw(*parts: str) -> str:
    return corpus_file(*parts).read_text(encoding="utf-8")


def law_text(raw_text: str) -> str:
    """The text without publisher notes: blocks opening with "Сноска"/"Примечание" are not law."""
    blocks = [b for b in _BLOCKS.split(raw_text) if not b.strip().startswith(("Сноска", "Примечание"))]
    return collapse(" ".join(blocks))


def articles(raw_text: str) -> dict[str, str]:
    """Article number -> its law text (notes left out)."""
    parts = _ARTICLE_HEADING.split(raw_text)
    return {parts[i]: law_text(parts[i + 1]) for i in range(1, len(parts), 2)}


def notes(raw_text: str, word: str = "Сноска") -> list[str]:
    return [collapse(b) for b in _BLOCKS.split(raw_text) if b.strip().startswith(word)]


def targets(text: str, lang: str = "rus") -> set[tuple[str | None, ...]]:
    return {(c.work, c.article, c.paragraph, c.point) for c in find_references(text, lang)}


# -- references ----------------------------------------------------------------------------------


def test_labour_code_cites_itself_often_enough() -> None:
    """Measured: 121 self-references (103 with "настоящего Кодекса") from 77 phrases in the law text."""
    cites = [c for c in find_references(law_text(raw(*LABOUR_CODE)), "rus") if c.work is None and c.article]
    assert len(cites) >= 110
    assert len({(c.start, c.end) for c in cites}) >= 70
    assert sum(c.anchor == "named" for c in cites) >= 95


SPOT_CHECKS = [  # (citing article, (work, article, paragraph, point)) found by reading the code
    ("68", (None, "71", "4", None)),  # "пунктом 4 статьи 71 настоящего Кодекса"
    ("78", (None, "77", "2", "4")),  # "подпунктами 1) и 4) пункта 2 статьи 77"
    ("115", (None, "95", "3", None)),  # "пункта 3 статьи 95 настоящего Кодекса"
    ("195", (None, "193", None, "6")),  # "подпунктом 6) статьи 193" (points straight under the article)
    ("54", (None, "52", "1-1", None)),  # "пунктом 1-1статьи 52" (a space lost in the source)
    ("23", (None, "28", "1", "13")),  # "подпунктами 1), … и 13) пункта 1 статьи 28"
    ("138", (None, "110", None, None)),  # "статьями 108 , 109 и 110 настоящего Кодекса"
]


@pytest.mark.parametrize("article,target", SPOT_CHECKS, ids=[f"art_{a}" for a, _ in SPOT_CHECKS])
def test_labour_code_spot_check(article: str, target: tuple) -> None:
    assert target in targets(articles(raw(*LABOUR_CODE))[article])


def test_labour_code_citation_of_the_criminal_procedure_code_is_not_a_self_reference() -> None:
    text = collapse(raw(*LABOUR_CODE))
    upk = "Уголовно-процессуального кодекса Республики Казахстан"
    found = targets(text)
    assert {(upk, "35", "1", "12"), (upk, "36", None, None)} <= found
    heads = {m.start() for m in re.finditer(r"статьи 3[56] Уголовно-процессуального", text)}
    assert heads and not any(c.work is None and c.start in heads for c in find_references(text, "rus"))


def test_headings_and_gazette_references_are_never_citations() -> None:
    text = collapse(raw(*LABOUR_CODE))
    heading_starts = {m.start() for m in re.finditer(r"Статья \d+(?:-\d+)*\. [А-ЯЁ]", text)}
    assert len(heading_starts) > 200
    cites = find_references(text, "rus")
    assert not [c for c in cites if c.start in heading_starts]
    assert not [c for c in cites if c.text.startswith("ст.") and c.work is None]  # "№ 8, ст. 44"


def test_the_administrative_offences_code_is_scanned_whole_in_linear_time() -> None:
    """3.5 MB of UTF-8 (0.3 s when measured alone); a quarter of it must cost about a quarter as much."""
    text = collapse(raw("kz", "administrative_offences_code_2014_ru.txt"))
    assert len(find_references(text, "rus", include_relative=True)) > 4000  # measured 4742
    assert_grows_linearly(
        lambda n: lambda: find_references(text[:n], "rus", include_relative=True), len(text) // 4
    )


def test_c097_citations_of_itself_and_of_other_instruments() -> None:
    text = collapse(raw("ilo", "C097.md"))
    cites = find_references(text, "eng", include_relative=True)
    found = {(c.work, c.article, c.paragraph, c.point, c.anchor) for c in cites}
    ilo_constitution = "Constitution of the International Labour Organisation"
    assert (ilo_constitution, "19", "7", "b", "named") in found
    assert {(ilo_constitution, "35", p, None, "named") for p in ("4", "5")} <= found
    assert ("Charter of the United Nations", "102", None, None, "named") in found
    assert (None, "17", None, None, "implicit") in found
    assert (None, "3", None, None, "annex") in found  # "Article 3 of this Annex"
    assert (None, None, "1", None, "article") in found  # "paragraph 1 of this Article"
    assert ("Migration for Employment Convention, 1939", None, None, None, "named") in found
    assert len(cites) >= 25  # measured 28: the convention cites little


def test_c097_article_headings_are_not_citations() -> None:
    text = collapse(raw("ilo", "C097.md"))
    headings = {m.end() for m in re.finditer(r"#+\s*", text)}
    assert not [c for c in find_references(text, "eng", include_relative=True) if c.start in headings]


def test_kazakh_public_service_law_cites_its_own_article_50() -> None:
    text = collapse(raw("kz", "public_service_law_2015_kk.txt"))
    found = targets(text, "kaz")
    assert {(None, "50", "1", p) for p in ("1", "6", "12")} <= found  # "осы Заңның 50-бабы 1-тармағының …"


# -- notes ---------------------------------------------------------------------------------------

NOTE_SHARES = [  # (file, word, measured share of the notes naming an act that give effects)
    (LABOUR_CODE, "Сноска", 0.99),  # 164 of 165; the miss is "Оглавление исключено …"
    (("kz", "administrative_offences_code_2014_ru.txt"), "Сноска", 0.98),  # 912 of 929
    (("kz", "migration_law_2011_ru.txt"), "Сноска", 1.0),
    (("kz", "migration_law_2011_kk.txt"), "Ескерту", 1.0),
    (("kz", "public_service_law_2015_kk.txt"), "Ескерту", 1.0),
]


@pytest.mark.parametrize("parts,word,share", NOTE_SHARES, ids=[p[1] for p, _, _ in NOTE_SHARES])
def test_notes_naming_an_act_are_understood(parts: tuple[str, str], word: str, share: float) -> None:
    lang = "kaz" if word == "Ескерту" else "rus"
    naming = [n for n in notes(raw(*parts), word) if _ACTS_IN_NOTE.search(n)]
    understood = [n for n in naming if parse_note(n, lang)]
    assert len(naming) > 50
    assert len(understood) / len(naming) >= share - 0.005


def test_every_understood_note_gives_one_effect_per_act_it_names() -> None:
    for note in notes(raw(*LABOUR_CODE)):
        effects = parse_note(note)
        assert not effects or len(effects) == len(_ACTS_IN_NOTE.findall(note)), note[:80]


def _note_on(subject: str) -> str:
    (note,) = [n for n in notes(raw(*LABOUR_CODE)) if n.startswith(f"Сноска. {subject} ")]
    return note


def test_labour_code_note_on_article_113() -> None:
    effects = parse_note(_note_on("Статья 113"))
    assert [(e.target_kind, e.target_num, e.effect, e.act_number) for e in effects] == [
        ("article", "113", "amended", "321-VI"),
        ("article", "113", "amended", "399-VI"),
    ]
    assert effects[0].act_title == "Закон РК от 04.05.2020 № 321-VI"
    assert effects[0].in_force_text.startswith("по истечении десяти календарных дней")
    assert effects[1].act_date.isoformat() == "2021-01-02"
    assert effects[1].in_force_on.isoformat() == "2020-12-16"


def test_labour_code_note_on_article_112() -> None:
    (effect,) = parse_note(_note_on("Статья 112"))
    assert (
        effect.effect,
        effect.act_number,
        effect.act_date.isoformat(),
        effect.in_force_on.isoformat(),
    ) == (
        "substituted",
        "226-VII",
        "2023-04-20",
        "2023-07-01",
    )


def test_labour_code_note_on_inserted_article_137_1() -> None:
    effects = parse_note(_note_on("Глава 12 дополнена статьей 137-1"))
    assert [(e.target_num, e.effect, e.act_number) for e in effects] == [
        ("137-1", "inserted", "386-VI"),
        ("137-1", "amended", "188-VII"),
    ]


def test_labour_code_note_on_repealed_article_117() -> None:
    (effect,) = parse_note(_note_on("Статья 117"))
    assert (effect.target_num, effect.effect, effect.act_number, effect.in_force_on) == (
        "117",
        "repealed",
        "15-VIII",
        None,
    )
