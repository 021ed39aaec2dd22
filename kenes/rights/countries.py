"""Country codes a situation may name: ISO 3166-1 alpha-2, lower case, plus ``stateless`` for a person.

A code outside this list is a typing error and gets a clear message; a real country for which we hold no
rules is a valid question whose answer is "ask an advisory centre".
"""

from __future__ import annotations

from typing import Any

from kenes.kernel.countries import COUNTRIES, ISO_3166_ALPHA2
from kenes.rights.answer import Context
from kenes.rights.i18n import _, gettext_noop

__all__ = ["ISO_3166_ALPHA2", "NAMES", "STATELESS", "name"]

#: Not a country: the status of a person no state recognises as its citizen (лицо без гражданства).
STATELESS = "stateless"

#: Names for explanations (translated where shown), from the one country table; other codes are shown as
#: the code itself.
NAMES = {c.code: c.name for c in COUNTRIES} | {STATELESS: gettext_noop("no citizenship (stateless)")}


#: The country table's names, marked here so ``makemessages`` keeps them in this app's catalogues (the
#: kernel table has none of its own); a test checks the two lists agree.
CATALOGUE_NAMES = (
    gettext_noop("Kazakhstan"),
    gettext_noop("Kyrgyzstan"),
    gettext_noop("Uzbekistan"),
    gettext_noop("Tajikistan"),
    gettext_noop("Turkmenistan"),
    gettext_noop("Russia"),
    gettext_noop("Belarus"),
    gettext_noop("Armenia"),
    gettext_noop("Azerbaijan"),
    gettext_noop("Georgia"),
    gettext_noop("Mongolia"),
    gettext_noop("China"),
    gettext_noop("Turkey"),
    gettext_noop("Ukraine"),
    gettext_noop("Moldova"),
    gettext_noop("Afghanistan"),
    gettext_noop("India"),
    gettext_noop("Pakistan"),
)


def name(code: str) -> str:
    """The country's name in the current language (nominative: sentences are worded around it)."""
    return _(NAMES[code]) if code in NAMES else code.upper()


def at_home(ctx: Context, s: dict[str, Any], result: dict[str, Any], needed: str, reason: str) -> bool:
    """Whether the situation's person is a citizen of its ``host`` country, to whom no migration rule applies.

    The permit and the registration checks answer a citizen at home alike: ``needed`` (the output naming
    what a foreigner would need) is false, and ``reason`` (the rule's translated sentence, with
    ``{country}``) explains why; the rule then returns its answer.
    """
    if s["host"] != s["citizenship"]:
        return False
    result[needed] = False
    ctx.explain(reason.format(country=name(s["host"])))
    return True
