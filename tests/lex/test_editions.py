"""Two editions of one act: which one a date picks, what changed word by word, and the API's diff."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.lex import editions
from kenes.lex.importing import import_document
from kenes.lex.models import Work
from kenes.lex.tree import Node, Note, assign_eids
from tests import factories as f

pytestmark = pytest.mark.django_db

OLD_DAY, NEW_DAY = dt.date(2025, 4, 15), dt.date(2025, 7, 16)


def _new_edition():
    doc = f.labour_doc("Заработная плата выплачивается не реже двух раз в месяц.")
    chapter = doc.body[0]
    chapter.children.append(
        Node(
            "article",
            num="124-2",
            heading="Новая гарантия",
            text="Текст новой статьи.",
            notes=[
                Note(
                    "Сноска. Глава 8 дополнена статьей 124-2 в соответствии с "
                    "Законом РК от 01.07.2025 № 5-VIII."
                )
            ],
        )
    )
    assign_eids(doc)
    return doc


@pytest.fixture
def code(db):
    f.jurisdiction("kz")
    import_document(f.labour_doc(), work_uri=f.LC_URI, lang="rus", date=OLD_DAY)
    import_document(_new_edition(), work_uri=f.LC_URI, lang="rus", date=NEW_DAY)
    return Work.objects.get(frbr_uri=f.LC_URI)


def test_a_date_between_two_editions_picks_the_older_and_a_date_before_both_says_so(code):
    between = editions.in_force_on(code, "rus", dt.date(2025, 6, 1))
    assert between.expression.date == OLD_DAY and not between.before_first
    early = editions.in_force_on(code, "rus", dt.date(2024, 1, 1))
    assert early.expression is None and early.before_first and early.first.date == OLD_DAY
    assert [e.date for e in editions.editions(code, "rus")] == [OLD_DAY, NEW_DAY]


def test_comparison_lists_the_added_article_and_marks_the_changed_words(code):
    old, new = editions.editions(code, "rus")
    comparison = editions.compare(new, old)  # either order: the older one is "old"
    assert comparison.old.date == OLD_DAY
    by_eid = {c.eid: c for c in comparison.changes}
    assert by_eid["art_124-2"].change == "added"
    changed = by_eid["art_113__para_1"]
    assert changed.change == "changed"
    assert [(s.op, s.text) for s in changed.segments if s.op != "same"] == [
        ("removed", "одного раза"),
        ("added", "двух раз"),
    ]
    assert "chp_8" not in by_eid  # a chapter changes whenever an article does: not listed twice
    assert comparison.counts() == {"added": 1, "removed": 0, "changed": 1}


def test_comparison_carries_the_amendment_effects_recorded_between_the_two_dates(code):
    old, new = editions.editions(code, "rus")
    effects = editions.compare(old, new).effects
    assert [(e.eid, e.effect, e.amendment.amending_number) for e in effects] == [
        ("art_124-2", "inserted", "5-VIII")
    ]


def test_api_diff_gives_word_segments_and_effects(client, code):
    body = client.get(
        "/api/diff", {"work": f.LC_URI, "date_from": "2025-05-01", "date_to": "2025-08-01", "lang": "rus"}
    ).json()
    assert body["from_expression"].endswith("rus@2025-04-15")
    changed = next(c for c in body["changes"] if c["eid"] == "art_113__para_1")
    assert {"op": "added", "text": "двух раз"} in changed["segments"]
    assert body["effects"][0]["eid"] == "art_124-2"


def test_api_for_a_date_before_the_first_edition_names_the_first_edition(client, code):
    response = client.get(f"/api/akn{f.LC_URI[4:]}/rus@2024-01-01/~art_113")
    assert response.status_code == 404
    message = response.json()["error"]["message"]
    assert f"the first edition held is {f.LC_URI}/rus@2025-04-15" in message
