"""The library's own sentences in the reader's language, without needing Django.

Explanation steps, warnings, advisory reasons and :class:`~kenes.rights.errors.InvalidSituation` messages
are what a migrant reads, so they must come out in Russian or Kazakh as well as English. They are written
as ``_("… {name} …").format(name=…)`` — one msgid with named placeholders, formatted *after* translation —
so ``makemessages`` extracts them into this app's catalogues (``locale/<lang>/LC_MESSAGES/django.po``)
next to the web pages' strings, and translators see whole sentences.

Translation reads those same compiled catalogues with the standard library's :mod:`gettext`, not Django's:
``import kenes.rights`` must work without Django (the CLI, notebooks), and the language must be the one a
caller asks for, not Django's process default (``LANGUAGE_CODE`` is Russian, and a library call made
outside a request would silently turn Russian). The language is chosen per evaluation with
:func:`language` (``evaluate(..., lang="kk")`` does it); by default the library speaks English. A
missing ``.mo`` file (catalogues not compiled yet) also means English, never an error.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import gettext as _stdlib_gettext
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"

#: Languages the catalogues hold; "en" is the language the messages are written in.
LANGUAGES = ("en", "ru", "kk")
DEFAULT = "en"
#: Interface languages whose rights catalogues are not written yet, and the language they are answered in:
#: Russian, the language most readers of these interfaces also read, and the one the pages fall back to
#: (Django's fallback is LANGUAGE_CODE), so a page and its answer are never in two languages. The pages
#: say so.
FALLBACK = {"uz": "ru", "tg": "ru", "ky": "ru"}

_current: contextvars.ContextVar[str] = contextvars.ContextVar("kenes_rights_language", default=DEFAULT)


def normalise(lang: str | None) -> str:
    """``ru-RU``, ``kk_KZ``, ``RU`` → the catalogue language; ``uz``, ``tg``, ``ky`` → Russian (see
    :data:`FALLBACK`); anything else we do not hold → English."""
    if not lang:
        return DEFAULT
    base = lang.replace("_", "-").split("-")[0].lower()
    base = FALLBACK.get(base, base)
    return base if base in LANGUAGES else DEFAULT


@functools.cache
def _catalogue(lang: str) -> _stdlib_gettext.NullTranslations:
    return _stdlib_gettext.translation("django", localedir=LOCALE_DIR, languages=[lang], fallback=True)


def current() -> str:
    """The language messages are being produced in now."""
    return _current.get()


@contextmanager
def language(lang: str | None) -> Iterator[str]:
    """Produce messages in ``lang`` inside the block (per thread and per asyncio task)."""
    token = _current.set(normalise(lang))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def gettext(message: str) -> str:
    lang = _current.get()
    if lang == DEFAULT or not message:  # gettext("") would be the catalogue's header
        return message
    return _catalogue(lang).gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, n: int | float) -> str:
    """The form of a message that fits ``n`` (Russian has three), by the catalogue's Plural-Forms."""
    count = int(n) if float(n).is_integer() else 2
    lang = _current.get()
    if lang == DEFAULT:
        return singular if count == 1 else plural
    return _catalogue(lang).ngettext(singular, plural, count)


def gettext_noop(message: str) -> str:
    """Mark a message for extraction where it is defined; it is translated where it is shown."""
    return message


def number(value: int | float, decimals: int = 0) -> str:
    """A number grouped as the current language writes it: ``85,000.50`` / ``85 000,50``."""
    text = f"{value:,.{decimals}f}"
    if _current.get() == DEFAULT:
        return text
    return text.replace(",", "\u00a0").replace(".", ",")


def days(n: int | float) -> str:
    """``1 day``, ``5 days``, ``2.5 days`` — ``1 день``, ``5 дней``, ``2,5 дня`` — ``5 күн``."""
    whole = float(n).is_integer()
    shown = str(int(n)) if whole else number(n, 2).rstrip("0")
    return ngettext("{n} day", "{n} days", n).format(n=shown)


def amount(value: int | float) -> str:
    """A sum of money: whole amounts without decimals, others with two (``85 000``, ``42 500,50``)."""
    return number(value, 0 if float(value).is_integer() else 2)


_EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def day(value: dt.date | str) -> str:
    """A date as a person reads it: ``09.02.2024`` in every language but English (``9 February 2024``).

    One numeric form rather than "9 февраля 2024 г.": it needs no case endings in Russian, Kazakh, Uzbek,
    Tajik or Kyrgyz, and it is the form on documents and in migration cards. A string that is not an ISO
    date is returned as it is.
    """
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if _current.get() == DEFAULT:
        return f"{value.day} {_EN_MONTHS[value.month - 1]} {value.year}"
    return value.strftime("%d.%m.%Y")


def month(value: str) -> str:
    """A month (``2026-10``) as a person reads it: ``10.2026``, or ``October 2026`` in English."""
    try:
        first = dt.date.fromisoformat(value + "-01")
    except (TypeError, ValueError):
        return str(value)
    if _current.get() == DEFAULT:
        return f"{_EN_MONTHS[first.month - 1]} {first.year}"
    return first.strftime("%m.%Y")
