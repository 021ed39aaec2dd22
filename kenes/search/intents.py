"""Query intents (what a question asks about beyond its subject) and the provisions that answer them.

Why: "работаю без договора, чем это грозит?" and "работаю без договора" share every content word, so BM25
ranks them alike; only the question frame says the reader wants the penalty. Intents are data
(``intents.yaml``): phrases that mark a query, and patterns that mark, at index time, the provisions that set
a sanction. The ranking profile says how much a marked provision weighs for a marked query, and
``?explain=1`` shows the factor, so the effect is visible and tunable without code.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache, lru_cache
from pathlib import Path

import yaml

from .analysis import normalise_text

__all__ = ["LIABILITY", "detect", "patterns_stamp", "sets_sanction"]

INTENTS_FILE = Path(__file__).with_name("intents.yaml")
LIABILITY = "liability"


def _normal(text: str) -> str:
    return normalise_text(text).replace("ё", "е")


def _phrase_pattern(phrase: str) -> str:
    words = _normal(phrase).split()
    return r"\s+".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words)


@cache
def _load() -> tuple[dict[str, re.Pattern], dict[str, tuple[re.Pattern, ...]], str]:
    raw = INTENTS_FILE.read_bytes()
    data = yaml.safe_load(raw.decode("utf-8"))
    asks: dict[str, re.Pattern] = {}
    for intent in (LIABILITY,):
        phrases = sorted({p for ps in (data[intent].get("say") or {}).values() for p in ps or ()}, key=len)
        alternatives = "|".join(_phrase_pattern(p) for p in reversed(phrases))
        asks[intent] = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    # one pattern at a time over the lower-cased text: an alternation of them, or IGNORECASE, is 2-5 times
    # slower, and every provision of every import goes through here
    sanction = {
        lang: tuple(re.compile(p) for p in patterns)
        for lang, patterns in (data.get("sanction") or {}).items()
        if patterns
    }
    stamp = hashlib.sha1(yaml.safe_dump(data.get("sanction") or {}, allow_unicode=True).encode()).hexdigest()
    return asks, sanction, stamp[:12]


@lru_cache(maxsize=4096)
def detect(text: str) -> tuple[str, ...]:
    """The intents a query's wording shows (in any language of the data), e.g. ``("liability",)``."""
    normal = _normal(text)
    return tuple(name for name, pattern in _load()[0].items() if pattern.search(normal))


def sets_sanction(text: str, lang: str) -> bool:
    """Whether a provision's text (in ``lang``) sets a penalty: "… – влечет штраф …"."""
    patterns = _load()[1].get(lang)
    if not (text and patterns):
        return False
    lowered = text.lower()
    return any(p.search(lowered) for p in patterns)


def patterns_stamp() -> str:
    """Changes when the sanction patterns do, so index stamps (and so the index) follow them."""
    return _load()[2]
