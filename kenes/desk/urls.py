"""The desk's pages under /desk/ and the public help form under /help/ (see kenes/urls.py)."""

from django.urls import path

from .views import ask, cases, oversight, referrals, transfers, work

app_name = "desk"

urlpatterns = [
    path("desk/", cases.case_list, name="cases"),
    path("desk/new/", cases.intake, name="intake"),
    path("desk/cases/<uuid:case_id>/", cases.case_page, name="case"),
    path("desk/cases/<uuid:case_id>/status/", cases.case_status, name="case-status"),
    path("desk/cases/<uuid:case_id>/consents/", cases.consent_add, name="consent-add"),
    path(
        "desk/cases/<uuid:case_id>/consents/<uuid:consent_id>/withdraw/",
        cases.consent_withdraw,
        name="consent-withdraw",
    ),
    path("desk/cases/<uuid:case_id>/follow-ups/", cases.follow_up_add, name="follow-up-add"),
    path(
        "desk/cases/<uuid:case_id>/follow-ups/<uuid:follow_up_id>/done/",
        cases.follow_up_done,
        name="follow-up-done",
    ),
    path("desk/cases/<uuid:case_id>/erase/", cases.case_erase, name="case-erase"),
    path("desk/cases/<uuid:case_id>/consultation/", work.consultation, name="consultation"),
    path(
        "desk/cases/<uuid:case_id>/consultations/<uuid:consultation_id>/sheet/",
        work.advice_sheet,
        name="advice-sheet",
    ),
    path("desk/cases/<uuid:case_id>/attachments/", work.attachment_upload, name="attachment-upload"),
    path(
        "desk/cases/<uuid:case_id>/attachments/<uuid:attachment_id>/",
        work.attachment_download,
        name="attachment",
    ),
    path("desk/cases/<uuid:case_id>/refer/", referrals.referral_send, name="referral-send"),
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
