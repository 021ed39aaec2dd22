from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "kenes.portal"
    label = "portal"
    verbose_name = _("Public portal")

    def ready(self) -> None:
        from kenes.site import nav

        nav.register("portal:search", _("Search"), order=10)
        nav.register("portal:countries", _("Countries"), order=20)
