import pytest
from django.db import connection

from kenes.cli import main
from kenes.desk import demo, keys
from kenes.desk.models import Case


@pytest.fixture
def own_key_file(settings, tmp_path):
    settings.KENES_DESK_KEY_FILE = tmp_path / "desk.keys"
    keys.reload()
    yield
    keys.keyring.cache_clear()


def test_demo_adds_two_centres_with_fictitious_cases_once(db, monkeypatch):
    monkeypatch.setenv("KENES_DEMO_PASSWORD", "demo-password-for-tests")
    report = demo.load(cases_per_centre=4)
    assert "2 centres" in report and "demo-password-for-tests" not in report
    names = [c.person.full_name for c in Case.objects.select_related("person")]
    assert names and all("(demo" in name for name in names)
    assert demo.load(cases_per_centre=4).endswith("(nothing changed)")
    from django.contrib.auth import authenticate

    assert authenticate(username="demo-consultant-kz", password="demo-password-for-tests") is not None


def test_verify_audit_command_exits_1_on_a_tampered_log(db, own_key_file, capsys):
    demo.load(cases_per_centre=2)
    assert main(["desk", "verify-audit"]) == 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE desk_auditentry DISABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER desk_auditentry_no_update")
        cursor.execute("UPDATE desk_auditentry SET actor = 'someone-else' WHERE seq = 3")
    assert main(["desk", "verify-audit"]) == 1
    assert "entry 3" in capsys.readouterr().err


def test_rotate_key_and_purge_commands_report_what_they_did(db, own_key_file, capsys):
    demo.load(cases_per_centre=2)
    assert main(["desk", "rotate-key"]) == 0
    out = capsys.readouterr().out
    assert "new data key" in out and "desk.Person: 5" in out
    assert main(["desk", "purge", "--dry-run"]) == 0
    assert "would have erased 0" in capsys.readouterr().out
