"""Publisher notes read as amendment effects, on notes written in adilet's formulas (numbers invented)."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.lex.ingest.adilet_notes import Effect, parse_note

D = dt.date
TEN_DAYS = "по истечении десяти календарных дней после дня его первого официального опубликования"


def summary(effects: list[Effect]) -> list[tuple]:
    return [(e.target_kind, e.target_num, e.effect, e.act_number, e.act_date, e.in_force_on) for e in effects]


RUSSIAN = [
    (
        "Сноска. Статья 7 с изменениями, внесенными законами РК от 01.02.2020 № 11-VІ (вводится в действие "
        f"{TEN_DAYS}); от 03.04.2021 № 22-VI (вводится в действие с 05.06.2021).",
        [
            ("article", "7", "amended", "11-VI", D(2020, 2, 1), None),
            ("article", "7", "amended", "22-VI", D(2021, 4, 3), D(2021, 6, 5)),
        ],
    ),
    (
        "Сноска. Статья 8 - в редакции Закона РК от 01.02.2023 № 33-VII (вводится в действие с 01.07.2023).",
        [("article", "8", "substituted", "33-VII", D(2023, 2, 1), D(2023, 7, 1))],
    ),
    (
        "Сноска. Глава 2 дополнена статьей 16-1 в соответствии с Законом РК от 01.02.2020 № 11-VI "
        f"(вводится в действие {TEN_DAYS}); с изменением, внесенным Законом РК от 03.04.2021 № 22-VI "
        f"(вводится в действие {TEN_DAYS}).",
        [
            ("article", "16-1", "inserted", "11-VI", D(2020, 2, 1), None),
            ("article", "16-1", "amended", "22-VI", D(2021, 4, 3), None),
        ],
    ),
    (
        f"Сноска. Статья 27 исключена Законом РК от 01.02.2020 № 11-VI (вводится в действие {TEN_DAYS}).",
        [("article", "27", "repealed", "11-VI", D(2020, 2, 1), None)],
    ),
    (
        "Сноска. Статья 9 в редакции Закона РК от 01.02.2020 № 11-VI (вводится в действие с 01.03.2020); "
        "с изменениями, внесенными Законом РК от 03.04.2021 № 22-VI (вводится в действие с 01.05.2021).",
        [
            ("article", "9", "substituted", "11-VI", D(2020, 2, 1), D(2020, 3, 1)),
            ("article", "9", "amended", "22-VI", D(2021, 4, 3), D(2021, 5, 1)),
        ],
    ),
    (
        "Сноска. Кодекс дополнен главой 14-1 в соответствии с Законом РК от 01.02.2020 № 11-VI "
        "(вводится в действие с 01.01.2021).",
        [("chapter", "14-1", "inserted", "11-VI", D(2020, 2, 1), D(2021, 1, 1))],
    ),
    (
        "Сноска. Параграф 2 главы 3 дополнен статьей 20-2 в соответствии с Законом РК от 01.02.2020 № 11-VI "
        "(вводится в действие с 01.01.2021).",
        [("article", "20-2", "inserted", "11-VI", D(2020, 2, 1), D(2021, 1, 1))],
    ),
    (
        "Сноска. Заголовок раздела VІ – в редакции Закона РК от 01.02.2020 № 11-VI (вводится в действие "
        "с 01.01.2021).",
        [("section", "VI", "amended", "11-VI", D(2020, 2, 1), D(2021, 1, 1))],
    ),
    (
        "Сноска. Статья 1 с изменениями, внесенными статьей 204 Трудового кодекса РК от 23.11.2015 № 414-V "
        "(вводится в действие с 01.01.2016).",
        [("article", "1", "amended", "414-V", D(2015, 11, 23), D(2016, 1, 1))],
    ),
    (
        "Сноска. По всему тексту слова «А» заменены словами «Б» в соответствии с Законом РК от 01.02.2020 "
        "№ 11-VI (вводится в действие с 01.03.2020).",
        [("document", None, "amended", "11-VI", D(2020, 2, 1), D(2020, 3, 1))],
    ),
    (  # "т" for "от": a typo seen in the real notes
        "Сноска. Статья 5 с изменениями, внесенными законами РК от 01.02.2020 № 11-VI "
        "(вводится в действие с 01.03.2020); т 03.04.2021 № 22-VI (вводится в действие с 01.05.2021).",
        [
            ("article", "5", "amended", "11-VI", D(2020, 2, 1), D(2020, 3, 1)),
            ("article", "5", "amended", "22-VI", D(2021, 4, 3), D(2021, 5, 1)),
        ],
    ),
]


@pytest.mark.parametrize("note,expected", RUSSIAN, ids=[n[8:40] for n, _ in RUSSIAN])
def test_russian_note_gives_one_effect_per_amending_act(note: str, expected: list[tuple]) -> None:
    assert summary(parse_note(note, "rus")) == expected


def test_act_title_and_commencement_are_normalised() -> None:
    (effect,) = parse_note(
        "Сноска. Статья 7 с изменением, внесенным Законом РК от 01.02.2020 № 11-VІ "
        f"(вводится в действие {TEN_DAYS}).",
    )
    assert effect.act_title == "Закон РК от 01.02.2020 № 11-VI"  # Cyrillic "І" made Latin
    assert effect.act_number == "11-VI"
    assert (effect.in_force_on, effect.in_force_text) == (None, TEN_DAYS)


def test_a_heading_change_is_an_amendment_of_the_article_marked_as_heading() -> None:
    (effect,) = parse_note(
        "Сноска. Заголовок статьи 17 - в редакции Закона РК от 01.02.2020 № 11-VI "
        "(вводится в действие с 01.03.2020)."
    )
    assert (effect.target_kind, effect.target_num, effect.effect, effect.heading) == (
        "article",
        "17",
        "amended",
        True,
    )


def test_commencement_by_reference_is_kept_as_written() -> None:
    (effect,) = parse_note(
        "Сноска. Статья 3 с изменениями, внесенными Законом РК от 01.02.2020 № 11-VI "
        "(порядок введения в действие см. ст.2 )."
    )
    assert (effect.in_force_on, effect.in_force_text) == (None, "порядок введения в действие см. ст.2")


NOT_UNDERSTOOD = [
    "Сноска. Оглавление исключено Законом РК от 01.02.2020 № 11-VI (вводится в действие с 01.03.2020).",
    "Сноска. Исключена Законом РК от 01.02.2020 № 11-VI (вводится в действие с 01.03.2020).",  # no subject
    "Сноска. Заголовок - в редакции Закона РК от 01.02.2020 № 11-VI (вводится в действие с 01.03.2020).",
    "Сноска. Статья 40 с изменением, внесенным ст. 263 настоящего Кодекса (вводится в действие с 01.01.2024)",
    "Статью 5 предусматривается дополнить пунктом 3 в соответствии с Законом РК от 01.02.2020 № 11-VI.",
    "Сноска. Статья 5 с изменениями, внесенными Законом РК от 31.02.2020 № 11-VI.",  # no such date
    "Сноска. Статья 5 с изменениями, внесенными Законом РК от 01.02.2020 № 11-VI; Указом 03.04.2021 № 22.",
    "Для целей настоящей статьи под работником понимается",
    "",
]


@pytest.mark.parametrize("note", NOT_UNDERSTOOD)
def test_a_note_not_understood_in_full_gives_nothing(note: str) -> None:
    assert parse_note(note, "rus") == []


KAZAKH = [
    (
        "Ескерту. 7-бапқа өзгерістер енгізілді - ҚР 01.02.2020 № 11-VI (алғашқы ресми жарияланған "
        "күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі); 03.04.2021 № 22-VI "
        "(05.06.2021 бастап қолданысқа енгізіледі) Заңдарымен.",
        [
            ("article", "7", "amended", "11-VI", D(2020, 2, 1), None),
            ("article", "7", "amended", "22-VI", D(2021, 4, 3), D(2021, 6, 5)),
        ],
    ),
    (
        "Ескерту. 8-бап жаңа редакцияда – ҚР 01.02.2020 № 11-VII Заңымен (01.03.2020 бастап қолданысқа "
        "енгізіледі).",
        [("article", "8", "substituted", "11-VII", D(2020, 2, 1), D(2020, 3, 1))],
    ),
    (
        "Ескерту. Заң 37-2-баппен толықтырылды – ҚР 01.02.2020 № 11-VII (01.03.2020 бастап қолданысқа "
        "енгізіледі); өзгеріс енгізілді – ҚР 03.04.2021 № 22-VIII (05.06.2021 бастап қолданысқа енгізіледі) "
        "Заңдарымен.",
        [
            ("article", "37-2", "inserted", "11-VII", D(2020, 2, 1), D(2020, 3, 1)),
            ("article", "37-2", "amended", "22-VIII", D(2021, 4, 3), D(2021, 6, 5)),
        ],
    ),
    (
        "Ескерту. 8-1-бап алып тасталды - ҚР 2012.04.27 N 15-V Заңымен.",
        [("article", "8-1", "repealed", "15-V", D(2012, 4, 27), None)],
    ),
]


@pytest.mark.parametrize("note,expected", KAZAKH, ids=[n[9:30] for n, _ in KAZAKH])
def test_kazakh_note_gives_one_effect_per_amending_act(note: str, expected: list[tuple]) -> None:
    assert summary(parse_note(note, "kaz")) == expected


def test_kazakh_act_kind_named_after_the_list_is_in_the_title() -> None:
    effects = parse_note(
        "Ескерту. 3-бапқа өзгерістер енгізілді - ҚР 01.02.2020 № 11-VI Конституциялық заңымен "
        "(01.03.2020 бастап қолданысқа енгізіледі); ҚР 03.04.2021 № 22-VI (05.06.2021 бастап "
        "қолданысқа енгізіледі) Заңымен.",
        "kaz",
    )
    assert [e.act_title for e in effects] == [
        "ҚР 01.02.2020 № 11-VI Конституциялық заңы",
        "ҚР 03.04.2021 № 22-VI Заңы",
    ]


def test_a_language_without_a_reader_gives_nothing() -> None:
    assert parse_note("Note. Article 5 amended by Act No. 3 of 2020.", "eng") == []


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("(в ред. Федерального закона от 30.06.2006 N 90-ФЗ)", [("amended", "90-ФЗ", dt.date(2006, 6, 30))]),
        (
            "(в ред. Федеральных законов от 30.06.2006 N 90-ФЗ, от 28.02.2008 N 13-ФЗ)",
            [("amended", "90-ФЗ", dt.date(2006, 6, 30)), ("amended", "13-ФЗ", dt.date(2008, 2, 28))],
        ),
        (
            "(введена Федеральным законом от 30.06.2006 N 90-ФЗ)",
            [("inserted", "90-ФЗ", dt.date(2006, 6, 30))],
        ),
        (
            "(часть вторая введена Федеральным законом от 30.06.2006 N 90-ФЗ)",
            [("amended", "90-ФЗ", dt.date(2006, 6, 30))],
        ),
        ("(в скобках, но не о законе)", []),
    ],
)
def test_russian_federal_notes_are_effects_on_the_provision_they_stand_at(note, expected):
    effects = parse_note(note, "rus")
    assert [(e.effect, e.act_number, e.act_date) for e in effects] == expected
    assert all(e.target_kind == "here" and e.target_num is None for e in effects)
