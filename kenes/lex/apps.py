from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LexConfig(AppConfig):
    name = "kenes.lex"
    label = "lex"
    verbose_name = _("Legal database")
