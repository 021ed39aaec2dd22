"""Taking the people out of a question before search keeps it (experience.py).

Why so wary: what a consultant records of a migrant's case may name the person, the employer, a foreman or
a relative, in any of the region's languages, and what reaches the search side is read by whoever reads
the database. Search needs the situation, not the people: a word taken out wrongly costs a little of the
likeness between two questions, a name left in can cost someone their safety. So every word that may be
a name goes, not only those a dictionary is sure of:

* e-mail and web addresses, and every number (phones, IIN, passports, dates, amounts);
* an organisation's name after its legal form ("ТОО «Береке»", "ИП Касымов", "MChJ Baraka"), and initials;
* the words after a phrase that introduces a name ("меня зовут", "менің атым", "mening ismim", "номи ман",
  "my name is"), lower-case ones too (a lower-case name with no such phrase stays: consultants rarely write
  one, and taking out every word the dictionary does not know would take the typos that carry a question,
  "кридит", "подьезды", with it);
* a capitalised word (an abbreviation in capitals stays: ТОО, РВП, ЕАЭС), unless it is plainly not a name.
  In a Russian question the dictionary judges: a word it knows and cannot read as a name stays (the first
  word of a sentence by its likeliest reading, since "Вера" opens a sentence as a noun more often than a
  woman). In the other languages, read without a dictionary, only a sentence's first word stays, and not
  when it ends like a surname or patronymic ("Әукенов", "Серікқызы", "Karimov") or the next word went as a
  name ("Әмір Әукенов …"). A word naming a country or city stays: it says whose law.

Until this module a Russian-only rule let "Әмір Әукенов" (Kazakh letters) and every name in a Kazakh, Kyrgyz,
Uzbek, Tajik or English question through.
"""

from __future__ import annotations

import re

from . import analysis

__all__ = ["NAME", "deidentify"]

#: what a removed name (or organisation) is replaced by: it says something was there, and is no term
NAME = "[имя]"
_EMAIL = re.compile(r"\S+@\S+")
#: a web address: with its scheme, or a domain with a path (a profile's address names its owner; a bare
#: "kaspi.kz" names a service, and stays)
_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|ru|kz|kg|uz|tj|az|mn|org|net|me|io|app)/\S+", re.IGNORECASE
)
_NUMBER = re.compile(r"\+?\d[\d\s().-]*\d|\d")
_UPPER = "A-ZА-ЯЁӘӨҮҰҚҒҢҺІЎҲҶӢӮ"
#: a legal form, then the organisation's name: quoted, or the next capitalised word (and a second one)
_ORGANISATION = re.compile(
    r"\b(ТОО|ИП|ООО|ОсОО|АО|ОАО|ЗАО|ПАО|ЧП|ЖШС|ЖК|КХ|МЧЖ|ҶДММ|ЧДММ|LLP|LLC|MChJ|XK|YaTT)\s*"
    r"(?:«[^»]{1,80}»|\"[^\"]{1,80}\"|“[^”]{1,80}”|„[^“”]{1,80}[“”]"
    rf"|[{_UPPER}][^\s,.;:!?]*(?:\s+[{_UPPER}][^\s,.;:!?]*)?)"
)
#: an initial: a capital letter, or a Latin digraph that spells one Cyrillic letter ("Sh. Karimova")
_INITIAL = rf"(?:[{_UPPER}]|Sh|Ch|Zh|Kh|Gh|Ts|Ya|Yu|Yo)\."
_INITIALS = re.compile(rf"(?<![^\W\d_]){_INITIAL}(?:\s?{_INITIAL})?")
_WORD = re.compile(r"[^\W\d_]+(?:[-'ʻ’‘`][^\W\d_]+)*")
_RUSSIAN = re.compile(r"[а-яё]+(?:-[а-яё]+)*")
#: phrases after which the next words are a name, whatever their case
_CUE = re.compile(
    r"\b(?:меня\s+зовут|зовут|мо[её]\s+имя|моя\s+фамилия|по\s+имени|по\s+фамилии|(?:имя|фамилия|отчество)\s*:"
    r"|фио|ф\.и\.о\.?|менің\s+атым|менин\s+атым|атым|есімім|аты-жөнім|тегім|ысымым"
    r"|mening\s+ismim|ismim|familiyam|исмим|фамилиям|номи\s+ман|номам|насабам|my\s+name\s+is|named)"
    r"\s*[:—-]?\s*",
    re.IGNORECASE,
)
_CUED_WORDS = 3
#: how surnames and patronymics of the region end, lower case (Cyrillic and Latin)
_NAME_ENDING = re.compile(
    r"(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ович|евич|овна|евна|ұлы|улы|қызы|кызы|уулу|зода|иён"
    r"|ov|ova|ev|eva|ovich|evich|ovna|evna|o'g'li|ugli|qizi|zoda|zade|bek|jon|бек|жон|ҷон)$"
)
_SENTENCE_END = ".!?…:;\n"
#: capitalised words of the law and its institutions, which stay where no dictionary judges ("Еңбек
#: кодексі", "Mehnat kodeksi"): whole words, and the beginnings of longer ones
_INSTITUTIONS = frozenset(
    [
        "еңбек",
        "заң",
        "заңы",
        "кодекс",
        "кодексі",
        "кодекси",
        "сот",
        "соты",
        "эмгек",
        "мыйзам",
        "меҳнат",
        "қонун",
        "суд",
        "mehnat",
        "qonun",
        "qonuni",
        "kodeks",
        "kodeksi",
        "sud",
        "code",
        "law",
        "court",
    ]
)
_INSTITUTION_STARTS = (
    "республик",
    "конститу",
    "министр",
    "үкімет",
    "прокурат",
    "полици",
    "инспекц",
    "миграц",
    "ҷумҳур",
    "respublik",
    "konstitu",
    "vazirli",
    "politsiya",
    "constitut",
    "republic",
    "ministr",
    "police",
    "labour",
    "labor",
    "migration",
)


def deidentify(text: str, lang: str | None = None) -> str:
    """``text`` without addresses, numbers and anything that may name a person or an organisation."""
    text = _EMAIL.sub("[email]", text)
    text = _URL.sub(NAME, text)  # (a profile's address names its owner)
    text = _NUMBER.sub("#", text)
    text = _ORGANISATION.sub(_legal_form, text)
    text = _INITIALS.sub(NAME, text)
    code = lang or analysis.guess_lang(text[:2000])
    text = _after_cues(text, code)
    return _capitalised_names(text, code == "rus")


def _legal_form(match: re.Match) -> str:
    """The legal form kept ("ТОО", a kind of employer), its name replaced."""
    return f"{match.group(1)} {NAME}"


def _after_cues(text: str, lang: str) -> str:
    """The words a name cue introduces, up to a punctuation mark or three words; in Russian the first
    word the dictionary knows and cannot read as a name ends them ("на мое имя в МФО", "меня зовут айгерим и
    я …")."""
    out: list[str] = []
    last = 0
    for cue in _CUE.finditer(text):
        if cue.start() < last:
            continue
        out.append(text[last : cue.end()])
        position, taken = cue.end(), 0
        while taken < _CUED_WORDS:
            word = _WORD.match(text, position)
            if word is None or (lang == "rus" and _plainly_not_a_name(word.group())):
                break
            out.append(NAME)
            taken += 1
            position = word.end()
            gap = re.match(r"[ \t]+", text[position:])
            if gap is None:
                break
            if taken < _CUED_WORDS and _WORD.match(text, position + gap.end()):
                out.append(gap.group())
                position += gap.end()
        last = position
    out.append(text[last:])
    return "".join(out)


def _plainly_not_a_name(word: str) -> bool:
    from .morphology import analyse_word, may_be_name

    low = word.lower()
    if not _RUSSIAN.fullmatch(low):
        return False
    found = analyse_word(low)
    return found.known and not found.name and not may_be_name(low)


def _capitalised_names(text: str, russian: bool) -> str:
    """Each capitalised word that may be a name replaced (see the module's docstring for the rule)."""
    words = list(_WORD.finditer(text))
    verdicts = [_may_be_name(m.group(), _opens_sentence(text, m.start()), russian) for m in words]
    # a sentence's first word before a name is a first name too ("Әмір Әукенов работал …")
    for i in range(len(words) - 1):
        if verdicts[i] is None and verdicts[i + 1] and text[words[i].end() : words[i + 1].start()].isspace():
            verdicts[i] = True
    out, last = [], 0
    for match, verdict in zip(words, verdicts, strict=True):
        if verdict:
            out.append(text[last : match.start()])
            out.append(NAME)
            last = match.end()
    out.append(text[last:])
    return "".join(out)


def _opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i].isspace() or text[i] in "«\"“„'(—–-") and text[i] != "\n":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _may_be_name(word: str, opens: bool, russian: bool) -> bool | None:
    """True: it may be a name; False: it is not; None: a capitalised sentence opener kept for now (a name
    if the next word is one)."""
    if len(word) < 2 or not word[0].isupper() or word.isupper():
        return False
    from .places import named_place

    low = word.lower()
    if low in _INSTITUTIONS or low.startswith(_INSTITUTION_STARTS) or named_place(word):
        return False
    if russian and _RUSSIAN.fullmatch(low):
        from .morphology import analyse_word, may_be_name

        found = analyse_word(low)
        if not found.known or found.name:
            return True
        return False if opens else may_be_name(low)
    if opens:
        return True if _NAME_ENDING.search(low.replace("ʻ", "'").replace("’", "'")) else None
    return True
