"""Where a question is: the one country a described situation names, for a person who picked none.

Why: Russian is the law's language in five of the countries Kenes serves, so "работаю в Казахстане без
договора, получаю 150 000 тенге" matches the Russian and the Kyrgyz labour codes as well as the Kazakh one;
with no country chosen, a third of the hits for the legal clinics' questions came from the Russian code.
A question that names a country (its name, its currency, its company form, its cities) is about that
country's law, as a lawyer would read it. Where a person comes from ("гражданин Узбекистана") does not
count: migrants name their own country and ask about the one they work in. Two countries named as often
name none; the service then searches every country, as before.

The words are data (``places.yaml``); the service applies the place only to questions, only when the
index holds law of that country, and says so in a notice with the way to search every country.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from . import analysis

__all__ = ["PLACES_FILE", "named_place"]

PLACES_FILE = Path(__file__).with_name("places.yaml")
#: words, with the hyphens and apostrophes inside them ("Усть-Каменогорск", "O'zbekiston", "Oʻzbekiston")
_TOKEN = re.compile(r"[^\W_]+(?:[-'ʻ’‘`][^\W_]+)*")
_APOSTROPHES = str.maketrans({"ʻ": "'", "’": "'", "‘": "'", "`": "'"})
#: words this long or shorter are compared as written (abbreviations), longer ones by their stems
_SHORT = 4


@lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    """A word as the place lists compare it: a short one (an abbreviation: "ТОО", "РК", "тг") as written,
    lower case; a longer one by its Russian stems, so "Казахстане" and "Казахстана" meet. (A stemmed
    "ТОО" is "то", which every "то" and "той" of a question would have matched.)"""
    low = analysis.normalise_text(word.translate(_APOSTROPHES)).replace("ё", "е")
    if len(low) <= _SHORT:
        return low
    return " ".join(analysis.terms(low, "rus"))


@dataclass(frozen=True)
class _Places:
    names: dict[str, str]
    markers: dict[str, str]
    origin: frozenset[str]


@lru_cache(maxsize=1)
def _data() -> _Places:
    raw = yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    markers: dict[str, str] = {}
    for place, lists in raw["places"].items():
        for kind, into in (("names", names), ("markers", markers)):
            for word in str(lists.get(kind, "")).split():
                key = _key(word)
                if not key:
                    continue
                other = names.get(key) or markers.get(key)
                if other and other != place:
                    raise ValueError(f"{PLACES_FILE.name}: {word!r} names both {other} and {place}")
                into[key] = place
    origin = frozenset(k for k in map(_key, str(raw["origin"]).split()) if k)
    return _Places(names, markers, origin)


def _place_of(token: str, table: dict[str, str]) -> str | None:
    """The place ``token`` names: the whole word, or else one of its hyphenated parts ("Санкт-Петербурге")."""
    place = table.get(_key(token))
    if place is None and "-" in token:
        place = next((table[k] for k in map(_key, token.split("-")) if k in table), None)
    return place


def named_place(text: str) -> str | None:
    """The jurisdiction the text is about, or None when it names none, or several equally."""
    data = _data()
    counts: Counter[str] = Counter()
    before = ""
    for word in _TOKEN.findall(text):
        token = word.lstrip("0123456789") or word  # "150000тг"
        place = _place_of(token, data.markers)
        if place is None and before not in data.origin:
            place = _place_of(token, data.names)
        if place:
            counts[place] += 1
        before = _key(token)
    if not counts:
        return None
    (best, n), *rest = counts.most_common()
    # more mentions than every other country together: "в Казахстане … тенге … в России" is Kazakhstan
    return best if n > sum(m for _p, m in rest) else None
