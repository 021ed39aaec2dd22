import datetime as dt
import re

import pytest
import time_machine

from kenes.desk import consents, helpdesk
from kenes.desk.models import Case, Citation, Referral
from kenes.desk.scope import staff_of

from .conftest import make_org


def _case_id(response) -> str:
    return re.search(r"/desk/cases/([0-9a-f-]{36})/", response["Location"]).group(1)


def test_consultant_flow_intake_consultation_referral_accept(client, consultant_a, consultant_b, org_b):
    client.force_login(consultant_a)
    response = client.post(
        "/desk/new/",
        {
            "full_name": "Aziz Flowtest",
            "phone": "+7 701 000 00 01",
            "citizenship": "uz",
            "host_country": "kz",
            "categories": ["unpaid-wages"],
            "urgency": "normal",
            "channel": "visit",
            "summary": "No pay since May",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    case_id = _case_id(response)
    page = client.get(f"/desk/cases/{case_id}/")
    assert "Aziz Flowtest" in page.content.decode()

    cite = "/akn/kz/act/code/2015-11-23/414-v|art_113|2024-01-01|rus"
    saved = client.post(
        f"/desk/cases/{case_id}/consultation/",
        {
            "held_on": "2026-03-01",
            "channel": "visit",
            "language": "ru",
            "advice": "Write to the inspectorate",
            "minutes": "20",
            "cite": [cite],
            "action": "save",
        },
    )
    assert saved.status_code == 302
    citation = Citation.objects.get(consultation__case_id=case_id)
    assert (citation.work_uri, citation.eid, citation.expression_date) == (
        "/akn/kz/act/code/2015-11-23/414-v",
        "art_113",
        dt.date(2024, 1, 1),
    )
    sheet = client.get(f"/desk/cases/{case_id}/consultations/{citation.consultation_id}/sheet/")
    assert sheet.status_code == 200 and "Write to the inspectorate" in sheet.content.decode()
    assert len(sheet.content) < 100_000

    refused = client.post(f"/desk/cases/{case_id}/refer/", {"to_organisation": str(org_b.pk)}, follow=True)
    assert not Referral.objects.exists()
    assert "consent" in refused.content.decode().lower()
    client.post(
        f"/desk/cases/{case_id}/consents/",
        {"kind": "share", "method": "oral", "given_on": "2026-03-01", "partner": str(org_b.pk)},
    )
    sent = client.post(f"/desk/cases/{case_id}/refer/", {"to_organisation": str(org_b.pk), "note": "call"})
    referral = Referral.objects.get()
    assert sent["Location"].endswith(f"/desk/referrals/{referral.pk}/")

    client.force_login(consultant_b)
    incoming = client.get("/desk/referrals/").content.decode()
    assert str(referral.pk) in incoming
    accepted = client.post(f"/desk/referrals/{referral.pk}/accept/")
    copy = Case.objects.get(organisation=org_b)
    assert accepted["Location"].endswith(f"/desk/cases/{copy.pk}/")
    assert "Aziz Flowtest" in client.get(f"/desk/cases/{copy.pk}/").content.decode()
    assert client.get(f"/desk/cases/{case_id}/").status_code == 404  # the original stays the sender's


def test_intake_page_flags_a_duplicate(client, consultant_a):
    client.force_login(consultant_a)
    data = {
        "full_name": "Dup One",
        "document_number": "N777",
        "host_country": "kz",
        "categories": ["dismissal"],
        "urgency": "normal",
        "channel": "visit",
    }
    client.post("/desk/new/", data)
    again = client.post("/desk/new/", dict(data, full_name="Dup Two", document_number="n-777"), follow=True)
    assert "duplicate" in again.content.decode().lower()
    assert Case.objects.filter(possible_duplicate=True).count() == 1


def test_withdrawing_consent_on_the_page_revokes_the_pending_referral(client, consultant_a, org_b):
    from .conftest import make_case

    case = make_case(consultant_a)
    consent = consents.record_consent(staff_of(consultant_a), case, "share", "oral", partner=org_b)
    client.force_login(consultant_a)
    client.post(f"/desk/cases/{case.pk}/refer/", {"to_organisation": str(org_b.pk)})
    client.post(f"/desk/cases/{case.pk}/consents/{consent.pk}/withdraw/")
    assert Referral.objects.get().state == "revoked"


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200


def test_uploaded_files_are_stored_encrypted_and_served_only_as_downloads(
    client, consultant_a, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .conftest import make_case

    settings.KENES_DESK_FILES = tmp_path / "files"
    case = make_case(consultant_a)
    client.force_login(consultant_a)
    svg = SimpleUploadedFile("x.png", b"<svg onload=alert(1)>", content_type="image/png")
    client.post(f"/desk/cases/{case.pk}/attachments/", {"file": svg})
    assert not case.attachments.exists()
    client.post(f"/desk/cases/{case.pk}/attachments/", {"file": SimpleUploadedFile("scan.png", PNG)})
    attachment = case.attachments.get()
    assert PNG not in (tmp_path / "files" / str(attachment.pk)).read_bytes()
    response = client.get(f"/desk/cases/{case.pk}/attachments/{attachment.pk}/")
    assert response.content == PNG
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "image/png" and response["X-Content-Type-Options"] == "nosniff"


def test_an_oversized_upload_is_refused(client, consultant_a, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .conftest import make_case

    settings.KENES_DESK_FILES = tmp_path / "files"
    settings.KENES_DESK_MAX_UPLOAD = 100
    case = make_case(consultant_a)
    client.force_login(consultant_a)
    client.post(f"/desk/cases/{case.pk}/attachments/", {"file": SimpleUploadedFile("big.png", PNG * 3)})
    assert not case.attachments.exists()


@pytest.fixture
def centre(db):
    from kenes.accounts.models import CentreContact

    org = make_org("almaty-centre", "kz")
    CentreContact.objects.create(organisation=org, city="Almaty", phone="+7 727 000 00 00", confirmed=True)
    return org


def _help(client, centre, **extra):
    with time_machine.travel(dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        stamp = helpdesk.form_stamp()
    data = {
        "phone": "+7 701 111 22 33",
        "name": "Portal Person",
        "centre": str(centre.pk),
        "language": "ru",
        "website": "",
        "started": stamp,
        **extra,
    }
    with time_machine.travel(dt.datetime(2026, 3, 1, 10, 1, tzinfo=dt.UTC), tick=False):
        return client.post("/help/", data)


def test_help_form_lands_in_the_centres_queue_and_shows_only_a_reference_and_contacts(client, centre):
    response = _help(client, centre)
    text = response.content.decode()
    case = Case.objects.get()
    assert case.organisation_id == centre.pk and case.channel == "portal" and case.status == "new"
    assert case.reference in text and "+7 727 000 00 00" in text
    assert "Portal Person" not in text and "111 22 33" not in text


def test_help_form_refuses_bots_too_fast_and_too_many(client, centre):
    assert "could not be sent" in _help(client, centre, website="http://spam").content.decode()
    with time_machine.travel(dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        quick = client.post(
            "/help/",
            {"phone": "1", "centre": str(centre.pk), "language": "ru", "started": helpdesk.form_stamp()},
        )
    assert "could not be sent" in quick.content.decode()
    assert not Case.objects.exists()
    for _ in range(helpdesk.PER_ADDRESS):
        _help(client, centre)
    assert "could not be sent" in _help(client, centre).content.decode()
    assert Case.objects.count() == helpdesk.PER_ADDRESS


@pytest.mark.parametrize(("lang", "word"), [("ru", "Новое дело"), ("kk", "Жаңа іс"), ("en", "New case")])
def test_desk_pages_speak_russian_kazakh_and_english(client, consultant_a, lang, word):
    client.force_login(consultant_a)
    assert word in client.get("/desk/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()


@pytest.mark.parametrize(
    ("lang", "word"),
    [
        ("ru", "Отправить"),
        ("kk", "Жіберу"),
        ("en", "Send"),
        ("uz", "Yuborish"),
        ("ky", "Жөнөтүү"),
        ("tg", "Фиристодан"),
    ],
)
def test_help_form_speaks_the_readers_language(client, centre, lang, word):
    assert word in client.get("/help/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()


def test_an_analyst_reads_suppressed_statistics_and_no_case(client, consultant_a, analyst_a):
    from .conftest import make_case

    staff = staff_of(consultant_a)
    for n in range(9):
        case = make_case(consultant_a, person={"document_number": f"S{n}", "phone": ""})
        consents.record_consent(staff, case, "statistics", "oral")
    lone = make_case(consultant_a, person={"document_number": "S99", "phone": ""}, categories=["injury"])
    consents.record_consent(staff, lone, "statistics", "oral")
    client.force_login(analyst_a)
    page = client.get("/desk/statistics/").content.decode()
    assert "Unpaid wages" in page and "≤7" in page
    csv_text = client.get("/desk/statistics/?format=csv").content.decode()
    assert "category,injury,<=7" in csv_text and "category,unpaid-wages,10" in csv_text
    assert client.get("/desk/").status_code == 404
    assert client.get(f"/desk/cases/{lone.pk}/").status_code == 404


def test_only_the_centre_head_reads_the_audit_log(client, consultant_a, head_a):
    from .conftest import make_case

    make_case(consultant_a)
    client.force_login(consultant_a)
    assert client.get("/desk/audit/").status_code == 404
    client.force_login(head_a)
    page = client.get("/desk/audit/?verify=1").content.decode()
    assert "Intact" in page and "cons_a" in page


def test_the_consent_form_says_what_may_be_shared_and_the_referral_carries_only_that(
    client, consultant_a, org_b
):
    from .conftest import make_case

    case = make_case(consultant_a)
    client.force_login(consultant_a)
    client.post(
        f"/desk/cases/{case.pk}/consents/",
        {
            "kind": "share",
            "method": "written",
            "given_on": "2026-03-01",
            "partner": str(org_b.pk),
            "covers": ["phone", "categories"],
        },
    )
    client.post(f"/desk/cases/{case.pk}/refer/", {"to_organisation": str(org_b.pk)})
    referral = Referral.objects.get()
    assert referral.shared_fields == "phone,categories"
    page = client.get(f"/desk/referrals/{referral.pk}/").content.decode()
    assert "+7 701 555 01 02" in page and "Unpaid wages" in page and "Zarina" not in page


def test_staff_pages_in_a_language_without_a_desk_translation_say_they_fall_back_to_russian(
    client, consultant_a
):
    client.force_login(consultant_a)
    page = client.get("/desk/", HTTP_ACCEPT_LANGUAGE="uz").content.decode()
    assert "rus tilida" in page and "Новое дело" in page


def test_the_advice_sheet_carries_the_cited_articles_text_in_the_persons_language(client, consultant_a):
    import datetime as dt

    from kenes.desk import casework
    from kenes.lex.importing import import_document
    from tests import factories as f

    from .conftest import make_case

    f.work(f.LC_URI, title="Трудовой кодекс Республики Казахстан", short_title="ТК РК", work_type="code")
    import_document(f.labour_doc(), work_uri=f.LC_URI, lang="rus", date=f.DAY)
    case = make_case(consultant_a)
    consultation = casework.add_consultation(
        staff_of(consultant_a),
        case,
        held_on=dt.date(2026, 3, 1),
        channel="visit",
        language="ru",
        advice="Напишите работодателю",
        minutes=10,
        citations=[{"work_uri": f.LC_URI, "eid": "art_113", "expression_date": "2026-03-01", "lang": "rus"}],
    )
    client.force_login(consultant_a)
    sheet = client.get(f"/desk/cases/{case.pk}/consultations/{consultation.pk}/sheet/").content.decode()
    assert '<html lang="ru">' in sheet and "ТК РК, 113" in sheet
    assert "Заработная плата выплачивается не реже одного раза в месяц." in sheet
    assert "Zarina" not in sheet  # the sheet names no one: the person keeps it
