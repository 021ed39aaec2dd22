"""Query intents: a question about consequences ranks the provision that sets the penalty first."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.lex.importing import import_document
from kenes.search.intents import LIABILITY, detect, sets_sanction
from kenes.search.service import SearchRequest, search
from tests import factories

from .indexing import DAY, LC, _doc

KOAP = "/akn/kz/act/code/2014-07-05/235-v"
ON = dt.date(2024, 6, 1)


@pytest.mark.parametrize(
    "question",
    [
        "Работаю без трудового договора. Чем это грозит?",
        "Что будет работодателю, если он нанимает иностранцев без разрешения?",
        "чем мне грозит просроченная регистрация",
        "Первый месяц бесплатно как стажировка. Это законно?",
        "какая ОТВЕТСТВЕННОСТЬ за невыплату",
        "What is the penalty for late wages?",
        "Жалақыны кешіктіргені үшін айыппұл",
    ],
)
def test_questions_about_consequences_or_legality_have_the_liability_intent(question):
    assert LIABILITY in detect(question)


@pytest.mark.parametrize(
    "question",
    [
        "Сколько часов в неделю я могу работать по закону?",  # what the law says, not what it punishes
        "Работодатель грозит сдать меня в полицию",  # a threat, not "чем грозит"
        "работодатель штрафует за опоздание",  # a deduction from wages, not a penalty of the state
        "Не платят зарплату два месяца",
    ],
)
def test_other_questions_have_none(question):
    assert LIABILITY not in detect(question)


def test_sanction_patterns_recognise_the_codes_wording():
    assert sets_sanction("Допуск к работе лица без договора –\nвлечет штраф на должностных лиц", "rus")
    assert sets_sanction("Те же действия, совершенные повторно, – влекут предупреждение", "rus")
    assert sets_sanction("An employer who fails to pay shall be liable to a fine", "eng")
    assert not sets_sanction("Трудовой договор заключается в письменной форме.", "rus")
    assert not sets_sanction("влечет штраф", "tgk")  # no patterns for the language: nothing is marked


def _load_rule_and_offence() -> None:
    """A code's rule on a subject and another code's offence of breaking it (words not in the glossary,
    so only the intent tells them apart)."""
    factories.work(LC, title="Трудовой кодекс Республики Казахстан", work_type="code")
    labour = _doc(
        "Трудовой кодекс",
        "rus",
        factories.article(
            "180",
            "Противопожарная безопасность складов",
            "Склады оборудуются противопожарной сигнализацией.",
            "Работодатель обеспечивает противопожарную безопасность складов и проверяет сигнализацию "
            "складов ежемесячно.",
        ),
    )
    import_document(labour, work_uri=LC, lang="rus", date=DAY, work_type="code")
    factories.work(KOAP, title="Кодекс об административных правонарушениях", work_type="code")
    offences = _doc(
        "Кодекс об административных правонарушениях",
        "rus",
        factories.article(
            "410",
            "Необеспечение противопожарной безопасности складов",
            "Необеспечение работодателем противопожарной безопасности складов – влечет штраф на "
            "должностных лиц в размере тридцати месячных расчетных показателей.",
        ),
    )
    import_document(offences, work_uri=KOAP, lang="rus", date=DAY, work_type="code")


@pytest.mark.django_db
def test_a_liability_question_ranks_the_sanction_first_and_explain_says_so(index_dir):
    from kenes.search.index import rebuild

    _load_rule_and_offence()
    rebuild()
    subject = "работодатель не обеспечивает противопожарную безопасность складов"
    plain = search(SearchRequest(subject, date=ON, facets=False)).hits
    assert plain[0].work == LC, [(h.work, h.score) for h in plain]  # it names the subject: first

    asked = search(SearchRequest(subject + ". Чем это грозит?", date=ON, facets=False, explain=True)).hits
    assert (asked[0].work, asked[0].num) == (KOAP, "410"), [(h.work, h.score) for h in asked]
    assert asked[0].explanation["intents"] == [LIABILITY]
    assert asked[0].explanation["priors"]["liability_intent"] == pytest.approx(2.0)
    labour = next(h for h in asked if h.work == LC)
    assert labour.explanation["priors"]["liability_intent"] == 1.0


@pytest.mark.django_db
def test_a_question_without_the_intent_is_ranked_as_before(index_dir):
    from kenes.search.index import rebuild

    _load_rule_and_offence()
    rebuild()
    hit = search(SearchRequest("противопожарная безопасность", date=ON, facets=False, explain=True)).hits[0]
    assert "liability_intent" not in hit.explanation["priors"]
