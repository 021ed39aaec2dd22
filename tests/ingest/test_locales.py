"""Heading vocabulary and numbering of each supported language, one small text per language."""

from __future__ import annotations

import pytest

from kenes.lex.ingest.errors import IngestError
from kenes.lex.ingest.locales import all_locales, get_locale
from kenes.lex.ingest.structure import parse_text


def outline(doc) -> list[tuple[str, str, str]]:
    return [(n.kind, n.num, n.eid) for n in doc.walk()]


def test_russian_headings_make_parts_sections_chapters_articles_paragraphs_and_points():
    doc = parse_text(
        "ОБЩАЯ ЧАСТЬ\n"
        "РАЗДЕЛ 1. ОБЩИЕ ПОЛОЖЕНИЯ\n"
        "Глава 1. ОСНОВНЫЕ ПОЛОЖЕНИЯ\n"
        "Статья 124-1. Гарантии работникам\n\n"
        "      1. Работодатель обязан:\n\n"
        "      1) соблюдать закон;\n\n"
        "      а) в части оплаты;\n\n"
        "      2. Иное.\n",
        "rus",
    )
    assert outline(doc) == [
        ("part", "", "part_1"),
        ("section", "1", "part_1__sec_1"),
        ("chapter", "1", "part_1__sec_1__chp_1"),
        ("article", "124-1", "art_124-1"),
        ("paragraph", "1.", "art_124-1__para_1"),
        ("point", "1)", "art_124-1__para_1__point_1"),
        ("subpoint", "а)", "art_124-1__para_1__point_1__point_а"),
        ("paragraph", "2.", "art_124-1__para_2"),
    ]
    assert doc.find("art_124-1").heading == "Гарантии работникам"


def test_russian_roman_sections_and_bare_article_numbers_as_in_the_constitution():
    doc = parse_text("Раздел II\nЧеловек и гражданин\n Статья 10\n\n      Текст статьи.\n", "ru")
    section = doc.body[0]
    assert (section.kind, section.num, section.heading, section.eid) == (
        "section",
        "II",
        "Человек и гражданин",
        "sec_ii",
    )
    assert section.children[0].eid == "art_10" and section.children[0].text == "Текст статьи."


def test_kazakh_headings_put_the_number_before_bap_and_tarau():
    doc = parse_text(
        "ЖАЛПЫ БӨЛІМ\n"
        "1-бөлім. ЖАЛПЫ ЕРЕЖЕЛЕР\n"
        "2-тарау. НЕГІЗГІ ЕРЕЖЕЛЕР\n"
        "12-1-бап. Негізгі ұғымдар\n\n"
        "      1. Осы Кодексте мынадай ұғымдар пайдаланылады:\n\n"
        "      1) жұмыскер – жеке тұлға;\n\n"
        "37-1 бап. Қолданысқа енгізу\n\n"
        "      Осы бап қолданысқа енгізіледі.\n",
        "kaz",
    )
    assert outline(doc) == [
        ("part", "", "part_1"),
        ("section", "1", "part_1__sec_1"),
        ("chapter", "2", "part_1__sec_1__chp_2"),
        ("article", "12-1", "art_12-1"),
        ("paragraph", "1.", "art_12-1__para_1"),
        ("point", "1)", "art_12-1__para_1__point_1"),
        ("article", "37-1", "art_37-1"),
    ]


def test_kazakh_broken_link_to_an_article_is_not_an_article_heading():
    doc = parse_text("1-бап. Мақсаты\n\n      Тәртібін \n63-баптан\n қараңыз.\n", "kk")
    assert [a.num for a in doc.articles()] == ["1"]
    assert doc.find("art_1").text == "Тәртібін 63-баптан қараңыз."


def test_kyrgyz_bap_is_a_chapter_and_berene_an_article():
    doc = parse_text(
        "ЖАЛПЫ БӨЛҮК\n"
        "1-бөлүм. ЖАЛПЫ ЖОБОЛОР\n"
        "1-бап. Негизги жоболор\n"
        "1-берене. Ушул Кодексте колдонулуучу түшүнүктөр\n\n"
        "      1. Ушул Кодексте төмөнкү түшүнүктөр колдонулат:\n\n"
        "      1) эмгек – ишмердүүлүк;\n\n"
        "2-глава. Эмгек келишими\n"
        "12-1-берене. Эмгек келишиминин мазмуну\n\n"
        "      Келишим жазуу жүзүндө түзүлөт.\n",
        "kir",
    )
    assert outline(doc) == [
        ("part", "", "part_1"),
        ("section", "1", "part_1__sec_1"),
        ("chapter", "1", "part_1__sec_1__chp_1"),
        ("article", "1", "art_1"),
        ("paragraph", "1.", "art_1__para_1"),
        ("point", "1)", "art_1__para_1__point_1"),
        ("chapter", "2", "part_1__sec_1__chp_2"),
        ("article", "12-1", "art_12-1"),
    ]


@pytest.mark.parametrize("apostrophe", ["'", "ʻ", "’", "`"])
def test_uzbek_latin_headings_accept_every_apostrophe_of_o(apostrophe: str):
    doc = parse_text(
        "UMUMIY QISM\n"
        f"I BO{apostrophe}LIM. UMUMIY QOIDALAR\n"
        "1-bob. Asosiy qoidalar\n"
        "12-1-modda. Mehnat to'g'risidagi qonunchilik\n\n"
        "      1. Ushbu Kodeks mehnat munosabatlarini tartibga soladi:\n\n"
        "      1) xodim va ish beruvchi;\n\n"
        "      a) shartnoma bo'yicha;\n",
        "uzb",
    )
    assert outline(doc) == [
        ("part", "", "part_1"),
        ("section", "I", "part_1__sec_i"),
        ("chapter", "1", "part_1__sec_i__chp_1"),
        ("article", "12-1", "art_12-1"),
        ("paragraph", "1.", "art_12-1__para_1"),
        ("point", "1)", "art_12-1__para_1__point_1"),
        ("subpoint", "a)", "art_12-1__para_1__point_1__point_a"),
    ]
    assert doc.find("art_12-1").heading == "Mehnat to'g'risidagi qonunchilik"


def test_uzbek_cyrillic_headings_use_bob_and_modda():
    doc = parse_text(
        "МАХСУС ҚИСМ\n"
        "2-бўлим. МЕҲНАТ ШАРТНОМАСИ\n"
        "3-боб. Умумий қоидалар\n"
        "15-модда. Меҳнат шартномаси\n\n"
        "      Меҳнат шартномаси ёзма шаклда тузилади.\n",
        "uz-Cyrl",
    )
    assert outline(doc) == [
        ("part", "", "part_1"),
        ("section", "2", "part_1__sec_2"),
        ("chapter", "3", "part_1__sec_2__chp_3"),
        ("article", "15", "art_15"),
    ]


def test_tajik_headings_put_the_label_before_the_number():
    doc = parse_text(
        "ҚИСМИ УМУМӢ\n"
        "ФАСЛИ 1. МУҚАРРАРОТИ УМУМӢ\n"
        "БОБИ 1. МУҚАРРАРОТИ АСОСӢ\n"
        "Моддаи 12-1. Мафҳумҳои асосӣ\n\n"
        "      1. Дар ҳамин Кодекс мафҳумҳои зерин истифода мешаванд:\n\n"
        "      1) корманд – шахси воқеӣ;\n\n"
        "Боби 2. Шартномаи меҳнатӣ\n"
        "Моддаи 13. Мундариҷаи шартнома\n\n"
        "      Шартнома дар шакли хаттӣ баста мешавад.\n",
        "tgk",
    )
    assert outline(doc) == [
        ("part", "", "part_1"),
        ("section", "1", "part_1__sec_1"),
        ("chapter", "1", "part_1__sec_1__chp_1"),
        ("article", "12-1", "art_12-1"),
        ("paragraph", "1.", "art_12-1__para_1"),
        ("point", "1)", "art_12-1__para_1__point_1"),
        ("chapter", "2", "part_1__sec_1__chp_2"),
        ("article", "13", "art_13"),
    ]


def test_english_annex_articles_restart_and_letters_and_roman_subpoints_are_told_apart():
    doc = parse_text(
        "PART I\n\n"
        "Article 1\n\n"
        "1. Each Member shall—\n\n"
        "(a) report;\n\n"
        "(i) yearly; and\n\n"
        "(ii) on request;\n\n"
        "(b) consult;\n\n"
        "(c) publish.\n\n"
        "CHAPTER II\n\n"
        "Article 2\n\n"
        "(h) eighth;\n\n"
        "(i) ninth.\n\n"
        "ANNEX I\n\n"
        "Article 1\n\n"
        "Text of the annex.\n",
        "eng",
    )
    assert [(n.kind, n.eid) for n in doc.walk()] == [
        ("part", "part_i"),
        ("article", "art_1"),
        ("paragraph", "art_1__para_1"),
        ("point", "art_1__para_1__point_a"),
        ("subpoint", "art_1__para_1__point_a__point_i"),
        ("subpoint", "art_1__para_1__point_a__point_ii"),
        ("point", "art_1__para_1__point_b"),
        ("point", "art_1__para_1__point_c"),
        ("chapter", "part_i__chp_ii"),
        ("article", "art_2"),
        ("point", "art_2__point_h"),
        ("point", "art_2__point_i"),
        ("annex", "annex_i"),
        ("article", "annex_i__art_1"),
    ]


def test_the_registry_finds_locales_by_code_and_alias_and_names_the_known_ones():
    assert get_locale("ru").code == "rus"
    assert get_locale("KK").code == "kaz"
    assert get_locale("uz_Latn").code == "uzb"
    assert {loc.code for loc in all_locales()} >= {"rus", "kaz", "kir", "uzb", "tgk", "eng"}
    with pytest.raises(IngestError, match="known: .*rus"):
        get_locale("xx")


def test_no_generic_stage_branches_on_a_language_code():
    """Behaviour per language comes from the registry: the stage modules never compare language codes."""
    from pathlib import Path

    import kenes.lex.ingest as ingest

    stages = ["blocks", "language", "editorial", "headings", "treebuild", "structure"]
    for name in stages:
        source = (Path(ingest.__file__).parent / f"{name}.py").read_text(encoding="utf-8")
        for code in ("rus", "kaz", "kir", "uzb", "tgk", "eng", '"ru"', '"kk"', '"en"'):
            assert f'== "{code.strip(chr(34))}"' not in source, (name, code)
