import pytest
from django.db import DatabaseError, connection, transaction

from kenes.desk import audit
from kenes.desk.models import AuditEntry, AuditRefused


def _three(user):
    for action in ("view", "list", "edit"):
        audit.record(action, user=user, object_type="case", object_id="x", detail=action)


def test_an_untouched_chain_verifies(consultant_a):
    _three(consultant_a)
    verdict = audit.verify()
    assert verdict.intact and verdict.entries == 3


def test_the_model_refuses_to_change_or_delete_an_entry(consultant_a):
    _three(consultant_a)
    entry = AuditEntry.objects.first()
    entry.detail = "rewritten"
    with pytest.raises(AuditRefused):
        entry.save()
    with pytest.raises(AuditRefused):
        entry.delete()
    with pytest.raises(AuditRefused):
        AuditEntry.objects.filter(pk=entry.pk).update(detail="x")
    with pytest.raises(AuditRefused):
        AuditEntry.objects.all().delete()


def test_the_database_refuses_an_update_behind_the_models_back(consultant_a):
    _three(consultant_a)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as c:
        c.execute("UPDATE desk_auditentry SET detail = 'forged' WHERE seq = 2")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite refuses deletes in the model only")
def test_postgresql_refuses_a_delete_behind_the_models_back(consultant_a):
    _three(consultant_a)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as c:
        c.execute("DELETE FROM desk_auditentry WHERE seq = 2")


def _drop_guard(cursor) -> None:
    """What an attacker with the database owner's rights can do: remove the trigger."""
    if connection.vendor == "postgresql":
        cursor.execute("ALTER TABLE desk_auditentry DISABLE TRIGGER USER")
    else:
        cursor.execute("DROP TRIGGER desk_auditentry_no_update")


def test_verification_shows_an_entry_rewritten_with_the_guard_removed(consultant_a):
    _three(consultant_a)
    with connection.cursor() as cursor:
        _drop_guard(cursor)
        cursor.execute("UPDATE desk_auditentry SET detail = 'nothing happened' WHERE seq = 2")
    verdict = audit.verify()
    assert not verdict.intact
    assert any("entry 2" in p and "changed" in p for p in verdict.problems)


def test_verification_shows_a_deleted_entry_and_a_cut_tail(consultant_a):
    _three(consultant_a)
    audit.record("view", user=consultant_a, object_type="case", object_id="y")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _drop_guard(cursor)
        cursor.execute("DELETE FROM desk_auditentry WHERE seq IN (2, 4)")
    problems = " | ".join(audit.verify().problems)
    assert "entries 2…2 are missing" in problems
    assert "head records entry 4" in problems


def test_desk_staff_logins_and_failed_logins_are_audited_with_the_address(consultant_a):
    from kenes.accounts.signals import login_attempt

    login_attempt.send(
        sender=None,
        outcome="succeeded",
        channel="form",
        username="cons_a",
        user=consultant_a,
        ip_address="203.0.113.7",
        path="/accounts/login/",
    )
    login_attempt.send(
        sender=None,
        outcome="failed",
        channel="basic",
        username="cons_a",
        user=None,
        ip_address="203.0.113.8",
        path="/api/desk/cases",
    )
    ok, failed = AuditEntry.objects.order_by("seq")
    assert (ok.action, ok.actor, ok.ip, str(ok.organisation_id)) == (
        "login",
        "cons_a",
        "203.0.113.7",
        str(consultant_a.membership.organisation_id),
    )
    assert (failed.action, failed.actor, failed.ip) == ("login-failed", "", "203.0.113.8")
    assert failed.organisation_id == ok.organisation_id  # the head of that centre sees it
    assert "cons_a" in failed.detail
    assert audit.verify().intact


def test_attempts_on_unknown_accounts_and_locked_out_rejections_write_nothing(consultant_a):
    from kenes.accounts.signals import login_attempt

    login_attempt.send(
        sender=None,
        outcome="failed",
        channel="form",
        username="nobody-here",
        user=None,
        ip_address="203.0.113.9",
        path="/accounts/login/",
    )
    login_attempt.send(
        sender=None,
        outcome="locked_out",
        channel="form",
        username="cons_a",
        user=None,
        ip_address="203.0.113.9",
        path="/accounts/login/",
    )
    assert not AuditEntry.objects.exists()


def test_a_login_refused_by_the_lockout_is_not_audited_again(consultant_a):
    from kenes.accounts.signals import login_attempt

    login_attempt.send(
        sender=None,
        outcome="failed",
        channel="form",
        username="cons_a",
        user=None,
        ip_address="203.0.113.9",
        path="/accounts/login/",
        while_locked=True,
    )
    assert not AuditEntry.objects.exists()
