"""The desk's pages under /desk/ and the public help form under /help/ (see kenes/urls.py)."""

from collections.abc import Callable

from django.http import HttpResponse
from django.urls import URLPattern, path

from .views import ask, cases, oversight, referrals, transfers, work

app_name = "desk"


def _of_case(route: str, view: Callable[..., HttpResponse], name: str) -> URLPattern:
    """A page of one case: under the case's id, which the view checks against the user's scope. The routes
    stay flat (not an ``include``) so the isolation tests walk every one of them by its own pattern."""
    return path(f"desk/cases/<uuid:case_id>/{route}", view, name=name)


urlpatterns = [
    path("desk/", cases.case_list, name="cases"),
    path("desk/new/", cases.intake, name="intake"),
    _of_case("", cases.case_page, "case"),
    _of_case("status/", cases.case_status, "case-status"),
    _of_case("consents/", cases.consent_add, "consent-add"),
    _of_case("consents/<uuid:consent_id>/withdraw/", cases.consent_withdraw, "consent-withdraw"),
    _of_case("follow-ups/", cases.follow_up_add, "follow-up-add"),
    _of_case("follow-ups/<uuid:follow_up_id>/done/", cases.follow_up_done, "follow-up-done"),
    _of_case("erase/", cases.case_erase, "case-erase"),
    _of_case("consultation/", work.consultation, "consultation"),
    _of_case("consultations/<uuid:consultation_id>/sheet/", work.advice_sheet, "advice-sheet"),
    _of_case("attachments/", work.attachment_upload, "attachment-upload"),
    _of_case("attachments/<uuid:attachment_id>/", work.attachment_download, "attachment"),
    _of_case("refer/", referrals.referral_send, "referral-send"),
    path("desk/referrals/", referrals.referral_list, name="referrals"),
    path("desk/referrals/<uuid:referral_id>/", referrals.referral_page, name="referral"),
    path("desk/referrals/import/", transfers.referral_import, name="referral-import"),
    path("desk/referrals/<uuid:referral_id>/file/", transfers.referral_file, name="referral-file"),
    path("desk/referrals/<uuid:referral_id>/<str:step>/", referrals.referral_step, name="referral-step"),
    path("desk/follow-ups/", oversight.overdue, name="overdue"),
    path("desk/audit/", oversight.audit_log, name="audit"),
    path("desk/statistics/", oversight.statistics_page, name="statistics"),
    path("help/", ask.ask_for_help, name="help"),
]
