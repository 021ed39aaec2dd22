"""Index terms for Kenes search: one function that turns text in any of our six languages into terms.

Why our own analyser rather than the search engine's: Kazakh, Kyrgyz, Uzbek and Tajik have no stemmer in
Snowball, PostgreSQL or tantivy, and Uzbek and Kazakh are written in two scripts, so a query typed in Latin
must meet a text printed in Cyrillic. Doing it here, in Python, gives one set of terms for the index and the
query whatever engine stores them: the engine indexes ``analyse(text, lang)`` with a plain whitespace
tokenizer. Terms contain no spaces; numbers keep their inner hyphens and dots ("12-1", "5.1").

What each language gets (``lang`` is the AKN code of the text; None guesses it from the text):

* every language: Unicode NFC, casefold, the apostrophes ' ’ ‘ ʻ ʼ ` ´ made one;
* ``rus``: ё→е, Snowball Russian; ``eng``: Snowball English (PyStemmer). A Latin word in a Russian text is
  stemmed as English and a Cyrillic word in an English text as Russian;
* ``kaz``: Latin (the 2021 alphabet: ä ğ ı ñ ö ş ū ü y=ы …) folded to Cyrillic; и/й/і made one letter
  (the 2021 alphabet writes all three as i), һ→х; then :func:`_strip_turkic`: plural, possessive and case
  endings in all their vowel-harmony variants, repeatedly, never below :data:`MIN_STEM` letters; and a
  stem-final б/г/ғ made п/к/қ, since Kazakh voices them before a vowel (еңбек → еңбегі);
* ``kir``: the same normaliser with the Kyrgyz four-way harmony (-лар/-лер/-лор/-лөр …);
* ``uzb``: Cyrillic folded to the 1995 Latin alphabet (ў→o', ғ→g', қ→q, ҳ→h, х→x, ш→sh …); o'/g' lose the
  apostrophe and the tutuq belgisi is dropped (people type "ozbek", "o'zbek" and "oʻzbek" alike); then light
  suffix stripping (-lar, -ning, -ni, -ga, -da, -dan, -si …);
* ``tgk``: ӣ ӯ ҳ ҷ қ ғ folded to и у х ч к г (what people type on a Russian keyboard); -ҳо, -он, -ро and the
  izofa -и / adjectival -ӣ stripped.

The word-level function is memoised: legal text repeats a small vocabulary, so indexing a million
provisions costs a few hundred thousand stemmer calls, not a hundred million.

Stop words are not removed from the index: negation and short words matter in law ("не менее", "не
допускается") and phrase queries need every position. BM25 already gives such words almost no weight; for
queries :func:`drop_stop_words` takes them out (a small list per language, :data:`STOP_WORDS`) so that
"что делать если работодатель не платит" does not scan the postings of "что" and "если". Negation ("не",
"ни") is not a stop word: "не платят" is what the glossary reads as wage arrears; but a query of nothing
else (:data:`NEGATIONS`) is nothing to search.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

from kenes.lex.languages import BCP47_TO_AKN

__all__ = [
    "LANGS",
    "MIN_STEM",
    "NEGATIONS",
    "STOP_WORDS",
    "analyse",
    "forms",
    "drop_stop_words",
    "guess_lang",
    "lang_code",
    "normalise_text",
    "term",
    "terms",
]

LANGS = ("rus", "kaz", "kir", "uzb", "tgk", "eng")

#: The shortest stem the Turkic and Tajik suffix normalisers leave.
MIN_STEM = 3

_APOSTROPHES = "’‘ʻʼ`´ʹ′"  # made "'"
# the combining dot of a casefolded İ, soft hyphens, and the invisible characters a pasted text carries
# inside words (zero-width space, non-joiner and joiner, word joiner, byte-order mark): "зар\u200bплату"
# was two words, and "не платят зар\u200bплату" named no check
_DROPPED = "\u0307\u00ad\u200b\u200c\u200d\u2060\ufeff"

# A number with inner separators ("12-1", "5.1", "01.01.2024") is one token; otherwise runs of letters and
# digits, with apostrophes inside (Uzbek o'z, English worker's).
_TOKEN = re.compile(r"\d+(?:[-./]\d+)+|[^\W_]+(?:'[^\W_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zà-ɏ]")

_RU = Stemmer.Stemmer("russian")
_EN = Stemmer.Stemmer("english")


def normalise_text(text: str) -> str:
    """NFC, casefold, one apostrophe; no soft hyphens, zero-width characters or combining dot (İ casefolds
    to i + U+0307).

    str.replace per character present, not str.translate: translate is some forty times slower here.
    """
    text = unicodedata.normalize("NFC", text).casefold()
    for c in _APOSTROPHES:
        if c in text:
            text = text.replace(c, "'")
    for c in _DROPPED:
        if c in text:
            text = text.replace(c, "")
    return text


def lang_code(lang: str) -> str:
    """The AKN code for ``lang`` ("ru" -> "rus"); ValueError for a language the analyser does not know."""
    code = BCP47_TO_AKN.get(lang.lower(), lang.lower())
    if code not in LANGS:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGS)}")
    return code


def _lang(lang: str | None, text: str) -> str:
    return guess_lang(text) if not lang else lang_code(lang)


def terms(text: str, lang: str | None = None) -> list[str]:
    """The index terms of ``text`` in document order (``lang``: AKN code; None: guessed from the text)."""
    if not text:
        return []
    word = _WORD_TERM[_lang(lang, text)]
    return [t for t in map(word, _TOKEN.findall(normalise_text(text))) if t]


def analyse(text: str, lang: str | None = None) -> str:
    """:func:`terms` joined by spaces: what the engine stores and matches with a whitespace tokenizer."""
    return " ".join(terms(text, lang))


def forms(text: str) -> str:
    """``text``'s words as written (normalised, ё→е, not stemmed), space-separated: the exact wording."""
    return " ".join(_TOKEN.findall(normalise_text(text).replace("ё", "е")))


@lru_cache(maxsize=1 << 19)
def term(token: str, lang: str) -> str:
    """One normalised token (already :func:`normalise_text`-ed) as an index term; memoised."""
    if token[0].isdigit() and not _LATIN.search(token) and not _CYRILLIC.search(token):
        return token
    cyr = bool(_CYRILLIC.search(token))
    if lang == "rus" or lang == "eng":
        token = token.replace("'", "")
        if cyr:
            return _RU.stemWord(token.replace("ё", "е"))
        return _EN.stemWord(token)
    if lang == "kaz":
        return _strip_turkic(_kaz_key(token), _KAZ_SUFFIXES, _KAZ_STEMS, _KAZ_SYNCOPE)
    if lang == "kir":
        return _strip_turkic(_kir_key(token), _KIR_SUFFIXES, _KIR_STEMS, _KIR_SYNCOPE)
    if lang == "uzb":
        return _strip_simple(_uzb_key(token), _UZB_SUFFIXES)
    if lang == "tgk":
        return _strip_simple(_tgk_key(token), _TGK_SUFFIXES)
    raise ValueError(f"unknown language {lang!r}")


# One memoised one-argument function per language: a cache hit costs a dict lookup, not a tuple hash.
_WORD_TERM = {
    code: lru_cache(maxsize=1 << 18)(lambda tok, code=code: term.__wrapped__(tok, code)) for code in LANGS
}


# --------------------------------------------------------------------------------------------------
# Kazakh and Kyrgyz

_KAZ_LATIN = {
    # The 2021 alphabet (and the letters of the 2018 one that do not clash with it), to Cyrillic.
    "a": "а", "ä": "ә", "á": "ә", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "ğ": "ғ", "ǵ": "ғ",
    "h": "х", "ı": "і", "i": "і", "ï": "і", "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "ñ": "ң",
    "ń": "ң", "ŋ": "ң", "o": "о", "ö": "ө", "ó": "ө", "p": "п", "q": "қ", "r": "р", "s": "с", "ş": "ш",
    "t": "т", "u": "у", "ū": "ұ", "ü": "ү", "ú": "ү", "v": "в", "w": "у", "y": "ы", "ý": "у", "z": "з",
    "ç": "ч", "c": "ц", "x": "х", "'": "",
}  # fmt: skip
# In the key и, й and і are one letter (the 2021 alphabet writes them all i), һ is х, я/ю spelt out.
_KAZ_CYR = str.maketrans({"и": "і", "й": "і", "һ": "х", "ё": "е", "э": "е", "щ": "ш", "ъ": None, "ь": None})
_KAZ_CYR_MULTI = (("я", "іа"), ("ю", "іу"), ("іі", "і"))


def _kaz_key(token: str) -> str:
    if not _CYRILLIC.search(token):
        token = token.replace("sh", "ш").replace("ch", "ч")
        token = "".join(_KAZ_LATIN.get(c, c) for c in token)
    token = token.translate(_KAZ_CYR)
    for a, b in _KAZ_CYR_MULTI:
        token = token.replace(a, b)
    return token


_KIR_LATIN = {
    "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "ı": "ы", "j": "ж",
    "k": "к", "l": "л", "m": "м", "n": "н", "ñ": "ң", "ŋ": "ң", "o": "о", "ö": "ө", "p": "п", "q": "к",
    "r": "р", "s": "с", "ş": "ш", "t": "т", "u": "у", "ü": "ү", "v": "в", "y": "ы", "z": "з", "ç": "ч",
    "c": "ц", "x": "х", "'": "",
}  # fmt: skip
_KIR_CYR = str.maketrans({"й": "и", "ё": "е", "э": "е", "щ": "ш", "ъ": None, "ь": None})


def _kir_key(token: str) -> str:
    if not _CYRILLIC.search(token):
        token = token.replace("sh", "ш").replace("ch", "ч").replace("ng", "ң")
        token = "".join(_KIR_LATIN.get(c, c) for c in token)
    return token.translate(_KIR_CYR).replace("я", "иа").replace("ю", "иу")


def _suffixes(templates: Iterable[str], sets: dict[str, str]) -> tuple[tuple[str, ...], frozenset[str]]:
    """Expand "л,д,т|A|р" templates: each part is a choice of letters, A and I the harmonic vowel sets.

    Within one suffix the vowels harmonise, so a template's vowel sets vary together (index-aligned).
    """
    found: set[str] = set()
    for tpl in templates:
        parts = tpl.split("|")
        width = max((len(sets[p]) for p in parts if p in sets), default=1)
        for v in range(width):
            out = [""]
            for part in parts:
                choices = [sets[part][v]] if part in sets else part.split(",")
                out = [a + b for a in out for b in choices]
            found.update(out)
    found.discard("")
    return tuple(sorted(found, key=len, reverse=True)), frozenset(found)


# Kazakh: back/front pairs (а/е for A, ы/і for I). Order within a word: stem + plural + possessive + case.
_KAZ_SUFFIXES = _suffixes(
    [
        "л,д,т|A|р",  # plural: -лар/-лер/-дар/-дер/-тар/-тер
        "н,д,т|I|ң",  # genitive: -ның/-нің/-дың/-дің/-тың/-тің
        "ғ,қ|а",
        "г,к|е",  # dative: -ға/-қа/-ге/-ке
        "н|A",  # dative after a possessive: -на/-не
        "д,т,нд|A",  # locative: -да/-де/-та/-те/-нда/-нде
        "д,т,н|A|н",  # ablative: -дан/-ден/-тан/-тен/-нан/-нен
        "д,т,н|I",  # accusative: -ды/-ді/-ты/-ті/-ны/-ні
        "д,т,нд|а|ғы",  # -дағы/-тағы/-ндағы
        "д,т,нд|е|гі",  # -дегі/-тегі/-ндегі
        "м,б,п|е|н",  # instrumental: -мен/-бен/-пен
        "с|I",  # possessive 3rd after a vowel: -сы/-сі
        "I",  # possessive 3rd: -ы/-і
        "I|м",
        "I|ң",  # -ым/-ім, -ың/-ің
        "I|м|I|з",
        "I|ң|I|з",
        "м|I|з",
        "ң|I|з",  # -ымыз/-іміз, -ыңыз/-іңіз, -мыз/-ңыз
        "м",
        "ң",
        "н",  # after a vowel only: жалақым, жалақың, шартын
    ],
    {"A": "ае", "I": "ыі"},
)
# Kyrgyz: four-way harmony (а/е/о/ө for A, ы/и/у/ү for I).
_KIR_SUFFIXES = _suffixes(
    [
        "л,д,т|A|р",  # plural: -лар/-лер/-лор/-лөр/-дар/…
        "н,д,т|I|н",  # genitive: -нын/-нин/-нун/-нүн/-дын/…
        "г,к,н|A",  # dative: -га/-ге/-го/-гө/-ка/…, -на after a possessive
        "д,т,нд|A",  # locative
        "д,т,н|A|н",  # ablative
        "н,д,т|I",  # accusative
        "д,т,нд|A|г,к|I",  # -дагы/-деги/-тагы/…
        "м,б,п|е|н|е|н",  # instrumental: -менен/-бенен/-пенен
        "с|I",
        "I",
        "I|м",
        "I|ң",
        "I|б|I|з",
        "I|ң|I|з",
        "б|I|з",
        "ң|I|з",
        "м",
        "ң",
        "н",
    ],
    {"A": "аеоө", "I": "ыиуү"},
)
_TURKIC_VOWELS = frozenset("аәеёиоөұүуыіэюя")
_VOICELESS = frozenset("кқпстфхшщчцһ")
_DEVOICE = {"б": "п", "г": "к", "ғ": "қ"}


def _fits(stem: str, suf: str) -> bool:
    """Whether ``suf`` can follow ``stem``: Kazakh and Kyrgyz choose a suffix's first consonant by the
    sound before it (шарт-ы, not шар-ты; жұмыс-қа, not жұмы-сқа), which keeps the stripper from
    cutting a stem's own last letter off."""
    last, first = stem[-1], suf[0]
    vowel = last in _TURKIC_VOWELS
    if first in _TURKIC_VOWELS:
        return not vowel
    if first in "тқкп":
        return last in _VOICELESS or last in "бвгд"
    if first in "дғгбм":
        return last not in _VOICELESS
    if first == "л":
        return vowel or last in "рйу"
    if first in "сн" and len(suf) > 1:
        return vowel or (first == "н" and last in "мнң")
    return vowel  # a one-letter м, ң, н: after the vowel of a stem or a possessive


# Stems whose last letters look like an ending (демалыс-ы or демалы-сы?), and stems that lose a vowel before
# an ending (орын -> орны, убакыт -> убактысы): a small lexicon of labour-law words, in key form.
_KAZ_SYNCOPE = {_kaz_key(a): _kaz_key(b) for a, b in (("орн", "орын"), ("ерн", "ерін"), ("халқ", "халық"))}
_KAZ_STEMS = frozenset(
    _kaz_key(w) for w in ("демалыс", "жұмыс", "іс", "табыс", "кәсіподақ", "келісім", "заң")
) | frozenset(_KAZ_SYNCOPE.values())
_KIR_SYNCOPE = {
    _kir_key(a): _kir_key(b) for a, b in (("убакт", "убакыт"), ("орд", "орун"), ("мурн", "мурун"))
}
_KIR_STEMS = frozenset(_kir_key(w) for w in ("мыйзам", "келишим", "иш", "жумуш")) | frozenset(
    _KIR_SYNCOPE.values()
)


def _devoiced(word: str) -> str:
    if word and word[-1] in _DEVOICE and len(word) >= MIN_STEM:
        return word[:-1] + _DEVOICE[word[-1]]
    return word


def _strip_turkic(
    word: str,
    table: tuple[tuple[str, ...], frozenset[str]],
    known: frozenset[str] = frozenset(),
    syncope: dict[str, str] | None = None,
) -> str:
    """Take endings off, longest first, until none fits the sound before it or a known stem is reached."""
    ordered, _ = table
    syncope = syncope or {}

    def settle(stem: str) -> str:
        stem = _devoiced(stem)
        return syncope.get(stem, stem)

    while settle(word) not in known:
        candidates = [
            word[: -len(suf)]
            for suf in ordered
            if word.endswith(suf)
            and len(word) - len(suf) >= MIN_STEM
            and _TURKIC_VOWELS.intersection(word[: -len(suf)])
            and _fits(word[: -len(suf)], suf)
        ]
        if not candidates:
            break
        word = next((c for c in candidates if settle(c) in known), candidates[0])
    return settle(word)


# --------------------------------------------------------------------------------------------------
# Uzbek and Tajik

_UZB_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "j", "з": "z", "и": "i", "й": "y", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "x", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ь": "", "ы": "i", "э": "e", "ю": "yu",
    "я": "ya", "ё": "yo", "ў": "o", "қ": "q", "ғ": "g", "ҳ": "h",
}  # fmt: skip
_UZB_VOWELS = frozenset("aeiouаеёиоуўэюяы")


def _uzb_key(token: str) -> str:
    if _CYRILLIC.search(token):
        out = []
        prev = ""
        for c in token:
            if c == "е":  # ye at the start of a word and after a vowel or a separator sign
                out.append("ye" if not prev or prev in _UZB_VOWELS or prev in "ъь" else "e")
            else:
                out.append(_UZB_CYR.get(c, c))
            prev = c
        token = "".join(out)
    return token.replace("'", "")


_UZB_SUFFIXES = tuple(
    sorted(
        {
            "lar", "ning", "ni", "ga", "ka", "qa", "da", "ta", "dan", "tan", "dagi", "gi",  # case
            "i", "si", "lari",  # possessive 3rd person (1st and 2nd person endings look like stems: xodim)
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip

_TGK_CYR = str.maketrans({"ӣ": "и", "ӯ": "у", "ҳ": "х", "ҷ": "ч", "қ": "к", "ғ": "г", "ё": "е", "ъ": None})
_TGK_SUFFIXES = ("хоро", "хои", "хо", "ро", "он", "и")


def _tgk_key(token: str) -> str:
    return token.translate(_TGK_CYR).replace("'", "")


def _strip_simple(word: str, suffixes: tuple[str, ...]) -> str:
    """Light stripping for Uzbek and Tajik: at most three endings, the stem keeps a vowel."""
    for _ in range(3):
        for suf in suffixes:
            if word.endswith(suf):
                stem = word[: -len(suf)]
                if len(stem) >= MIN_STEM + (suf in ("он", "i", "и")) and _UZB_VOWELS.intersection(stem):
                    word = stem
                    break
        else:
            break
    return word


# --------------------------------------------------------------------------------------------------
# Guessing the language of a query

_MARKERS = {
    "kaz": frozenset("әғқұһі"),
    "kir": frozenset("ңөү"),
    "tgk": frozenset("ӣӯҷ"),
    "uzb": frozenset("ў"),
}
_KAZ_LATIN_MARKS = frozenset("äğıñşūüöá")
# A few frequent words that betray a language written without its special letters.
_WORDS = {
    "kir": {"эмгек", "келишим", "келишими", "акы", "иш", "берүүчү", "жумушчу", "боюнча", "жана", "менен"},
    "uzb": {
        "va", "bilan", "uchun", "mehnat", "shartnoma", "shartnomasi", "ish", "haqi", "huquq", "ishchi",
        "меҳнат", "шартнома", "шартномаси", "ва", "билан", "учун", "ҳақи", "иш", "ҳуқуқ",
    },
    "tgk": {"шартномаи", "музди", "меҳнатӣ", "кор", "ва", "барои", "ҳуқуқи", "корфармо", "корманд"},
    "kaz": {"eñbek", "şarty", "jalaqy", "jūmys", "еңбек", "жалақы", "шарты", "және", "бойынша", "туралы"},
}  # fmt: skip


def guess_lang(text: str) -> str:
    """The likeliest AKN language of a short text: special letters first, then marker words.

    Kazakh and Kyrgyz Cyrillic share ң ө ү; Uzbek and Tajik share ҳ қ ғ: a letter only one language has
    decides, otherwise the marker words vote. Plain Cyrillic is Russian, plain Latin English.
    """
    low = normalise_text(text)
    letters = set(low)
    for code in ("tgk", "uzb", "kaz"):
        if letters & _MARKERS[code]:
            if code == "kaz" and letters & frozenset("ҳ"):
                break  # қ ғ with ҳ: Uzbek or Tajik, decided by words
            return code
    words = set(_TOKEN.findall(low))
    votes = {code: len(words & vocab) for code, vocab in _WORDS.items()}
    best = max(votes, key=lambda c: votes[c])
    if votes[best]:
        return best
    if letters & _MARKERS["kir"]:
        return "kir"
    if letters & _KAZ_LATIN_MARKS:
        return "kaz"
    if "ҳ" in letters:
        return "uzb"
    if "o'" in low or "g'" in low:
        return "uzb"
    return "rus" if _CYRILLIC.search(low) else "eng"


# --------------------------------------------------------------------------------------------------
# Stop words (query side only, see the module docstring)

_STOP_SURFACE = {
    "rus": "и в во на с со по к ко о об от до из за для у а но или ли же бы что как если это мой моя мне "
    "меня я он она они мы вы ты его ее их то так уже еще где когда чем при почему зачем вот там тут здесь "
    "этот эта эти тот был была было были быть есть",
    "eng": "a an the and or of to in on at by for with from is are be was were it this that my me i do does "
    "if what how can not but why there these those",
    "kaz": "және мен немесе да де бен пен осы сол бұл не ме ма бе ба пе па мені менің сен ол біз сіз олар "
    "неге қашан қайда кім",
    "kir": "жана менен же да де бул ал мен сен биз силер алар эмне качан кайда ким эмнеге",
    "uzb": "va bilan yoki ham bu u men sen biz siz ular nima qachon qayerda kim nega",
    "tgk": "ва дар бо аз ба ки ин он ё ман ту мо шумо онҳо чӣ кай куҷо кӣ чаро",
}
#: Query-side stop words per language, as index terms.
STOP_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(term(w, code) for w in _TOKEN.findall(normalise_text(words)))
    for code, words in _STOP_SURFACE.items()
}
#: Negations, as index terms: not stop words ("не платят" is wage arrears), but a query of nothing else
#: ("и в на не что как") says nothing either; alone, "не" matched 601 articles of the four codes
NEGATIONS: frozenset[str] = frozenset(
    term(w, code)
    for code, words in {
        "rus": "не ни нет",
        "eng": "not no never",
        "kaz": "емес жоқ",
        "kir": "эмес жок",
        "uzb": "emas yo'q",
        "tgk": "не нест на",
    }.items()
    for w in _TOKEN.findall(normalise_text(words))
)


def drop_stop_words(found: list[str], lang: str | None) -> list[str]:
    """``found`` (terms of a query) without the stop words of ``lang``, unless nothing would be left."""
    code = BCP47_TO_AKN.get((lang or "").lower(), (lang or "").lower())
    stops = STOP_WORDS.get(code, frozenset())
    kept = [t for t in found if t not in stops]
    return kept or found
