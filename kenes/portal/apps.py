from django.utils.translation import gettext_lazy as _

from kenes.site import nav


class PortalConfig(nav.NavApp):
    name = "kenes.portal"
    label = "portal"
    verbose_name = _("Public portal")
    nav_entries = (
        nav.NavEntry("portal:search", _("Search"), order=10),
        nav.NavEntry("portal:countries", _("Countries"), order=20),
    )
