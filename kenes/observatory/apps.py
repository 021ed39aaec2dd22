from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObservatoryConfig(AppConfig):
    name = "kenes.observatory"
    label = "observatory"
    verbose_name = _("Observatory")

    def ready(self) -> None:
        from kenes.site import nav

        from . import freshness

        nav.register("observatory:landing", _("Observatory"), order=50)
        freshness.connect()
