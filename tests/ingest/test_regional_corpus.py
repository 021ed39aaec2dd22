"""The region's real texts in ../shared/corpus: Tajik and Russian labour codes, the Kazakh personal data law.

Counts were checked independently of the parser: ``grep -c '^## Статья' tj/labour_code_2016_ru.md`` (367),
``grep -c '^Статья' ru/labour_code_2001_ru.md`` (538),
``grep -cP '^[\\s\\x{a0}]*[СC]татья \\d' kz/personal_data_law_2013_ru.txt`` (38) and ``-бап`` headings in the
Kazakh file (38). The six repealed articles of the Russian code are its ``Статья N. Утратила силу`` lines.
"""

from __future__ import annotations

import pytest

from kenes.lex.ingest.readers import read_text
from kenes.lex.ingest.structure import parse_text
from kenes.lex.outline import outline
from tests.conftest import corpus_file

pytestmark = pytest.mark.corpus

_CACHE: dict[str, object] = {}
#: Read as the corpus manifest (kenes/lex/starter/corpus.yaml) says: the Russian code is plain text with one
#: paragraph per line.
OPTIONS = {"labour_code_2001_ru.md": {"fmt": "txt", "line_paragraphs": True}}


def parsed(*parts: str, lang: str = "rus"):
    key = "/".join(parts)
    if key not in _CACHE:
        options = OPTIONS.get(parts[-1], {})
        text = read_text(corpus_file(*parts), options.get("fmt"))
        _CACHE[key] = parse_text(text, lang, line_paragraphs=options.get("line_paragraphs", False))
    return _CACHE[key]


def test_tajik_labour_code_has_367_articles_with_the_inserted_288_1():
    doc = parsed("tj", "labour_code_2016_ru.md")
    articles = doc.articles()
    assert len(articles) == 367
    inserted = doc.find("art_288-1")
    assert inserted is not None and inserted.num == "288(1)"
    assert inserted.heading.startswith("Ограничения на занятие трудовой деятельностью")
    assert doc.warnings == []


def test_russian_labour_code_has_538_articles_numbered_as_printed():
    doc = parsed("ru", "labour_code_2001_ru.md")
    nums = [a.num for a in doc.articles()]
    assert len(nums) == 538
    assert len(set(nums)) == 538
    for printed, eid in (("22.1", "art_22-1"), ("341.1-1", "art_341-1-1"), ("348.11-1", "art_348-11-1")):
        assert printed in nums
        assert doc.find(eid).num == printed
    eids = [n.eid for n in doc.walk()]
    assert len(eids) == len(set(eids))


def test_russian_labour_code_keeps_repealed_articles_visible_and_out_of_the_law_in_force():
    doc = parsed("ru", "labour_code_2001_ru.md")
    summary = outline(doc)
    assert summary.repealed == ["7", "85", "98", "175", "351.2", "360"]
    assert summary.in_force == 538 - 6
    article_7 = doc.find("art_7")
    assert article_7.status == "repealed"
    assert article_7.heading.startswith("Утратила силу")
    assert doc.find("art_8").status == ""


def test_russian_labour_codes_federal_notes_are_notes_not_law_and_parts_stay_paragraphs():
    doc = parsed("ru", "labour_code_2001_ru.md")
    article = doc.find("art_12")
    assert "(в ред." not in article.text and "в ред." not in article.heading
    assert [n.text for n in article.notes][0] == "(в ред. Федерального закона от 30.06.2006 N 90-ФЗ)"
    assert sum(len(n.notes) for n in doc.walk()) == 1172  # grep -c '^(' ru/labour_code_2001_ru.md
    assert article.text.count("\n") >= 4  # its parts (абзацы) stay apart
    assert [c.eid for c in doc.find("art_113").children] == [
        "art_113__point_1",
        "art_113__point_2",
        "art_113__point_3",
    ]


def test_personal_data_law_aligns_38_articles_in_russian_and_kazakh():
    ru = parsed("kz", "personal_data_law_2013_ru.txt")
    kk = parsed("kz", "personal_data_law_2013_kk.txt", lang="kaz")
    ru_eids = [a.eid for a in ru.articles()]
    kk_eids = [a.eid for a in kk.articles()]
    assert len(ru_eids) == len(kk_eids) == 38
    assert ru_eids == kk_eids
    assert "art_7" in ru_eids and "art_16" in ru_eids  # consent and cross-border transfer


def test_june_2025_labour_code_lacks_article_124_2_which_the_current_edition_has():
    old = parsed("kz", "labour_code_2015_ru_2025-06.txt")
    new = parsed("kz", "labour_code_2015_ru.txt")
    assert len(old.articles()) == 220 and len(new.articles()) == 221
    assert old.find("art_124-2") is None
    assert new.find("art_124-2") is not None


@pytest.mark.parametrize(
    ("parts", "lang", "first", "last"),
    [
        (("tj", "labour_code_2016_ru.md"), "rus", "1", "366"),
        (("ru", "labour_code_2001_ru.md"), "rus", "1", "424"),
        (("kz", "personal_data_law_2013_kk.txt"), "kaz", "1", "31"),
    ],
)
def test_import_summary_of_a_real_code_names_first_and_last_article_and_no_gap(parts, lang, first, last):
    summary = outline(parsed(*parts, lang=lang))
    assert (summary.first, summary.last) == (first, last)
    assert summary.gaps == [] and summary.repeats == []
