"""The database itself refuses to change audit entries (and, on PostgreSQL, to delete them).

SQLite: a trigger refuses UPDATE. DELETE is refused by the model and its queryset there (Django's test flush
empties tables with DELETE on SQLite); the HMAC chain shows any deletion that gets past them.
PostgreSQL: triggers refuse UPDATE and DELETE of a row (TRUNCATE, a table owner's operation, stays possible
for test flushes; the chain shows it).
"""

from django.db import migrations

PG_FORWARD = """
CREATE OR REPLACE FUNCTION desk_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'desk audit entries are append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER desk_auditentry_no_update BEFORE UPDATE ON desk_auditentry
  FOR EACH ROW EXECUTE FUNCTION desk_audit_append_only();
CREATE TRIGGER desk_auditentry_no_delete BEFORE DELETE ON desk_auditentry
  FOR EACH ROW EXECUTE FUNCTION desk_audit_append_only();
"""
PG_BACKWARD = """
DROP TRIGGER IF EXISTS desk_auditentry_no_update ON desk_auditentry;
DROP TRIGGER IF EXISTS desk_auditentry_no_delete ON desk_auditentry;
DROP FUNCTION IF EXISTS desk_audit_append_only();
"""
SQLITE_FORWARD = """
CREATE TRIGGER desk_auditentry_no_update BEFORE UPDATE ON desk_auditentry
BEGIN
  SELECT RAISE(ABORT, 'desk audit entries are append-only (UPDATE refused)');
END;
"""
SQLITE_BACKWARD = "DROP TRIGGER IF EXISTS desk_auditentry_no_update;"


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FORWARD, params=None)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_FORWARD)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_BACKWARD)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("desk", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
