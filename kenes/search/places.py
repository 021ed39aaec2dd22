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
from functools import lru_cache
from pathlib import Path

import yaml

from . import analysis

__all__ = ["PLACES_FILE", "named_place"]

PLACES_FILE = Path(__file__).with_name("places.yaml")
_TOKEN = re.compile(r"[^\W_]+(?:[-'ʻ’][^\W_]+)*")
#: words this long or shorter are compared as written (abbreviations), longer ones by their stems
_SHORT = 4


def _key(word: str) -> str:
    """A word as the place lists compare it: a short one (an abbreviation: "ТОО", "РК", "тг") as written,
    lower case; a longer one by its Russian stems, so "Казахстане" and "Казахстана" meet. (A stemmed
    "ТОО" is "то", which every "то" and "той" of a question would have matched.)"""
    low = analysis.normalise_text(word).replace("ё", "е")
    if len(low) <= _SHORT:
        return low
    return " ".join(analysis.terms(word, "rus"))


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, str], frozenset[str]]:
    raw = yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8"))
    where: dict[str, str] = {}
    for place, words in raw["places"].items():
        for word in str(words).split():
            key = _key(word)
            if key and where.setdefault(key, place) != place:
                raise ValueError(f"{PLACES_FILE.name}: {word!r} names both {where[key]} and {place}")
    origin = frozenset(k for k in map(_key, str(raw["origin"]).split()) if k)
    return where, origin


def named_place(text: str) -> str | None:
    """The jurisdiction the text is about, or None when it names none, or several equally."""
    where, origin = _data()
    counts: Counter[str] = Counter()
    before = ""
    for token in _TOKEN.findall(text):
        key = _key(token)
        place = where.get(key)
        if place and before not in origin:
            counts[place] += 1
        before = key
    if not counts:
        return None
    (best, n), *rest = counts.most_common()
    # more mentions than every other country together: "в Казахстане … тенге … в России" is Kazakhstan
    return best if n > sum(m for _p, m in rest) else None
