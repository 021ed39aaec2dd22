"""Django app config, so the rights pages find their templates, static files and translations.

Importing :mod:`kenes.rights` itself never loads Django; only this module and :mod:`kenes.rights.web` do.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RightsConfig(AppConfig):
    name = "kenes.rights"
    label = "rights"
    verbose_name = _("Rights checks")

    def ready(self) -> None:
        from kenes.site import nav

        nav.register("rights:index", _("Know your rights"), order=30)
