"""Template helpers of the site shell: the inlined stylesheet and the navigation the apps registered."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils.safestring import SafeString, mark_safe

from .. import nav
from ..security import allow_inline_style

register = template.Library()

#: The site's stylesheet, inlined in every page's <head> (see inline_css).
STYLESHEET = "site/kenes.css"


@lru_cache(maxsize=8)
def _read_stylesheet(path: str) -> str:
    found = finders.find(path)
    if not found:
        raise FileNotFoundError(f"static file {path} not found by the staticfiles finders")
    with open(found, encoding="utf-8") as f:
        return f.read()


@register.simple_tag(takes_context=True)
def inline_css(context: template.Context, path: str = STYLESHEET) -> SafeString:
    """The stylesheet's text, to put inside <style>.

    Why inline: on slow 3G an external stylesheet is one more round trip (400 ms) that blocks the first
    paint; the whole CSS is ~2 KB gzipped, less than the round trip costs. Read once per process (every
    request in DEBUG, so edits show without a restart). An app with its own rules inlines its file in its
    pages' ``head`` block: ``{% inline_css "rights/rights.css" %}``.
    """
    if settings.DEBUG:
        _read_stylesheet.cache_clear()
    css = _read_stylesheet(path)
    allow_inline_style(context.get("request"), css)  # the Content-Security-Policy lists its hash
    return mark_safe(css)  # noqa: S308 - our own file, no markup in it


@register.simple_tag(takes_context=True)
def site_nav(context: template.Context) -> list[nav.NavLink]:
    """The navigation links for this request (``{% site_nav as nav %}``)."""
    request = context.get("request")
    return nav.links(request) if request is not None else []
