import pytest

from kenes.desk import consents, referrals
from kenes.desk.models import Case, ReferralState
from kenes.desk.scope import staff_of

from .conftest import make_case


@pytest.fixture
def case_a(consultant_a):
    return make_case(consultant_a, categories=["unpaid-wages"])


def test_referral_without_consent_is_refused(consultant_a, case_a, org_b):
    with pytest.raises(referrals.ReferralRefused) as refused:
        referrals.send(staff_of(consultant_a), case_a, org_b)
    assert refused.value.code == "no-consent"


def test_consent_for_another_partner_does_not_allow_this_one(consultant_a, case_a, org_b):
    from .conftest import make_org

    other = make_org("other-partner", "ru", "partner")
    consents.record_consent(staff_of(consultant_a), case_a, "share", "oral", partner=other)
    with pytest.raises(referrals.ReferralRefused):
        referrals.send(staff_of(consultant_a), case_a, org_b)


def test_withdrawal_revokes_the_pending_referral_at_once(consultant_a, consultant_b, case_a, org_b):
    staff = staff_of(consultant_a)
    consent = consents.record_consent(staff, case_a, "share", "written", partner=org_b)
    referral = referrals.send(staff, case_a, org_b)
    consents.withdraw_consent(staff, consent)
    referral.refresh_from_db()
    assert referral.state == ReferralState.REVOKED
    with pytest.raises(referrals.ReferralRefused) as refused:
        referrals.accept(staff_of(consultant_b), referral)
    assert refused.value.code == "already-revoked"
    with pytest.raises(referrals.ReferralRefused):
        referrals.send(staff, case_a, org_b)


def test_accepted_referral_gives_the_receiver_its_own_copy_of_only_what_consent_covers(
    consultant_a, consultant_b, case_a, org_b
):
    staff = staff_of(consultant_a)
    consents.record_consent(
        staff, case_a, "share", "written", partner=org_b, covers=["full_name", "phone", "categories"]
    )
    referral = referrals.send(staff, case_a, org_b)
    copy = referrals.accept(staff_of(consultant_b), referral)
    assert copy.organisation_id == org_b.pk and copy.pk != case_a.pk
    assert copy.person.full_name == "Zarina Testova"
    assert copy.person.document_number == ""  # not covered
    assert copy.summary == ""  # not covered
    assert copy.categories == ["unpaid-wages"]
    with pytest.raises(referrals.ReferralRefused):
        referrals.edit_note(staff, referral, "changed my mind")
    with pytest.raises(referrals.ReferralRefused):
        referrals.revoke(staff, referral)
    assert [e.state for e in referral.events.all()] == ["sent", "accepted"]


def test_declined_referral_needs_a_reason_and_cannot_then_be_accepted(
    consultant_a, consultant_b, case_a, org_b
):
    staff = staff_of(consultant_a)
    consents.record_consent(staff, case_a, "share", "written", partner=org_b)
    referral = referrals.send(staff, case_a, org_b)
    with pytest.raises(referrals.ReferralRefused) as refused:
        referrals.decline(staff_of(consultant_b), referral, "  ")
    assert refused.value.code == "reason-required"
    referrals.decline(staff_of(consultant_b), referral, "outside our region")
    with pytest.raises(referrals.ReferralRefused) as refused:
        referrals.accept(staff_of(consultant_b), referral)
    assert refused.value.code == "already-declined"


def test_revoked_referral_cannot_be_accepted(consultant_a, consultant_b, case_a, org_b):
    staff = staff_of(consultant_a)
    consents.record_consent(staff, case_a, "share", "written", partner=org_b)
    referral = referrals.send(staff, case_a, org_b)
    referrals.revoke(staff, referral)
    with pytest.raises(referrals.ReferralRefused):
        referrals.accept(staff_of(consultant_b), referral)
    assert not Case.objects.filter(organisation=org_b).exists()


def test_only_the_receiver_answers_and_only_the_sender_revokes(consultant_a, consultant_b, case_a, org_b):
    staff = staff_of(consultant_a)
    consents.record_consent(staff, case_a, "share", "written", partner=org_b)
    referral = referrals.send(staff, case_a, org_b)
    with pytest.raises(referrals.ReferralRefused):
        referrals.accept(staff, referral)
    with pytest.raises(referrals.ReferralRefused):
        referrals.revoke(staff_of(consultant_b), referral)


def test_urgent_override_is_a_heads_decision_on_an_urgent_case_and_is_audited(consultant_a, head_a, org_b):
    from kenes.desk.models import AuditEntry

    urgent = make_case(consultant_a, categories=["ilo-retention-of-documents"])
    assert urgent.urgency == "urgent"
    with pytest.raises(referrals.ReferralRefused) as refused:
        referrals.send(staff_of(consultant_a), urgent, org_b, urgent_override=True)
    assert refused.value.code == "override-not-allowed"
    plain = make_case(consultant_a, categories=["dismissal"])
    with pytest.raises(referrals.ReferralRefused) as refused:
        referrals.send(staff_of(head_a), plain, org_b, urgent_override=True)
    assert refused.value.code == "not-urgent"
    referral = referrals.send(staff_of(head_a), urgent, org_b, urgent_override=True)
    assert referral.urgent_override
    assert "document_number" not in referral.shared_fields
    assert AuditEntry.objects.filter(action="override", object_id=str(referral.pk), actor="head_a").exists()


def test_a_consultation_teaches_search_only_with_consent_and_without_the_person(consultant_a):
    import datetime as dt

    from kenes.desk import casework
    from kenes.search.models import Experience

    staff = staff_of(consultant_a)
    case = make_case(
        consultant_a, summary="Zarina Testova, паспорт N 1234 5678, тел. 701 555 01 02: не платят зарплату"
    )
    cite = [
        {"work_uri": "/akn/kz/act/code/2015-11-23/414-v", "eid": "art_113", "expression_date": "2024-01-01"}
    ]

    def consult():
        casework.add_consultation(
            staff,
            case,
            held_on=dt.date(2026, 3, 1),
            channel="visit",
            language="ru",
            advice="x",
            minutes=5,
            citations=cite,
        )

    consult()
    assert not Experience.objects.exists()  # no consent to anonymised use yet
    consents.record_consent(staff, case, "statistics", "oral")
    consult()
    kept = Experience.objects.get()
    assert (kept.work, kept.eid) == ("/akn/kz/act/code/2015-11-23/414-v", "art_113")
    for secret in ("Zarina", "Testova", "1234", "5678", "555"):
        assert secret not in kept.text, kept.text
    assert "зарплату" in kept.text
