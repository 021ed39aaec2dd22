import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kenes.desk import consents, referrals, transfer, uploads
from kenes.desk.scope import staff_of

from .conftest import make_case, make_org


@pytest.fixture(autouse=True)
def _own_dirs(settings, tmp_path):
    settings.KENES_DESK_ORG_KEYS = tmp_path / "org-keys"
    settings.KENES_DESK_FILES = tmp_path / "files"


def test_a_referral_file_opens_only_for_its_receiver_and_only_if_signed_by_a_known_partner(
    consultant_a, org_b
):
    sender = staff_of(consultant_a)
    transfer.generate_keys(sender.organisation)
    transfer.generate_keys(org_b)
    case = make_case(consultant_a)
    consents.record_consent(sender, case, "share", "written", partner=org_b, covers=["full_name", "phone"])
    referral = referrals.send(sender, case, org_b)
    blob = transfer.export_referral(referral)
    assert b"Zarina" not in blob

    intruder = make_org("intruder", "ru", "partner")
    transfer.generate_keys(intruder)
    with pytest.raises(transfer.TransferRefused):
        transfer.import_referral(blob, intruder)

    tampered = blob.replace(blob[-20:-10], b"A" * 10)
    with pytest.raises(transfer.TransferRefused):
        transfer.import_referral(tampered, org_b)

    referral.delete()  # the receiver runs its own Kenes: the row is not there
    imported = transfer.import_referral(blob, org_b)
    assert imported.imported and imported.to_organisation_id == org_b.pk
    from .conftest import make_staff

    copy = referrals.accept(staff_of(make_staff(org_b, "consultant")), imported)
    assert copy.person.full_name == "Zarina Testova" and copy.person.document_number == ""


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"x" * 64 + b"\n%%EOF"


def test_uploads_are_judged_by_content_not_by_name():
    assert uploads.sniff(PNG[:16]) == "image/png"
    assert uploads.sniff(PDF[:16]) == "application/pdf"
    assert uploads.sniff(b"\xff\xd8\xff\xe0" + b"\x00" * 12) == "image/jpeg"
    for bad in (b"<svg xmlns='http://www.w3.org/2000/svg'>", b"<html><script>", b"GIF89a....."):
        with pytest.raises(uploads.UploadRefused):
            uploads.sniff(bad[:16])


def test_an_oversized_upload_is_refused_while_reading(settings):
    settings.KENES_DESK_MAX_UPLOAD = 1024
    big = SimpleUploadedFile("scan.pdf", PDF + b"x" * 5000, content_type="application/pdf")
    with pytest.raises(uploads.UploadRefused):
        uploads.read_capped(big)
    handler = uploads.CappedUploadHandler()
    handler.receive_data_chunk(b"x" * 1000, 0)
    from django.core.files.uploadhandler import StopUpload

    with pytest.raises(StopUpload):
        handler.receive_data_chunk(b"x" * 100, 1000)


def test_stored_files_are_encrypted_and_bound_to_their_attachment(db):
    import uuid

    first, second = uuid.uuid4(), uuid.uuid4()
    content_type, key_id = uploads.store(first, PDF)
    raw = (uploads.files_dir() / str(first)).read_bytes()
    assert b"%PDF" not in raw
    from kenes.desk import crypto

    assert crypto.open_bytes(key_id, raw, uploads.context(first)) == PDF
    with pytest.raises(crypto.Undecryptable):
        crypto.open_bytes(key_id, raw, uploads.context(second))
    assert content_type == "application/pdf"
