"""Competitions: weighted ballots, ties, conflicts of interest, and who sees which scores when."""

from __future__ import annotations

from fractions import Fraction

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from kenes.observatory.figures import competitions as c

from . import factories as f

pytestmark = pytest.mark.django_db


def test_a_nominations_result_is_the_mean_of_its_jurors_weighted_scores():
    e = f.edition()
    anna, bek = f.user("anna"), f.user("bek")
    a1, b1 = f.nominate(e, "Kazakhmys", anna, bek)
    c.record_scores(a1, f.scores(e, 10, 4))  # (2×10 + 1×4) / 30 = 80
    c.record_scores(b1, f.scores(e, 7, 7))  # (2×7 + 1×7) / 30 = 70
    (result,) = c.results(e)
    assert result.score == Fraction(75) and result.ballots == 2 and result.place == 1


def test_equal_results_share_a_place_and_the_next_place_is_skipped():
    e = f.edition()
    anna = f.user("anna")
    (x,) = f.nominate(e, "Alpha", anna)
    (y,) = f.nominate(e, "Beta", anna)
    (z,) = f.nominate(e, "Gamma", anna)
    c.record_scores(x, f.scores(e, 8, 8))
    c.record_scores(y, f.scores(e, 8, 8))
    c.record_scores(z, f.scores(e, 5, 5))
    places = [(r.enterprise, r.place, r.tied) for r in c.results(e)]
    assert places == [("Alpha", 1, True), ("Beta", 1, True), ("Gamma", 3, False)]


def test_a_juror_who_declares_a_conflict_is_left_out_of_that_nomination_only():
    e = f.edition()
    anna, bek = f.user("anna"), f.user("bek")
    a1, b1 = f.nominate(e, "Kazakhmys", anna, bek)
    (a2,) = f.nominate(e, "ArcelorMittal", anna)
    c.record_scores(a1, f.scores(e, 10, 10))
    c.record_scores(b1, f.scores(e, 4, 4))
    c.record_scores(a2, f.scores(e, 6, 6))
    c.declare_conflict(a1, "my brother is its director")
    results = {r.enterprise: r for r in c.results(e)}
    assert results["Kazakhmys"].score == Fraction(40) and results["Kazakhmys"].excluded == 1
    assert results["ArcelorMittal"].score == Fraction(60)
    with pytest.raises(PermissionDenied):
        c.record_scores(a1, f.scores(e, 10, 10))


def test_an_incomplete_ballot_does_not_count():
    e = f.edition()
    (a,) = f.nominate(e, "Alpha", f.user("anna"))
    first = e.criteria.order_by("id").first()
    c.record_scores(a, {first.pk: 9})
    (result,) = c.results(e)
    assert result.score is None and result.place is None


def test_a_score_outside_the_criterions_range_is_refused():
    e = f.edition()
    (a,) = f.nominate(e, "Alpha", f.user("anna"))
    with translation.override("en"), pytest.raises(ValidationError, match="a score from 0 to 10"):
        c.record_scores(a, f.scores(e, 11, 3))


def test_jurors_see_only_their_own_scores_until_the_jury_closes_then_everyones():
    e = f.edition()
    anna, bek = f.user("anna"), f.user("bek")
    a1, b1 = f.nominate(e, "Alpha", anna, bek)
    c.record_scores(a1, f.scores(e, 9, 9))
    c.record_scores(b1, f.scores(e, 2, 2))
    assert list(c.visible_scores(anna, a1)) == ["anna"]
    assert list(c.visible_scores(bek, b1)) == ["bek"]
    c.close_jury(e)
    e.refresh_from_db()
    a1.refresh_from_db()
    assert sorted(c.visible_scores(anna, a1)) == ["anna", "bek"]
    with pytest.raises(PermissionDenied):
        c.record_scores(a1, f.scores(e, 1, 1))


def test_results_cannot_be_published_before_the_jury_closes():
    e = f.edition()
    with pytest.raises(ValidationError):
        c.publish(e)
    c.close_jury(e)
    c.publish(e)
    assert e.published_at is not None


def test_a_juror_asking_for_another_jurors_ballot_gets_404(client):
    e = f.edition()
    anna, bek = f.user("anna"), f.user("bek")
    _a1, b1 = f.nominate(e, "Alpha", anna, bek)
    client.force_login(anna)
    assert client.get(f"/observatory/jury/{b1.pk}/").status_code == 404
    assert "Alpha" in client.get("/observatory/jury/").content.decode()


def test_the_jury_pages_need_a_login(client):
    response = client.get("/observatory/jury/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_winners_page_shows_only_published_editions(client):
    e = f.edition(year=2024)
    (a,) = f.nominate(e, "Alpha", f.user("anna"))
    c.record_scores(a, f.scores(e, 9, 9))
    assert "Alpha" not in client.get("/observatory/competitions/").content.decode()
    assert client.get(f"/observatory/competitions/{e.pk}/results/").status_code == 404
    c.close_jury(e)
    c.publish(e)
    page = client.get("/observatory/competitions/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Alpha" in page and "90.00" in page


def test_the_agreement_competition_needs_the_agreement_in_the_legal_database():
    from kenes.observatory.models import Nomination

    e = f.edition(kind="best-agreement")
    with translation.override("en"), pytest.raises(ValidationError, match="import it first"):
        Nomination(edition=e, enterprise="Alpha", agreement_uri="/akn/kz/doc/agreement/2024-01-01/x").clean()


def test_a_nominated_agreement_must_be_a_collective_agreement_of_the_legal_database():
    from kenes.observatory.models import Nomination
    from tests import factories as lex

    e = f.edition(kind="best-agreement")
    code = lex.work(lex.LC_URI, work_type="code")
    with translation.override("en"), pytest.raises(ValidationError, match="not a collective agreement"):
        Nomination(edition=e, enterprise="Alpha", agreement_uri=code.frbr_uri).clean()
    agreement = lex.work("/akn/kz/doc/agreement/2024-01-01/alpha", work_type="collective-agreement")
    Nomination(edition=e, enterprise="Alpha", agreement_uri=agreement.frbr_uri).clean()


def test_an_editor_manages_disputes_and_competitions_in_the_admin_but_not_the_jurors_scores(client):
    from kenes.accounts.roles import editor_group

    editor = f.user("editor", is_staff=True)
    editor.groups.add(editor_group())
    client.force_login(editor)
    for url in (
        "/admin/observatory/dispute/add/",
        "/admin/observatory/edition/add/",
        "/admin/observatory/dispute/import/",
    ):
        assert client.get(url).status_code == 200, url
    assert not editor.has_perm("observatory.change_score")
    assert client.get("/admin/observatory/value/add/").status_code in (403, 404)
