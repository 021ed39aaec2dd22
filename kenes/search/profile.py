"""The ranking profile (``profile.yaml``) as a typed, frozen object.

Why typed: the engine used to read the YAML as a dict with ``prof.get("key", default)`` everywhere, so a
misspelt key ("rerank_windw") silently fell back to the default and a tuning run measured nothing. Here
every key of the file must be a field below and every field must be in the file: a typo, a missing number
or a value of the wrong type is a :class:`ProfileError` naming the key when the profile is loaded.

The file is re-read when it changes (tuning needs no restart); :func:`profile` returns the cached object.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

PROFILE_FILE = Path(__file__).with_name("profile.yaml")

__all__ = ["PROFILE_FILE", "Profile", "ProfileError", "load_profile", "profile"]


class ProfileError(ValueError):
    """The profile file does not describe a ranking profile (unknown key, missing key, wrong type)."""


@dataclass(frozen=True)
class Phrase:
    """The query's own words in order as a phrase, in the body and the heading."""

    boost: float
    slop: int


@dataclass(frozen=True)
class Proximity:
    """The first ``pairs`` neighbouring pairs of the query's words within ``slop`` words of each other."""

    boost: float
    slop: int
    pairs: int
    #: a query of fewer terms than this gets none (a question always does)
    min_terms: int


@dataclass(frozen=True)
class ConceptPhrase:
    """A glossary concept's phrase found in a heading or a text."""

    heading: float
    body: float
    #: a query of fewer terms than this gets no body bonus (a question always does)
    body_min_terms: int
    slop: int
    other_language: float
    max: int
    #: a phrase more than this share of the entries' headings hold gets no heading bonus (0: every phrase),
    #: and never one that fewer than ``broad_floor`` headings hold (a small library names few topics twice)
    max_heading_share: float
    broad_floor: int


@dataclass(frozen=True)
class Liability:
    sanction: float


@dataclass(frozen=True)
class Intents:
    liability: Liability


@dataclass(frozen=True)
class Question:
    """Question mode: a descriptive query (a situation told in sentences) rather than keywords."""

    #: a query of at least this many words (after stop words) is read as a question
    min_words: int
    #: the question's most informative terms kept (by inverse document frequency)
    max_terms: int
    #: a term in more than this share of the provisions is dropped from a question
    common_share: float
    #: reciprocal rank fusion: 1 / (k + rank) per ranking
    rrf_k: float
    #: related terms: read from the best ``feedback_docs`` articles of the first ranking (the law's own
    #: words for what the question describes), at most ``related_max``, each weighing ``related_term``
    feedback_docs: int
    related_max: int
    related_term: float
    #: the weight of the related-terms ranking in the fusion
    related_weight: float
    #: match a question against articles only (their whole text), not each paragraph and point
    articles_only: bool
    #: field boosts for a question (an article's whole text counts more than for keywords)
    fields: dict[str, float]
    #: the article's exact wording (its words as written, field ``forms``) matched by the question's forms
    forms_weight: float
    #: expand a question's words through the glossary (colloquial words to legal ones, other languages)
    glossary: bool
    #: the glossary's concept phrases weigh this much in a question (their heading bonus is for keywords)
    concept_scale: float
    #: the weight of the experience ranking (articles cited for similar earlier questions)
    experience_weight: float
    #: the weight of the articles the question itself quotes ("согласно ст. 44 КоАП …": quoted.py)
    quoted_weight: float
    #: the weight of the articles whose headings name the question's word pairs (topics.py), and how many
    #: pairs are looked for at most
    topics_weight: float
    topics_max: int
    #: the best text score below which a question is answered "the law is not here", relative to the
    #: number of terms searched (BM25 sums over terms)
    not_here_score: float


@dataclass(frozen=True)
class Vectors:
    """Meaning beside words (vectors.py): article vectors fused with the text ranking by rank."""

    #: the meaning ranking's weight in the fusion (the text ranking weighs 1)
    weight: float
    #: queries of at least this many words get the meaning ranking (keywords stay a pure text search)
    min_words: int
    #: the first characters of a query that are embedded (a question's opening says what it is about;
    #: the encoder's time grows with its length)
    query_chars: int
    #: the first characters of an article (heading and text) that are embedded when it is indexed
    passage_chars: int
    #: how many articles the meaning ranking lists
    depth: int
    #: a question whose words score low is still answered when an article is at least this similar
    not_here_similarity: float
    #: a question (or a query that asks) nearer in meaning to an area of law not held than to any held
    #: (answers.yaml ``meaning``, ``inside_meaning``) by more than this is told the law is not here
    not_here_margin: float


@dataclass(frozen=True)
class Profile:
    """Every number that shapes the ranking; see the comments in ``profile.yaml``."""

    fields: dict[str, float]
    expansion_weight: float
    expansion_fields: tuple[str, ...]
    max_expansions: int
    common_term_share: float
    common_expansion_share: float
    phrase: Phrase
    proximity: Proximity
    work_type: dict[str, float]
    kind: dict[str, float]
    not_in_force: float
    intents: Intents
    rerank_window: int
    collapse_articles: bool
    concept_phrase: ConceptPhrase
    question: Question
    vectors: Vectors


_SCORED_FIELDS = frozenset({"heading", "body", "sub", "path", "title"})


def _convert(value: object, kind: object, where: str) -> object:
    """``value`` read from YAML as ``kind`` (a dataclass, dict[str, float], tuple[str, ...], a scalar)."""
    if dataclasses.is_dataclass(kind):
        return _build(kind, value, where)  # type: ignore[arg-type]
    origin = typing.get_origin(kind)
    if origin is dict:
        if not isinstance(value, dict):
            raise ProfileError(f"{where}: expected a mapping, got {value!r}")
        _key_type, value_type = typing.get_args(kind)
        return {str(k): _convert(v, value_type, f"{where}.{k}") for k, v in value.items()}
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise ProfileError(f"{where}: expected a list, got {value!r}")
        item_type = typing.get_args(kind)[0]
        return tuple(_convert(v, item_type, f"{where}[]") for v in value)
    if kind is bool:
        if not isinstance(value, bool):
            raise ProfileError(f"{where}: expected true or false, got {value!r}")
        return value
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ProfileError(f"{where}: expected a number, got {value!r}")
        return float(value)
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ProfileError(f"{where}: expected a whole number, got {value!r}")
        return value
    if kind is str:
        if not isinstance(value, str):
            raise ProfileError(f"{where}: expected text, got {value!r}")
        return value
    if isinstance(kind, types.UnionType):  # pragma: no cover - no optional values today
        raise ProfileError(f"{where}: unsupported type {kind}")
    raise ProfileError(f"{where}: unsupported type {kind}")  # pragma: no cover


def _build(cls: type, raw: object, where: str) -> object:
    if not isinstance(raw, dict):
        raise ProfileError(f"{where or 'profile'}: expected a mapping, got {raw!r}")
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    unknown = sorted(set(map(str, raw)) - set(names))
    if unknown:
        raise ProfileError(
            f"{where or 'profile'}: unknown key(s) {', '.join(unknown)}; expected {', '.join(names)}"
        )
    missing = [n for n in names if n not in raw]
    if missing:
        raise ProfileError(f"{where or 'profile'}: missing key(s) {', '.join(missing)}")
    prefix = f"{where}." if where else ""
    return cls(**{n: _convert(raw[n], hints[n], prefix + n) for n in names})


def load_profile(raw: object) -> Profile:
    """A :class:`Profile` from the parsed YAML; raises :class:`ProfileError` saying which key is wrong."""
    built = _build(Profile, raw, "")
    assert isinstance(built, Profile)
    unknown = sorted((set(built.fields) | set(built.question.fields)) - _SCORED_FIELDS)
    if unknown:
        raise ProfileError(f"fields: unknown index field(s) {', '.join(unknown)}")
    stray = sorted(set(built.expansion_fields) - set(built.fields))
    if stray:
        raise ProfileError(f"expansion_fields: {', '.join(stray)} not among the scored fields")
    return built


@lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> Profile:
    try:
        return load_profile(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
    except ProfileError as exc:
        raise ProfileError(f"{path}: {exc}") from exc


def profile(path: Path = PROFILE_FILE) -> Profile:
    """The ranking profile, re-read when the file changes (so tuning needs no restart)."""
    return _cached(str(path), path.stat().st_mtime)
