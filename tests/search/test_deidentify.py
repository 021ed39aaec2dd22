"""What search keeps of a consultation's question: the situation, never the people in it, in any of the
region's languages (the sentences are the team's own, written for these tests)."""

from __future__ import annotations

import pytest

from kenes.search import experience
from kenes.search.deidentify import NAME, deidentify
from kenes.search.models import Experience

from .indexing import LC

#: (question, what must be gone, what must stay)
CASES = [
    (
        "Клиент Әмір Әукенов работал у ТОО «Береке» с марта, директор Қасымов Б.Т. не платит зарплату.",
        ["Әмір", "Әукенов", "Береке", "Қасымов", "Б.Т."],
        ["ТОО", "директор", "не платит зарплату"],
    ),
    (
        "Здравствуйте, я Гүлнар Өтегенова, бригадир Рустам ака не отдаёт паспорт.",
        ["Гүлнар", "Өтегенова", "Рустам"],
        ["бригадир", "паспорт"],
    ),
    (
        "Менің атым Айгүл Серікқызы, жұмыс беруші Болат Ерланұлы жалақы төлемейді.",
        ["Айгүл", "Серікқызы", "Болат", "Ерланұлы"],
        ["жұмыс беруші", "жалақы төлемейді"],
    ),
    (
        "Mening ismim Dilshod Karimov, ish beruvchi O'tkir Rahimov maosh to'lamayapti.",
        ["Dilshod", "Karimov", "O'tkir", "Rahimov"],
        ["ish beruvchi", "maosh to'lamayapti"],
    ),
    (
        "Номи ман Фарҳод Раҳимов, корфармо Ҷамшед музд намедиҳад.",
        ["Фарҳод", "Раҳимов", "Ҷамшед"],
        ["корфармо", "музд намедиҳад"],
    ),
    (
        "My name is John Smith, my boss Ahmed Khan did not pay my salary. Sh. Karimova saw it.",
        ["John", "Smith", "Ahmed", "Khan", "Karimova", "Sh."],
        ["my boss", "did not pay my salary"],
    ),
    (
        "меня зовут айгерим и я работаю без договора, пишите instagram.com/aigerim.k или a@b.kz",
        ["айгерим", "aigerim", "a@b"],
        ["я работаю без договора"],
    ),
    (
        "Моя начальница Вера не платит, и Марат тоже. Вера в справедливость пропала.",
        ["начальница Вера", "Марат"],
        ["Вера в справедливость"],
    ),
]


@pytest.mark.parametrize(("question", "gone", "kept"), CASES, ids=[c[1][0] for c in CASES])
def test_names_in_every_language_are_taken_out_and_the_situation_stays(question, gone, kept):
    cleaned = deidentify(question)
    for name in gone:
        assert name not in cleaned, cleaned
    for words in kept:
        assert words in cleaned, cleaned
    assert NAME in cleaned


@pytest.mark.parametrize(
    "question",
    [
        "Согласно статье Трудового кодекса Республики Казахстан работодатель обязан выплатить зарплату.",
        "Қазақстан Республикасының Еңбек кодексі бойынша жалақы қашан төленеді?",
        "Работаю в Москве, РВП по ЕАЭС, ТОО не платит.",
        "Написала заявление на имя директора, на мое имя в МФО ничего нет, оплата через kaspi.kz.",
    ],
)
def test_the_law_its_institutions_places_and_capital_abbreviations_stay(question):
    assert deidentify(question) == question


def test_an_organisation_is_taken_out_however_its_name_is_written():
    cleaned = deidentify(
        'Работал в ТОО«Береке» и у ИП Сидоренко, потом в ООО "Стройка", затем LLP Nur Group.'
    )
    for name in ("Береке", "Сидоренко", "Стройка", "Nur", "Group"):
        assert name not in cleaned, cleaned
    assert all(form in cleaned for form in ("ТОО", "ИП", "ООО", "LLP"))


def test_numbers_documents_and_phones_are_taken_out():
    cleaned = deidentify("Паспорт AN1234567, ИИН 900101300123, телефон +7 701 123-45-67, с 12.03.2024.")
    assert not any(c.isdigit() for c in cleaned), cleaned


@pytest.mark.django_db
def test_a_consultation_recorded_in_kazakh_keeps_no_name():
    experience.record("Менің атым Айгүл Серікқызы, жұмыс беруші Болат жалақы төлемейді.", [(LC, "art_113")])
    kept = Experience.objects.get()
    for secret in ("Айгүл", "Серікқызы", "Болат"):
        assert secret not in kept.text and secret.lower() not in kept.terms
    assert "жалақы" in kept.text


@pytest.mark.django_db
def test_a_failing_citation_lookup_logs_no_part_of_the_query(library, monkeypatch, caplog):
    from kenes.search import citations
    from kenes.search.service import SearchRequest, search

    def broken(*_args, **_kwargs):
        raise RuntimeError("resolver down")

    monkeypatch.setattr(citations, "resolve_citation", broken)
    result = search(SearchRequest("Айгерим Сапарова ст. 113"))
    assert result is not None  # the words' search still answers
    assert "resolution failed" in caplog.text
    assert "Айгерим" not in caplog.text and "Сапарова" not in caplog.text
