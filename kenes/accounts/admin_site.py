"""The admin site: Django's, plus the one-time code for accounts that have a second factor."""

from __future__ import annotations

from django.contrib.admin import AdminSite
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .forms import AdminLoginForm
from .login import needs_second_factor


class KenesAdminSite(AdminSite):
    site_header = _("Kenes administration")
    site_title = _("Kenes")
    login_form = AdminLoginForm
    login_template = "accounts/admin_login.html"

    def has_permission(self, request: HttpRequest) -> bool:
        """A session of an account with a second factor counts only once the code was checked in it."""
        if not super().has_permission(request):
            return False
        user = request.user
        return not needs_second_factor(user) or user.is_verified()  # type: ignore[union-attr]
