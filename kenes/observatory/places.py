"""The countries the observatory reports on, from the one country table (``kenes.kernel.countries``)."""

from __future__ import annotations

from django.utils.translation import gettext_noop

from kenes.kernel.countries import COVERED

#: The eight countries Kenes covers, in the order the tables show them.
REGION: tuple[str, ...] = COVERED

#: The country table's names are English msgids: listed here so this app's catalogues translate them.
TRANSLATED_NAMES = (
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
