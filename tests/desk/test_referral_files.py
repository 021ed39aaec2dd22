"""Referral files in the desk's pages: the sending head downloads a sealed file, the receiver uploads it.

Real keys, real sealing and signing (PyNaCl), real database. One database plays both sides: before the
receiver imports, the sender's row is deleted, as if the file had crossed to another Kenes.
"""

from __future__ import annotations

import base64
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kenes.desk import consents, referrals, transfer
from kenes.desk.models import AuditEntry, Referral, ReferralEvent
from kenes.desk.scope import staff_of

from .conftest import make_case, make_org, make_staff

IMPORT = "/desk/referrals/import/"


@pytest.fixture(autouse=True)
def _keys(settings, tmp_path, org_a, org_b):
    settings.KENES_DESK_ORG_KEYS = tmp_path / "org-keys"
    transfer.generate_keys(org_a)
    transfer.generate_keys(org_b)


def _file_url(referral) -> str:
    return f"/desk/referrals/{referral.pk}/file/"


@pytest.fixture
def pending(head_a, org_b):
    """A pending referral from centre A to B, resting on a written consent to share name and phone."""
    staff = staff_of(head_a)
    case = make_case(head_a, person={"full_name": "Dilnoza Faylova", "document_number": "FX1"})
    consents.record_consent(staff, case, "share", "written", partner=org_b, covers=["full_name", "phone"])
    return referrals.send(staff, case, org_b)


def _download(client, head, referral) -> bytes:
    client.force_login(head)
    assert "Download as a sealed file" in client.get(f"/desk/referrals/{referral.pk}/").content.decode()
    response = client.post(_file_url(referral))
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Disposition"] == f'attachment; filename="referral-{referral.pk}.kenes"'
    return response.content


def _crossed(referral) -> None:
    """The file is at the receiver's Kenes now, where the sender's row does not exist."""
    Referral.objects.filter(pk=referral.pk).delete()


def _upload(client, user, blob: bytes, **extra):
    client.force_login(user)
    return client.post(IMPORT, {"file": SimpleUploadedFile("referral.kenes", blob)}, **extra)


def _rows() -> tuple[int, int]:
    return Referral.objects.count(), ReferralEvent.objects.count()


def test_the_head_downloads_a_sealed_file_that_holds_no_plain_text_and_the_download_is_audited(
    client, head_a, pending
):
    blob = _download(client, head_a, pending)
    assert b"Dilnoza" not in blob and b"FX1" not in blob
    assert json.loads(blob)["format"] == transfer.FORMAT
    entry = AuditEntry.objects.filter(action="export", object_id=str(pending.pk)).get()
    assert entry.actor_id == head_a.pk and entry.detail == "referral file" and entry.ip == "127.0.0.1"


def test_the_receiver_uploads_the_file_and_accepts_the_referral_in_the_desk(client, head_a, pending, org_b):
    blob = _download(client, head_a, pending)
    _crossed(pending)
    receiver = make_staff(org_b, "consultant")
    response = _upload(client, receiver, blob)
    assert response.status_code == 302 and response["Location"] == f"/desk/referrals/{pending.pk}/"
    imported = Referral.objects.get(pk=pending.pk)
    assert imported.imported and imported.state == "sent" and imported.to_organisation_id == org_b.pk
    assert "Dilnoza Faylova" in client.get(response["Location"]).content.decode()
    response = client.post(f"/desk/referrals/{pending.pk}/accept/")
    copy = Referral.objects.get(pk=pending.pk).received_case
    assert copy.person.full_name == "Dilnoza Faylova" and copy.person.document_number == ""
    assert AuditEntry.objects.filter(action="referral", detail="imported from centre-a").count() == 1


def test_only_the_sending_centres_head_gets_the_file_others_get_404(client, pending, consultant_a, head_b):
    intruder_head = make_staff(make_org("intruder", "ru", "partner"), "head")
    client.force_login(consultant_a)
    assert "Download as a sealed file" not in client.get(f"/desk/referrals/{pending.pk}/").content.decode()
    for user in (consultant_a, head_b, intruder_head):
        client.force_login(user)
        assert client.post(_file_url(pending)).status_code == 404, user
    client.force_login(pending.created_by)
    assert client.get(_file_url(pending)).status_code == 404  # a POST only: a link cannot trigger an export
    assert not AuditEntry.objects.filter(action="export").exists()


def test_no_file_once_the_consent_is_withdrawn_or_when_it_names_another_partner(client, head_a, pending):
    staff = staff_of(head_a)
    consent = pending.consent
    other = make_org("partner-c", "ru", "partner")
    elsewhere = consents.record_consent(staff, pending.case, "share", "oral", partner=other)
    Referral.objects.filter(pk=pending.pk).update(consent=elsewhere)
    client.force_login(head_a)
    response = client.post(_file_url(pending), follow=True)
    assert "There is no consent in force to share this case" in response.content.decode()

    Referral.objects.filter(pk=pending.pk).update(consent=consent)
    consents.withdraw_consent(staff, consent)  # revokes the pending referral at once
    response = client.post(_file_url(pending), follow=True)
    assert "Only a pending referral can travel as a file" in response.content.decode()
    assert not AuditEntry.objects.filter(action="export").exists()


def test_an_urgent_override_travels_and_its_export_says_so_in_the_audit(client, head_a, org_b):
    case = make_case(head_a, categories=["trafficking-suspicion"])
    referral = referrals.send(staff_of(head_a), case, org_b, urgent_override=True)
    _download(client, head_a, referral)
    entry = AuditEntry.objects.get(action="export", object_id=str(referral.pk))
    assert entry.detail == "referral file (urgent override)"


def test_a_changed_file_is_refused_with_a_clear_error_and_nothing_is_saved(client, head_a, pending, org_b):
    blob = _download(client, head_a, pending)
    _crossed(pending)
    envelope = json.loads(blob)
    sealed = bytearray(base64.b64decode(envelope["sealed"]))
    sealed[-5] ^= 0x01
    envelope["sealed"] = base64.b64encode(bytes(sealed)).decode()
    before = _rows()
    response = _upload(client, make_staff(org_b, "consultant"), json.dumps(envelope).encode())
    assert response.status_code == 400
    text = response.content.decode()
    assert "does not open with our key or its signature does not verify" in text
    assert "Nothing was imported." in text
    assert _rows() == before
    assert AuditEntry.objects.filter(detail="file refused: does-not-open").count() == 1


@pytest.mark.parametrize(
    "blob",
    [b"not json at all", b"{}", b'{"from_key": "x", "sealed": "%%%"}', b"\xff\xfe\x00", b"[1, 2]"],
)
def test_anything_that_is_not_a_referral_file_is_refused_as_such(client, org_b, blob):
    before = _rows()
    response = _upload(client, make_staff(org_b, "consultant"), blob)
    assert response.status_code == 400
    assert "This is not a Kenes referral file." in response.content.decode()
    assert _rows() == before


def test_a_file_sealed_for_another_organisation_does_not_open_here(client, head_a, pending):
    blob = _download(client, head_a, pending)
    _crossed(pending)
    intruder = make_org("intruder", "ru", "partner")
    transfer.generate_keys(intruder)
    response = _upload(client, make_staff(intruder, "consultant"), blob)
    assert response.status_code == 400 and "does not open with our key" in response.content.decode()
    assert not Referral.objects.filter(pk=pending.pk).exists()


def test_a_file_is_imported_once(client, head_a, pending, org_b):
    blob = _download(client, head_a, pending)
    _crossed(pending)
    receiver = make_staff(org_b, "consultant")
    assert _upload(client, receiver, blob).status_code == 302
    before = _rows()
    response = _upload(client, receiver, blob)
    assert response.status_code == 400 and "imported already" in response.content.decode()
    assert _rows() == before


@pytest.mark.parametrize(
    "payload",
    [
        {"full_name": "X", "password_hash": "smuggled"},
        {"full_name": {"nested": "object"}},
        {"categories": [{"code": "dismissal"}]},
        {"categories": "dismissal"},
    ],
)
def test_a_signed_file_with_fields_no_consent_can_carry_is_refused_before_anything_is_written(
    client, head_a, org_a, org_b, payload
):
    """Signed by a real partner, sealed to us, but its body carries a field outside the shareable ones, or
    one of the wrong shape."""
    from nacl.encoding import Base64Encoder
    from nacl.public import PublicKey, SealedBox

    from kenes.desk.models import PartnerKey

    _box, signing = transfer._private(org_a)
    body = {
        "format": transfer.FORMAT,
        "referral": "2b0e4f6c-8a0b-4a57-9d0c-5f4e0c1a2b3c",
        "from": org_a.slug,
        "to_key": PartnerKey.objects.get(organisation=org_b).box_public,
        "payload": payload,
        "shared_fields": "full_name",
    }
    sealed = SealedBox(PublicKey(body["to_key"], encoder=Base64Encoder)).encrypt(
        signing.sign(json.dumps(body).encode())
    )
    blob = json.dumps(
        {
            "format": transfer.FORMAT,
            "from_key": signing.verify_key.encode(Base64Encoder).decode(),
            "sealed": base64.b64encode(sealed).decode(),
        }
    ).encode()
    before = _rows()
    response = _upload(client, make_staff(org_b, "consultant"), blob)
    assert response.status_code == 400 and "not a Kenes referral file" in response.content.decode()
    assert _rows() == before


def test_an_oversized_upload_is_cut_off_while_it_streams(client, settings, org_b):
    settings.KENES_DESK_MAX_REFERRAL_FILE = 1024
    before = _rows()
    response = _upload(client, make_staff(org_b, "consultant"), b"{" + b" " * 5000 + b"}")
    assert response.status_code == 400
    assert "The file is larger than 1 kB." in response.content.decode()
    assert _rows() == before


def test_the_upload_checks_the_csrf_token_although_the_view_installs_its_cap_first(org_b):
    client = Client(enforce_csrf_checks=True)
    response = _upload(client, make_staff(org_b, "consultant"), b"{}")
    assert response.status_code == 403
    client.force_login(make_staff(org_b, "consultant"))
    assert client.get(IMPORT).status_code == 200


def test_refusals_read_in_the_users_language(client, org_b):
    response = _upload(client, make_staff(org_b, "consultant"), b"nonsense", HTTP_ACCEPT_LANGUAGE="ru")
    assert "Это не файл направления Kenes." in response.content.decode()
    response = _upload(client, make_staff(org_b, "consultant"), b"nonsense", HTTP_ACCEPT_LANGUAGE="kk")
    assert "Бұл Kenes жолдамасының файлы емес." in response.content.decode()


def test_a_file_signed_by_no_known_partner_is_refused(client, org_b):
    from nacl.encoding import Base64Encoder
    from nacl.signing import SigningKey

    stranger = SigningKey.generate().verify_key.encode(Base64Encoder).decode()
    blob = json.dumps({"format": transfer.FORMAT, "from_key": stranger, "sealed": "AAAA"}).encode()
    response = _upload(client, make_staff(org_b, "consultant"), blob)
    assert "signed by a key of no known partner organisation" in response.content.decode()
