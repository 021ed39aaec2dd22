"""The staff login page (desk and editors) at /accounts/login/, and logout."""

from __future__ import annotations

from django.contrib.auth import views as auth_views

from .forms import StaffLoginForm


class StaffLoginView(auth_views.LoginView):
    form_class = StaffLoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class StaffLogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"
