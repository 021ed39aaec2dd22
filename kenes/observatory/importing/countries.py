"""Country names and ISO codes as statistics files write them → the ISO 3166-1 alpha-2 code (``kz``).

pycountry knows the ISO names, alpha-3 codes and common names; the few spellings it does not know (UN DESA
writes "Russia", "Turkey", "Cape Verde") are listed here, so an unknown name is an error naming the row rather
than a guess.
"""

from __future__ import annotations

from functools import cache

import pycountry

#: Spellings found in the corpus files that pycountry's lookup does not resolve.
ALIASES: dict[str, str] = {
    "bosnia & herzegovina": "ba",
    "brunei": "bn",
    "cape verde": "cv",
    "cote d'ivoire": "ci",
    "hong kong sar": "hk",
    "palestine": "ps",
    "russia": "ru",
    "turkey": "tr",
    "u.s. virgin islands": "vi",
    "kyrgyz republic": "kg",
}


class UnknownCountry(ValueError):
    pass


@cache
def country_code(text: str) -> str:
    """``"KAZ"``, ``"kz"``, ``"Kazakhstan"`` → ``"kz"``; raises :class:`UnknownCountry` otherwise."""
    key = text.strip()
    if not key:
        raise UnknownCountry("empty country")
    alias = ALIASES.get(key.lower())
    if alias:
        return alias
    try:
        return pycountry.countries.lookup(key).alpha_2.lower()
    except LookupError:
        raise UnknownCountry(f"unknown country {text!r}") from None


def country_name(code: str, language: str = "en") -> str:
    """The country's name in ``language``: the country table's name through the interface's catalogues for
    the countries Kenes lists, pycountry's ISO 3166 translations for every other."""
    from kenes.kernel.countries import BY_CODE

    listed = BY_CODE.get(code)
    if listed is not None:
        from django.utils import translation

        with translation.override(language):
            return translation.gettext(listed.name)
    return _iso_name(code, language)


@cache
def _iso_name(code: str, language: str) -> str:
    import gettext

    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code.upper()
    name = getattr(country, "common_name", None) or country.name
    if language.startswith("en"):
        return name
    try:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return name
    translated = catalogue.gettext(name)
    return translated if translated != name else catalogue.gettext(country.name)
