import datetime as dt

import pytest
import time_machine
from django.db import connection

from kenes.desk import casework, keys, retention, rotation
from kenes.desk.models import AuditEntry, Case, Person
from kenes.desk.scope import staff_of

from .conftest import make_case


@pytest.fixture
def own_key_file(settings, tmp_path):
    settings.KENES_DESK_KEY_FILE = tmp_path / "desk.keys"
    keys.reload()
    yield settings.KENES_DESK_KEY_FILE
    keys.keyring.cache_clear()


def _raw_name(person_id) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT full_name FROM desk_person")
        return cursor.fetchone()[0]


def test_rotation_re_encrypts_every_value_under_the_new_key(own_key_file, consultant_a):
    case = make_case(consultant_a)
    old_id = keys.keyring().current_id
    assert _raw_name(case.person.pk).startswith(f"v1:{old_id}:")
    new_id = keys.add_data_key()
    report = rotation.rotate()
    assert report.rows["desk.Person"] == 1 and report.rows["desk.Case"] == 1
    assert _raw_name(case.person.pk).startswith(f"v1:{new_id}:")
    assert Person.objects.get(pk=case.person.pk).full_name == "Zarina Testova"
    assert rotation.rotate().rows["desk.Person"] == 0  # nothing left under the old key


def test_a_value_whose_key_is_gone_says_which_key_is_missing(own_key_file, consultant_a):
    case = make_case(consultant_a)
    old_id = keys.keyring().current_id
    text = own_key_file.read_text()
    own_key_file.write_text(
        "\n".join(line for line in text.splitlines() if old_id not in line)
        + f"\ndata knew {keys.new_key()}\n"
    )
    keys.reload()
    with pytest.raises(keys.KeysUnavailable, match=old_id):
        Person.objects.get(pk=case.person.pk)


def test_purge_erases_closed_cases_past_retention_and_the_audit_keeps_only_that(consultant_a, org_a):
    org_a.retention_days = 30
    org_a.save()
    staff = staff_of(consultant_a)
    with time_machine.travel(dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC), tick=False):
        old = make_case(consultant_a, person={"full_name": "Old Closed"})
        casework.update_case(staff, old, {"status": "closed"})
        recent_open = make_case(consultant_a, person={"full_name": "Still Open", "document_number": "X1"})
    with time_machine.travel(dt.datetime(2026, 2, 15, 12, tzinfo=dt.UTC), tick=False):
        fresh = make_case(consultant_a, person={"full_name": "Just Closed", "document_number": "X2"})
        casework.update_case(staff, fresh, {"status": "closed"})
        report = retention.purge()
    assert report.erased == 1
    assert set(Case.objects.values_list("pk", flat=True)) == {recent_open.pk, fresh.pk}
    erased = AuditEntry.objects.get(action="erase")
    assert erased.object_id == str(old.pk) and "retention" in erased.detail
    assert not Person.objects.filter(pk=old.person_id).exists()


def test_erasure_on_request_blanks_what_a_referral_carried_but_keeps_its_trail(consultant_a, org_b):
    from kenes.desk import consents, referrals

    staff = staff_of(consultant_a)
    case = make_case(consultant_a)
    consents.record_consent(staff, case, "share", "oral", partner=org_b)
    referral = referrals.send(staff, case, org_b, "call her after six")
    retention.erase(case, user=consultant_a)
    referral.refresh_from_db()
    assert referral.payload == "" and referral.note == "" and referral.case_id is None
    assert [e.state for e in referral.events.all()] == ["sent"]


@pytest.mark.django_db(transaction=True)
def test_erasure_removes_the_attachment_files_once_committed(consultant_a, settings, tmp_path):
    import uuid

    from kenes.desk import uploads
    from kenes.desk.models import Attachment

    settings.KENES_DESK_FILES = tmp_path / "files"
    case = make_case(consultant_a)
    attachment_id = uuid.uuid4()
    content_type, key_id = uploads.store(attachment_id, b"%PDF-1.4 scan")
    Attachment.objects.create(
        id=attachment_id, case=case, filename="scan.pdf", content_type=content_type, size=13, key_id=key_id
    )
    assert (tmp_path / "files" / str(attachment_id)).exists()
    retention.erase(case, user=consultant_a)
    assert not (tmp_path / "files" / str(attachment_id)).exists()
    assert not Attachment.objects.exists()
