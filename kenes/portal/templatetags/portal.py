"""Template helpers of the portal: who may edit, query strings that keep the other filters, the inlined
stylesheet, and provision identifiers written for readers."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import QueryDict
from django.utils.safestring import SafeString, mark_safe

from kenes.lex.roles import is_editor as _is_editor

from .. import labels

register = template.Library()

#: The portal's stylesheet, inlined in every page's <head> (see inline_css).
STYLESHEET = "portal/kenes.css"


@register.filter
def is_editor(user: object) -> bool:
    return _is_editor(user)


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
def set_param(context: template.Context, key: str, value: object) -> str:
    """The current query string with ``key`` set to ``value`` (removed when empty); for facet links."""
    return query(context, **{key: value})


@lru_cache(maxsize=4)
def _read_stylesheet(path: str) -> str:
    found = finders.find(path)
    if not found:
        raise FileNotFoundError(f"static file {path} not found by the staticfiles finders")
    with open(found, encoding="utf-8") as f:
        return f.read()


@register.simple_tag
def inline_css(path: str = STYLESHEET) -> SafeString:
    """The stylesheet's text, to put inside <style>.

    Why inline: on slow 3G an external stylesheet is one more round trip (400 ms) that blocks the first
    paint; the whole CSS is ~2 KB gzipped, less than the round trip costs. Read once per process (every
    request in DEBUG, so edits show without a restart).
    """
    if settings.DEBUG:
        _read_stylesheet.cache_clear()
    return mark_safe(_read_stylesheet(path))  # noqa: S308 - our own file, no markup in it


@register.filter
def eid_label(eid: str) -> str:
    """``art_113__para_1`` → "ст. 113, п. 1" in the interface language."""
    return labels.eid_label(eid)


@register.filter
def akn_language(code: str) -> str:
    """``rus`` → "Russian" in the interface language."""
    return labels.language_name(code)
