"""Question mode: a situation told in sentences, read as weighted terms rather than an AND of its words.

People describe what happened ("Здравствуйте, я работаю продавцом с декабря, договор не подписывали, за два
месяца не заплатили…"). Its salutations, politeness, personal names, dates and amounts say nothing about
which law applies; of the rest, a rare legal word ("сверхурочно") says more than a frequent one
("работать"). :func:`question_terms` keeps the words that can carry meaning, each once, with a weight from
its part of speech and how often the question repeats it; the planner (engine.plan) then keeps the most
informative few by how rare they are in the law, so a 2,000-character letter costs a dozen posting lists.

The word lists are data (``question.yaml``). Russian words are read through their lemma (morphology.py),
so "заплатили", "заплатить" and "оплата" land on the stems the index holds; other languages go through
their own analyser with the same lists.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import yaml

from . import analysis

__all__ = ["QUESTION_FILE", "is_question", "question_terms", "substance"]

QUESTION_FILE = Path(__file__).with_name("question.yaml")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?…\n]\s*)$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: the first clause or sentence of a text and what ends it
_OPENING = re.compile(r"[^.!?…,;:\n]*[.!?…,;:\n]+\s*")


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load(QUESTION_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def _dropped_terms(lang: str) -> frozenset[str]:
    """Filler, month and currency words of ``lang`` as index terms (and lemmas, for Russian)."""
    data = _data()
    words: set[str] = set()
    for key in ("filler", "months", "currency"):
        words.update(analysis.normalise_text(data.get(key, {}).get(lang, "")).split())
    out = {analysis.term(w, lang) for w in words}
    if lang == "rus":
        from .morphology import analyse_word

        out |= {analysis.term(analyse_word(w).lemma.replace("ё", "е"), lang) for w in words}
    return frozenset(out)


def is_question(text: str, min_words: int) -> bool:
    """A described situation rather than keywords: at least ``min_words`` words (citations are kept apart
    by the caller). Quotes in a question are a name or a word as people say it ("отгулы"), not a phrase
    operator: keyword syntax is for short queries."""
    return len(_WORD.findall(text)) >= min_words


def question_terms(text: str, lang: str) -> list[tuple[str, float]]:
    """The question's meaningful words as index terms with weights, in order of first appearance."""
    return [(t, w) for t, w, _f in question_words(text, lang)]


def question_words(text: str, lang: str) -> list[tuple[str, float, tuple[str, ...]]]:
    """:func:`question_terms` with each term's forms as the question writes them (for exact matching)."""
    data = _data()
    dropped = _dropped_terms(lang)
    drop_pos = frozenset(data.get("drop_pos", ()))
    pos_weight: dict[str, float] = data.get("pos_weight", {})
    stops = analysis.STOP_WORDS.get(lang, frozenset())
    counts: Counter[str] = Counter()
    weight: dict[str, float] = {}
    written: dict[str, dict[str, None]] = {}
    for match in _WORD.finditer(text):
        raw = match.group()
        token = analysis.normalise_text(raw)
        if lang == "rus" and _CYRILLIC.search(token):
            found = _russian_term(raw, token, text, match.start(), drop_pos, pos_weight)
            if found is None:
                continue
            term, w = found
        else:
            term, w = analysis.term(token, lang), 1.0
        if not term or term in stops or term in dropped or len(term) < 2:
            continue
        counts[term] += 1
        weight[term] = max(weight.get(term, 0.0), w)
        written.setdefault(term, {})[token.replace("ё", "е")] = None
    # a word the question repeats matters more, but a letter that says "зарплата" ten times is not ten
    # times about wages
    return [(t, weight[t] * (1.0 + math.log(n)), tuple(written[t])) for t, n in counts.items()]


def _russian_term(
    raw: str, token: str, text: str, start: int, drop_pos: frozenset[str], pos_weight: dict[str, float]
) -> tuple[str, float] | None:
    from .morphology import analyse_word

    word = analyse_word(token.replace("ё", "е") if token.isascii() else token)
    if word.pos in drop_pos:
        return None
    # a capitalised name is a person's; a capitalised word the dictionary does not know, inside a
    # sentence, is a name too (Kazakh and Uzbek names: "Ерлан", "Жумабаев") or a place
    capitalised = raw[:1].isupper() and not raw.isupper()
    inside = not _SENTENCE_START.search(text[max(0, start - 3) : start])
    if capitalised and (word.name or (not word.known and inside)):
        return None
    lemma = word.lemma.replace("ё", "е")
    return analysis.term(lemma, "rus"), float(pos_weight.get(word.pos, 1.0))


def substance(text: str, lang: str, *, most: int = 8) -> str:
    """``text`` from its first clause that says something: "Здравствуйте! Подскажите, пожалуйста, каков срок
    давности…" begins at "каков".

    Why: the meaning encoder reads only the opening of a long question (its cost grows with the length), and
    a greeting can take a fifth of a 200-character opening. A clause is dropped when none of its words is a
    question term (question.yaml's filler, stop words, names), at most ``most`` of them; the last clause is
    always kept, so a text of nothing but filler keeps its end. A clause with words the filler list does not
    hold stays ("Дайте, пожалуйста, точный ответ" begins at "точный ответ": "дать" is filler, "точный" and
    "ответ" may be legal words).
    """
    rest = text.lstrip()
    for _ in range(most):
        match = _OPENING.match(rest)
        if match is None or match.end() >= len(rest) or question_words(match.group(), lang):
            break
        rest = rest[match.end() :]
    return rest
