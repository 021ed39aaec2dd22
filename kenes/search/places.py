"""Where a question is: the one country a described situation names, for a person who picked none.

Why: Russian is the law's language in five of the countries Kenes serves, so "работаю в Казахстане без
договора, получаю 150 000 тенге" matches the Russian and the Kyrgyz labour codes as well as the Kazakh one;
with no country chosen, a third of the hits for the legal clinics' questions came from the Russian code.
A question that names a country (its name, its currency, its company form, its cities) is about that
country's law, as a lawyer would read it. Where a person comes from ("гражданин Узбекистана") does not
count: migrants name their own country and ask about the one they work in. Two countries named as often
name none; the service then searches every country, as before. A question that names no country at all
and is written in a language only one country works in (Kazakh) is about that country (``place_of``).

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

__all__ = ["PLACES_FILE", "asks", "named_place", "place_of"]

PLACES_FILE = Path(__file__).with_name("places.yaml")
#: words, with the hyphens and apostrophes inside them ("Усть-Каменогорск", "O'zbekiston", "Oʻzbekiston")
_TOKEN = re.compile(r"[^\W_]+(?:[-'ʻ’‘`][^\W_]+)*")
_APOSTROPHES = str.maketrans({"ʻ": "'", "’": "'", "‘": "'", "`": "'"})
#: words this long or shorter are compared as written (abbreviations), longer ones by their stems
_SHORT = 4
#: ... when the stem keeps this many letters
_STEM_KEY_MIN = 5
#: at most this many bridging words ("of the Republic of") between an origin word and a name
_BRIDGE_MAX = 4


@lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    """A word as the place lists compare it: a short one (an abbreviation: "ТОО", "РК", "тг") as written,
    lower case; a longer one by its Russian stems, so "Казахстане" and "Казахстана" meet. (A stemmed
    "ТОО" is "то", which every "то" and "той" of a question would have matched.)"""
    low = _plain(word)
    if len(low) <= _SHORT:
        return low
    stem = " ".join(analysis.terms(low, "rus"))
    if stem in _people():
        # "Киргизия" stems to "киргиз", a Kyrgyz person ("я киргиз, работаю в Москве" is in Russia): the
        # country's name is compared as written, and each of its forms is listed
        return low
    # a stem this short is another word too ("Орусия" → "орус", Kyrgyz for "Russian"; "родом" → "род", as
    # in "родила"): the word is compared as written, and its other forms are listed
    return stem if len(stem) >= _STEM_KEY_MIN else low


@lru_cache(maxsize=1)
def _raw() -> dict:
    """``places.yaml`` as written, read once (the people's stems and the lists are built from it)."""
    return yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    """The stems of ``places.yaml`` ``people``: words for a people, whose stem a country's name shares."""
    raw = _raw()
    return frozenset(" ".join(analysis.terms(_plain(w), "rus")) for w in str(raw.get("people", "")).split())


#: a name this long or longer also names its place at the start of a longer word ("Өзбекстаннан")
_STEM_MIN = 6


@lru_cache(maxsize=1 << 16)
def _plain(word: str) -> str:
    """A word lower-cased and folded as the place lists compare its letters (apostrophes as one)."""
    return analysis.normalise_text(word.translate(_APOSTROPHES)).replace("ё", "е")


@dataclass(frozen=True)
class _Places:
    """``places.yaml`` as the reader compares it: words by :func:`_key`, endings and beginnings by
    :func:`_plain`."""

    names: dict[str, str]
    markers: dict[str, str]
    origin: frozenset[str]
    origin_bridge: frozenset[str]
    stems: dict[str, tuple[tuple[str, str], ...]]  # first letters -> (name, place), shortest first
    name_endings: frozenset[str]
    origin_after: tuple[str, ...]
    origin_endings: frozenset[str]
    locative_endings: frozenset[str]
    international: frozenset[str]


@lru_cache(maxsize=1)
def _data() -> _Places:
    """The lists, read once; a word two countries claim is a clear error."""
    raw = _raw()
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
    stems: dict[str, list[tuple[str, str]]] = {}
    for place, lists in raw["places"].items():
        for word in str(lists.get("names", "")).split():
            low = _plain(word)
            if len(low) >= _STEM_MIN:
                stems.setdefault(low[:_STEM_MIN], []).append((low, place))

    def plain(key: str) -> list[str]:
        return [_plain(w) for w in str(raw.get(key, "")).split()]

    origin_endings, locative = frozenset(plain("origin_endings")), frozenset(plain("locative_endings"))
    return _Places(
        names,
        markers,
        origin,
        frozenset(plain("origin_bridge")),
        {k: tuple(sorted(v, key=lambda x: len(x[0]))) for k, v in stems.items()},
        frozenset(["", *plain("name_endings")]) | origin_endings | locative,
        tuple(plain("origin_after")),
        origin_endings,
        locative,
        frozenset(k for k in map(_key, str(raw.get("international", "")).split()) if k),
    )


def _place_of(token: str, table: dict[str, str]) -> str | None:
    """The place ``token`` names: the whole word, or else one of its hyphenated parts ("Санкт-Петербурге")."""
    place = table.get(_key(token))
    if place is None and "-" in token:
        place = next((table[k] for k in map(_key, token.split("-")) if k in table), None)
    return place


#: a query of this many words reads as a sentence, not keywords, even without a "?"
SENTENCE_WORDS = 6


def asks(text: str, question: bool) -> bool:
    """Whether a query reads as someone asking about their situation, whose country it may name: a
    question (query.py), or a shorter query that asks ("?") or runs to a sentence. A few keywords
    ("сверхурочная работа Казахстан") are a lawyer's search: read only for the country they name, not for
    the language they are written in."""
    return question or "?" in text or len(text.split()) >= SENTENCE_WORDS


def _by_stem(low: str, data: _Places) -> tuple[str | None, str]:
    """The place a longer word (``low``: :func:`_plain`) starts with ("Қазақстанда", "Өзбекстаннан",
    "Qozog'istonda": the names of the Turkic languages take their case endings on the name), and the
    ending."""
    for name, place in data.stems.get(low[:_STEM_MIN], ()):
        if low.startswith(name) and low[len(name) :] in data.name_endings:
            return place, low[len(name) :]
    # anything else after the name makes another word: "Russian", "казахстанец", "o'zbekistonlik"
    return None, ""


def _after_origin(i: int, keys: list[str], plain: list[str], data: _Places) -> bool:
    """Whether the ``i``-th word follows an origin word, right before it or past up to four bridging
    words ("гражданин Республики Узбекистан", "citizen of the Republic of Uzbekistan"; not "гражданин в
    Казахстане")."""
    j = i - 1
    while j >= 0 and i - j <= _BRIDGE_MAX and plain[j] in data.origin_bridge:
        j -= 1
    return j >= 0 and keys[j] in data.origin


def named_place(text: str) -> str | None:
    """The jurisdiction the text is about, or None when it names none, or several equally."""
    return _named(text)[0]


def place_of(text: str) -> tuple[str | None, str]:
    """The jurisdiction a question is about, and the language that said so when it names no country.

    ``(place, "")`` when it names one (as :func:`named_place`); ``(place, lang)`` when it names no country
    at all and is written in a language only one country works in (``places.yaml`` ``languages``; the
    text's own language, whatever language of law the request filters on); ``(None, "")`` otherwise (two
    countries named equally name none, whatever the language)."""
    place, mentioned = _named(text)
    if mentioned:
        return place, ""
    lang = analysis.guess_lang(text[:2000])
    place = _languages().get(lang)
    return place, lang if place else ""


@lru_cache(maxsize=1)
def _languages() -> dict[str, str]:
    """``languages`` of places.yaml; a language or a country the lists do not know is a clear error."""
    raw = _raw()
    out = {str(k): str(v) for k, v in (raw.get("languages") or {}).items()}
    for lang, place in out.items():
        if lang not in analysis.LANGS or place not in raw["places"]:
            raise ValueError(f"{PLACES_FILE.name}: languages: {lang!r} is no language or {place!r} no place")
    return out


def _named(text: str) -> tuple[str | None, bool]:
    """The place the text names most (None: none, or a tie) and whether it names any. A text that names
    an ILO convention ("конвенция МОТ") names no one country's law, whatever country it names:
    "конвенция МОТ 87 Казахстан" asks for the convention (and its ratification), which a search kept to
    Kazakhstan's law would hide."""
    data = _data()
    counts: Counter[str] = Counter()
    tokens = [word.lstrip("0123456789") or word for word in _TOKEN.findall(text)]  # "150000тг"
    keys = [_key(token) for token in tokens]
    if not data.international.isdisjoint(keys):
        return None, True
    plain = [_plain(token) for token in tokens]
    for i, token in enumerate(tokens):
        place = data.markers.get(keys[i]) or ("-" in token and _place_of(token, data.markers)) or None
        if place is None:
            low = plain[i]
            named = data.names.get(keys[i]) or ("-" in token and _place_of(token, data.names)) or None
            by_stem, ending = _by_stem(low, data) if low[:_STEM_MIN] in data.stems else (None, "")
            named = named or by_stem
            if named and not _after_origin(i, keys, plain, data):
                after = plain[i + 1] if i + 1 < len(tokens) else ""
                # "Өзбекстаннан келдім", "Өзбекстан азаматымын": where the person comes from
                origin = ending in data.origin_endings or (
                    ending not in data.locative_endings and after.startswith(data.origin_after) and after
                )
                place = None if origin else named
        if place:
            counts[place] += 1
    if not counts:
        return None, False
    (best, n), *rest = counts.most_common()
    # more mentions than every other country together: "в Казахстане … тенге … в России" is Kazakhstan
    return (best if n > sum(m for _p, m in rest) else None), True
