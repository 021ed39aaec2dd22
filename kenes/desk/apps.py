from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    name = "kenes.desk"
    label = "desk"
    verbose_name = _("Advisory desk")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Logins and failed logins of desk staff go to the audit log (see signals.py).
        from kenes.observatory import providers
        from kenes.site import nav

        from . import published, signals
        from .scope import staff_of

        signals.connect()
        # The observatory's desk page shows these suppressed counts; it imports nothing of the desk.
        providers.register("desk", published.tables)
        nav.register("desk:help", _("Ask for help"), order=40)
        nav.register(
            "desk:cases",
            _("Advisory desk"),
            order=80,
            visible=lambda request: staff_of(getattr(request, "user", None)) is not None,
        )
