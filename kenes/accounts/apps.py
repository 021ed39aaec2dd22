from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kenes.accounts"
    label = "accounts"
    verbose_name = _("Organisations and staff")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals

        signals.connect()


class KenesAdminConfig(admin_apps.AdminConfig):
    """Django's admin on the Kenes site: the password, then a one-time code where the account has one."""

    default = False
    default_site = "kenes.accounts.admin_site.KenesAdminSite"
