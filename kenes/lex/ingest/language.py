"""Stage 2 — keep the requested language, drop a translation printed before or after it.

Reads: blocks and the requested locale. Writes: the blocks of the requested language; a short block in
another language inside it becomes a note (the Dutch treaty database writes "Treedt in werking op een nader
te bepalen tijdstip" under English articles). Raises IngestError when nothing reads as the requested language
but plenty reads as another (a Russian file imported as English).

How: every registered locale lists frequent words of its language. Each block scores (own words) minus
(most words of any one other language); the kept span is the contiguous run of blocks with the highest total
score (the maximum-subarray problem), so a Dutch title before the English text and the whole Dutch
translation after it fall outside, whatever their headings say. Words two languages share count for neither.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .blocks import Block
from .errors import IngestError
from .locales import Locale, all_locales

_WORD = re.compile(r"[^\W\d_]+(?:['ʻʼ’‘`][^\W\d_]+)*")
_SHORT = 100  # a remark in another language is short; a long block scoring one foreign word is just text


def keep_own_language(blocks: list[Block], locale: Locale) -> list[Block]:
    """The blocks of ``locale``'s language (see the module docstring)."""
    table = _word_table(locale.code)
    if not table or not blocks:
        return blocks
    own = [0] * len(blocks)
    foreign = [0] * len(blocks)
    for i, block in enumerate(blocks):
        counts: dict[int, int] = {}
        for word in _WORD.findall(block.text.lower()):
            index = table.get(word)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        own[i] = counts.pop(0, 0)
        foreign[i] = max(counts.values(), default=0)
    if not any(f > o for f, o in zip(foreign, own, strict=True)):
        return blocks
    if sum(own) == 0 and sum(foreign) >= 3:
        raise IngestError(f"the text does not read as {locale.name} ({locale.code}); check the language")
    if sum(own) < 3:
        return blocks  # too little evidence either way (a short text, a test): cut nothing
    remarks = [
        o == 0 and f >= 1 and (f >= 2 or len(b.text) < _SHORT)
        for b, o, f in zip(blocks, own, foreign, strict=True)
    ]
    scores = [o - f for o, f in zip(own, foreign, strict=True)]
    start, end = _best_span(_forgive_remarks(scores, remarks))
    kept = blocks[start:end]
    for block, remark in zip(kept, remarks[start:end], strict=True):
        if remark:
            block.role = "note"
    return kept


def _forgive_remarks(scores: list[int], remarks: list[bool]) -> list[int]:
    """A short foreign remark with the requested language on both sides does not split the text."""
    adjusted = list(scores)
    before = [0] * len(scores)  # sign of the nearest scored block before i that is not a remark
    sign = 0
    for i, (score, remark) in enumerate(zip(scores, remarks, strict=True)):
        before[i] = sign
        if score and not remark:
            sign = 1 if score > 0 else -1
    sign = 0
    for i in range(len(scores) - 1, -1, -1):
        if remarks[i] and before[i] > 0 and sign > 0:
            adjusted[i] = 0
        if scores[i] and not remarks[i]:
            sign = 1 if scores[i] > 0 else -1
    return adjusted


def _best_span(scores: list[int]) -> tuple[int, int]:
    """[start, end) with the largest sum.

    Neutral blocks (no known words) between the text and a translation go with the translation (its
    untranslatable title); before the text they stay (banners after a foreign title).
    """
    prefix = [0]
    for s in scores:
        prefix.append(prefix[-1] + s)
    best = max(prefix[1:])
    end = prefix.index(best, 1)
    if all(s >= 0 for s in scores[end:]):
        end = len(scores)  # nothing foreign follows: neutral closing lines ("Done at Geneva …") stay
    low = min(prefix[:end])
    start = prefix.index(low)  # first index: neutral blocks after a foreign title stay
    return start, end


@lru_cache(maxsize=32)
def _word_table(code: str) -> dict[str, int]:
    """word -> 0 for the requested language, n >= 1 for the n-th other language; shared words left out."""
    locales = all_locales()
    mine = next(loc for loc in locales if loc.code == code)
    others = [loc for loc in locales if loc.code != code and loc.words]
    table: dict[str, int] = dict.fromkeys(mine.words, 0)
    seen: dict[str, int] = {}
    for n, other in enumerate(others, 1):
        for word in other.words - mine.words:
            seen[word] = seen.get(word, 0) + 1
            table[word] = n
    for word, times in seen.items():
        if times > 1:  # e.g. "ва" is Uzbek and Tajik: evidence of neither against the other
            del table[word]
    return table
