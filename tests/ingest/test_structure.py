"""Behaviour of the structure stages on small texts written for the test (adilet and ILO conventions)."""

from __future__ import annotations

import pytest

from kenes.lex.ingest.errors import IngestError
from kenes.lex.ingest.structure import parse_text
from tests.growth import assert_grows_linearly

NB = "\xa0" * 5 + " "  # the portal's paragraph indent


def test_import_keeps_adilet_notes_out_of_article_text_and_attaches_them_to_the_article():
    doc = parse_text(
        "Статья 7. Оплата труда\n\n"
        f"{NB}1. Оплата производится ежемесячно.\n\n"
        f"{NB}Сноска. Статья 7 с изменением, внесенным Законом РК от 01.01.2030 \n№ 1-X\n"
        " (вводится в действие с 01.02.2030).\n\n"
        "Статья 8. Премии\n\n"
        f"{NB}Премии выплачиваются по итогам года.\n",
        "rus",
    )
    article = doc.find("art_7")
    assert [n.text for n in article.notes] == [
        "Сноска. Статья 7 с изменением, внесенным Законом РК от 01.01.2030 № 1-X "
        "(вводится в действие с 01.02.2030)."
    ]
    assert all("Сноска" not in (n.text + n.wrap_up) for n in doc.walk())


def test_broken_reference_lines_are_joined_back_into_one_sentence():
    doc = parse_text(
        f"Статья 1. Сроки\n\n{NB}1. Срок исчисляется по правилам, за исключением \nпункта 3\n"
        " статьи 95 настоящего Кодекса;\n",
        "rus",
    )
    assert (
        doc.find("art_1__para_1").text
        == "Срок исчисляется по правилам, за исключением пункта 3 статьи 95 настоящего Кодекса;"
    )


def test_a_point_number_alone_on_a_broken_line_is_not_a_new_point():
    doc = parse_text(
        f"Статья 1. Нормы\n\n{NB}1. Применяются подпункты 7), \n8)\n, \n9)\n настоящего пункта.\n", "rus"
    )
    assert [n.kind for n in doc.walk()] == ["article", "paragraph"]
    assert doc.find("art_1__para_1").text == "Применяются подпункты 7), 8), 9) настоящего пункта."


def test_a_chapter_heading_wrapped_onto_two_lines_is_one_heading():
    doc = parse_text(
        "Глава 2. ГОСУДАРСТВЕННОЕ РЕГУЛИРОВАНИЕ В ОБЛАСТИ ТРУДОВЫХ\nОТНОШЕНИЙ\nСтатья 15. Компетенция\n",
        "rus",
    )
    assert doc.body[0].heading == "ГОСУДАРСТВЕННОЕ РЕГУЛИРОВАНИЕ В ОБЛАСТИ ТРУДОВЫХ ОТНОШЕНИЙ"
    assert doc.body[0].children[0].eid == "art_15"


def test_unnumbered_text_goes_to_article_paragraph_or_wrap_up_by_position():
    doc = parse_text(
        "Статья 5. Отпуск\n\n"
        f"{NB}Отпуск предоставляется ежегодно.\n\n"
        f"{NB}1. Работник имеет право на:\n\n"
        f"{NB}1) основной отпуск;\n\n"
        f"{NB}2) дополнительный отпуск.\n\n"
        f"{NB}Порядок предоставления определяется договором.\n\n"
        f"{NB}2. Отпуск оплачивается.\n\n"
        f"{NB}Оплата производится до начала отпуска.\n",
        "rus",
    )
    assert doc.find("art_5").text == "Отпуск предоставляется ежегодно."
    assert doc.find("art_5__para_1").wrap_up == "Порядок предоставления определяется договором."
    assert doc.find("art_5__para_2").text == "Отпуск оплачивается.\nОплата производится до начала отпуска."


def test_lowercase_abzacs_after_a_point_ending_with_a_colon_belong_to_that_point():
    doc = parse_text(
        f"Статья 3. Функции\n\n{NB}1) утверждает:\n\n{NB}правила учета;\n\n{NB}формы отчетов;\n\n"
        f"{NB}2) согласовывает планы.\n",
        "rus",
    )
    assert doc.find("art_3__point_1").text == "утверждает:\nправила учета;\nформы отчетов;"
    assert doc.find("art_3").wrap_up == ""


def test_text_between_two_points_continues_the_first_point_not_the_list():
    doc = parse_text(
        f"Статья 3. Понятия\n\n{NB}1) плательщик – работодатель;\n\n"
        f"{NB}Плательщиками признаются также агенты.\n\n"
        f"{NB}2) ставка – размер платежа.\n",
        "rus",
    )
    assert (
        doc.find("art_3__point_1").text
        == "плательщик – работодатель;\nПлательщиками признаются также агенты."
    )
    assert doc.find("art_3").wrap_up == ""


def test_a_bare_izpi_marker_takes_the_next_paragraph_even_if_it_starts_with_a_number():
    doc = parse_text(
        f"Статья 1. Понятия\n\n{NB}Примечание ИЗПИ!\n\n"
        f"{NB}16) подпункт предусматривается исключить Законом РК.\n\n"
        f"{NB}16) понятие – значение.\n",
        "rus",
    )
    assert [n.num for n in doc.find("art_1").children] == ["16)"]
    assert doc.find("art_1").notes[0].text.startswith("Примечание ИЗПИ!\n16) подпункт")


def test_notes_before_the_first_provision_belong_to_the_document():
    doc = parse_text(
        f"Примечание РЦПИ!\n\n{NB}Вводится в действие с 01.01.2030.\n\nСтатья 1. Цель\n\n{NB}Текст.\n", "rus"
    )
    assert [n.text for n in doc.notes] == ["Примечание РЦПИ!\nВводится в действие с 01.01.2030."]
    assert doc.find("art_1").notes == []


def test_a_table_of_contents_does_not_produce_duplicate_articles():
    doc = parse_text(
        "СОДЕРЖАНИЕ\n\nСтатья 1. Цель\n\nСтатья 2. Сфера\n\nСтатья 3. Понятия\n\n"
        f"Статья 1. Цель\n\n{NB}Цель закона.\n\nСтатья 2. Сфера\n\n{NB}Сфера закона.\n\n"
        f"Статья 3. Понятия\n\n{NB}Понятия.\n",
        "rus",
    )
    assert [a.eid for a in doc.articles()] == ["art_1", "art_2", "art_3"]
    assert doc.find("art_1").text == "Цель закона."


def test_a_heading_lost_by_the_portal_is_recovered_between_its_neighbours():
    doc = parse_text(
        f"Статья 172. Первая\n\n{NB}1. Текст.\n\n{NB}2. Текст.\n\n"
        f"173. Незаконное вмешательство\n\n{NB}1. Текст.\n\n"
        f"Статья 174. Третья\n\n{NB}Текст.\n",
        "rus",
    )
    assert [(a.num, a.heading) for a in doc.articles()] == [
        ("172", "Первая"),
        ("173", "Незаконное вмешательство"),
        ("174", "Третья"),
    ]


def test_the_president_signature_is_not_part_of_the_last_article():
    doc = parse_text(
        f"Статья 1. Последняя\n\n{NB}Текст.\n\n{NB}Президент\nРеспублики Казахстан\n\nН. ИВАНОВ\n", "rus"
    )
    assert doc.find("art_1").text == "Текст."
    assert doc.notes[-1].kind == "signature"
    assert doc.notes[-1].text == "Президент Республики Казахстан\nН. ИВАНОВ"


def test_english_text_before_article_one_is_the_preamble_and_names_the_convention():
    doc = parse_text(
        "# INTERNATIONAL LABOUR CONFERENCE\n\n"
        "The General Conference of the International Labour Organisation, having met, adopts the following "
        "Convention, which may be cited as the Test Workers Convention, 2099:\n\n"
        "# Article 1\n\nEach Member shall apply this Convention.\n",
        "eng",
    )
    assert doc.title == "Test Workers Convention, 2099"
    assert doc.preface == "INTERNATIONAL LABOUR CONFERENCE"
    assert doc.body[0].kind == "preamble" and doc.body[0].text.startswith("The General Conference")


def test_a_title_passed_by_the_caller_wins():
    doc = parse_text(
        "Article 1\n\nThe text, which may be cited as the Other Convention, 2000.\n", "eng", title="Given"
    )
    assert doc.title == "Given"


def test_the_dutch_translation_after_the_english_text_is_dropped():
    doc = parse_text(
        "# Article 1\n\n"
        "Each Member of the Organisation shall apply the provisions of this Convention to all workers.\n\n"
        "# Verdrag betreffende de bescherming van werknemers\n\n"
        "# Artikel 1\n\n"
        "Elk Lid van de Organisatie past de bepalingen van dit Verdrag toe op alle werknemers.\n",
        "eng",
    )
    assert [a.eid for a in doc.articles()] == ["art_1"]
    assert "Verdrag" not in "".join(n.text + n.heading for n in doc.walk())


def test_a_text_in_another_language_than_asked_is_refused():
    with pytest.raises(IngestError, match="does not read as English"):
        parse_text(
            "Статья 1. Цель\n\nНастоящий закон регулирует отношения и определяет порядок для лиц.\n", "eng"
        )


@pytest.mark.parametrize("text", ["", "   \n\n ", "\ufeff"])
def test_an_empty_text_is_refused(text: str):
    with pytest.raises(IngestError, match="empty"):
        parse_text(text, "rus")


def test_a_text_of_notes_only_is_refused():
    with pytest.raises(IngestError, match="only the publisher"):
        parse_text("Сноска. Статья 1 исключена.\n", "rus")


def test_an_unknown_language_is_refused_with_the_known_ones():
    with pytest.raises(IngestError, match="no locale for language 'xx'"):
        parse_text("Статья 1. Цель", "xx")


def test_a_large_code_parses_in_linear_time():
    article = (
        "Статья {n}. Заголовок статьи номер {n}\n\n"
        f"{NB}1. Текст первого пункта статьи с отсылкой к \nпункту 2\n настоящей статьи:\n\n"
        f"{NB}1) первый подпункт;\n\n{NB}2) второй подпункт.\n\n{NB}2. Текст второго пункта.\n\n"
        f"{NB}Сноска. Статья {{n}} с изменениями, внесенными Законом РК от 01.01.2030 \n№ 1-X\n"
        " (вводится в действие).\n\n"
    )
    code = "".join(article.format(n=n) for n in range(1, 4001))  # about 2 MB, 4000 articles
    assert len(parse_text(code, "rus").articles()) == 4000

    def parse_articles(count: int):
        text = "".join(article.format(n=n) for n in range(1, count + 1))
        return lambda: parse_text(text, "rus")

    assert_grows_linearly(parse_articles, 250)
