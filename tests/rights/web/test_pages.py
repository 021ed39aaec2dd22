"""The rights pages in Russian, Kazakh and English: list, forms, answers with linked articles, errors."""

from __future__ import annotations

import re

import pytest

from kenes.rights import RULES
from kenes.rights.web.forms import FORMS, MAX_ROWS

pytestmark = pytest.mark.django_db

#: A visa-free Uzbek citizen in Kazakhstan, asked after the verified wording of art. 6 para 4 took effect.
STAY_QUERY = (
    "entry_0=2026-01-05&exit_0=2026-02-01&entry_1=2026-10-20&on=2026-11-01"
    "&host=kz&citizenship=uz&status=visa_free&plan_entry=2026-12-01&stay_length=30&rows=3&check=1"
)

TEXTS = {
    "ru": {
        "title": "Дни пребывания",
        "used": "вы использовали 13 из 90 дней",
        "next": "консультационный центр",
    },
    "kk": {
        "title": "Болу күндері",
        "used": "90 күн ішінен 13 күнін пайдаландыңыз",
        "next": "консультациялық орталыққа",
    },
    "en": {"title": "Days of stay", "used": "you have used 13 out of 90 days", "next": "advisory centre"},
}


def get(client, url: str, lang: str):
    client.cookies["django_language"] = lang
    return client.get(url)


def text(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_list_of_checks_is_in_the_reader_language(client, lang):
    page = text(get(client, "/rights/", lang))
    assert f'<html lang="{lang}">' in page
    assert TEXTS[lang]["title"] in page
    for name in RULES:
        assert f'href="/rights/{name}/"' in page


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
@pytest.mark.parametrize("rule", list(FORMS))
def test_every_form_renders_empty_without_an_answer(client, rule, lang):
    response = get(client, f"/rights/{rule}/", lang)
    assert response.status_code == 200
    page = text(response)
    assert 'method="get"' in page and 'class="answer' not in page
    assert "rights/rights.css" in page


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_a_stay_answer_shows_the_headline_the_cited_article_and_the_next_step(client, migration_law, lang):
    response = get(client, f"/rights/stay/?{STAY_QUERY}", lang)
    assert response.status_code == 200
    page = text(response)
    assert TEXTS[lang]["used"] in page
    assert TEXTS[lang]["next"] in page
    assert f'href="{migration_law}/rus@2025-09-27/~art_6__para_4"' in page
    assert f'href="/api{migration_law}/rus@2025-09-27.html#art_6__para_4"' in page
    assert "п. 4 ст. 6 Закона РК «О миграции населения»" in page


def test_an_answer_that_rests_on_unverified_values_warns_and_points_to_an_advisory_centre(client):
    query = "entry_0=2024-01-01&exit_0=2024-01-10&on=2024-03-01&host=kz&citizenship=uz&status=visa_free"
    page = text(get(client, f"/rights/stay/?{query}", "ru"))
    assert 'class="warning"' in page
    assert "Проверьте этот ответ в консультационном центре" in page


def test_the_answer_page_is_linked_to_its_own_address(client):
    page = text(get(client, f"/rights/stay/?{STAY_QUERY}", "en"))
    assert "Link to this answer" in page and "entry_0=2026-01-05" in page


def test_add_another_stay_keeps_the_values_and_adds_a_row_without_answering(client):
    response = get(client, "/rights/stay/?entry_0=2024-01-01&exit_0=2024-01-10&rows=3&more=1", "en")
    page = text(response)
    assert response.status_code == 200
    assert 'name="entry_3"' in page and 'name="entry_4"' not in page
    assert 'value="2024-01-10"' in page
    assert 'class="answer' not in page and 'class="error"' not in page


def test_rows_are_bounded(client):
    page = text(get(client, "/rights/stay/?rows=100000", "en"))
    assert f'name="entry_{MAX_ROWS - 1}"' in page and f'name="entry_{MAX_ROWS}"' not in page
    assert get(client, "/rights/stay/?rows=lots", "en").status_code == 200


def _error_beside(page: str, field: str) -> str:
    """The error text in the field block of ``field`` (the message must sit next to its box)."""
    m = re.search(
        rf'<div class="field has-error">(?:(?!<div class="field).)*?name="{field}".*?</div>', page, re.S
    )
    assert m, f"no error block for {field}"
    return m.group(0)


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("ru", "Дата выезда раньше даты въезда."),
        ("kk", "Шығу күні кіру күнінен ерте."),
        ("en", "The exit is before the entry."),
    ],
)
def test_exit_before_entry_is_shown_next_to_the_exit_box(client, lang, message):
    query = "entry_0=2024-01-10&exit_0=2024-01-01&host=kz&citizenship=uz&status=visa_free&check=1"
    response = get(client, f"/rights/stay/?{query}", lang)
    assert response.status_code == 400
    assert message in _error_beside(text(response), "exit_0")


def test_an_engine_refusal_is_shown_next_to_the_box_it_names(client):
    # Two stays without an exit: the form lets it through, the engine refuses the second open stay.
    query = "entry_0=2024-01-01&entry_2=2024-02-01&on=2024-03-01&host=kz&citizenship=uz&status=visa_free"
    response = get(client, f"/rights/stay/?{query}", "en")
    assert response.status_code == 400
    assert "only one stay can still be open" in _error_beside(text(response), "exit_2")


@pytest.mark.parametrize(
    "url",
    [
        "/rights/stay/?entry_0=2024-13-45&host=kz&citizenship=uz",
        "/rights/stay/?entry_0=2024-01-01&host=zz&citizenship=uz",
        "/rights/stay/?host=kz&citizenship=uz&status=visa_free&check=1",
        "/rights/stay/?entry_0=1900-01-01&host=kz&citizenship=uz&status=visa_free",
        "/rights/wage-payment/?month=2026-13",
        "/rights/minimum-wage/?monthly_wage=-5",
        "/rights/leave/?employment_start=2024-03-15&on=2020-01-01",
        "/rights/registration/?host=kz&citizenship=kg&entry=2026-03-02&planned_exit=2026-03-01",
    ],
)
def test_invalid_input_gets_a_400_page_with_an_error_never_a_500(client, url):
    response = get(client, url, "ru")
    assert response.status_code == 400
    assert 'class="error"' in text(response)


def test_an_unknown_check_is_404(client):
    assert get(client, "/rights/visa-lottery/", "en").status_code == 404


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/rights/permit/?host=kz&citizenship=uz&residence=temporary&work=domestic",
            "Оны өзіңіз алуыңыз керек.",
        ),
        (
            "/rights/permit/?host=kz&citizenship=kg&residence=temporary&work=employer",
            "Жұмысқа рұқсат қажет емес.",
        ),
        ("/rights/wage-payment/?month=2026-05&paid_on=2026-06-15", "өсімпұл 5 күн үшін"),
        ("/rights/final-settlement/?terminated_on=2026-05-29&paid_on=2026-06-10", "03.06.2026"),
        (
            "/rights/leave/?employment_start=2024-03-15&on=2026-06-30&leave_taken_days=24",
            "54 күн ақылы демалыс",
        ),
    ],
)
def test_other_checks_answer_in_kazakh(client, url, expected):
    response = get(client, url, "kk")
    assert response.status_code == 200, text(response)[:2000]
    assert expected in text(response)
