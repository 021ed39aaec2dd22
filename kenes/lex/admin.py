"""Django admin for the lawyers who maintain the database (editing; reading is the portal's job).

What an editor may change follows one rule: metadata and judgements about the law are edited here; the text
of the law comes only from an imported file ("Import a file"), so what is stored always matches its source and
its content hash.
"""

from __future__ import annotations

from functools import partial

from django import forms
from django.contrib import admin
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import eid as eids
from . import models
from .admin_views import LANGUAGE_CHOICES, import_view
from .akn import uri as akn_uri
from .importing import jurisdiction_code

# the admin index gets an "Import a file" button for editors (the template extends Django's own)
if admin.site.index_template is None:
    admin.site.index_template = "admin/lex/site_index.html"


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
    """The work's expressions, listed; they are added by importing a file, and edited on their own page."""

    model = models.Expression
    extra = 0
    fields = ("lang", "date", "title", "source_name", "retrieved_on")
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


#: Parts of a work that its URI fixes: shown, never edited (a new URI would break every link to the work).
_URI_PARTS = ("frbr_uri", "jurisdiction", "doctype", "subtype", "actor", "date", "number")


class WorkForm(forms.ModelForm):
    class Meta:
        model = models.Work
        fields = (
            *_URI_PARTS,
            "work_type",
            "title",
            "short_title",
            "original_lang",
            "commenced_on",
            "repealed_on",
            "topics",
        )
        widgets = {"original_lang": forms.Select(choices=LANGUAGE_CHOICES)}

    def clean_frbr_uri(self) -> str:
        """A new work's URI must follow docs/IDENTIFIERS.md; its parts fill the fields the URI fixes."""
        value = self.cleaned_data["frbr_uri"].strip()
        try:
            frbr = akn_uri.parse(value)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc
        if frbr.lang or frbr.portion:
            raise forms.ValidationError(_("Give the work URI only: no language, date or ~provision part."))
        code = jurisdiction_code(frbr)
        jurisdiction = models.Jurisdiction.objects.filter(code=code).first()
        if jurisdiction is None:
            raise forms.ValidationError(
                _("Unknown jurisdiction %(code)s in the URI; add it under Jurisdictions first."),
                params={"code": code},
            )
        work = self.instance
        work.jurisdiction = jurisdiction
        work.doctype, work.subtype, work.actor = frbr.doctype, frbr.subtype or "", frbr.actor or ""
        work.date, work.number = frbr.date, frbr.number
        return frbr.work_uri

    def clean(self):
        data = super().clean()
        start, end = data.get("commenced_on"), data.get("repealed_on")
        if start and end and end < start:
            self.add_error("repealed_on", _("A work cannot be repealed before it comes into force."))
        return data


@admin.register(models.Work)
class WorkAdmin(admin.ModelAdmin):
    form = WorkForm
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

    def get_fieldsets(self, request: HttpRequest, obj: models.Work | None = None):
        identity = ("frbr_uri", "work_type") if obj is None else (*_URI_PARTS, "work_type")
        return [
            (_("Identity"), {"fields": identity}),
            (_("Titles"), {"fields": ("title", "short_title", "original_lang")}),
            (_("Commencement and repeal"), {"fields": ("commenced_on", "repealed_on")}),
            (_("Topics"), {"fields": ("topics",)}),
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: models.Work | None = None):
        return _URI_PARTS if obj is not None else ()

    def view_on_site(self, obj: models.Work) -> str:
        return obj.frbr_uri

    def get_urls(self):
        view = self.admin_site.admin_view(partial(import_view, self))
        return [path("import/", view, name="lex_work_import"), *super().get_urls()]


@admin.register(models.Expression)
class ExpressionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "title", "lang", "date", "source_name", "retrieved_on")
    list_filter = ("lang",)
    list_select_related = ("work",)
    search_fields = ("work__frbr_uri", "title")
    fields = (
        "work",
        "lang",
        "date",
        "title",
        "preface",
        "source_name",
        "source_url",
        "retrieved_on",
        "content_hash",
        "imported_at",
        "imported_from",
    )
    readonly_fields = ("work", "lang", "date", "content_hash", "imported_at", "imported_from")

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: dict | None = None):
        """An expression is its text: adding one means importing a file."""
        return HttpResponseRedirect(reverse("admin:lex_work_import"))

    def view_on_site(self, obj: models.Expression) -> str:
        return obj.uri


@admin.register(models.Provision)
class ProvisionAdmin(admin.ModelAdmin):
    """Provisions come from the imported file; an editor only tags them with topics."""

    list_display = ("eid", "kind", "num", "heading", "expression")
    list_filter = ("kind", "expression__lang")
    list_select_related = ("expression__work",)
    search_fields = ("eid", "heading")
    fields = ("expression", "eid", "kind", "num", "heading", "text", "parent", "topics")
    readonly_fields = ("expression", "eid", "kind", "num", "heading", "text", "parent")
    filter_horizontal = ("topics",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def view_on_site(self, obj: models.Provision) -> str:
        return obj.expression.provision_uri(obj.eid)


class EffectFormSet(forms.BaseInlineFormSet):
    """Each effect must name a provision that exists in some expression of the amended work."""

    def clean(self) -> None:
        super().clean()
        work_id = self.instance.amended_work_id
        if work_id is None:  # the amendment form itself is invalid; its own error says why
            return
        rows = [
            form
            for form in self.forms
            if form.has_changed() and form.cleaned_data.get("eid") and not self._should_delete_form(form)
        ]
        wanted = {form.cleaned_data["eid"] for form in rows}
        wanted |= {eids.from_article(eid) for eid in wanted}
        known = set(
            models.Provision.objects.filter(expression__work_id=work_id, eid__in=wanted).values_list(
                "eid", flat=True
            )
        )
        for form in rows:
            eid = form.cleaned_data["eid"]
            if eid in known:
                continue
            short = eids.from_article(eid)  # chp_8__art_113 -> art_113: articles are not prefixed by chapter
            if short != eid and short in known:
                form.cleaned_data["eid"] = form.instance.eid = short
                continue
            form.add_error(
                "eid",
                gettext(
                    "%(eid)s is not a provision of %(work)s: no expression of the work has this eId. "
                    "Articles are art_N, their points art_N__para_M; if the provision is new, import the "
                    "text that contains it first."
                )
                % {"eid": eid, "work": self.instance.amended_work.frbr_uri},
            )


class EffectForm(forms.ModelForm):
    class Meta:
        model = models.AmendmentEffect
        fields = ("eid", "effect", "in_force_on", "in_force_text", "applied")

    def clean_eid(self) -> str:
        return self.cleaned_data["eid"].strip()


class EffectInline(admin.TabularInline):
    model = models.AmendmentEffect
    form = EffectForm
    formset = EffectFormSet
    extra = 1


@admin.register(models.Amendment)
class AmendmentAdmin(admin.ModelAdmin):
    """Records "act X of date D changed art_N of work W from date F": the act here, one effect a provision."""

    list_display = ("amending_title", "amending_number", "date", "amended_work", "source")
    list_filter = ("source",)
    list_select_related = ("amended_work",)
    search_fields = ("amending_title", "amending_number", "amended_work__frbr_uri", "amended_work__title")
    fields = ("amended_work", "amending_title", "amending_number", "date", "amending_work", "source")
    inlines = [EffectInline]
    autocomplete_fields = ("amended_work", "amending_work")


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
