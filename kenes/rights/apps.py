"""Django app config, so the rights pages find their templates, static files and translations.

Importing :mod:`kenes.rights` itself never loads Django; only this module and :mod:`kenes.rights.web` do.
"""

from django.utils.translation import gettext_lazy as _

from kenes.site import nav


class RightsConfig(nav.NavApp):
    name = "kenes.rights"
    label = "rights"
    verbose_name = _("Rights checks")
    nav_entries = (nav.NavEntry("rights:index", _("Know your rights"), order=30),)
