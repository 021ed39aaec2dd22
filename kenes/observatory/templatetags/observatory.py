"""Template filters: names of countries and indicators in the interface language."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language, gettext

from ..importing.countries import country_name as _country_name

register = template.Library()


@register.filter
def country(code: str) -> str:
    """``kz`` → "Казахстан" in Russian, "Kazakhstan" in English (ISO 3166 names, translated by pycountry)."""
    return _country_name(code, (get_language() or "en")[:2]) if code else ""


@register.filter
def label(text: str) -> str:
    """A name from the indicator catalogue, translated when the catalogue has it (as given otherwise)."""
    return gettext(text) if text else ""


@register.filter
def percent(ratio) -> str:
    """0.5 → "50.0 %", as the tables write a Kaitz index or a share."""
    from ..tables import ratio_percent

    return ratio_percent(ratio)


@register.filter
def get_item(mapping: dict, key: str) -> object:
    return mapping.get(key, "")


@register.filter
def unlinked(report, country: str) -> list:
    """Articles of a gap report with no national provision linked for ``country``."""
    return report.unlinked(country)


@register.filter
def table_html(table) -> str:
    """A :class:`~kenes.observatory.tables.Table` as escaped HTML ("no data" in the interface language)."""
    from django.utils.safestring import mark_safe

    from ..tables import as_html

    return mark_safe(as_html(table, gettext("no data")))  # noqa: S308 - every cell is escaped in as_html
