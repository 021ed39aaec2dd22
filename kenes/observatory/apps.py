from django.utils.translation import gettext_lazy as _

from kenes.site import nav


class ObservatoryConfig(nav.NavApp):
    name = "kenes.observatory"
    label = "observatory"
    verbose_name = _("Observatory")
    nav_entries = (nav.NavEntry("observatory:landing", _("Observatory"), order=50),)

    def connect(self) -> None:
        from . import freshness

        freshness.connect()
