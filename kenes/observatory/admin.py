"""Editing in the admin: disputes with their stages, competitions with criteria, nominations and jurors,
treaty links and commitments. Statistics are imported (``kenes stats import``), so they are read-only here."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from . import models
from .figures import competitions


class DisputeStageInline(admin.TabularInline):
    model = models.DisputeStage
    extra = 1


@admin.register(models.Dispute)
class DisputeAdmin(admin.ModelAdmin):
    list_display = ("reference", "country", "employer", "started_on", "outcome", "outcome_on")
    list_filter = ("country", "outcome")
    search_fields = ("reference", "employer", "union", "sector")
    inlines = [DisputeStageInline]

    def get_urls(self):
        from django.urls import path

        from .admin_import import import_view

        own = [
            path(
                "import/",
                self.admin_site.admin_view(lambda request: import_view(self, request)),
                name="observatory_dispute_import",
            )
        ]
        return own + super().get_urls()


class CriterionInline(admin.TabularInline):
    model = models.Criterion
    extra = 1


class NominationInline(admin.TabularInline):
    model = models.Nomination
    extra = 1


@admin.register(models.Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ("kind", "year", "country", "jury_closed_at", "published_at")
    list_filter = ("kind", "country")
    readonly_fields = ("jury_closed_at", "published_at")
    inlines = [CriterionInline, NominationInline]
    actions = ["close_jury", "publish_results"]

    @admin.action(description=_("Close the jury (scores become final and visible to the jury)"))
    def close_jury(self, request, queryset):
        for edition in queryset:
            competitions.close_jury(edition)
        self.message_user(request, _("Jury closed."), messages.SUCCESS)

    @admin.action(description=_("Publish the results"))
    def publish_results(self, request, queryset):
        from django.core.exceptions import ValidationError

        for edition in queryset:
            try:
                competitions.publish(edition)
            except ValidationError as exc:
                self.message_user(request, f"{edition}: {' '.join(exc.messages)}", messages.ERROR)


@admin.register(models.Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    """Editors assign jurors; conflicts and scores are the jurors' own, so they are read-only here."""

    list_display = ("nomination", "juror", "conflict_declared")
    list_filter = ("nomination__edition",)
    readonly_fields = ("conflict_declared", "conflict_reason")


@admin.register(models.ImplementationLink)
class ImplementationLinkAdmin(admin.ModelAdmin):
    list_display = ("convention", "convention_eid", "country", "national_work", "national_eid")
    list_filter = ("country", "convention")


class CommitmentProgressInline(admin.TabularInline):
    model = models.CommitmentProgress
    extra = 1


@admin.register(models.Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ("agreement", "country", "number", "instrument")
    inlines = [CommitmentProgressInline]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(models.Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "unit")
    search_fields = ("code", "name")


@admin.register(models.Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("name", "dated", "licence")


@admin.register(models.TreatyStatus)
class TreatyStatusAdmin(ReadOnlyAdmin):
    list_display = ("treaty", "country", "status", "year")
