from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="experience",
            name="vector",
            field=models.BinaryField(blank=True, editable=False, null=True),
        ),
    ]
