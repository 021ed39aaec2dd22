"""Disputes from CSV: stages and outcomes, idempotence, and errors that name the row."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from kenes.observatory.disputes_csv import import_disputes
from kenes.observatory.importing import BadRow
from kenes.observatory.models import Dispute

from .conftest import write_csv

pytestmark = pytest.mark.django_db

HEADER = (
    "reference,country,employer,sector,union,workers_involved,started_on,"
    "conciliation_on,strike_on,outcome,outcome_on"
)


def test_a_register_imports_with_its_stages_and_a_second_import_changes_nothing(tmp_path):
    path = write_csv(
        tmp_path,
        "d.csv",
        HEADER
        + "\nKZ-2024-1,KZ,Kazakhmys,mining,Miners' union,1200,"
        + "2024-02-01,2024-02-10,2024-04-01,agreement,2024-04-20"
        + "\nKZ-2024-2,kz,Tengizchevroil,oil,,,2024-05-01,2024-05-03,,,",
    )
    assert import_disputes(path).created == 2
    first = Dispute.objects.get(reference="KZ-2024-1")
    assert first.workers_involved == 1200
    assert [s.kind for s in first.stages.order_by("started_on")] == ["conciliation", "strike"]
    again = import_disputes(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def test_an_outcome_without_its_date_is_refused_with_the_line(tmp_path):
    path = write_csv(tmp_path, "d.csv", HEADER + "\nX-1,kz,A,,,,2024-01-01,,,agreement,")
    with translation.override("en"), pytest.raises(BadRow, match="line 2: An outcome needs its date"):
        import_disputes(path)
    assert Dispute.objects.count() == 0


def test_a_bad_row_after_good_ones_writes_nothing(tmp_path):
    path = write_csv(
        tmp_path,
        "d.csv",
        HEADER + "\nX-1,kz,A,,,,2024-01-01,,,,\nX-2,kz,B,,,many,2024-01-01,,,,",
    )
    with pytest.raises(BadRow, match="line 3: workers_involved: 'many' is not a whole number"):
        import_disputes(path)
    assert Dispute.objects.count() == 0


def test_an_unknown_outcome_is_named(tmp_path):
    path = write_csv(tmp_path, "d.csv", HEADER + "\nX-1,kz,A,,,,2024-01-01,,,victory,2024-02-01")
    with pytest.raises(
        BadRow, match="outcome 'victory' is not one of agreement, partial, strike, court, withdrawn"
    ):
        import_disputes(path)


def test_a_corrected_row_updates_the_dispute_and_its_stages(tmp_path):
    import_disputes(write_csv(tmp_path, "a.csv", HEADER + "\nX-1,kz,A,,,,2024-01-01,,2024-02-01,,"))
    result = import_disputes(
        write_csv(tmp_path, "b.csv", HEADER + "\nX-1,kz,A,,,,2024-01-01,2024-01-05,,partial,2024-03-01")
    )
    assert result.updated == 1
    d = Dispute.objects.get()
    assert (d.outcome, d.outcome_on) == ("partial", dt.date(2024, 3, 1))
    assert [s.kind for s in d.stages.all()] == ["conciliation"]


def test_an_editor_imports_a_register_from_the_admin_and_a_bad_file_is_refused_whole(client, tmp_path):
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile

    admin = get_user_model().objects.create_superuser("chief", password="x-very-long-pass-1")
    client.force_login(admin)
    url = "/admin/observatory/dispute/import/"
    good = (HEADER + "\nKZ-1,kz,A,,,,2024-01-01,,,,").encode()
    response = client.post(url, {"file": SimpleUploadedFile("register.csv", good)})
    assert response.status_code == 302 and Dispute.objects.count() == 1
    bad = (HEADER + "\nKZ-2,kz,B,,,,2024-01-01,,,,\nKZ-3,kz,C,,,,not-a-date,,,,").encode()
    response = client.post(url, {"file": SimpleUploadedFile("register.csv", bad)}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and "line 3: started_on" in response.content.decode()
    assert Dispute.objects.count() == 1
