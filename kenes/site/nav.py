"""The site's navigation, filled by the apps that own the pages, so the shell never imports an app above it.

An app lists its entries on its app config, which extends :class:`NavApp` (named through the module, so
that Django finds one app config in the app's ``apps.py``, not two)::

    from kenes.site import nav

    class RightsConfig(nav.NavApp):
        nav_entries = (nav.NavEntry("rights:index", _("Know your rights"), order=30),)

and ``ready()`` registers them once the app registry is loaded.

The base template shows the entries the request may see, in ``order``; a URL name is reversed per request,
so an entry follows its app's URL configuration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from django.apps import AppConfig
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


class NavApp(AppConfig):
    """An app whose pages the shell links to: it declares its entries, the shell registers them.

    Each app used to write the same ``ready()`` (import this module, register each entry); with the entries
    declared as data, an app's config says what it adds to the navigation, and ``connect()`` is left for
    what it wires besides (signals, providers).
    """

    nav_entries: ClassVar[tuple[NavEntry, ...]] = ()

    def ready(self) -> None:
        for entry in self.nav_entries:
            register(entry.url_name, entry.label, order=entry.order, visible=entry.visible)
        self.connect()

    def connect(self) -> None:
        """Wire what the app needs besides its navigation entries, once the registry is loaded; none here."""
