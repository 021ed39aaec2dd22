"""Russian lemmas and parts of speech (pymorphy3 with its dictionary package from PyPI), for questions.

Why beside Snowball rather than instead of it: the index holds Snowball stems (cheap, and the same for the
query and the text), and a stem of the lemma meets them. What the dictionary adds is what a stemmer cannot
know: "людей" is "человек", "Айгуль" is a first name and "Иванов" a surname (a question's names carry no
legal meaning), "потому" is a conjunction. The analyser loads in about 0.15 s and 30 MB (the dictionary is
memory-mapped data inside the ``pymorphy3-dicts-ru`` wheel; nothing is downloaded), once per process and
only when a Russian question arrives.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Word", "analyse_word", "may_be_name"]

#: Grammemes of a personal name: a question's "Айгуль", "Иванов", "Сергеевич".
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


@dataclass(frozen=True)
class Word:
    lemma: str  # normal form, ё kept as the dictionary has it
    pos: str  # pymorphy3's part of speech (NOUN, VERB, INFN, ADJF, PREP …), "" when unknown
    name: bool  # the likeliest reading is a personal name
    known: bool  # the dictionary knows the word (an unknown capitalised word is likely a name or a place)


@lru_cache(maxsize=1)
def _analyzer():  # noqa: ANN202 - pymorphy3 ships no type stubs
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=1 << 16)
def analyse_word(word: str) -> Word:
    """The likeliest reading of one lower-case Russian word; memoised (questions repeat their vocabulary)."""
    analyzer = _analyzer()
    parses = analyzer.parse(word)
    known = analyzer.word_is_known(word)
    if not parses:
        return Word(word, "", False, known)
    best = parses[0]
    tag = best.tag
    return Word(best.normal_form, str(tag.POS or ""), bool(_NAME_GRAMMEMES & set(tag.grammemes)), known)


@lru_cache(maxsize=1 << 14)
def may_be_name(word: str) -> bool:
    """Whether any reading of a lower-case Russian word is a personal name ("вера", "роза", "марат"):
    what a capitalised word inside a sentence most likely is when it has such a reading."""
    return any(_NAME_GRAMMEMES & set(p.tag.grammemes) for p in _analyzer().parse(word))
