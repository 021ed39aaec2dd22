"""Staff identities out of the public record: "upload by <username>" in Expression.source_name (shown in
the JSON, the AKN export and the reader) is cleared; who imported what is in the admin log."""

from django.db import migrations


def scrub(apps, schema_editor):
    expression = apps.get_model("lex", "Expression")
    expression.objects.filter(source_name__startswith="upload by ").update(source_name="")
    expression.objects.filter(source_name__startswith="загружено пользователем ").update(source_name="")
    expression.objects.filter(source_name__endswith=" жүктеген").update(source_name="")


class Migration(migrations.Migration):
    dependencies = [("lex", "0002_provision_status")]

    operations = [migrations.RunPython(scrub, migrations.RunPython.noop)]
