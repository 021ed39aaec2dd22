"""Admin: organisations and staff for superusers; centre contacts also for editors (see roles.py)."""

from __future__ import annotations

from django.contrib import admin

from .models import CentreContact, Organisation, StaffMembership


class CentreContactInline(admin.StackedInline):
    model = CentreContact
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "kind", "country", "parent")
    list_filter = ("kind", "country")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [CentreContactInline]


@admin.register(CentreContact)
class CentreContactAdmin(admin.ModelAdmin):
    list_display = ("organisation", "city", "phone", "confirmed", "listed")
    list_filter = ("confirmed", "listed", "organisation__country")
    search_fields = ("organisation__name", "city", "address")
    fields = (
        "organisation",
        "city",
        "address",
        "hours",
        "phone",
        "whatsapp",
        "telegram",
        "email",
        "languages",
        "confirmed",
        "listed",
    )

    def get_readonly_fields(self, request, obj=None):
        return ("organisation",) if obj is not None else ()


@admin.register(StaffMembership)
class StaffMembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "role")
    list_filter = ("role", "organisation__country")
    search_fields = ("user__username", "organisation__name")
    autocomplete_fields = ("organisation",)
    raw_id_fields = ("user",)
