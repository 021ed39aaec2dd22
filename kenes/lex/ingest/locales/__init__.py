"""The registry of locale plugins: one module per language, found by its ISO 639-3 code or an alias.

>>> get_locale("kk").code, get_locale("rus").code
('kaz', 'rus')
"""

from __future__ import annotations

from ..errors import IngestError
from . import eng, kaz, kir, nld, rus, tgk, uzb
from .base import Captions, Locale

_LOCALES: dict[str, Locale] = {}


def register(locale: Locale) -> None:
    """Make ``locale`` known under its code and aliases (a later registration wins)."""
    for key in (locale.code, *locale.aliases):
        _LOCALES[key.lower()] = locale


def get_locale(lang: str) -> Locale:
    """The locale for ``lang`` ("rus", "kk", "uz-Cyrl" …); IngestError names the known ones."""
    locale = _LOCALES.get((lang or "").strip().lower().replace("_", "-"))
    if locale is None:
        known = ", ".join(sorted({loc.code for loc in _LOCALES.values()}))
        raise IngestError(f"no locale for language {lang!r}; known: {known}")
    return locale


def captions(lang: str) -> Captions:
    """How provisions are captioned in ``lang`` ("Статья 113."); English for a language without its own."""
    locale = _LOCALES.get((lang or "").strip().lower())
    if locale is not None and locale.captions is not None:
        return locale.captions
    english = _LOCALES["eng"].captions
    assert english is not None  # eng registers its captions below
    return english


def all_locales() -> list[Locale]:
    """Every registered locale once, in code order: the languages a text can be told apart from."""
    return sorted({id(loc): loc for loc in _LOCALES.values()}.values(), key=lambda loc: loc.code)


for _module in (rus, kaz, kir, uzb, tgk, eng, nld):
    register(_module.LOCALE)

__all__ = ["Captions", "Locale", "all_locales", "captions", "get_locale", "register"]
