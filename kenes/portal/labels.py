"""Provision identifiers and language codes written for people, not machines.

Readers never see ``art_113__para_1`` or ``rus``: the interface says "ст. 113, п. 1" and "Russian" in its own
language (gettext), and a title over law text says "Статья 113, пункт 1" in the law's language (no gettext:
it belongs with the text, whatever the interface language).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from kenes.lex import eid as eids
from kenes.lex.ingest.locales import captions

#: AKN language codes as the interface names them.
LANGUAGE_NAMES = {
    "rus": gettext_lazy("Russian"),
    "kaz": gettext_lazy("Kazakh"),
    "eng": gettext_lazy("English"),
    "kir": gettext_lazy("Kyrgyz"),
    "uzb": gettext_lazy("Uzbek"),
    "tgk": gettext_lazy("Tajik"),
    "fra": gettext_lazy("French"),
}


#: Why only one country's law was searched for a question that names none: the language it is written in
#: (search's places.yaml ``languages``). A whole sentence per language, so that each translation can put
#: the language's name in its own grammatical form.
PLACE_BY_LANGUAGE = {
    "kaz": gettext_lazy(
        "Only the law of %(c)s was searched: the question names no country and is written in Kazakh."
    ),
}


def place_by_language(lang: str, place_name: str) -> str:
    """The sentence for a search kept to ``place_name`` by the question's language ``lang``; "" for a
    language without one (the page then says the question names the country, as before)."""
    sentence = PLACE_BY_LANGUAGE.get(lang)
    return str(sentence) % {"c": place_name} if sentence is not None else ""


def language_name(code: str) -> str:
    """``rus`` → "Russian" (translated); unknown codes are shown as they are."""
    name = LANGUAGE_NAMES.get(code)
    return str(name) if name is not None else code


def split_eid(eid: str) -> list[tuple[str, str]]:
    """``art_113__para_1`` → [("article", "113"), ("paragraph", "1")]; unknown prefixes keep their text."""
    return eids.split(eid)


def _ui_word(kind: str, number: str) -> str:
    # The number as printed in a citation: "1" for a paragraph, "7)" for a point of a Kazakh or Russian code.
    words = {
        "preamble": lambda n: _("preamble"),
        "part": lambda n: _("part %(n)s") % {"n": n},
        "section": lambda n: _("sec. %(n)s") % {"n": n},
        "chapter": lambda n: _("ch. %(n)s") % {"n": n},
        "article": lambda n: _("Art. %(n)s") % {"n": n},
        "paragraph": lambda n: _("para. %(n)s") % {"n": n},
        "point": lambda n: _("subpara. %(n)s") % {"n": n},
        "subpoint": lambda n: _("subpara. %(n)s") % {"n": n},
        "annex": lambda n: _("annex %(n)s") % {"n": n},
    }
    make = words.get(kind)
    return make(number) if make else f"{kind} {number}".strip()


def eid_label(eid: str) -> str:
    """``art_113__para_1`` → "ст. 113, п. 1" (ru), "113-бап, 1-тармақ" (kk), "Art. 113, para. 1" (en).

    Containers above an article are left out when an article follows (articles are numbered through the
    whole act, so "ст. 113" is enough to find it); a chapter or section on its own is named.
    """
    parts = split_eid(eid)
    if any(kind == "article" for kind, _n in parts):
        first = next(i for i, (kind, _n) in enumerate(parts) if kind == "article")
        keep = [p for p in parts[:first] if p[0] == "annex"] + parts[first:]
    else:
        keep = parts
    return pgettext("list separator", ", ").join(_ui_word(kind, n) for kind, n in keep)


def _number(kind: str, num: str) -> str:
    """The printed number without the full stop of a heading: "1." → "1", "7)" stays "7)"."""
    return num.rstrip(".") if kind != "point" else num


def path_title(lang: str, article_num: str, steps: list[tuple[str, str]]) -> str:
    """ "Статья 102, пункт 1, подпункт 7)" — a part below an article, named in the law's language.

    ``steps`` are (kind, printed number) from below the article down to the provision itself.
    """
    words = captions(lang)  # the law's own words, carried by its locale
    head = words.article(article_num)
    tail = [words.below.get(kind, "{n}").format(n=_number(kind, num)) for kind, num in steps if num]
    return ", ".join([head, *tail])


def tidy_note(text: str) -> str:
    """A publisher's note as shown: a doubled full stop at the end of a line ("…2020)..") made single."""
    return re.sub(r"(?<!\.)\.\.(?=\s*$)", ".", text, flags=re.MULTILINE)


def ancestor_eids(eid: str) -> list[str]:
    """``art_113__para_1__point_2`` → ["art_113", "art_113__para_1"] (the eIds that contain it)."""
    return eids.ancestors(eid)


def part_titles(eid: str, kind: str, num: str, heading: str, lang: str, ancestors: dict) -> tuple[str, str]:
    """(title, article title) of a provision for headings and result lists, in the law's language.

    An article or chapter is its own caption ("Статья 113. Порядок …", article title empty). A part below
    an article is named through it ("Статья 113, пункт 1"), and the article's caption comes second, so a
    reader who lands on "1." knows where they are. ``ancestors`` maps eId → row (kind, num, heading) of the
    provisions above it, as far as known.
    """
    from .captions import title_of

    chain = [ancestors[e] for e in ancestor_eids(eid) if e in ancestors]
    article = next((r for r in reversed(chain) if r.kind == "article"), None)
    if kind == "article" or article is None:
        return title_of(kind, num, heading, lang), ""
    below = chain[chain.index(article) + 1 :]
    steps = [(r.kind, r.num) for r in below] + [(kind, num)]
    title = path_title(lang, article.num, steps)
    if heading:
        title = f"{title}. {heading}"
    return title, title_of("article", article.num, article.heading, lang)


def article_heading(eid: str, ancestors: dict) -> str:
    """The heading of the article a part belongs to ("Порядок и сроки выплаты заработной платы"), or ""."""
    found = [ancestors[e] for e in ancestor_eids(eid) if e in ancestors and ancestors[e].kind == "article"]
    return found[-1].heading if found else ""


#: The areas of law search says are not here (``answers.yaml`` ``outside``), as the notice names them:
#: "This question is about family law". An area without a label gets the notice that names none.
NOT_HERE_AREAS = {
    "family": pgettext_lazy("area of law", "family law"),
    "credit": pgettext_lazy("area of law", "loans and banks"),
    "housing": pgettext_lazy("area of law", "housing"),
    "inheritance": pgettext_lazy("area of law", "inheritance"),
    "land": pgettext_lazy("area of law", "land"),
    "consumer": pgettext_lazy("area of law", "consumer rights"),
    "enforcement": pgettext_lazy("area of law", "enforcement of court decisions"),
    "tax": pgettext_lazy("area of law", "taxes"),
    "military": pgettext_lazy("area of law", "military service"),
    "education": pgettext_lazy("area of law", "education"),
    "criminal": pgettext_lazy("area of law", "criminal law"),
    "insurance": pgettext_lazy("area of law", "insurance"),
    "health": pgettext_lazy("area of law", "health care"),
    "civil": pgettext_lazy("area of law", "civil contracts"),
}


def not_here_area(area: str) -> str:
    """The area a "not here" notice names, in the reader's language; "" when it names none we can say."""
    label = NOT_HERE_AREAS.get(area)
    return str(label) if label is not None else ""
