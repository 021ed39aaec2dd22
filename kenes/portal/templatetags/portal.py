"""Template helpers of the portal: who may edit, and query strings that keep the other filters."""

from __future__ import annotations

from django import template
from django.http import QueryDict

from kenes.lex.roles import is_editor as _is_editor

register = template.Library()


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
