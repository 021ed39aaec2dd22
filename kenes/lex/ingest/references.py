"""Cross-references in legislative text: "пунктом 2 статьи 31 настоящего Кодекса" -> ``art_31__para_2``.

Why a finder of its own: the link stage (:mod:`kenes.lex.linking`) turns every citation into a row that
readers follow, so a wrong link is worse than a missing one. Everything here leans towards precision: a
phrase is a citation only when a structural keyword (статья, пункт, подпункт, часть / бап, тармақ,
тармақша, бөлік / Article, paragraph, subparagraph, Part, Annex) stands next to a number, and a cited
work is taken from the words that follow (Russian, English) or precede (Kazakh) the numbers.

Each language's grammar lives in its locale (``locales/<lang>/citations.py``, registered as the locale's
``citations``); this module only picks the grammar and orders what it finds. To read citations in another
language (Kyrgyz, Uzbek), add its grammar module and name it in that locale. Recognised today (``lang``
"rus"/"ru", "kaz"/"kk", "eng"/"en"):

* Russian, all case forms of the keywords: "статья 96 настоящего Кодекса", "пунктом 2 статьи 31",
  "подпунктом 3) пункта 1 статьи 52", "частью первой статьи 293 Уголовного кодекса Республики
  Казахстан", "статьями 53 и 54", "статьями 96–98", KoAP-style lists "статьями 206 , 213 (частями
  пятой и пятнадцатой), 217 настоящего Кодекса", "статьи 35 или статьи 36 УПК" (a work named after
  the last of several joined phrases applies to all of them), "ст. 113 ТК РК"; work-only citations of
  specific acts ("Законом Республики Казахстан «О миграции населения»", "Конституции Республики
  Казахстан", "Социальным кодексом Республики Казахстан", "Законом РК от 04.05.2020 № 321-VI",
  "Конвенции МОТ № 97").
* English (ILO style): "Article 6 of this Convention", "paragraph 2 of Article 11", "subparagraphs (a)
  and (b) of paragraph 1 of this Article", "paragraph 7 (b) of Article 19 of the Constitution of the
  International Labour Organisation", "Articles 14 and 15", "Parts II to X", "Annex I", "Article 3 of
  Annex II", "Article 5, paragraph 3, of the Minimum Age Convention, 1973"; works "Convention No. 97",
  "ILO Convention No. 143" (-> ``ilo:c097``), "the Forced Labour Convention, 1930 (No. 29)" (->
  ``ilo:c029``), "the Migration for Employment Convention, 1939" (the title as written).
* Kazakh: "осы Кодекстің 96-бабы", "осы Заңның 12-бабының 2-тармағы", "49-бабының 1) тармақшасы",
  "21-бабы бірінші бөлігінің 8) тармақшасында", "«…» Қазақстан Республикасы Заңының 21-бабы",
  "Қазақстан Республикасы Еңбек кодексінің 5-бабы"; a work named before the first of several joined
  phrases applies to the following ones.

Choices:

* A list or a range gives one :class:`Citation` per number ("статьями 96–98" -> 96, 97, 98; a range
  whose ends are not plain integers, or spans more than 100, gives its two ends only). All citations
  read from one phrase share that phrase's ``start``/``end``/``text``: group by span to draw one link.
* ``work`` is None for this act, whether named ("настоящего Кодекса", "this Convention") or implicit;
  ``anchor`` tells the two apart ("named"/"implicit"). Another act's hint is kept as written
  (whitespace collapsed), except ILO instruments cited by number, which become ``ilo:c097``-style ids.
* References relative to where the text stands ("пунктом 2 настоящей статьи", "paragraph 1 of this
  Article", "осы баптың 2-тармағы", an English bare "paragraph 2") are returned only when asked for
  (``include_relative=True``) because they need the eId of the citing provision to be resolved:
  :meth:`Citation.eid_candidates` takes it as ``context``.

Not recognised (left out on purpose, or not yet): chapters, sections and paragraphs of codes
("главы 11", "параграфа 2") — their eIds nest and cannot be built from the number alone; "абзац"
(AKN has no eId level for it; the point around it is still found); an abbreviation ("ст.", "п.",
"пп.") without a named work — adilet notes and the Vedomosti ("№ 8, ст. 44") use them for other
acts; a bare "пунктом 2" with no article and no "настоящей статьи" (ambiguous); articles of an act
named only by an unknown lowercase noun ("статьи 5 приложения 1") — dropped rather than taken as this
act's; headings ("Статья 38. Перевод …", "58-4-бап. …", "###Article 1").
"""

from __future__ import annotations

from kenes.lex.citation import Citation

from .errors import IngestError
from .locales import all_locales, get_locale

__all__ = ["Citation", "find_references"]


def find_references(text: str, lang: str, *, include_relative: bool = False) -> list[Citation]:
    """Citations in ``text`` in document order (see the module docstring for what is recognised).

    >>> [(c.article, c.paragraph) for c in find_references("пунктом 2 статьи 31 настоящего Кодекса", "rus")]
    [('31', '2')]
    """
    try:
        grammar = get_locale(lang).citations
    except IngestError:
        grammar = None
    if grammar is None:
        known = sorted({code for loc in all_locales() if loc.citations for code in (loc.code, *loc.aliases)})
        raise ValueError(f"no reference finder for language {lang!r}; known: {known}")
    return sorted(grammar(text, include_relative), key=lambda c: (c.start, c.end))
