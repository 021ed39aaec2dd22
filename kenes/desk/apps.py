from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kenes.site import nav


def _staff(request: HttpRequest) -> bool:
    from .scope import staff_of  # reads the models: only once the registry is loaded

    return staff_of(getattr(request, "user", None)) is not None


class DeskConfig(nav.NavApp):
    name = "kenes.desk"
    label = "desk"
    verbose_name = _("Advisory desk")
    default_auto_field = "django.db.models.BigAutoField"
    nav_entries = (
        nav.NavEntry("desk:help", _("Ask for help"), order=40),
        nav.NavEntry("desk:cases", _("Advisory desk"), order=80, visible=_staff),
    )

    def connect(self) -> None:
        # Logins and failed logins of desk staff go to the audit log (see signals.py).
        from kenes.observatory import providers

        from . import published, signals

        signals.connect()
        # The observatory's desk page shows these suppressed counts; it imports nothing of the desk.
        providers.register("desk", published.tables)
