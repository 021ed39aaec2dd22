"""Template helpers of the portal: query strings that keep the other filters, and provision identifiers
written for readers (the stylesheet and navigation are the site shell's, :mod:`kenes.site`)."""

from __future__ import annotations

from django import template
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from kenes.kernel.countries import COVERED
from kenes.lex.languages import to_bcp47

from .. import labels
from ..search_form import FORM_ID

register = template.Library()


@register.simple_tag(takes_context=True)
def query(context: template.Context, **changes: object) -> str:
    """The current query string with ``changes`` applied (``None`` or "" removes a key); page resets."""
    params: QueryDict = context["request"].GET.copy()
    if "page" not in changes:
        params.pop("page", None)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = str(value)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def search_again(
    context: template.Context, label: str, key: str, value: object = "", id: str = "", rel: str = ""
) -> SafeString:
    """Another search from this one, with ``key`` set to ``value``: a link to its address, or, on a page
    answered to a posted search (a question too long for an address, kenes/portal/search_form.py), a
    button that posts the page's search form again with that field added."""
    if context.get("posted"):
        return format_html(
            '<button type="submit" form="{}" class="again" name="{}" value="{}"{}{}>{}</button>',
            FORM_ID,
            key,
            value,
            format_html(' id="{}"', id) if id else "",
            format_html(' data-rel="{}"', rel) if rel else "",
            label,
        )
    return format_html(
        '<a{}{} href="{}">{}</a>',
        format_html(' id="{}"', id) if id else "",
        format_html(' rel="{}"', rel) if rel else "",
        query(context, **{key: value}),
        label,
    )


@register.simple_tag(takes_context=True)
def set_param(context: template.Context, key: str, value: object) -> str:
    """The current query string with ``key`` set to ``value`` (removed when empty); for facet links."""
    return query(context, **{key: value})


@register.filter
def eid_label(eid: str) -> str:
    """``art_113__para_1`` → "ст. 113, п. 1" in the interface language."""
    return labels.eid_label(eid)


@register.filter
def akn_language(code: str) -> str:
    """``rus`` → "Russian" in the interface language."""
    return labels.language_name(code)


@register.filter
def bcp47(code: str) -> str:
    """``kaz`` → ``kk``: an AKN language code as an HTML ``lang``/``hreflang`` value."""
    return to_bcp47(code)


@register.simple_tag
def centre_url(jurisdiction: str = "") -> str:
    """Where a reader finds an advisory centre: the country's page (which lists its centres) for a country
    Kenes covers, else the list of countries."""
    if jurisdiction in COVERED:
        return reverse("portal:country", args=[jurisdiction])
    return reverse("portal:countries")
