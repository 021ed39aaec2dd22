"""The legal glossary: concepts across languages and colloquial Russian, as query expansions."""

from __future__ import annotations

import pytest

from kenes.search.analysis import LANGS, terms
from kenes.search.glossary import (
    COLLOQUIAL_WEIGHT,
    CONCEPT_WEIGHT,
    concepts,
    expand,
    expansions,
    matched_concepts,
)


def _expand(text: str, lang: str) -> list[str]:
    return expand(terms(text, lang), lang)


def test_at_least_forty_concepts_in_every_language() -> None:
    found = concepts()
    assert len(found) >= 40
    for cid, concept in found.items():
        assert all(concept.keys[lang] for lang in LANGS), f"{cid} lacks a language"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("трудовой договор", "rus"),
        ("трудового договора", "rus"),
        ("еңбек шарты", "kaz"),
        ("еңбек шартының", "kaz"),
        ("eñbek şarty", "kaz"),
        ("эмгек келишими", "kir"),
        ("mehnat shartnomasi", "uzb"),
        ("меҳнат шартномаси", "uzb"),
        ("шартномаи меҳнатӣ", "tgk"),
        ("employment contract", "eng"),
    ],
)
def test_employment_contract_in_six_languages(text: str, lang: str) -> None:
    assert "employment-contract" in matched_concepts(terms(text, lang), lang)
    added = set(_expand(text, lang))
    # every other language's words arrive, as analysed terms
    for other, phrase in [
        ("rus", "трудовой договор"),
        ("kaz", "еңбек шарты"),
        ("eng", "employment contract"),
    ]:
        if other != lang:
            assert set(terms(phrase, other)) <= added | set(terms(text, lang))


def test_wages_across_languages() -> None:
    for text, lang in [("жалақы", "kaz"), ("эмгек акы", "kir"), ("ish haqi", "uzb"), ("музди меҳнат", "tgk")]:
        added = _expand(text, lang)
        assert "заработн" in added and "wage" in added, (text, added)


def test_users_words_are_kept_and_not_repeated() -> None:
    query = terms("заработная плата", "rus")
    added = expand(query, "rus")
    assert not set(query) & set(added)
    assert len(added) == len(set(added))


@pytest.mark.parametrize(
    ("text", "concept", "legal"),
    [
        ("зарплата", "wages", "заработная плата"),
        ("зп", "wages", "заработная плата"),
        ("мне не платят зарплату", "wage-arrears", "задолженность"),
        ("меня уволили", "dismissal", "расторжение трудового договора по инициативе работодателя"),
        ("работодатель забрал паспорт", "forced-labour", "принудительный труд"),
        ("паспорт забрал", "identity-documents", "документ удостоверяющий личность"),
        ("переработка без выходных", "overtime", "сверхурочная работа"),
        ("больничный не оплачивает", "sick-leave", "временная нетрудоспособность"),
        ("декрет", "maternity-leave", "отпуск по беременности и родам"),
        ("просроченная регистрация", "registration", "временная регистрация"),
        ("РВП закончилось", "residence-permit", "разрешение на временное проживание"),
        ("у меня ВНЖ Казахстана", "residence-permit", "вид на жительство"),
    ],
)
def test_colloquial_russian(text: str, concept: str, legal: str) -> None:
    query = terms(text, "rus")
    assert concept in matched_concepts(query, "rus")
    assert set(terms(legal, "rus")) - set(query) - {"по", "и", "на"} <= set(expand(query, "rus"))


def test_negation_matters() -> None:
    """ "не платят" means arrears; "платят" alone does not."""
    assert "wage-arrears" in matched_concepts(terms("не платят", "rus"), "rus")
    assert "wage-arrears" not in matched_concepts(terms("платят вовремя", "rus"), "rus")


def test_weights_and_reasons() -> None:
    found = expansions(terms("не платят", "rus"), "rus")
    by_term = {e.term: e for e in found}
    assert by_term["задолжен"].weight == COLLOQUIAL_WEIGHT
    assert by_term["задолжен"].source.startswith("colloquial:")
    assert by_term["заработн"].weight == CONCEPT_WEIGHT
    assert 0 < CONCEPT_WEIGHT < 1 and 0 < COLLOQUIAL_WEIGHT < 1


def test_nothing_for_unrelated_queries() -> None:
    assert expand(terms("какая погода завтра в Алматы", "rus"), "rus") == []
    assert expand([], "rus") == []
    assert expand(terms("", None), None) == []


def test_lang_none_matches_every_language() -> None:
    assert "wages" in matched_concepts(terms("жалақы", "kaz"), None)
    assert "employment-contract" in matched_concepts(terms("employment contract", "eng"), None)


def test_colloquial_entries_give_their_legal_phrases_for_phrase_matching() -> None:
    from kenes.search.analysis import drop_stop_words
    from kenes.search.glossary import legal_phrases

    found = legal_phrases(terms("зарплату платят в конверте", "rus"), "rus")
    # spelled as the index holds it, "по" at its position: a phrase query matches positions
    assert tuple(terms("нарушение требований по оплате труда", "rus")) in found
    assert tuple(drop_stop_words(terms("нарушение требований по оплате труда", "rus"), "rus")) not in found
    assert legal_phrases(terms("заработная плата", "rus"), "rus") == []


def test_the_laws_own_term_is_not_read_colloquially() -> None:
    """ "сверхурочная работа" is the concept overtime; its first word alone is also the colloquial
    "сверхурочные" (overtime, working time or rest time). Named in the law's words, it means overtime only."""
    named = matched_concepts(terms("сверхурочная работа оплата", "rus"), "rus")
    assert named == ["overtime"]
    said = matched_concepts(terms("сверхурочные не оплатили", "rus"), "rus")
    assert {"overtime", "working-time", "rest-time"} <= set(said)


@pytest.mark.parametrize(
    ("text", "lang", "concept"),
    [
        ("Қазақстанда тіркеусіз қанша күн бола аламын", "kaz", "temporary-stay"),
        ("Qozog'istonda necha kun yashash mumkin", "uzb", "temporary-stay"),
        ("дар Қазоқистон чанд рӯз мондан мумкин аст", "tgk", "temporary-stay"),
        ("how long can I stay in Kazakhstan", "eng", "temporary-stay"),
        ("ish beruvchi maosh to'lamayapti", "uzb", "wage-arrears"),
        ("корфармо маош намедиҳад", "tgk", "wage-arrears"),
        ("жұмыс беруші жалақы төлемейді", "kaz", "wage-arrears"),
        ("My boss took my passport", "eng", "identity-documents"),
        # "work accident Kazakhstan" found nothing at all; an injury's compensation went to wages
        ("work accident", "eng", "workplace-accident"),
        ("I was injured at work, who pays compensation for injury", "eng", "health-harm"),
        ("работодатель не хочет платить компенсацию за травму", "rus", "health-harm"),
    ],
)
def test_a_migrant_s_own_words_in_the_region_s_languages_name_the_concept(text, lang, concept):
    assert concept in matched_concepts(terms(text, lang), lang)


@pytest.mark.parametrize("text", ["платить алименты", "платить кредит", "платить штраф", "платить патент"])
def test_paying_for_something_is_not_wages(text: str) -> None:
    """ "платить" alone is any payment (alimony, a loan, a fine, a patent): it names no wage concept, so a
    landlord's "нужно ли платить патент" is not sent to the articles on paying wages. A wage question
    says "зарплата", or "не платят", which means arrears."""
    found = matched_concepts(terms(text, "rus"), "rus")
    assert not {"wages", "wage-payment"} & set(found), found
    assert "wages" in matched_concepts(terms("платить зарплату", "rus"), "rus")
