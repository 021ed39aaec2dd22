from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    name = "kenes.desk"
    label = "desk"
    verbose_name = _("Advisory desk")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Logins and failed logins of desk staff go to the audit log (see signals.py).
        from . import signals

        signals.connect()
