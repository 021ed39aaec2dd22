from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "kenes.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        # Keep the index current on every import and edit: see hooks.py.
        from . import hooks

        hooks.connect()
