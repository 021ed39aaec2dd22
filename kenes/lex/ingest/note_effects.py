"""What every language's reading of publisher notes shares: the :class:`Effect`, act numbers, dates, the walk.

A note names a provision, then actions and amending acts in turn ("в редакции Закона РК от …; с изменениями,
внесенными Законом РК от …"). Each language's grammar (``locales/<lang>/notes.py``) finds the subject and says
how its action words and acts are written; :func:`walk_effects` turns that into one :class:`Effect` per act,
or nothing when any act of the note cannot be placed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

EFFECTS = ("amended", "substituted", "inserted", "repealed")


@dataclass(frozen=True)
class Effect:
    """One amending act's effect on one provision, as the publisher's note states it."""

    target_kind: str  # article | chapter | section | paragraph | point | preamble | document
    target_num: str | None  # "113", "16-1", "VI"; None for the preamble and the document
    effect: str  # amended | substituted | inserted | repealed
    act_title: str  # normalised: "Закон РК от 04.05.2020 № 321-VI"
    act_date: dt.date
    act_number: str  # "321-VI"
    in_force_on: dt.date | None = None
    in_force_text: str | None = None  # the commencement as written when it gives no date
    heading: bool = False  # only the provision's heading was changed


NUM = r"\d+(?:-\d+)*"
ROMAN = r"[IVXLCІ]+"
# Cyrillic letters typed for Latin ones in act numbers and dates' neighbours ("321-VІ").
LOOKALIKES = str.maketrans({"І": "I", "і": "I", "Ӏ": "I", "Х": "X", "х": "X", "С": "C", "с": "C", "М": "M"})


def act_number(raw: str) -> str:
    """ "321-VІ" -> "321-VI" (Cyrillic І), "15-viii" -> "15-VIII", "181" -> "181"."""
    raw = re.sub(r"\s+", "", raw)
    head, sep, tail = raw.partition("-")
    return head + sep + tail.translate(LOOKALIKES).upper()


def note_date(text: str) -> dt.date | None:
    """ "04.05.2020" or, in some Kazakh notes, "2012.04.27"; None when it is not a real date."""
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})\.(\d{1,2})\.(\d{1,2})", text)
    if not m:
        return None
    day, month, year = (m[1], m[2], m[3]) if m[1] else (m[6], m[5], m[4])
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


DATE = r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}\.\d{1,2}\.\d{1,2}"
ACT_NO = r"\d+(?:\s*-\s*[A-Za-zА-Яа-яІі]+)?"
ANY_ACT = re.compile(rf"(?<![\d.])(?:{DATE})(?:\s+года)?\s*(?:№|N)\s*\d")  # every "date № number" in a note
PARENS = r"\((?P<commence>[^()]*(?:\([^()]*\)[^()]*)*)\)"  # one level of nesting: "(… см. ст.2 )"


@dataclass(frozen=True)
class NoteSyntax:
    """How one language writes the actions and the amending acts of a note, for :func:`walk_effects`.

    ``step`` matches an action (a group named after one of :data:`EFFECTS`) or an act (group ``act``, with
    ``date``, ``no``, ``noun`` and ``commence``); ``act_kind`` names an act's kind from its noun (or keeps
    the previous one); ``title`` writes the act's normalised title; ``in_force`` reads its commencement.
    """

    step: re.Pattern[str]
    act_kind: Callable[[str | None, str], str]
    title: Callable[[str, dt.date, str], str]
    in_force: Callable[[str | None], tuple[dt.date | None, str | None]]
    act_kind_follows: bool = False  # Kazakh: the noun follows the acts it covers


def in_force_reader(
    dated: re.Pattern[str], wording: re.Pattern[str]
) -> Callable[[str | None], tuple[dt.date | None, str | None]]:
    """A commencement reader: (the date, None) when ``dated`` matches with a ``date`` group, else (None, the
    commencement as written with white space folded and ``wording`` — "вводится в действие" — removed)."""

    def read(commence: str | None) -> tuple[dt.date | None, str | None]:
        if commence is None:
            return None, None
        m = dated.match(commence)
        if m:
            return note_date(m["date"]), None
        return None, wording.sub("", " ".join(commence.split())) or None

    return read


def subject_of(
    body: str, planned: re.Pattern[str], subject: re.Pattern[str]
) -> tuple[re.Match[str], str | None] | None:
    """The note's subject (``subject`` matched at its start), and "document" or "preamble" when it names the
    whole text (group ``whole``) or the preamble (group ``preamble``); None for a change that is only planned
    (``planned``) or a note whose subject is not understood."""
    m = None if planned.search(body) else subject.match(body)
    if m is None:
        return None
    return m, "document" if m["whole"] else "preamble" if m["preamble"] else None


def walk_effects(
    body: str,
    start: int,
    syntax: NoteSyntax,
    kind: str,
    num: str | None,
    heading: bool,
    *,
    initial: str | None = None,
) -> list[Effect]:
    """Walk the note from ``start``: each action word sets what the acts after it did.

    Russian names the kind of act before its date ("Законом РК от …"); Kazakh after the list
    ("… Заңдарымен"), so there the kind is filled in backwards once known.
    """
    act_kind, act_kind_follows = syntax.act_kind, syntax.act_kind_follows
    current = initial
    acts: list[tuple[str, dt.date, str, dt.date | None, str | None, str | None]] = []
    kinds: list[str | None] = []
    previous_kind = "Закон" if not act_kind_follows else "Заңы"
    for m in syntax.step.finditer(body, start):
        name = m.lastgroup if m.lastgroup in EFFECTS else "act" if m["act"] else None
        if name in EFFECTS:
            current = name
            continue
        if name != "act":
            continue
        if current is None:
            return []  # an act before any action: not a note we understand
        date = note_date(m["date"])
        if date is None:
            return []
        on, text = syntax.in_force(m["commence"])
        if not act_kind_follows:
            previous_kind = act_kind(m["noun"], previous_kind)
            kinds.append(previous_kind)
        else:
            kinds.append(m["noun"] or m.groupdict().get("noun_first"))
        acts.append((current, date, act_number(m["no"]), on, text, m["noun"]))
    if len(acts) != len(ANY_ACT.findall(body, start)):
        return []  # an act we could not place: better nothing than a partial history
    if act_kind_follows:  # "…; 13.05.2020 № 327-VI (…) Заңдарымен": the noun covers the acts before it
        known = previous_kind
        for i in range(len(kinds) - 1, -1, -1):
            known = act_kind(kinds[i], known) if kinds[i] else known
            kinds[i] = known
    return [
        Effect(
            target_kind=kind,
            target_num=num,
            effect="amended" if heading else effect,  # a new heading changes the article, not all of it
            act_title=syntax.title(kinds[i] or previous_kind, date, no),
            act_date=date,
            act_number=no,
            in_force_on=on,
            in_force_text=text,
            heading=heading,
        )
        for i, (effect, date, no, on, text, _noun) in enumerate(acts)
    ]
