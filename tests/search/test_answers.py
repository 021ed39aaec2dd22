"""Answers before articles (rights checks) and "the law is not here"."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from kenes.search.answers import check_slugs, outside_topic
from kenes.search.query import parse
from kenes.search.service import SearchRequest, search

pytestmark = pytest.mark.django_db
ON = dt.date(2024, 6, 1)


def _area(q: str) -> str:
    """The area of law not held that ``q`` is about, with nothing of it in the database."""
    return outside_topic(parse(q, question_words=12), lambda _terms: False)


def test_every_check_search_names_is_a_rights_rule():
    from kenes.rights.engine import RULES

    assert set(check_slugs()) <= set(RULES)


def test_every_not_named_rule_is_for_a_check_and_has_words():
    """A misspelt slug or an empty list in answers.yaml ``not_named`` would silently do nothing."""
    from kenes.search.answers import _not_named_terms

    rules = _not_named_terms("rus")
    assert rules and set(rules) <= set(check_slugs())
    assert all(words for words, _unless in rules.values())


@pytest.mark.parametrize(
    ("q", "slug"),
    [
        ("сколько дней я могу находиться в Казахстане 90 дней 180", "stay"),
        ("нужно ли разрешение на работу гражданину Узбекистана", "permit"),
        ("мне не заплатили зарплату за два месяца", "wage-payment"),
        ("сколько дней ежегодного отпуска мне положено", "leave"),
    ],
)
def test_a_question_a_rights_check_answers_names_the_check_first(library, q, slug):
    body = Client().get("/api/search", {"q": q}).json()
    assert body["checks"][0]["slug"] == slug
    assert body["checks"][0]["url"].startswith(f"/rights/{slug}/")  # (?host=kz: the country named)


@pytest.mark.parametrize(
    ("q", "named"),
    [
        ("зарплату не платят уже три месяца, что делать", ["wage-payment"]),
        ("зарплату платят не вовремя", ["wage-payment"]),
        ("мне не полностью выплатили зарплату", ["wage-payment"]),
        ("работодатель не всю зарплату выплатил", ["wage-payment"]),
        ("не до конца рассчитали при увольнении", ["final-settlement"]),
        ("муж не согласен платить алименты на детей", []),
        ("нужно ли мне платить за патент на работу", ["permit"]),
    ],
)
def test_a_negated_phrase_names_its_check_only_where_the_negation_stands(library, q, named):
    """ "не платят" is about unpaid wages; "не согласен платить" and a plain "платить" are not."""
    assert search(SearchRequest(q, date=ON)).checks == named


@pytest.mark.parametrize(
    ("q", "slug"),
    [
        ("My employer has not paid my salary for two months", "wage-payment"),
        ("how many days can I stay in Kazakhstan without registration", "stay"),
        ("Жұмыс беруші екі ай бойы жалақы төлемей жүр", "wage-payment"),
        ("Казакстанда иштөө үчүн уруксат керекпи?", "permit"),
        ("Ish beruvchi ikki oydan beri ish haqi to'lamayapti", "wage-payment"),
        ("Иш берувчи икки ойдан бери иш ҳақи тўламаяпти", "wage-payment"),
        ("Корфармо ду моҳ боз музди меҳнатро намедиҳад", "wage-payment"),
        ("Дар Қазоқистон бе бақайдгирӣ чанд рӯз мондан мумкин аст?", "stay"),
    ],
)
def test_a_check_is_named_in_the_languages_of_the_region(library, q, slug):
    """A phrase is read the way the question is (a short phrase does not say its language)."""
    assert search(SearchRequest(q, date=ON)).checks[:1] == [slug]


def test_a_short_question_about_law_not_held_says_so_and_keywords_are_searched(library):
    asked = search(SearchRequest("муж не платит алименты на ребенка уже полгода что делать", date=ON))
    assert asked.hits == [] and asked.checks == []
    assert [(n.code, n.topic) for n in asked.notices] == [("not-here", "family")]
    keywords = search(SearchRequest("алименты на ребенка", date=ON))
    assert not [n for n in keywords.notices if n.code == "not-here"]
    # the wage check's one-word phrase yields to the area; a phrase that names wages does not
    assert search(SearchRequest("не платят зарплату, а у меня кредит и ипотека что делать?")).checks == [
        "wage-payment"
    ]


def test_a_question_told_not_here_can_ask_for_the_nearest_articles_anyway(library):
    """The reading of "not here" can be wrong: ``tell_not_here=False`` (the API's ``not_here=false``, the
    page's "show the nearest articles anyway") lists what the words find, for a question and for a
    shorter query that asks."""
    long_q = (
        "Здравствуйте, мы с мужем хотим оформить развод, у нас двое детей. Сколько будут алименты на "
        "ребенка и как их удерживают из заработной платы, если муж не согласен?"
    )
    for q in (long_q, "муж не платит алименты на ребенка уже полгода что делать"):
        told = search(SearchRequest(q, date=ON))
        assert told.hits == [] and [n.code for n in told.notices] == ["not-here"]
        shown = search(SearchRequest(q, date=ON, tell_not_here=False))
        # the articles, and still what the question read as
        assert shown.hits and [(n.code, n.topic) for n in shown.notices] == [("not-here-shown", "family")]
    body = Client().get("/api/search", {"q": long_q, "not_here": "false"}).json()
    assert body["hits"] and [n["code"] for n in body["notices"]] == ["not-here-shown"]
    assert [n["code"] for n in Client().get("/api/search", {"q": long_q}).json()["notices"]] == ["not-here"]


def test_a_keyword_query_about_something_else_names_no_check(library):
    assert search(SearchRequest("сверхурочная работа", date=ON)).checks == []


def test_a_question_about_law_not_held_says_so_instead_of_listing_articles(library):
    q = (
        "Здравствуйте, мы с мужем хотим оформить развод, у нас двое детей. Как разделить квартиру и "
        "сколько будут алименты на ребенка, если муж не согласен?"
    )
    result = search(SearchRequest(q, date=ON))
    assert result.hits == []
    assert result.notices[0].code == "not-here" and result.notices[0].topic == "family"


@pytest.mark.parametrize(
    ("q", "area"),
    [
        (
            "Частный судебный исполнитель (ЧСИ) списал деньги со счета, я должник по кредиту, что делать?",
            "enforcement",
        ),
        ("Получила в дар квартиру и продала, нужно ли платить налог и подавать декларацию?", "tax"),
        ("Меня призывают в армию, а я хочу уехать учиться, что скажет военкомат?", "military"),
        ("Можно ли перевестись на грант в университете после первого курса обучения?", "education"),
        ("Купила в рассрочку ноутбук в магазине, он сломался, продавец не хочет вернуть деньги", "consumer"),
    ],
)
def test_questions_of_other_areas_are_told_the_law_is_not_here(library, q, area):
    result = search(SearchRequest(q, date=ON))
    assert [(n.code, n.topic) for n in result.notices] == [("not-here", area)] and result.hits == []


def test_a_labour_question_is_not_sent_away(library):
    q = "Работодатель заставляет работать сверхурочно каждый день, а оплаты сверхурочной работы нет совсем"
    result = search(SearchRequest(q, date=ON))
    assert result.hits and not [n for n in result.notices if n.code == "not-here"]


_FAMILY_QUESTION = (
    "Здравствуйте, мы с мужем хотим оформить развод, у нас двое детей. Как разделить имущество и "
    "сколько будут алименты на ребенка, если муж против?"
)


def _alimony_article():
    from tests import factories

    return factories.article(
        "139",
        "Алименты на детей при разводе",
        "При разводе супругов алименты на несовершеннолетнего ребенка взыскиваются с родителя ежемесячно.",
        "Супруги вправе разделить общее имущество при разводе по соглашению, а если муж или жена против, "
        "имущество делит суд.",
    )


def test_once_the_law_of_an_area_is_imported_its_questions_are_searched(library):
    """ "Not here" follows what the database holds: a family code imported, a divorce question finds it."""
    from kenes.search.index import rebuild

    from .indexing import import_articles

    assert search(SearchRequest(_FAMILY_QUESTION, date=ON)).notices[0].code == "not-here"
    family = "/akn/kz/act/code/2011-12-26/518-iv"
    import_articles(family, "Кодекс Республики Казахстан о браке (супружестве) и семье", _alimony_article())
    rebuild()
    result = search(SearchRequest(_FAMILY_QUESTION, date=ON, jurisdiction="kz"))
    assert not [n for n in result.notices if n.code == "not-here"]
    assert result.hits[0].work == family and result.hits[0].eid.startswith("art_139")


def test_law_whose_title_only_touches_the_area_does_not_hold_it(library):
    """An ILO convention on workers' "family responsibilities" and a law on benefits for families are not
    family law: a divorce question is still told the law is not here."""
    from kenes.lex.importing import import_document
    from kenes.search.index import rebuild
    from tests import factories

    from .indexing import _doc, import_articles

    convention = "/akn/aa-ilo/act/convention/1981-06-23/c156"
    factories.jurisdiction("aa-ilo", "ILO", "international")
    doc = _doc(
        "Workers with Family Responsibilities Convention",
        "eng",
        factories.article(
            "3", "", "Workers with family responsibilities shall not be discriminated against."
        ),
    )
    import_document(doc, work_uri=convention, lang="eng", date=ON, work_type="ilo-convention")
    import_articles(
        "/akn/kz/act/law/2005-06-28/63",
        "О государственных пособиях семьям, имеющим детей",
        factories.article("5", "Пособие на рождение ребенка", "Пособие назначается семьям с детьми."),
        work_type="law",
    )
    rebuild()
    notices = search(SearchRequest(_FAMILY_QUESTION, date=ON)).notices
    assert [(n.code, n.topic) for n in notices] == [("not-here", "family")]


def test_a_family_code_held_in_kazakh_only_counts_too(library):
    from kenes.lex.importing import import_document
    from kenes.search.index import rebuild
    from tests import factories

    from .indexing import _doc

    family = "/akn/kz/act/code/2011-12-26/518-iv"
    title = "Неке (ерлі-зайыптылық) және отбасы туралы кодекс"
    factories.work(family, title=title, work_type="code", original_lang="kaz")
    assert search(SearchRequest(_FAMILY_QUESTION, date=ON, jurisdiction="kz")).notices[0].code == "not-here"
    import_document(_doc(title, "rus", _alimony_article()), work_uri=family, lang="rus", date=ON)
    rebuild()
    result = search(SearchRequest(_FAMILY_QUESTION, date=ON, jurisdiction="kz"))
    assert not [n for n in result.notices if n.code == "not-here"]


def test_law_held_for_another_country_or_not_yet_in_force_does_not_count(library):
    from kenes.search.index import rebuild

    from .indexing import import_articles

    # Kyrgyzstan's family code answers nothing of Kazakhstan's; a code that starts next year, nothing today
    import_articles(
        "/akn/kg/act/code/2003-08-30/201", "Семейный кодекс Кыргызской Республики", _alimony_article()
    )
    import_articles(
        "/akn/kz/act/code/2030-01-01/1-viii",
        "Кодекс Республики Казахстан о браке (супружестве) и семье",
        _alimony_article(),
        date=dt.date(2030, 1, 1),
    )
    rebuild()
    result = search(SearchRequest(_FAMILY_QUESTION, date=ON, jurisdiction="kz"))
    assert result.hits == [] and result.notices[0].topic == "family"
    # asked without a country, the Kyrgyz code is law the database holds
    assert search(SearchRequest(_FAMILY_QUESTION, date=ON)).hits


def test_an_area_without_the_works_that_would_hold_it_is_a_clear_error(monkeypatch):
    from kenes.search import answers

    answers._areas.cache_clear()
    monkeypatch.setattr(
        answers, "_data", lambda: {"outside": {"family": "развод алименты"}, "inside": "труд"}
    )
    try:
        with pytest.raises(ValueError, match="family.*held_by"):
            answers._areas()
    finally:
        answers._areas.cache_clear()


def test_a_question_in_a_language_the_law_is_not_held_in_is_not_sent_away_for_its_low_score(library):
    """The word score's "not here" is calibrated on questions in the law's language: an English question
    about Kazakh law held in Russian and Kazakh meets it only through the glossary (and the meaning)."""
    q = (
        "I was injured at work on a construction site and now the employer refuses to pay any "
        "compensation, and my salary for two months is unpaid"
    )
    result = search(SearchRequest(q, jurisdiction="kz", date=ON))
    assert result.question and result.hits
    assert not [n for n in result.notices if n.code == "not-here"]


def test_an_area_outweighs_a_passing_labour_word_and_not_a_labour_question():
    """ "коллектор звонит мне на работу" is a credit question; "уволили с работы, платить кредит нечем" is a
    labour one that mentions a loan."""
    assert _area("у меня кредит в банке и просрочка, коллектор звонит мне на работу, что делать?") == "credit"
    assert _area("меня уволили с работы, платить кредит банку нечем, что делать?") == ""


@pytest.mark.parametrize(
    "q",
    [
        # family reunification is migration law; "детей" is one word, not the stem "дет" and lemma "ребенок"
        "Можно ли мне привезти сюда жену и детей, если я работаю здесь уже год?",
        # debt bondage is forced labour, and "заём" stems to "за" through its lemma: no preposition counts
        "Хозяин говорит, что я должен отработать долг за дорогу и за жилье, и паспорт не отдает",
    ],
)
def test_a_migrant_s_question_that_touches_another_area_in_passing_is_not_sent_away(q):
    assert _area(q) == ""


@pytest.mark.parametrize(
    "q",
    [
        "Мне объявили дисциплинарное взыскание на производстве, законно ли это вообще?",
        "Допустил брак на производстве, наложили взыскание, законно ли?",
        "Несчастный случай на производстве, муж погиб, жена и дети какое пособие получат?",
        "Могу ли я как мигрант привезти жену и детей, и устроить детей в школу?",
        "Работаю в Москве, жена и двое детей в Ташкенте, как отправлять деньги без налога?",
        "Я учитель в школе, заставляют вести обучение в субботу без оплаты, законно ли?",
        "Меня не отпускают на обучение, у меня сессия в университете, что делать?",
        "Муж и дети граждане Узбекистана, нужен ли им ВНЖ?",
        "Снимаю квартиру в аренду, хозяин не делает прописку",
        "Работаю продавцом в магазине, хозяин не платит",
    ],
)
def test_a_labour_or_migration_question_using_another_area_s_words_is_not_sent_away(q):
    assert _area(q) == ""


@pytest.mark.parametrize(
    ("q", "named"),
    [
        ("My employer has not paid my salary for two months", ["wage-payment"]),
        ("My salary is not being paid", ["wage-payment"]),
        ("I didn't get paid for two months", ["wage-payment"]),
        ("I did not pay the loan, the bank calls me every day", []),
        ("My husband doesn't pay alimony for our son", []),
        ("нужен ли патент", ["permit"]),
        ("Do I need to register with the migration police?", ["registration"]),
        ("Can I stay 90 days in Kazakhstan?", ["stay"]),
        ("мне не дали отпуск в этом году", ["leave"]),
        ("уволили и не дали расчет", ["final-settlement"]),
        ("какая сейчас МЗП", ["minimum-wage"]),
        # something else one pays: a bare "не заплатил" is not about wages
        ("Клиент не заплатил за товар", []),
        ("Не заплатил штраф вовремя, что будет", []),
        ("работодатель не заплатил за два месяца", ["wage-payment"]),
        ("не заплатили зарплату, а штраф за опоздание вычли", ["wage-payment"]),
        ("they didn't pay me for the last two months of work", ["wage-payment"]),
        ("My salary is paid in cash every month, is that allowed?", []),
        ("I was dismissed after 90 days of probation, is it legal?", []),
        ("How do I register a complaint against my employer?", []),
        ("Где получить патент на изобретение?", []),
        ("Kommunal to'lovlar bo'yicha hisob-kitob qanday qilinadi?", []),
        # a neighbouring question the check does not answer: maternity or study leave is not annual leave,
        # and how many days of leave is not how many days one may stay
        ("декретный отпуск сколько дней", []),
        ("работодатель не дает отпуск, я беременна", []),
        ("учебный отпуск сколько дней положено", []),
        ("I am pregnant, how many days of paid leave do I get", []),
        ("не дают ежегодный отпуск после декрета", ["leave"]),
        # unpaid leave is not the paid annual leave the check counts
        ("не дают отпуск без содержания", []),
        ("не дали отпуск без сохранения заработной платы на свадьбу", []),
        ("they refuse me an unpaid vacation", []),
        ("не дали ежегодный отпуск, предлагают отпуск без содержания", ["leave"]),
        ("отпускные не перечислили на счет", ["leave"]),
        ("сколько дней отпуска положено", ["leave"]),
        ("mehnat ta'tili necha kun", ["leave"]),
        ("өргүү канча күн", []),
        ("Rossiyada necha kun qolishim mumkin", ["stay"]),
        # another payment named keeps a bare negation from the payment checks only: no registration is
        # still the registration check's
        ("нет регистрации штраф Казахстан", ["registration"]),
        ("нужна ли регистрация по приезду в Казахстан гражданину Кыргызстана", ["registration"]),
        ("регистрация коллективного договора", []),
        # said in the past, as people tell what happened, and in the region's languages
        ("Жұмыс беруші үш ай бойы жалақы төленбеді", ["wage-payment"]),
        ("ish haqi to'lanmadi ikki oy", ["wage-payment"]),
        ("Ишдан бўшатишди, охирги иш ҳақи тўланмади", ["wage-payment"]),
        ("Корфармо се моҳ музд надоданд", ["wage-payment"]),
        ("Qozog'istonda ishlash uchun patent olish uchun qanday hujjatlar kerak", ["permit"]),
        ("Дар Қазоқистон бе патент кор кардан мумкин аст?", ["permit"]),
    ],
)
def test_check_phrases_need_what_the_check_is_about(library, q, named):
    assert search(SearchRequest(q, date=ON)).checks == named


def test_a_question_nothing_scores_like_an_answer_to_is_told_the_law_is_not_here(library):
    q = "Скажите пожалуйста, сколько спутников у планеты Юпитер и какая у них орбита вокруг самой планеты?"
    result = search(SearchRequest(q, date=ON))
    assert [(n.code, n.topic) for n in result.notices] == [("not-here", "")] and result.hits == []


def test_the_word_score_judges_only_where_most_of_the_law_searched_is_in_the_question_s_language(library):
    """The small library holds one English convention beside Russian and Kazakh law: too little for an
    English question's low word score to say the law is not here."""
    q = "Please tell me how many moons the planet Jupiter has and which orbits they follow around the planet"
    assert not [n for n in search(SearchRequest(q, date=ON)).notices if n.code == "not-here"]
    # among the ILO's conventions alone English is most of the text: there the words do judge
    ilo = search(SearchRequest(q, date=ON, jurisdiction="aa-ilo"))
    assert [(n.code, n.topic) for n in ilo.notices] == [("not-here", "")]


@pytest.mark.parametrize(
    ("q", "area"),
    [
        # a short question's words are read through their lemmas too ("призыва" is "призыв")
        ("Как получить отсрочку от призыва в армию?", "military"),
        ("Как оформить опеку над ребенком сестры?", "family"),
        ("Отец погиб в ДТП, как оформить наследство у нотариуса?", "inheritance"),
        ("Как определить место жительства ребенка при разводе с мужем?", "family"),
    ],
)
def test_a_short_question_about_another_area_is_read_as_that_area(q, area):
    assert _area(q) == area


@pytest.mark.parametrize(
    ("q", "area"),
    [
        ("How do I file for divorce and how much alimony will my husband pay?", "family"),
        ("I have a bank loan and cannot pay the mortgage, what can I do?", "credit"),
        ("Ажырасу үшін не істеу керек, күйеуім алимент төлемейді?", "family"),
        ("Банктен несие алдым, ипотека төлей алмаймын, не істеймін?", "credit"),
        ("Ajrashish uchun nima qilish kerak, eri aliment to'lamayapti?", "family"),
        ("Барои талоқ чӣ кор кунам, шавҳарам алимент намедиҳад?", "family"),
        # a labour question that mentions a loan stays in, in any language
        ("My employer did not pay my salary and I cannot pay my bank loan now", ""),
        ("Жұмыс беруші жалақы төлемейді, банктегі несиені төлей алмаймын", ""),
        ("Ish beruvchi maosh to'lamayapti, bankdagi kreditni to'lay olmayapman", ""),
    ],
)
def test_the_areas_of_law_not_held_are_read_in_the_region_s_languages(q, area):
    assert _area(q) == area


def test_one_word_in_two_languages_counts_once():
    """ "алимент" is Russian, Kazakh, Kyrgyz and Tajik: listed for each, it is still one word of the area."""
    from kenes.search.answers import _areas

    family = next(a for a in _areas()[0] if a.name == "family")
    assert sum(1 for group in family.words if "алимент" in group) == 1
