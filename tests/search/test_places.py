"""Where a question is: the country it names, searched alone when the request names none."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from kenes.search.places import named_place, place_of
from kenes.search.service import SearchRequest, search
from tests import factories

ON = dt.date(2024, 6, 1)
RF_CODE = "/akn/ru/act/code/2001-12-30/197-fz"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("работаю в Казахстане продавцом, зарплату не платят два месяца", "kz"),
        # the cities migrants work in, not only the capitals
        ("работаю в Новосибирске на стройке, зарплату не платят", "ru"),
        ("живу в Подмосковье, работодатель не платит", "ru"),
        ("Moskvada ishlayman, maosh bermayapti", "ru"),
        ("гражданин Узбекистана из Андижана, работаю в Казани", "ru"),
        ("работаю в Уральске вахтой, не выплатили расчёт", "kz"),
        ("ТОО задерживает зарплату, сумма долга 300 000 тг", "kz"),
        ("живу в Усть-Каменогорске, работодатель не дает отпуск", "kz"),
        ("работаю в Москве, обещали 60 тысяч рублей", "ru"),
        ("в Санкт-Петербурге на стройке не платят", "ru"),
        ("получаю 150000тг, а по договору больше", "kz"),
        ("Oʻzbekistonda ishlayman, ish haqi bermayapti", "uz"),
        ("O`zbekistonda ishlayman, ish haqi bermayapti", "uz"),
        # a company form is where the question is, whatever word stands before it
        ("меня уволили из ТОО и не заплатили", "kz"),
        ("приехал из Ташкента, работаю в Алматы", "kz"),
        # where the person comes from is not where the question is
        ("я гражданин Узбекистана, работаю в Казахстане без договора", "kz"),
        ("гр. Узбекистана, работаю в Казахстане", "kz"),
        ("гражданин Узбекистана, нужен ли патент", None),
        ("гражданин Республики Узбекистан, работаю в Казахстане", "kz"),
        # the region's other languages: the name takes its case ending, the origin may follow it
        ("Мен Өзбекстан азаматымын, Қазақстанда жұмыс істеймін", "kz"),
        ("Мен Өзбекстаннан келдім, жалақы бермейді", None),
        ("Қазақстанда азаматтар жұмыс істейді", "kz"),
        ("Кыргызстандын жараны Казакстанда иштейт", "kz"),
        ("Men O'zbekiston fuqarosiman, Qozog'istonda ishlayapman", "kz"),
        ("Ман шаҳрванди Тоҷикистон ҳастам, дар Қазоқистон кор мекунам", "kz"),
        ("I am a citizen of Kyrgyzstan working in Kazakhstan", "kz"),
        # an origin word further off, or a demonym, is not where the person comes from
        ("Может ли иностранный гражданин в Казахстане работать без разрешения?", "kz"),
        ("Я родила в Казахстане, какое пособие положено?", "kz"),
        ("I work in Kazakhstan for a Russian company", "kz"),
        ("Я россиянин, работаю в Казахстане", "kz"),
        ("Я кыргызстанец, работаю в Казахстане", "kz"),
        ("Men o'zbekistonlikman, Rossiyada ishlayman", "ru"),
        # a people whose stem is a country's ("киргиз", "Киргизия"), and the papers a person holds
        ("я киргиз, работаю в Москве, мне не платят зарплату", "ru"),
        ("работаю в Киргизии без договора", "kg"),
        ("уехал в Киргизию на заработки", "kg"),
        ("у меня российский паспорт, работаю в Казахстане без договора", "kz"),
        ("у меня киргизский паспорт, работаю в Москве", "ru"),
        ("российское гражданство, живу и работаю в Алматы", "kz"),
        ("российский работодатель не платит зарплату", "ru"),
        # a name whose stem is a common word is compared as written ("Орусия" → "орус", "Russian")
        ("Казакстанда иштейм, орус тилин билбейм, айлык бербей жатат", "kz"),
        ("Ман дар Қазоқистон кор мекунам, кордиҳанда рус аст", "kz"),
        ("В пригороде Астаны работаю уже год", "kz"),
        ("Получаю 40 тысяч рублями", "ru"),
        ("Қазақстандағы жұмыс берушім жалақы бермейді", "kz"),
        ("Qozog'istondaman, maosh bermayapti", "kz"),
        ("I am a citizen of the Republic of Uzbekistan working in Kazakhstan", "kz"),
        # a short name is no beginning of a longer word ("Ош" is not "ошибка")
        ("ошибка в трудовом договоре", None),
        # two countries as often: neither
        ("работал в России, теперь работаю в Казахстане", None),
        # no country; and short words that a stem would have confused with an abbreviation ("ТОО" → "то")
        ("в той же организации то один оклад, то другой, сумма разная", None),
    ],
)
def test_the_country_a_question_names(text, place):
    assert named_place(text) == place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # naming no country, a question in Kazakh is about Kazakhstan: only there is Kazakh a language of work
        ("Мені жүкті болғаным үшін жұмыстан шығарды, бұл заңды ма?", ("kz", "kaz")),
        # a country it names comes first, whatever the language
        ("Ресейде жұмыс істеймін, жалақы бермейді", ("ru", "")),
        ("работаю в Казахстане, зарплату не платят", ("kz", "")),
        # two countries named as often name none, and the language does not break the tie
        ("Ресейде жұмыс істедім, енді Қазақстанда жұмыс істеймін", (None, "")),
        # Kyrgyz, Uzbek, Tajik and Russian are spoken at work in more than one country: no place
        ("Иш берүүчү эки айдан бери эмгек акы төлөбөй жатат", (None, "")),
        ("yillik mehnat ta'tilini bermayapti", (None, "")),
        ("Корфармо ду моҳ боз музди меҳнатро намедиҳад", (None, "")),
        ("работодатель не платит зарплату два месяца", (None, "")),
        # an ILO convention is asked about: no one country's law, and not Kazakhstan's by the language
        ("ХЕҰ конвенциясы бойынша жалақы қашан төленеді?", (None, "")),
    ],
)
def test_the_country_a_question_is_about_by_its_language_when_it_names_none(text, expected):
    assert place_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "конвенция МОТ 87 Казахстан",
        "Ратифицировал ли Казахстан конвенцию МОТ о минимальной заработной плате?",
        "freedom of association convention Kazakhstan",
        "has Kazakhstan ratified C189",
    ],
)
def test_a_question_about_an_ilo_convention_names_no_one_country(text):
    """Kept to Kazakhstan's law, "конвенция МОТ 87 Казахстан" would lose the convention it asks about."""
    assert named_place(text) is None


def test_a_migrant_naming_the_eaeu_is_still_searched_where_they_work():
    assert named_place("я из Кыргызстана, ЕАЭС, работаю в Алматы, нужно ли разрешение") == "kz"


QUESTION = (
    "Здравствуйте, я работаю в Казахстане на складе, работодатель заставляет оставаться сверхурочно "
    "почти каждый день и не оплачивает сверхурочную работу, что делать?"
)


@pytest.fixture
def two_countries(library):
    from kenes.search.index import rebuild

    from .indexing import import_articles

    import_articles(
        RF_CODE,
        "Трудовой кодекс Российской Федерации",
        factories.article(
            "99",
            "Сверхурочная работа",
            "Сверхурочная работа - работа, выполняемая работником по инициативе работодателя сверхурочно.",
        ),
    )
    rebuild()
    return library


@pytest.mark.django_db
def test_a_question_that_names_a_country_searches_its_law_and_says_so(two_countries):
    result = search(SearchRequest(QUESTION, date=ON))
    assert result.hits and {h.work.split("/")[2] for h in result.hits} == {"kz"}
    place = [n for n in result.notices if n.code == "place"]
    assert place and place[0].topic == "kz"
    # jurisdiction=* asks for every country, whatever the question names
    every = search(SearchRequest(QUESTION, date=ON, jurisdiction="*"))
    assert {h.work.split("/")[2] for h in every.hits} >= {"kz", "ru"}
    assert not [n for n in every.notices if n.code == "place"]


@pytest.mark.django_db
def test_a_country_chosen_or_a_keyword_query_is_left_as_asked(two_countries):
    chosen = search(SearchRequest(QUESTION, date=ON, jurisdiction="ru"))
    assert {h.work.split("/")[2] for h in chosen.hits} == {"ru"}
    assert not [n for n in chosen.notices if n.code == "place"]
    keywords = search(SearchRequest("сверхурочная работа", date=ON))
    assert {h.work.split("/")[2] for h in keywords.hits} >= {"kz", "ru"}
    assert not [n for n in keywords.notices if n.code == "place"]


@pytest.mark.django_db
def test_a_country_whose_law_is_not_held_narrows_nothing(two_countries):
    q = QUESTION.replace("в Казахстане", "в Таджикистане")
    result = search(SearchRequest(q, date=ON))
    assert {h.work.split("/")[2] for h in result.hits} >= {"kz", "ru"}
    assert not [n for n in result.notices if n.code == "place"]


@pytest.mark.django_db
def test_the_api_names_the_place(two_countries):
    body = Client().get("/api/search", {"q": QUESTION}).json()
    assert {k: body["notices"][0][k] for k in ("code", "topic", "language")} == {
        "code": "place",
        "topic": "kz",
        "language": "",  # named, not read from its language
    }
    assert "jurisdiction=*" in body["notices"][0]["message"]
    kazakh = Client().get("/api/search", {"q": KAZAKH_QUESTION}).json()["notices"]
    assert [(n["code"], n["topic"], n["language"]) for n in kazakh] == [("place", "kz", "kaz")]
    every = Client().get("/api/search", {"q": QUESTION, "jurisdiction": "*"}).json()
    assert not every["notices"] and {h["work"].split("/")[2] for h in every["hits"]} >= {"kz", "ru"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("ui", "said", "every"),
    [
        ("ru", "Искали только в законодательстве страны «Казахстан»", "Искать во всех странах"),
        ("kk", "Тек «Қазақстан» елінің заңнамасы бойынша ізделді", "Барлық елдер бойынша іздеу"),
        ("en", "Only the law of Kazakhstan was searched", "Search every country"),
    ],
)
def test_the_search_page_says_which_country_and_links_every_country(two_countries, ui, said, every):
    from html import escape

    from django.utils.http import urlencode

    factories.jurisdiction("kz", "Kazakhstan")
    page = Client().get("/search", {"q": QUESTION}, HTTP_ACCEPT_LANGUAGE=ui).content.decode()
    assert said in page
    link = f'<a href="?{escape(urlencode({"q": QUESTION, "jurisdiction": "*"}))}">{every}</a>'
    assert link in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("ui", "keywords", "question"),
    [
        ("ru", "она названа в запросе", "она названа в вопросе"),
        ("en", "your search names it", "the question names it"),
    ],
)
def test_keywords_that_name_the_country_are_not_called_a_question(two_countries, ui, keywords, question):
    factories.jurisdiction("kz", "Kazakhstan")
    page = Client().get("/search", {"q": "сверхурочная работа Казахстан"}, HTTP_ACCEPT_LANGUAGE=ui)
    assert keywords in page.content.decode() and question not in page.content.decode()
    asked = Client().get("/search", {"q": QUESTION}, HTTP_ACCEPT_LANGUAGE=ui).content.decode()
    assert question in asked and keywords not in asked


@pytest.mark.django_db
def test_the_search_page_searches_every_country_when_asked(two_countries):
    response = Client().get("/search", {"q": QUESTION, "jurisdiction": "*"}, HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200 and "Only the law of" not in page
    assert RF_CODE in page and "/akn/kz/" in page


@pytest.mark.django_db
def test_the_search_form_lets_a_person_pick_the_country_of_a_question(two_countries):
    """A question lists no facets: the form's country is where a person picks one, and it stays picked."""
    factories.jurisdiction("ru", "Russian Federation")
    page = Client().get("/search", {"q": QUESTION, "jurisdiction": "ru"}, HTTP_ACCEPT_LANGUAGE="ru")
    html = page.content.decode()
    assert '<option value="ru" selected>' in html and '<option value="*">Все страны</option>' in html
    assert "Любая (названная в вопросе)" in html
    assert RF_CODE in html and "/akn/kz/act/code/2015-11-23/414-v" not in html


@pytest.mark.django_db
def test_a_named_country_narrows_only_where_the_other_filters_leave_something(two_countries):
    """Asked for by-laws, and only Russia's are held: the question's "Казахстан" narrows nothing."""
    from kenes.search.index import rebuild

    from .indexing import import_articles

    bylaw = "/akn/ru/act/bylaw/2020-01-01/1"
    import_articles(
        bylaw,
        "Порядок учета сверхурочной работы",
        factories.article("1", "Сверхурочная работа", "Работодатель ведет учет сверхурочной работы."),
        work_type="bylaw",
    )
    rebuild()
    result = search(SearchRequest(QUESTION, date=ON, work_type="bylaw"))
    assert [h.work for h in result.hits] == [bylaw]
    assert not [n for n in result.notices if n.code == "place"]


@pytest.mark.django_db
def test_every_country_lists_the_acts_not_held_on_the_day_as_no_country_does(two_countries):
    early = dt.date(2020, 1, 1)  # before the test library's editions
    anywhere = search(SearchRequest("сверхурочная работа", date=early)).not_held_on_date
    every = search(SearchRequest("сверхурочная работа", date=early, jurisdiction="*")).not_held_on_date
    assert anywhere and every == anywhere
    # a question kept to the country it names lists that country's acts only
    placed = search(SearchRequest(QUESTION, date=early)).not_held_on_date
    assert placed and all(w["work"].startswith("/akn/kz/") for w in placed)


@pytest.mark.django_db
def test_the_search_page_remembers_the_country_a_person_picked(two_countries):
    """A migrant on a phone picks the country once: a later search that names none (the home page's box)
    keeps to it, until another is picked or "any"."""
    client = Client()
    first = client.get("/search", {"q": QUESTION, "jurisdiction": "ru"})
    assert first.cookies["kenes_country"].value == "ru" and "Cookie" in first["Vary"]
    later = client.get("/search", {"q": QUESTION}).content.decode()
    assert '<option value="ru" selected>' in later and "/akn/kz/act/code/2015-11-23/414-v" not in later
    # "any" is picked: forgotten, and the question's own country applies again
    client.get("/search", {"q": QUESTION, "jurisdiction": ""})
    again = client.get("/search", {"q": QUESTION}).content.decode()
    assert "/akn/kz/act/code/2015-11-23/414-v" in again and RF_CODE not in again


@pytest.mark.django_db
def test_a_country_outside_the_region_is_not_remembered(two_countries):
    client = Client()
    assert "kenes_country" not in client.get("/search", {"q": QUESTION, "jurisdiction": "zz"}).cookies
    client.cookies["kenes_country"] = "<script>"
    page = client.get("/search", {"q": QUESTION}).content.decode()
    assert "&lt;script&gt;" not in page  # not even shown back as a choice
    assert "/akn/kz/act/code/2015-11-23/414-v" in page  # the forged value is ignored: the question's country


def test_a_short_question_that_asks_names_its_country(two_countries):
    asked = search(SearchRequest("можно ли сверхурочная работа в Казахстане?", date=ON))
    assert [n.topic for n in asked.notices if n.code == "place"] == ["kz"]
    assert {h.work.split("/")[2] for h in asked.hits} == {"kz"}


@pytest.mark.parametrize(
    ("q", "place"),
    [
        ("сверхурочная работа Казахстан", "kz"),
        ("overtime pay KZ", "kz"),  # the issue's own example: the Kazakh article was 14th among the others
        ("сверхурочная работа РФ", "ru"),
        ("сверхурочная работа гражданина Казахстана", None),  # where the person comes from
        ("сверхурочная работа", None),
    ],
)
def test_keywords_that_name_a_country_search_its_law(two_countries, q, place):
    """A lawyer who types the country wants its law; the notice offers every country, as for a question."""
    result = search(SearchRequest(q, date=ON))
    assert [n.topic for n in result.notices if n.code == "place"] == ([place] if place else [])
    if place:
        assert result.hits and {h.work.split("/")[2] for h in result.hits} == {place}


def test_a_latin_code_names_a_country_where_it_cannot_be_another_word():
    assert named_place("overtime pay KZ") == "kz"
    assert named_place("сверхурочная работа 5 kg") is None  # a weight, not Kyrgyzstan
    assert named_place("пишите на ivanov@mail.ru") is None  # an address, not Russia


@pytest.mark.django_db
def test_a_convention_asked_about_with_a_country_is_found(two_countries):
    result = search(SearchRequest("Protection of Wages Convention Kazakhstan", date=ON))
    assert not [n for n in result.notices if n.code == "place"]
    assert "/akn/aa-ilo/act/convention/1949-07-01/c095" in {h.work for h in result.hits}


def test_keywords_are_not_kept_to_a_country_by_their_language(two_countries):
    """A Kazakh question naming no country is about Kazakhstan; a few Kazakh words are a search, not a
    situation, and keep every country (``places.yaml`` ``languages`` reads questions only)."""
    result = search(SearchRequest("жұмыс уақыты", date=ON))
    assert not [n for n in result.notices if n.code == "place"]


def test_law_not_here_leads_to_the_centres_of_the_country_the_question_names(two_countries):
    q = (
        "Здравствуйте, я живу в Казахстане, мы с мужем хотим оформить развод. Как разделить квартиру и "
        "сколько будут алименты на ребенка, если муж не согласен?"
    )
    page = Client().get("/search", {"q": q}).content.decode()
    assert 'id="none-centre" href="/countries/kz"' in page
    every = Client().get("/search", {"q": q, "jurisdiction": "*"}).content.decode()
    assert 'id="none-centre" href="/countries/"' in every


KAZAKH_QUESTION = "Жұмыс беруші сверхурочная жұмыс үшін ақы төлемейді, не істеуім керек?"


@pytest.mark.django_db
def test_a_kazakh_question_naming_no_country_searches_kazakhstan_and_says_why(two_countries):
    result = search(SearchRequest(KAZAKH_QUESTION, date=ON))
    place = [n for n in result.notices if n.code == "place"]
    assert [(n.topic, n.language) for n in place] == [("kz", "kaz")]
    assert "written in kaz" in place[0].message
    assert result.hits and {h.work.split("/")[2] for h in result.hits} == {"kz"}
    every = search(SearchRequest(KAZAKH_QUESTION, date=ON, jurisdiction="*"))
    assert not [n for n in every.notices if n.code == "place"]
    assert "ru" in {h.work.split("/")[2] for h in every.hits}  # what the language kept out
    # the page says why, in the reader's language, with the way to every country
    page = Client().get("/search", {"q": KAZAKH_QUESTION}, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "страна в вопросе не названа, а вопрос написан на казахском языке" in page
    assert "jurisdiction=%2A" in page or "jurisdiction=*" in page
    # the language of the law texts asked for is not the question's: a Russian question stays Russian
    russian = "Работодатель не оплачивает сверхурочную работу уже два месяца, что мне делать?"
    asked_of_kazakh_texts = search(SearchRequest(russian, date=ON, lang="kaz"))
    assert not [n for n in asked_of_kazakh_texts.notices if n.code == "place"]
    # ... and a Kazakh question asked of the Russian texts is still a Kazakh one
    of_russian_texts = search(SearchRequest(KAZAKH_QUESTION, date=ON, lang="rus"))
    assert [(n.topic, n.language) for n in of_russian_texts.notices if n.code == "place"] == [("kz", "kaz")]
