"""Uzbek, Tajik and Kyrgyz interfaces: the rights pages are not translated yet, so they come wholly in
Russian (page and answer alike, never a third language) and say so in the reader's language."""

from __future__ import annotations

import re

import pytest

from kenes.rights import evaluate, i18n

pytestmark = pytest.mark.django_db

NOTICE = {
    "uz": "sahifa rus tilida koʻrsatilmoqda",
    "tg": "саҳифа бо забони русӣ нишон дода мешавад",
    "ky": "барак орус тилинде көрсөтүлөт",
}
STAY = (
    "/rights/stay/?entry_0=2026-01-05&exit_0=2026-02-01&on=2026-11-01&host=kz&citizenship=uz&status=visa_free"
    "&check=1"
)


@pytest.mark.parametrize("lang", sorted(NOTICE))
def test_the_page_says_in_the_readers_language_that_it_is_shown_in_russian(client, lang):
    client.cookies["django_language"] = lang
    body = client.get(STAY).content.decode()
    assert NOTICE[lang] in body
    assert re.search(r'<div class="rights" lang="ru">', body)
    assert "Дни пребывания" in body  # the heading, in Russian
    answer = re.search(r'<section class="answer.*?</section>', body, re.S)[0]
    assert "Please note" not in answer and "Art. 6 para 4 yields" not in answer  # no English left
    assert "Ст. 6" in answer or "п. 4 ст. 6" in answer


def test_russian_and_kazakh_pages_carry_no_fallback_notice(client):
    for lang in ("ru", "kk"):
        client.cookies["django_language"] = lang
        body = client.get(STAY).content.decode()
        assert 'class="fallback"' not in body


def test_the_library_answers_an_uzbek_request_in_russian_not_english():
    assert i18n.normalise("uz") == i18n.normalise("tg-TJ") == i18n.normalise("ky") == "ru"
    answer = evaluate("wage-payment", {"month": "2026-05", "paid_on": "2026-06-15"}, lang="uz")
    assert "Зарплата за 2026-05" in answer.explanation[0] or "первой декады" in answer.explanation[0]
    assert not any("late" in step or "wages" in step for step in answer.explanation)


@pytest.mark.parametrize(("lang", "unit"), [("ru", "(день)"), ("kk", "(күн)"), ("ky", "(день)")])
def test_the_technical_figures_units_are_in_the_pages_language(client, lang, unit):
    """ "(day)", "(day of month)", "(multiple of the base rate)" stood in English on Russian pages."""
    client.cookies["django_language"] = lang
    body = client.get(STAY).content.decode()
    technical = re.search(r'<details class="technical">.*?</details>', body, re.S)[0]
    assert unit in technical and "(day)" not in technical and "(list)" not in technical


def test_the_month_box_shows_an_example_not_english_letters(client):
    client.cookies["django_language"] = "ru"
    body = client.get("/rights/wage-payment/").content.decode()
    assert 'placeholder="2026-05"' in body and "YYYY" not in body and "ГГГГ-ММ" in body
