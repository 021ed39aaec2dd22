"""Figures other apps provide to the observatory, registered at start-up — the seam for the advisory desk.

Nothing imports ``kenes.desk``: the desk registers a function here (in its ``AppConfig.ready``) that returns
its anonymised, already suppressed statistics as :class:`~kenes.observatory.tables.Table` objects, and the
observatory's desk page shows whatever is registered (or says that nothing is yet)::

    from kenes.observatory.providers import register
    register("desk", lambda: [Table("desk-cases", "Consultations by topic", [...], rows, source="…")])

The provider is responsible for suppression (small counts hidden): the observatory publishes what it gets.
"""

from __future__ import annotations

from collections.abc import Callable

from .tables import Table

Provider = Callable[[], list[Table]]
_PROVIDERS: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    _PROVIDERS[name] = provider


def unregister(name: str) -> None:
    _PROVIDERS.pop(name, None)


def tables(name: str) -> list[Table] | None:
    """The registered provider's tables, or None when nothing is registered under ``name``."""
    provider = _PROVIDERS.get(name)
    return None if provider is None else provider()
