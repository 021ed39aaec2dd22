"""The desk's rules link into the real Law of the RK on personal data: every article they cite exists."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.desk import rules
from tests.conftest import corpus_file

pytestmark = [pytest.mark.corpus, pytest.mark.django_db]


@pytest.mark.parametrize("lang", ["rus", "kaz"])
def test_every_article_the_desk_cites_is_in_the_imported_personal_data_law(lang):
    from kenes.lex import reading
    from kenes.lex.importing import import_file
    from tests import factories

    factories.jurisdiction("kz")

    name = {"rus": "personal_data_law_2013_ru.txt", "kaz": "personal_data_law_2013_kk.txt"}[lang]
    import_file(
        corpus_file("kz", name),
        work_uri=rules.PERSONAL_DATA_LAW,
        lang=lang,
        date=dt.date(2024, 1, 1),
        work_type="law",
    )
    work = reading.get_work(rules.PERSONAL_DATA_LAW)
    expression = reading.expression_in_force(work, lang, dt.date(2024, 6, 1))
    for basis in (rules.CONDITIONS, rules.CONSENT, rules.WITHOUT_CONSENT, rules.CROSS_BORDER):
        provision = reading.find_provision(expression, basis.eid)
        assert provision.num == basis.eid.removeprefix("art_"), basis
    assert "трансграничн" in reading.find_provision(expression, "art_16").heading.lower() or lang == "kaz"
