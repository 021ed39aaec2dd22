"""The site shell: base template, stylesheet, navigation, language switch and error pages every app extends.

It knows no app: each app registers its navigation entries (:mod:`kenes.site.nav`) from its own ``ready()``.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "kenes.site"
    label = "site"
    verbose_name = _("Site")
