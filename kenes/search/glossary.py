"""Query expansion from the legal glossary (glossary.yaml): the reader's words, then the law's words.

Why: a migrant writes "не платят зарплату", the Labour Code says "выплата заработной платы"; a Kazakh
reader types "еңбек шарты" and the only text we hold is Russian. BM25 cannot bridge either gap, so the
query gets the glossary's terms added — never in place of the user's words, and with lower weights, so a
provision that uses the reader's own words still ranks first.

Matching is done on analysed terms (kenes.search.analysis), so inflection and script do not matter: a
glossary phrase matches when its terms occur one after another in the query, stop words left out on both
sides (the engine drops them from queries; negation is kept, so "не платят" is not "платят"). A concept
matched in any of its languages adds its terms in every language (weight :data:`CONCEPT_WEIGHT`); a
colloquial phrase adds the concepts it means and its own legal phrases (:data:`COLLOQUIAL_WEIGHT`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from .analysis import LANGS, drop_stop_words, lang_code, terms

__all__ = ["Concept", "Expansion", "concepts", "expand", "expansions", "legal_phrases", "matched_concepts"]

GLOSSARY_FILE = Path(__file__).with_name("glossary.yaml")

#: Weight of a term added because the query named a concept (in any language) or said it colloquially.
CONCEPT_WEIGHT = 0.5
#: Weight of a legal phrase a colloquial entry adds in the query's own language.
COLLOQUIAL_WEIGHT = 0.6


@dataclass(frozen=True)
class Concept:
    id: str
    terms: dict[str, tuple[str, ...]]  # language -> the concept's phrases as written
    keys: dict[str, tuple[tuple[str, ...], ...]]  # language -> each phrase as analysed terms


@dataclass(frozen=True)
class Expansion:
    """One added query term and why it was added (for ``?explain=1``)."""

    term: str
    weight: float
    source: str  # the concept id, or "colloquial:<phrase>"


@dataclass(frozen=True)
class _Colloquial:
    lang: str
    phrase: str
    key: tuple[str, ...]
    means: tuple[str, ...]
    add: tuple[tuple[str, ...], ...]


def _analysed(phrase: str, lang: str) -> tuple[str, ...]:
    return tuple(drop_stop_words(terms(phrase, lang), lang))


@cache
def _load() -> tuple[dict[str, Concept], tuple[_Colloquial, ...]]:
    data = yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))
    found: dict[str, Concept] = {}
    for cid, by_lang in data["concepts"].items():
        unknown = set(by_lang) - set(LANGS)
        if unknown:
            raise ValueError(f"glossary concept {cid!r}: unknown languages {sorted(unknown)}")
        phrases = {lang: tuple(by_lang.get(lang) or ()) for lang in LANGS}
        keys = {lang: tuple(k for p in ps if (k := _analysed(p, lang))) for lang, ps in phrases.items()}
        found[cid] = Concept(cid, phrases, keys)
    colloquial: list[_Colloquial] = []
    for lang, entries in (data.get("colloquial") or {}).items():
        for entry in entries:
            means = tuple(entry.get("means") or ())
            missing = [m for m in means if m not in found]
            if missing:
                raise ValueError(f"glossary colloquial {entry['say']!r} means unknown concepts {missing}")
            add = tuple(k for p in entry.get("add") or () if (k := _analysed(p, lang)))
            for phrase in entry["say"]:
                # without stop words, as the search engine drops them from queries; negation is not one
                key = _analysed(phrase, lang)
                if key:
                    colloquial.append(_Colloquial(lang, phrase, key, means, add))
    return found, tuple(colloquial)


def concepts() -> dict[str, Concept]:
    """All concepts of the glossary by id."""
    return _load()[0]


#: (language, first term) -> [(glossary order, key, concept id or colloquial entry)]
_Entry = tuple[int, tuple[str, ...], "str | _Colloquial"]


@cache
def _by_first_term() -> dict[tuple[str, str], list[_Entry]]:
    """Every phrase of the glossary under its first term, so a query is matched by lookups, not a scan.

    Scanning some 70 concepts x 6 languages and 140 colloquial phrases cost about 0.3 ms per query here
    (over 1 ms under load); looking up each of the query's dozen terms costs about 8 µs.
    """
    found, colloquial = _load()
    table: dict[tuple[str, str], list[_Entry]] = {}
    order = 0
    for cid, concept in found.items():
        for lang, keys in concept.keys.items():
            for key in keys:
                table.setdefault((lang, key[0]), []).append((order, key, cid))
        order += 1
    for entry in colloquial:
        table.setdefault((entry.lang, entry.key[0]), []).append((order, entry.key, entry))
        order += 1
    return table


def _found(query: list[str], lang: str) -> list[_Entry]:
    """The glossary's phrases of ``lang`` that occur in ``query`` (terms one after another)."""
    table = _by_first_term()
    out = []
    for i, first in enumerate(query):
        for item in table.get((lang, first), ()):
            key = item[1]
            if tuple(query[i : i + len(key)]) == key:
                out.append(item)
    return out


def matched_concepts(query_terms: list[str], lang: str | None) -> list[str]:
    """Ids of the concepts the query names, directly or colloquially, in glossary order."""
    return [src for src, _ in _matches(query_terms, lang)]


def _matches(query_terms: list[str], lang: str | None) -> list[tuple[str, tuple[tuple[str, ...], ...]]]:
    """(concept id or colloquial source, extra same-language phrases) for everything the query matches."""
    langs = LANGS if lang is None else (lang,)
    hits: dict[int, str | _Colloquial] = {}
    for code in langs:
        for order, _key, target in _found(drop_stop_words(query_terms, code), code):
            hits[order] = target
    out: list[tuple[str, tuple[tuple[str, ...], ...]]] = []
    seen: set[str] = set()
    ordered = sorted(hits.items())
    # concepts named directly first, then colloquial entries with the concepts they mean (glossary order)
    for _order, target in ordered:
        if isinstance(target, str):
            out.append((target, ()))
            seen.add(target)
    for _order, entry in ordered:
        if isinstance(entry, _Colloquial):
            out.append((f"colloquial:{entry.phrase}", entry.add))
            for cid in entry.means:
                if cid not in seen:
                    out.append((cid, ()))
                    seen.add(cid)
    return out


def legal_phrases(query_terms: list[str], lang: str | None) -> list[tuple[str, ...]]:
    """The legal phrases colloquial entries add (``add:``), as analysed terms, in the query's language.

    They are the law's name for what the reader described ("в конверте" -> "нарушение требований по оплате
    труда"), so the engine also looks for them as phrases, like the concepts' own terms.
    """
    out: list[tuple[str, ...]] = []
    for source, extra in _matches(query_terms, lang):
        if source.startswith("colloquial:"):
            out.extend(k for k in extra if len(k) >= 2 and k not in out)
    return out


def expansions(query_terms: list[str], lang: str | None) -> list[Expansion]:
    """The terms to add to a query, each once, with its weight and the reason it was added."""
    found, _ = _load()
    present = set(query_terms)
    out: dict[str, Expansion] = {}
    for source, extra in _matches(query_terms, lang):
        if source.startswith("colloquial:"):
            for key in extra:
                for t in key:
                    if t not in present and t not in out:
                        out[t] = Expansion(t, COLLOQUIAL_WEIGHT, source)
            continue
        for keys in found[source].keys.values():
            for key in keys:
                for t in key:
                    if t not in present and t not in out:
                        out[t] = Expansion(t, CONCEPT_WEIGHT, source)
    return list(out.values())


def expand(query_terms: list[str], lang: str | None) -> list[str]:
    """Extra analysed terms for a query whose own terms are ``query_terms`` (see :func:`expansions`).

    ``lang`` is the language the query terms were analysed in (for a query whose language was guessed,
    pass the guess: ``guess_lang(q)``); None matches the glossary in every language.
    """
    return [e.term for e in expansions(query_terms, lang_code(lang) if lang else None)]
