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
    # language -> each phrase's terms with its stop words, as the index holds it: what a phrase query
    # matches ("отпуск в связи с беременностью": the index keeps "в" and "с" at their positions, so the
    # phrase of ``keys`` alone would need a slop of 2 to meet it)
    spelled: dict[str, tuple[tuple[str, ...], ...]]


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
    add_spelled: tuple[tuple[str, ...], ...]  # ``add`` with its stop words, for phrase queries


def _analysed(phrase: str, lang: str) -> tuple[str, ...]:
    return tuple(drop_stop_words(terms(phrase, lang), lang))


def _pairs(phrases: list[str] | tuple[str, ...], lang: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(key without stop words, terms as spelled) of each phrase that has a key."""
    return [(k, tuple(terms(p, lang))) for p in phrases if (k := _analysed(p, lang))]


@cache
def _load() -> tuple[dict[str, Concept], tuple[_Colloquial, ...]]:
    data = yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))
    found: dict[str, Concept] = {}
    for cid, by_lang in data["concepts"].items():
        unknown = set(by_lang) - set(LANGS)
        if unknown:
            raise ValueError(f"glossary concept {cid!r}: unknown languages {sorted(unknown)}")
        phrases = {lang: tuple(by_lang.get(lang) or ()) for lang in LANGS}
        pairs = {lang: _pairs(ps, lang) for lang, ps in phrases.items()}
        keys = {lang: tuple(k for k, _s in ps) for lang, ps in pairs.items()}
        spelled = {lang: tuple(sp for _k, sp in ps) for lang, ps in pairs.items()}
        found[cid] = Concept(cid, phrases, keys, spelled)
    colloquial: list[_Colloquial] = []
    for lang, entries in (data.get("colloquial") or {}).items():
        for entry in entries:
            means = tuple(entry.get("means") or ())
            missing = [m for m in means if m not in found]
            if missing:
                raise ValueError(f"glossary colloquial {entry['say']!r} means unknown concepts {missing}")
            added = _pairs(entry.get("add") or (), lang)
            add = tuple(k for k, _s in added)
            add_spelled = tuple(sp for _k, sp in added)
            for phrase in entry["say"]:
                # without stop words, as the search engine drops them from queries; negation is not one
                key = _analysed(phrase, lang)
                if key:
                    colloquial.append(_Colloquial(lang, phrase, key, means, add, add_spelled))
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


def _found(query: list[str], lang: str) -> list[tuple[int, _Entry]]:
    """The glossary's phrases of ``lang`` that occur in ``query`` (terms one after another), each with the
    position of its first term."""
    table = _by_first_term()
    out = []
    for i, first in enumerate(query):
        for item in table.get((lang, first), ()):
            key = item[1]
            if tuple(query[i : i + len(key)]) == key:
                out.append((i, item))
    return out


def _longest(found: list[tuple[int, _Entry]]) -> list[tuple[int, _Entry]]:
    """``found`` less the phrases that lie inside a longer phrase the query also matches.

    Why: "сверхурочная работа" names the concept overtime; its first word alone is also the colloquial
    "сверхурочные", which means overtime, working time and rest time (someone who says "сверхурочные" may be
    asking about any of them). Reading the shorter match too put "Нормальная продолжительность рабочего
    времени" and "Выходные дни" above "Оплата сверхурочной работы" for "сверхурочная работа оплата". The
    other way round, "штрафы на работе" is what an employer deducts, not an administrative fine ("штраф").
    The longest match wins, as a gazetteer does.
    """
    spans = [(i, i + len(key)) for i, (_o, key, _t) in found]
    return [
        (i, entry)
        for i, entry in found
        if not any(a <= i and i + len(entry[1]) <= b and b - a > len(entry[1]) for a, b in spans)
    ]


def matched_concepts(query_terms: list[str], lang: str | None) -> list[str]:
    """Ids of the concepts the query names, directly or colloquially, in glossary order."""
    return [src for src, _add, _spelled in _matches(query_terms, lang)]


_Match = tuple[str, tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]


def _matches(query_terms: list[str], lang: str | None) -> list[_Match]:
    """(concept id or colloquial source, extra same-language phrases, the same spelled with their stop words)
    for everything the query matches."""
    langs = LANGS if lang is None else (lang,)
    hits: dict[int, str | _Colloquial] = {}
    for code in langs:
        for _i, (order, _key, target) in _longest(_found(drop_stop_words(query_terms, code), code)):
            hits[order] = target
    out: list[_Match] = []
    seen: set[str] = set()
    ordered = sorted(hits.items())
    # concepts named directly first, then colloquial entries with the concepts they mean (glossary order)
    for _order, target in ordered:
        if isinstance(target, str):
            out.append((target, (), ()))
            seen.add(target)
    for _order, entry in ordered:
        if isinstance(entry, _Colloquial):
            out.append((f"colloquial:{entry.phrase}", entry.add, entry.add_spelled))
            for cid in entry.means:
                if cid not in seen:
                    out.append((cid, (), ()))
                    seen.add(cid)
    return out


def legal_phrases(query_terms: list[str], lang: str | None) -> list[tuple[str, ...]]:
    """The legal phrases colloquial entries add (``add:``) in the query's language, as the index spells them
    (stop words kept: a phrase query matches positions).

    They are the law's name for what the reader described ("в конверте" -> "нарушение требований по оплате
    труда"), so the engine also looks for them as phrases, like the concepts' own terms.
    """
    out: list[tuple[str, ...]] = []
    for source, add, spelled in _matches(query_terms, lang):
        if source.startswith("colloquial:"):
            out.extend(sp for k, sp in zip(add, spelled, strict=True) if len(k) >= 2 and sp not in out)
    return out


def expansions(query_terms: list[str], lang: str | None) -> list[Expansion]:
    """The terms to add to a query, each once, with its weight and the reason it was added."""
    found, _ = _load()
    present = set(query_terms)
    out: dict[str, Expansion] = {}
    for source, extra, _spelled in _matches(query_terms, lang):
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
