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
    assert ".rights .field input" in page  # the rights CSS, inlined


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


@pytest.mark.parametrize(
    ("lang", "entry", "exit_"),
    [
        ("en", "Stay 2: entry", "Stay 2: exit"),
        ("ru", "Поездка 2: въезд", "Поездка 2: выезд"),
        ("kk", "2-сапар: кіру", "2-сапар: шығу"),
    ],
)
def test_each_stay_box_is_labelled_with_its_row(client, lang, entry, exit_):
    page = text(get(client, "/rights/stay/", lang))
    assert f'<label for="id_entry_1">{entry}</label>' in page
    assert f'<label for="id_exit_1">{exit_}</label>' in page
    # No two boxes share a name: every row's boxes say which row they are in.
    names = re.findall(r'<label for="id_(?:entry|exit)_\d+">([^<]+)</label>', page)
    assert len(names) == 6 and len(set(names)) == 6


@pytest.mark.parametrize(
    ("lang", "hint"),
    [("en", "Format: dd.mm.yyyy."), ("ru", "Формат: дд.мм.гггг."), ("kk", "Пішімі: кк.аа.жжжж.")],
)
@pytest.mark.parametrize("rule", ["stay", "registration", "leave"])
def test_every_date_box_shows_and_is_described_by_the_format_hint(client, rule, lang, hint):
    page = text(get(client, f"/rights/{rule}/", lang))
    boxes = re.findall(r'<input type="date"[^>]*>', page)
    assert boxes
    for box in boxes:
        field_id = re.search(r'id="(\w+)"', box)[1]
        assert f'aria-describedby="{field_id}_helptext"' in box
        help_text = re.search(rf'<small class="help" id="{field_id}_helptext">([^<]*)</small>', page)[1]
        assert help_text.endswith(hint), help_text


def test_a_date_typed_as_the_hint_says_is_understood(client):
    query = "entry_0=10.01.2024&exit_0=01.03.2024&on=10.03.2024&host=kz&citizenship=uz&status=visa_free"
    response = get(client, f"/rights/stay/?{query}", "ru")
    assert response.status_code == 200
    assert "вы использовали 52 из 90 дней" in text(response)


#: The screenshots' case: a visa-free Uzbek citizen in Kazakhstan who stayed 51 days in a row.
OVER_CAP = (
    "entry_0=2025-01-10&exit_0=2025-03-01&entry_1=2025-04-01&on=2025-04-20"
    "&host=kz&citizenship=uz&status=visa_free"
)
#: 91 days in a row in Russia: the 90-in-180 limit itself is broken.
OVER_WINDOW = "entry_0=2024-01-01&exit_0=2024-03-31&on=2024-04-01&host=ru&citizenship=uz&status=visa_free"


def headlines(page: str) -> list[str]:
    return re.findall(r'<p class="headline">(.*?)</p>', page, re.S)


@pytest.mark.parametrize(
    ("lang", "used", "broken"),
    [
        (
            "en",
            "On 20 April 2025 you have used 71 out of 90 days allowed within any 180 days; 19 days remain.",
            "The limit of 30 days of one continuous stay was first broken on 9 February 2025.",
        ),
        (
            "ru",
            "На 20.04.2025 вы использовали 71 из 90 дней, разрешённых в каждом периоде в 180 дней; "
            "осталось 19 дней.",
            "Лимит 30 дней одного непрерывного пребывания впервые был нарушен 09.02.2025.",
        ),
        (
            "kk",
            "20.04.2025 күнгі жағдай бойынша кез келген 180 күн ішінде рұқсат етілген 90 күн ішінен 71 күнін "
            "пайдаландыңыз; 19 күн қалды.",
            "Шек (бір үздіксіз болуға 30 күн) алғаш рет 09.02.2025 күні бұзылды.",
        ),
    ],
)
def test_the_answer_names_the_single_stay_limit_when_that_is_the_one_broken(client, lang, used, broken):
    page = text(get(client, f"/rights/stay/?{OVER_CAP}", lang))
    assert headlines(page)[:2] == [used, broken]


@pytest.mark.parametrize(
    ("lang", "over", "broken"),
    [
        (
            "en",
            "You are over the limit of 90 days within any 180 days: on 1 April 2024 you have used 91 days.",
            "The limit of 90 days within any 180 days was first broken on 31 March 2024.",
        ),
        (
            "ru",
            "Вы превысили лимит 90 дней в каждом периоде в 180 дней: на 01.04.2024 вы использовали 91 день.",
            "Лимит 90 дней в каждом периоде в 180 дней впервые был нарушен 31.03.2024.",
        ),
        ("kk", None, "Шек (кез келген 180 күн ішінде 90 күн) алғаш рет 31.03.2024 күні бұзылды."),
    ],
)
def test_the_answer_names_the_days_in_period_limit_when_that_is_the_one_broken(client, lang, over, broken):
    page = text(get(client, f"/rights/stay/?{OVER_WINDOW}", lang))
    lines = headlines(page)
    if over:
        assert lines[0] == over
    assert lines[1] == broken


@pytest.mark.parametrize(
    ("lang", "written", "not_written"),
    [
        ("ru", "10.01.2025", "2025-01-10"),
        ("kk", "10.01.2025", "2025-01-10"),
        ("en", "10 January 2025", "2025-01-10"),
    ],
)
def test_the_steps_write_dates_as_the_reader_does(client, lang, written, not_written):
    page = text(get(client, f"/rights/stay/?{OVER_CAP}", lang))
    steps = re.search(r'<details class="steps">(.*?)</details>', page, re.S)[1]
    assert written in steps
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", steps), steps


def test_an_engine_refusal_on_the_page_writes_its_dates_as_the_reader_does(client):
    # The engine (not the form) refuses an open stay that begins after the control date.
    query = "entry_0=2024-05-01&on=2024-03-01&host=kz&citizenship=uz&status=visa_free"
    page = text(get(client, f"/rights/stay/?{query}", "ru"))
    error = re.search(r'<div id="id_entry_0_error">(.*?)</div>', _error_beside(page, "entry_0"), re.S)[1]
    assert "01.05.2024" in error and "2024-05-01" not in error


def test_a_choice_box_offers_only_values_its_rule_allows_and_starts_at_the_rules_default():
    from kenes.rights.rules import permit
    from kenes.rights.web.forms import PermitForm, enum_field

    assert PermitForm.base_fields["work"].initial == permit.RULE.inputs["properties"]["work"]["default"]
    with pytest.raises(ValueError, match="permit.work allows no"):
        enum_field(permit.RULE, "work", "Kind of work", {"astronaut": "Astronaut"})
