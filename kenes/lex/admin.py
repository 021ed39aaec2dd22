"""Django admin for the lawyers who maintain the database (editing; reading is the portal's job)."""

from django.contrib import admin

from . import models


class TopicLabelInline(admin.TabularInline):
    model = models.TopicLabel
    extra = 0


@admin.register(models.Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("slug", "parent", "order")
    inlines = [TopicLabelInline]


@admin.register(models.Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "official_languages")
    filter_horizontal = ("members",)


class ExpressionInline(admin.TabularInline):
    model = models.Expression
    extra = 0
    fields = ("lang", "date", "title", "source_name", "source_url", "retrieved_on")
    show_change_link = True


@admin.register(models.Work)
class WorkAdmin(admin.ModelAdmin):
    list_display = (
        "frbr_uri",
        "short_title",
        "title",
        "work_type",
        "jurisdiction",
        "commenced_on",
        "repealed_on",
    )
    list_filter = ("jurisdiction", "work_type")
    search_fields = ("frbr_uri", "title", "short_title")
    filter_horizontal = ("topics",)
    inlines = [ExpressionInline]


@admin.register(models.Expression)
class ExpressionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "title", "lang", "date", "source_name", "retrieved_on")
    list_filter = ("lang",)
    readonly_fields = ("content_hash", "imported_at", "imported_from")


@admin.register(models.Provision)
class ProvisionAdmin(admin.ModelAdmin):
    list_display = ("eid", "kind", "num", "heading", "expression")
    list_filter = ("kind", "expression__lang")
    search_fields = ("eid", "heading")
    raw_id_fields = ("expression", "parent")
    filter_horizontal = ("topics",)


class EffectInline(admin.TabularInline):
    model = models.AmendmentEffect
    extra = 1


@admin.register(models.Amendment)
class AmendmentAdmin(admin.ModelAdmin):
    list_display = ("amending_title", "amended_work", "date", "source")
    list_filter = ("source",)
    inlines = [EffectInline]
    raw_id_fields = ("amended_work", "amending_work")


@admin.register(models.Ratification)
class RatificationAdmin(admin.ModelAdmin):
    list_display = ("country", "instrument", "status", "ratified_on", "denounced_on", "verified_on")
    list_filter = ("status", "country")
    raw_id_fields = ("instrument",)


class PartyInline(admin.TabularInline):
    model = models.CollectiveAgreementParty
    extra = 1


@admin.register(models.CollectiveAgreement)
class CollectiveAgreementAdmin(admin.ModelAdmin):
    list_display = ("work", "level", "sector", "valid_from", "valid_until", "registration_number")
    inlines = [PartyInline]
    raw_id_fields = ("work",)
