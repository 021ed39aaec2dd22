"""The languages Kenes holds law in, and how one language is named in each of the code systems it meets.

Law text is stored under AKN three-letter codes (``rus``); HTML, Django's interface and the citation
library use BCP 47 / ISO 639-1 (``ru``). Every translation between the two goes through this one table, so
adding a language is a one-line change here.
"""

from __future__ import annotations

#: AKN expression language -> BCP 47 tag (HTML ``lang``, Django interface language).
AKN_TO_BCP47: dict[str, str] = {"rus": "ru", "kaz": "kk", "kir": "ky", "uzb": "uz", "tgk": "tg", "eng": "en"}

#: BCP 47 tag -> AKN expression language: the reverse of :data:`AKN_TO_BCP47`.
BCP47_TO_AKN: dict[str, str] = {bcp: akn for akn, bcp in AKN_TO_BCP47.items()}

#: The AKN codes, in the order Kenes lists them.
AKN_LANGUAGES: tuple[str, ...] = tuple(AKN_TO_BCP47)

#: Language names in their own language (shown next to law text, so not translated).
NATIVE_NAMES: dict[str, str] = {
    "rus": "Русский",
    "kaz": "Қазақша",
    "eng": "English",
    "kir": "Кыргызча",
    "uzb": "Oʻzbekcha",
    "tgk": "Тоҷикӣ",
}


def to_akn(code: str) -> str:
    """``ru`` or ``ru-RU`` -> ``rus``; an AKN code or an unknown one is returned as given."""
    return BCP47_TO_AKN.get(code.lower().split("-")[0], code)


def to_bcp47(code: str) -> str:
    """``kaz`` -> ``kk`` (not the first two letters: ``ka`` is Georgian); unknown codes are returned as given.

    >>> to_bcp47("kaz"), to_bcp47("kir"), to_bcp47("rus")
    ('kk', 'ky', 'ru')
    """
    return AKN_TO_BCP47.get(code, code)
