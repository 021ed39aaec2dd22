"""Answers before articles, and saying when the law is not here (both as data: ``answers.yaml``).

A question a rights check answers ("сколько дней я могу находиться", "не заплатили при увольнении") is
better served by the check, which computes the answer for the person's dates, than by ten articles: the
search names the check's slug and the caller (the API, the portal) links it and titles it. Search does
not import ``kenes.rights`` (it sits above search): the slugs here are the rights rules' own, and a test
keeps them in step with the rights registry.

A question about an area whose law the database does not hold (divorce, a bank loan, a flat) gets a plain
"the law for this is not in the database" instead of ten unrelated articles. Which areas are not held is
asked of the index, not written down: the day a family code is imported, family questions are searched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from . import analysis, places
from .notices import Notice
from .query import ParsedQuery

__all__ = ["ANSWERS_FILE", "check_slugs", "checks_for", "meanings", "not_here_notice", "outside_topic"]

ANSWERS_FILE = Path(__file__).with_name("answers.yaml")
MAX_CHECKS = 2


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load(ANSWERS_FILE.read_text(encoding="utf-8"))


#: Negations: in a check's phrase, the word after one must follow it in the query too. English writes
#: its own as stop words ("not") and contractions ("didn't" is the term "didnt"): they are kept in phrases.
_NEGATIONS = frozenset(
    {"не", "нет", "not", "never", "didnt", "doesnt", "dont", "havent", "hasnt", "wasnt", "werent", "isnt"}
)
#: Every negation as one term, so that "not paid" is said by "didn't pay" too.
_NOT = "¬"


def _negation(term: str) -> str:
    return _NOT if term in _NEGATIONS else term


@dataclass(frozen=True)
class Phrase:
    """A check's phrase as index terms: all of ``terms`` anywhere in the query, and each of ``negated``
    right after its negation. Why: "не платят" named the wage check for "муж не согласен платить
    алименты" and "нужно ли мне платить за патент", where the "не" belongs to another word or is absent."""

    terms: frozenset[str]
    negated: frozenset[tuple[str, str]]

    def named_by(self, words: frozenset[str], pairs: frozenset[tuple[str, str]]) -> bool:
        """Whether a query with these terms and negated pairs (:func:`negated_pairs`) says the phrase."""
        return bool(self.terms) and self.terms <= words and self.negated <= pairs


def negated_pairs(spelled: Sequence[str]) -> frozenset[tuple[str, str]]:
    """(negation, word) for each word a negation reaches in the query's terms: the next word, or one
    past at most ``negation_gap`` bridge words (answers.yaml: "не полностью выплатили")."""
    bridge, gap = _bridge()
    pairs = set()
    for i, term in enumerate(spelled):
        if term not in _NEGATIONS:
            continue
        for j in range(i + 1, min(len(spelled), i + 2 + gap)):
            pairs.add((_NOT, spelled[j]))
            if spelled[j] not in bridge:
                break
    return frozenset(pairs)


@lru_cache(maxsize=1)
def _bridge() -> tuple[frozenset[str], int]:
    data = _data()
    words = str(data.get("negation_bridge", ""))
    # as a query in any language spells them ("fully" is the English term "fulli")
    bridge = frozenset(t for lang in analysis.LANGS for t in analysis.terms(words, lang))
    return bridge, int(data.get("negation_gap", 0))


def _phrase(phrase: str, lang: str) -> Phrase:
    stops = analysis.STOP_WORDS.get(lang, frozenset()) - _NEGATIONS
    kept = [_negation(t) for t in analysis.terms(phrase, lang) if t not in stops]
    negated = {(a, b) for a, b in zip(kept, kept[1:], strict=False) if a == _NOT}
    return Phrase(frozenset(kept), frozenset(negated))


@lru_cache(maxsize=len(analysis.LANGS))
def _checks(lang: str = "rus") -> tuple[tuple[str, tuple[Phrase, ...]], ...]:
    """Every check's phrases as a query in ``lang`` is analysed.

    Why each phrase in the query's language rather than in the language its letters suggest: a short
    phrase does not say its language ("музд намедиҳад" reads as Uzbek Cyrillic, "maosh" as English), and a
    phrase only meets a query whose words went through the same stemmer."""
    return tuple(
        (slug, tuple(_phrase(p, lang) for p in phrases)) for slug, phrases in _data()["checks"].items()
    )


#: The languages a work's title may be analysed in (``held_by`` words are read in each of them).
_TITLE_LANGS = ("rus", "kaz", "kir", "uzb", "tgk", "eng")


@dataclass(frozen=True)
class Area:
    """An area of law a question may be about: the words that name it in a question, and the title terms
    of the works that would hold its law."""

    name: str
    words: tuple[frozenset[str], ...]  # each word as every term it may reach a question as (see _word_groups)
    held_by: frozenset[str]
    meaning: str = ""  # a few words of what it is about, for the question's vector (meaning_areas.py)


def _word_groups(words: list[tuple[str, str]]) -> tuple[frozenset[str], ...]:
    """The words of a list, each as the terms it reaches a question as: its stem and its lemma's stem, with
    the words that share one merged ("дети" and "ребенок": a question's "детей" is the stem "дет" and the
    lemma "ребенок").

    Why: a question's terms hold both its words' stems and their lemmas, so counting terms counted
    "детей" twice, and "перевезти жену и детей, работаю по договору" outweighed its labour word as a
    family question.
    """
    from .morphology import analyse_word

    groups: list[set[str]] = []
    for word, lang in words:
        found = set(analysis.terms(word, lang))
        if lang == "rus":
            lemma = analysis.terms(analyse_word(word.lower()).lemma.replace("ё", "е"), "rus")
            # a lemma's stem as short as a preposition ("заём" → "за") would meet every "за"
            found |= {t for t in lemma if len(t) >= 4 and t not in analysis.STOP_WORDS.get("rus", ())}
        merged = [g for g in groups if g & found]
        for g in merged:
            found |= g
            groups.remove(g)
        groups.append(found)
    return tuple(frozenset(g) for g in groups)


@lru_cache(maxsize=1)
def _areas() -> tuple[tuple[Area, ...], tuple[frozenset[str], ...]]:
    def title_terms(words: str) -> frozenset[str]:
        # a title is analysed in its work's language: "неке" is Kazakh, "семья" Russian, and a word's
        # letters do not always say which
        return frozenset(t for lang in _TITLE_LANGS for t in analysis.terms(words, lang))

    areas = []
    for name, spec in _data()["outside"].items():
        if (
            not isinstance(spec, dict)
            or not (spec.get("words") or spec.get("meaning"))
            or not spec.get("held_by")
        ):
            raise ValueError(
                f"{ANSWERS_FILE.name}: outside area {name!r} needs 'held_by' and 'words' or 'meaning'"
            )
        words = _in_every_language(spec.get("words") or "", spec.get("other"))
        areas.append(Area(name, words, title_terms(spec["held_by"]), str(spec.get("meaning") or "")))
    return tuple(areas), _in_every_language(_data()["inside"], _data().get("inside_other"))


def meanings() -> tuple[tuple[str, ...], tuple[Area, ...]]:
    """What the law held here is about (``inside_meaning``) and the areas not held that say what they are
    about (``meaning``), for meaning_areas.py."""
    inside = tuple(str(text) for text in _data().get("inside_meaning") or ())
    return inside, tuple(area for area in _areas()[0] if area.meaning)


def _in_every_language(russian: str, other: dict | None) -> tuple[frozenset[str], ...]:
    """A list's Russian words and its words in the other languages (``other``: language -> words), each
    analysed as a question in that language is (a Kazakh divorce question is about family law too), the
    same word in two languages one word ("банк", "алимент")."""
    words = [(word, "rus") for word in str(russian).split()]
    for lang, listed in (other or {}).items():
        if lang not in analysis.LANGS:
            raise ValueError(f"{ANSWERS_FILE.name}: unknown language {lang!r} (one of {analysis.LANGS})")
        words += [(word, lang) for word in str(listed).split()]
    return _word_groups(words)


@lru_cache(maxsize=1)
def _word_index() -> dict[str, tuple[tuple[str, int], ...]]:
    """term -> (area name, or "" for the inside words; the word's number in its list): a query's words are
    looked up, not every list scanned (a keyword query pays this on every search)."""
    areas, inside = _areas()
    index: dict[str, list[tuple[str, int]]] = {}
    for owner, groups in [("", inside), *((a.name, a.words) for a in areas)]:
        for number, group in enumerate(groups):
            for term in group:
                index.setdefault(term, []).append((owner, number))
    return {term: tuple(found) for term, found in index.items()}


def check_slugs() -> tuple[str, ...]:
    """Every check the search may name (rights rule slugs)."""
    return tuple(slug for slug, _phrases in _checks())


@lru_cache(maxsize=4)
def _spelled(text: str, lang: str) -> tuple[str, ...]:
    """The query's words as index terms, in order: read once per query by the checks and "not here"
    (a pasted letter is 20,000 characters)."""
    return tuple(analysis.terms(text, lang))


def _surface(parsed: ParsedQuery) -> frozenset[str]:
    """The query's words as index terms (every form), plus its question terms (lemmas)."""
    found = frozenset(_spelled(parsed.text, parsed.lang)) | frozenset(parsed.terms)
    if not parsed.question and parsed.lang == "rus" and places.asks(parsed.text, False):
        found |= _lemmas(parsed.text)  # (a few keywords are a lawyer's search: their stems will do)
    return found


@lru_cache(maxsize=4)
def _lemmas(text: str) -> frozenset[str]:
    """A short Russian query's words as the terms of their lemmas, as a question's are: a stem alone
    misses the other case forms of a listed word ("призыв" stems to "приз", "призыва" to "призыв")."""
    from .morphology import analyse_word

    words = (w.lower() for w in text.split() if any("а" <= c <= "я" or c == "ё" for c in w.lower()))
    lemmas = " ".join(analyse_word(w.strip(".,;:!?()«»\"'")).lemma for w in words)
    return frozenset(analysis.terms(lemmas.replace("ё", "е"), "rus"))


def checks_for(parsed: ParsedQuery, outside: str = "") -> list[str]:
    """The rights checks the query names, most phrases matched first (at most MAX_CHECKS).

    ``outside``: the area of law not held that the query is about (:func:`outside_topic`). Then a phrase
    of one word besides its negation does not name a check: "муж не платит алименты" is not unpaid
    wages, while "не платят зарплату" still names the wage check. So too where the query names something
    else one pays (answers.yaml ``other_payments``: "не заплатил штраф", "не заплатили за товар"), for the
    checks of payments only: "нет регистрации, штраф" is still the registration check's.
    """
    words = _surface(parsed)
    paid_else = bool(words & _other_payments(parsed.lang))
    words |= {_NOT} if words & _NEGATIONS else set()
    pairs = negated_pairs(_spelled(parsed.text, parsed.lang))
    index = _check_index(parsed.lang)
    said: dict[tuple[int, str], set[Phrase]] = {}
    for term in words:
        for order, slug, phrase in index.get(term, ()):
            if not phrase.named_by(words, pairs):
                continue
            unsure = outside or (paid_else and slug in _payment_checks())
            if not (unsure and len(phrase.terms - {_NOT}) < 2):
                said.setdefault((order, slug), set()).add(phrase)
    scored = sorted((-len(phrases), order, slug) for (order, slug), phrases in said.items())
    kept = [slug for _n, _o, slug in scored if not _not_named(slug, words, parsed.lang)]
    return kept[:MAX_CHECKS]


def _not_named(slug: str, words: frozenset[str] | set[str], lang: str) -> bool:
    """Whether the query asks a neighbouring question the check does not answer (answers.yaml
    ``not_named``: maternity leave is not the annual leave the leave check counts)."""
    rule = _not_named_terms(lang).get(slug)
    return rule is not None and bool(words & rule[0]) and not words & rule[1]


@lru_cache(maxsize=len(analysis.LANGS))
def _not_named_terms(lang: str) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """``not_named`` as a query in ``lang`` spells its words; a stem shorter than four letters is left
    out ("родам" is "род", as in "родился" and "такого рода")."""
    rules = _data().get("not_named") or {}
    return {
        slug: (_listed(str(r["words"]), lang, 4), _listed(str(r.get("unless", "")), lang, 4))
        for slug, r in rules.items()
    }


def _listed(words: str, lang: str, shortest: int) -> frozenset[str]:
    """Words of a list in answers.yaml as a query in ``lang`` spells them, stop words and stems shorter
    than ``shortest`` left out."""
    stops = analysis.STOP_WORDS.get(lang, frozenset())
    return frozenset(t for t in analysis.terms(words, lang) if len(t) >= shortest and t not in stops)


@lru_cache(maxsize=1)
def _payment_checks() -> frozenset[str]:
    """The checks about a payment, which a query naming another payment does not name by a negation."""
    return frozenset(str(_data().get("other_payments_checks", "")).split())


@lru_cache(maxsize=len(analysis.LANGS))
def _other_payments(lang: str) -> frozenset[str]:
    """What else a query may say was not paid (a fine, goods, a loan), as a query in ``lang`` spells it."""
    # a stem as short as a preposition ("заем" → "за") would meet every "за"
    return _listed(str(_data().get("other_payments", "")), lang, 3)


@lru_cache(maxsize=len(analysis.LANGS))
def _check_index(lang: str) -> dict[str, tuple[tuple[int, str, Phrase], ...]]:
    """Each check phrase under one of its terms (the longest, the rarest as a rule), so that a query
    tries only the phrases one of its words can start, not all of them in six languages."""
    index: dict[str, list[tuple[int, str, Phrase]]] = {}
    for order, (slug, phrases) in enumerate(_checks(lang)):
        for phrase in phrases:
            if phrase.terms:
                key = max(sorted(phrase.terms), key=len)
                index.setdefault(key, []).append((order, slug, phrase))
    return {term: tuple(found) for term, found in index.items()}


def outside_topic(parsed: ParsedQuery, held: Callable[[frozenset[str]], bool]) -> str:
    """The area of law the question is about when the database does not hold it ("" otherwise).

    ``held(title_terms)`` says whether the database holds a work in force whose title has one of those
    terms (the caller asks its index, in the question's jurisdiction and on its day): only then is the
    index asked, so a question that names no area costs nothing.
    """
    index = _word_index()
    used: dict[str, set[int]] = {}
    for term in _surface(parsed):
        for owner, number in index.get(term, ()):
            used.setdefault(owner, set()).add(number)
    areas, _inside = _areas()
    least = int(_data().get("min_outside", 2))
    weight = float(_data().get("inside_weight", 2))
    named = ((len(used.get(a.name, ())), a.name, a) for a in areas)
    n, name, area = max(named, key=lambda x: x[:2], default=(0, "", None))
    # "работа" in "по работе приложения Каспи" does not make a credit question a labour one: the area's
    # words must outnumber the labour words, each of which counts ``inside_weight`` times
    labour = len(used.get("", ()))
    if n < least or n <= weight * labour or area is None or held(area.held_by):
        return ""
    return name


def not_here_notice(topic: str, *, shown: bool = False) -> Notice:
    """``not-here``; ``not-here-shown`` where the nearest articles were listed anyway, as asked."""
    what = f" ({topic})" if topic else ""
    if shown:
        return Notice(
            "not-here-shown",
            f"the law this question is about{what} seems not to be in this database: the nearest articles "
            "are listed, as asked",
            topic,
        )
    return Notice(
        "not-here",
        # what the database does hold is not listed: it is whatever was imported, and the reader needs the
        # way to help more than the catalogue
        f"the law this question is about{what} is not in this database. An advisory centre can help.",
        topic,
    )
