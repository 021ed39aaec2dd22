"""The site's navigation, filled by the apps that own the pages, so the shell never imports an app above it.

An app registers its entries once, from its ``AppConfig.ready()``::

    from kenes.site import nav

    nav.register("rights:index", _("Know your rights"), order=30)
    nav.register("admin:index", _("Edit (admin)"), order=90, visible=lambda request: is_editor(request.user))

The base template shows the entries the request may see, in ``order``; a URL name is reversed per request,
so an entry follows its app's URL configuration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class NavEntry:
    url_name: str
    label: str | Promise  # a lazy translation: resolved in the reader's language when shown
    order: int = 100
    visible: Callable[[HttpRequest], bool] | None = None


@dataclass(frozen=True)
class NavLink:
    url: str
    label: str
    current: bool


_ENTRIES: dict[str, NavEntry] = {}


def register(
    url_name: str,
    label: str | Promise,
    *,
    order: int = 100,
    visible: Callable[[HttpRequest], bool] | None = None,
) -> None:
    """Add (or replace: ``ready()`` may run twice in tests) the entry for ``url_name``."""
    _ENTRIES[url_name] = NavEntry(url_name, label, order, visible)


def registered() -> list[NavEntry]:
    return sorted(_ENTRIES.values(), key=lambda e: (e.order, e.url_name))


def links(request: HttpRequest) -> list[NavLink]:
    """The entries this request may see, with their URLs; the one whose section the page is in is current."""
    out = []
    for entry in registered():
        if entry.visible is not None and not entry.visible(request):
            continue
        url = reverse(entry.url_name)
        current = request.path == url or (url != "/" and url.endswith("/") and request.path.startswith(url))
        out.append(NavLink(url, str(entry.label), current))
    return out
