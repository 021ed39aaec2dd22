"""Adilet's editorial notes ("Сноска. …", "Ескерту. …") read as amendment effects.

Why: the consolidated texts on adilet.zan.kz say after each changed provision which acts changed it and
from when. Read into :class:`Effect` rows they give the work's amendment history (and the date a
consolidation is current to) without anyone typing it in. A wrong effect would put a false date on
the law, so a note that is not understood in full gives nothing: never a guess.

Each language's grammar is its locale's ``amendment_notes`` (``locales/<lang>/notes.py``); the shared walk is
:mod:`kenes.lex.ingest.note_effects`. Recognised, Russian (``lang`` "rus"/"ru"):

* the provision: "Статья 113" (also "Статью", "Cтатья" with a Latin C), "Заголовок статьи 17"
  (``heading=True``), "Глава 3", "Заголовок главы 10", "Заголовок раздела VI", "Пункт 2", "Часть 2",
  "Подпункт 3)", "Преамбула", "По всему тексту" (the document), "В статью 9 внесено изменение …";
  insertions name the new provision: "Глава 2 дополнена статьей 16-1", "Кодекс дополнен главой 5",
  "Параграф 1 главы 12 дополнен статьей 101-1" -> article 16-1 / chapter 5 / article 101-1 inserted;
* what was done: "с изменениями, внесенными" / "с изменением, внесенным" (amended), "в редакции"
  (substituted), "исключена" (repealed), "дополнена … в соответствии с" (inserted), "заменены"
  (amended); a note may chain several ("в редакции Закона …; с изменениями, внесенными Законом …");
* each amending act: "Законом РК от 04.05.2020 № 321-VІ", later ones of a list as "; от 02.01.2021
  № 399-VI", also Кодекс, Конституционный закон, "статьей 204 Трудового кодекса РК от …"; one Effect
  per act, its number with Cyrillic look-alikes made Latin ("321-VІ" -> "321-VI");
* commencement in the parentheses after an act: "(вводится в действие с 16.12.2020)" -> ``in_force_on``;
  anything else ("по истечении десяти календарных дней после дня его первого официального
  опубликования", "порядок введения в действие см. ст.2") -> ``in_force_text``.

Recognised, Russian federal consolidated texts: a line "(в ред. Федеральных законов от 30.06.2006 N 90-ФЗ,
от …)", "(введена Федеральным законом от …)", "(часть вторая введена …)", "(… утратил силу …)" is an effect on
the provision it stands at (target kind ``here``), one per federal law named.

Recognised, Kazakh (``lang`` "kaz"/"kk"): "113-бапқа өзгерістер енгізілді", "28-бап жаңа редакцияда",
"27-бап алып тасталды", "Заң 37-2-баппен толықтырылды", "4-тарау 24-1-баппен толықтырылды",
"39-баптың тақырыбына өзгеріс енгізілді", "Кіріспе алып тасталды", "Бүкіл мәтін бойынша …
ауыстырылды", acts "ҚР 24.11.2015 № 421-V (…) Заңымен" / "… Заңдарымен" / "Конституциялық заңымен",
dates also as "2012.04.27", commencement "(01.07.2023 бастап қолданысқа енгізіледі)".

Not recognised (empty list): notes naming no act by date and number ("внесенным ст. 263 настоящего
Кодекса"); planned changes ("предусматривается", "предусмотрен" — not yet in the text); a subject
that is not written ("Исключена Законом РК …", a bare "Заголовок …": the note's position says what
it means, which this function does not see); the table of contents ("Оглавление исключено"); notes in
other languages.
"""

from __future__ import annotations

from .errors import IngestError
from .locales import get_locale
from .note_effects import EFFECTS, Effect

__all__ = ["EFFECTS", "Effect", "parse_note"]


def parse_note(text: str, lang: str = "rus") -> list[Effect]:
    """The amendment effects an adilet note states, one per amending act; [] when not understood.

    >>> note = "Статья 7 - в редакции Закона РК от 01.02.2021 № 10-VІ (вводится в действие с 01.03.2021)."
    >>> [(e.target_num, e.effect, e.act_number, e.in_force_on) for e in parse_note(note)]
    [('7', 'substituted', '10-VI', datetime.date(2021, 3, 1))]
    """
    try:
        grammar = get_locale(lang).amendment_notes
    except IngestError:
        return []
    if grammar is None:
        return []
    body = " ".join(grammar.prefix.sub("", text, count=1).split())
    return grammar.parse(body)
