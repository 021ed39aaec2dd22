"""Highlighted snippets: the window of a provision's own text where the query's terms are densest.

The index holds analysed terms, so the words to mark are found by analysing each word of the stored text
with the same function (``analysis.term``) and comparing terms, not surface forms: "зарплату" is marked for
a query "зарплата". Output is HTML-escaped text with ``<mark>…</mark>`` around matches.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from . import analysis

_WORD = re.compile(r"\d+(?:[-./]\d+)+|[^\W_]+(?:['’ʻʼ‘`][^\W_]+)*")
_caches: dict[str, dict[str, str]] = {}  # language -> surface word -> index term
_CACHE_LIMIT = 300_000
#: Only the start of a long text is scanned for the window: a snippet is a glimpse, not a summary.
SCAN_CHARS = 1200


#: Languages whose terms are prefixes of the words they come from (Snowball stems): there a regular
#: expression finds the candidate words at C speed and only those are analysed to confirm.
_PREFIX_STEMMED = {"rus", "eng"}


#: The script of the languages matched by prefix: another script's terms cannot occur in their texts, and
#: each alternative of the pattern costs time at every position of the text.
_SCRIPT = {"rus": re.compile(r"^[\u0400-\u04ff\d]"), "eng": re.compile(r"^[a-z\d]")}


@lru_cache(maxsize=2048)
def _candidates(wanted: frozenset[str], lang: str) -> re.Pattern | None:
    """The regular expression for the candidate words: used where folding the text changes its length
    (so the fast path's offsets would not be the text's), and by the tests as the reference."""
    stems = _stems(wanted, lang)
    if not stems:
        return None
    alternatives = sorted({re.escape(t).replace("е", "[её]") for t in stems}, key=len, reverse=True)
    return re.compile(
        r"(?<![^\W_])(?:" + "|".join(alternatives) + r")[^\W_]*(?:['’ʻʼ‘`][^\W_]+)*", re.IGNORECASE
    )


@lru_cache(maxsize=2048)
def _stems(wanted: frozenset[str], lang: str) -> tuple[str, ...]:
    script = _SCRIPT[lang]
    # The document matched, so its terms are in its text: when none is in the language's own script (a
    # Russian phrase quoted in an English text), look for all of them rather than mark nothing.
    chosen = [t for t in wanted if script.match(t)] or list(wanted)
    return tuple(sorted({t.replace("ё", "е") for t in chosen if t}))


#: The rest of a word from where a stem starts (apostrophes join Uzbek and English words).
_REST_OF_WORD = re.compile(r"[^\W_]*(?:['’ʻʼ‘`][^\W_]+)*")
_WORD_CHAR = re.compile(r"[^\W_]")


def _candidate_words(text: str, wanted: frozenset[str], lang: str) -> list[tuple[int, int]]:
    """(start, end) of each word in the first :data:`SCAN_CHARS` of ``text`` that begins with one of the
    wanted stems, as :func:`_candidates` finds them.

    Why not that expression: an alternation of a dozen stems is tried at every position of the text, with
    case folded character by character, and cost most of a keyword request's snippets (44 of 69 µs a
    snippet). Here the text is folded once (lower case, ё as е) and each stem found with ``str.find``;
    only a word start is kept, and only there is the rest of the word read."""
    scan = text[:SCAN_CHARS]
    folded = scan.lower().replace("ё", "е")
    if len(folded) != len(scan):  # a character whose lower case is longer ("İ"): offsets would drift
        pattern = _candidates(wanted, lang)
        return [m.span() for m in pattern.finditer(text, 0, SCAN_CHARS)] if pattern else []
    starts: dict[int, int] = {}  # where a stem starts a word -> the longest stem found there
    for stem in _stems(wanted, lang):
        at = folded.find(stem)
        while at >= 0:
            if (at == 0 or not _WORD_CHAR.match(folded, at - 1)) and starts.get(at, 0) < len(stem):
                starts[at] = len(stem)
            at = folded.find(stem, at + 1)
    out, end = [], 0
    for start in sorted(starts):
        if start < end:  # inside the word just read (after an apostrophe)
            continue
        end = _REST_OF_WORD.match(scan, start + starts[start]).end()
        out.append((start, end))
    return out


def _terms_of(lang: str) -> dict[str, str]:
    cache = _caches.get(lang)
    if cache is None or len(cache) > _CACHE_LIMIT:
        cache = _caches[lang] = {}
    return cache


def snippet(text: str, wanted: frozenset[str], lang: str, max_chars: int = 240) -> str:
    """About ``max_chars`` of ``text`` around the most distinct matches, escaped, matches in <mark>."""
    if not text:
        return ""
    spans = []
    if wanted:
        cache = _terms_of(lang)
        if lang in _PREFIX_STEMMED:
            found = _candidate_words(text, wanted, lang)
        else:
            found = [m.span() for m in _WORD.finditer(text, 0, SCAN_CHARS)]
        for s, e in found:
            word = text[s:e]
            t = cache.get(word)
            if t is None:
                t = cache[word] = analysis.term(analysis.normalise_text(word), lang)
            if t in wanted:
                spans.append((s, e, t))
    start, end = _best_window(text, spans, max_chars)
    out = ["…" if start > 0 else ""]
    pos = start
    for s, e, _t in spans:
        if s < start or e > end:
            continue
        out.append(escape(text[pos:s], quote=False))
        out.append(f"<mark>{escape(text[s:e], quote=False)}</mark>")
        pos = e
    out.append(escape(text[pos:end], quote=False))
    if end < len(text):
        out.append("…")
    return "".join(out).strip()


def _best_window(text: str, spans: list[tuple[int, int, str]], max_chars: int) -> tuple[int, int]:
    if len(text) <= max_chars:
        return 0, len(text)
    best, best_at = (-1, -1), 0
    j = 0
    # the window's terms counted as it slides (a set per window cost most of a snippet with many matches)
    inside: dict[str, int] = {}
    for i, (s, _e, t) in enumerate(spans):
        inside[t] = inside.get(t, 0) + 1
        while spans[j][0] < s - max_chars + 40:
            gone = spans[j][2]
            inside[gone] -= 1
            if not inside[gone]:
                del inside[gone]
            j += 1
        score = (len(inside), i + 1 - j)
        if score > best:
            best, best_at = score, spans[j][0]
    if not spans:
        return 0, _cut_end(text, max_chars)
    # start a little before the first match, at a word boundary
    start = max(0, best_at - 40)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < best_at else start
    end = start + max_chars
    if end >= len(text):
        return max(0, len(text) - max_chars), len(text)
    return start, _cut_end(text, end, floor=start)


def _cut_end(text: str, end: int, floor: int = 0) -> int:
    if end >= len(text):
        return len(text)
    space = text.rfind(" ", floor, end)
    return space if space > floor + 20 else end
