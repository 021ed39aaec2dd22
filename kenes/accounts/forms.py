"""Login forms: the password, then a one-time code only for accounts that turned the second factor on."""

from __future__ import annotations

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp.forms import OTPAuthenticationFormMixin

from .login import needs_second_factor


class _OptionalSecondFactor(OTPAuthenticationFormMixin):
    """django-otp's code check, run only when the user has a device (its mixin would demand one of all)."""

    otp_error_messages = dict(
        OTPAuthenticationFormMixin.otp_error_messages,
        token_required=_("This account has a second factor: enter the code from your authenticator app."),
        invalid_token=_(
            "The code is wrong or has expired. Enter the current code from your authenticator app."
        ),
    )

    def _chosen_device(self, user):
        """The device picked in the form, else the user's own (staff have one authenticator app)."""
        from django_otp import devices_for_user

        return super()._chosen_device(user) or next(iter(devices_for_user(user, for_verify=True)), None)

    def clean(self):
        cleaned = super().clean()  # type: ignore[misc]
        user = self.get_user()  # type: ignore[attr-defined]
        if user is not None and needs_second_factor(user):
            self.clean_otp(user)
        return cleaned


class StaffLoginForm(_OptionalSecondFactor, AuthenticationForm):
    otp_device = forms.CharField(required=False, widget=forms.HiddenInput)
    otp_token = forms.CharField(
        label=_("One-time code"),
        required=False,
        help_text=_("Only if your account has a second factor."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    otp_challenge = forms.CharField(required=False, widget=forms.HiddenInput)


class AdminLoginForm(_OptionalSecondFactor, AdminAuthenticationForm):
    otp_device = forms.CharField(required=False, widget=forms.HiddenInput)
    otp_token = forms.CharField(label=_("One-time code"), required=False)
    otp_challenge = forms.CharField(required=False, widget=forms.HiddenInput)
