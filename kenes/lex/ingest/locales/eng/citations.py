"""The English citation grammar, as ILO conventions and the like cite: "paragraph 2 of Article 11".

"Article 6 of this Convention", "subparagraphs (a) and (b) of paragraph 1 of this Article", "paragraph 7
(b) of Article 19 of the Constitution of the International Labour Organisation", "Articles 14 and 15",
"Parts II to X", "Annex I", "Article 3 of Annex II", "Article 5, paragraph 3, of the Minimum Age
Convention, 1973"; works "Convention No. 97", "ILO Convention No. 143" (-> ``ilo:c097``-style ids), "the
Forced Labour Convention, 1930 (No. 29)", "the Migration for Employment Convention, 1939" (as written).
A bare "paragraph 2" is of the same Article (ILO drafting); "Article 1" opening a line is a heading.
"""

from __future__ import annotations

import re

from kenes.lex.citation import Citation

from ...phrases import (
    ART,
    PARA,
    POINT,
    TOP,
    Phrase,
    scan,
    take_list,
    ws,
)

_EN_SEPS = re.compile(r"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+|(?P<range>\s+to\s+|\s*[–—]\s*))")
_EN_KW = re.compile(
    r"""(?<![\w#])(?:
        (?P<sub>[Ss]ub-?paragraphs?|[Cc]lauses?)
       |(?P<para>[Pp]aragraphs?)
       |(?P<art>[Aa]rticles?)
       |(?P<part>Parts?)
       |(?P<annex>Annex(?:es)?)
    )\s+""",
    re.X,
)
_EN_ANCHOR = re.compile(_EN_KW.pattern + r"(?=\d|\(\s*[a-z]{1,4}\s*\)|[IVXLC]+\b)", re.X)
_EN_LETTER_ITEM = re.compile(r"\(\s*(?P<n>[a-z]{1,4})\s*\)")
_EN_NUM_ITEM = re.compile(r"(?P<n>\d+)(?![\d.]\d|\w)(?:\s*\(\s*(?P<letter>[a-z]{1,4})\s*\))?")
_EN_ROMAN_ITEM = re.compile(r"(?P<n>[IVXLC]+)(?!\w)")
_EN_OF = re.compile(r"\s+of\s+")
_EN_SUFFIX_OF = re.compile(r",?\s+of\s+")
_EN_OTHER_UNIT_BEFORE = re.compile(r"(?:Standard|Regulation|Guideline|Rule|Article)\s+[\w.]+,\s*$")
_EN_LINE_START = re.compile(r"(?:^|\n|#|[.:;]\s)[ \t]*$")
_EN_HEADING_NEXT = re.compile(r"[ \t]*(?:\n|[A-Z])")
_EN_CONJ = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)")
# "Article 5, paragraph 3, of …", "Article 6, paragraphs 3 and 4", "Article II, paragraph 1(a)"
_EN_REVERSED = re.compile(r",\s+paragraphs?\s+(?=\d)")
_EN_REVERSED_SUB = re.compile(r",\s+subparagraph\s+\(\s*(?P<p>[a-z]{1,4})\s*\)")
_EN_TITLE = (
    r"(?P<title>(?:[A-Z][\w’'-]*|\([A-Z][^()]{0,60}\))"
    r"(?:\s+(?:[A-Z][\w’'-]*|\([A-Z][^()]{0,60}\)|and|of|for|on|in|the|to|with|against|at)){0,12}?"
    r"\s+(?P<tkind>Convention|Recommendation|Protocol)(?:\s+\(Revised\))?,\s+\d{4}"
    r"(?:\s+\(No\.\s*(?P<tno>\d+)\))?)"
)
_EN_NUMBERED = (
    r"(?:ILO\s+)?(?P<nkind>Convention|Recommendation|Protocol)\s*(?:No\.?\s*|\(No\.\s*)(?P<nno>\d+)\)?"
)
_EN_WORK = re.compile(
    rf"""(?:
        (?P<self>(?:this|the\s+present)\s+(?:Convention|Protocol|Recommendation|Code|Instrument))(?!\w)
       |(?P<rel_art>this\s+Article)(?!\w)
       |(?P<rel_para>this\s+paragraph)(?!\w)
       |(?P<rel_annex>this\s+Annex)(?!\w)
       |(?P<rel_part>this\s+Part)(?!\w)
       |(?:the\s+)?(?P<ext>{_EN_NUMBERED}|{_EN_TITLE}
            |Constitution\s+of\s+the\s+International\s+Labour\s+Organi[sz]ation
            |Charter\s+of\s+the\s+United\s+Nations
            |(?:Convention|Constitution|Protocol)(?!\w))
       |(?P<unknown>(?:the|that|a|an|its|such|any|each|those|these|Standard|Regulation|Guideline|Rule|Schedule
            |Appendix)\b)
    )""",
    re.X,
)
_EN_WORK_ONLY = re.compile(rf"(?<![\w])(?:{_EN_NUMBERED}|{_EN_TITLE})")
_ILO_PREFIX = {"Convention": "c", "Recommendation": "r", "Protocol": "p"}


def _en_hint(m: re.Match[str]) -> str:
    if m["nno"]:
        return f"ilo:{_ILO_PREFIX[m['nkind']]}{int(m['nno']):03d}"
    if m["tno"]:
        return f"ilo:{_ILO_PREFIX[m['tkind']]}{int(m['tno']):03d}"
    return ws(m["ext"] if "ext" in m.groupdict() and m["ext"] else m.group(0))


def _en_levels(text: str, pos: int) -> Phrase | None:
    phrase = Phrase(pos, pos)
    cur = pos
    while True:
        km = _EN_KW.match(text, cur)
        if not km:
            break
        kind = km.lastgroup or ""
        p = km.end()
        if kind == "sub":
            rank, parsed = POINT, take_list(text, p, _EN_LETTER_ITEM, _EN_SEPS, lambda m: m["n"])
        elif kind == "para":
            rank, parsed = PARA, take_list(text, p, _EN_NUM_ITEM, _EN_SEPS, lambda m: m["n"])
        elif kind == "art":  # MLC, 2006 numbers its Articles in Roman numerals
            rank, parsed = (
                ART,
                take_list(text, p, _EN_NUM_ITEM, _EN_SEPS, lambda m: m["n"])
                or take_list(text, p, _EN_ROMAN_ITEM, _EN_SEPS, lambda m: m["n"]),
            )
        else:
            rank, parsed = TOP, take_list(text, p, _EN_ROMAN_ITEM, _EN_SEPS, lambda m: m["n"])
        if not parsed or (phrase.levels and rank <= phrase.high):
            break
        items, end = parsed
        if kind == "art" and any(i.below for i in items):
            break  # "Article 3 (b)" is not how ILO texts cite
        phrase.levels[rank] = items
        if rank == TOP:
            phrase.top_kind = kind
        phrase.end = end
        if rank == ART and len(items) == 1 and PARA not in phrase.levels:
            rev = _EN_REVERSED.match(text, end)
            paras = take_list(text, rev.end(), _EN_NUM_ITEM, _EN_SEPS, lambda m: m["n"]) if rev else None
            if paras:
                phrase.levels[PARA], end = paras
                sub = _EN_REVERSED_SUB.match(text, end)
                if sub and len(paras[0]) == 1:
                    phrase.levels[PARA][0].below.append(sub["p"])
                    end = sub.end()
                phrase.end = end
        of = _EN_OF.match(text, end)
        if not of:
            break
        cur = of.end()
    return phrase if phrase.levels else None


def _en_suffix(text: str, phrase: Phrase) -> bool:
    of = _EN_SUFFIX_OF.match(text, phrase.end)
    if not of:
        return True
    m = _EN_WORK.match(text, of.end())
    if not m:
        return True
    kind = m.lastgroup
    if kind == "unknown":
        return False  # "Part I of the declaration …": some other document
    if kind == "self":
        phrase.anchor = "named"
    elif kind == "rel_art" and phrase.high < ART:
        phrase.anchor = "article"
    elif kind == "rel_para" and phrase.high < PARA:
        phrase.anchor = "paragraph"
    elif kind == "rel_annex" and phrase.high < TOP:
        phrase.anchor = "annex"
    elif kind == "rel_part":
        phrase.anchor = "implicit"  # articles are numbered through the whole instrument
    elif kind in ("rel_art", "rel_para", "rel_annex"):
        return True
    else:
        phrase.anchor = "named"
        phrase.work = _en_hint(m)
    phrase.suffixed = True
    phrase.end = m.end()
    return True


def _en_heading(text: str, keyword: str, phrase: Phrase) -> bool:
    """ "Article 1" opening a line, or a sentence, and followed by the provision's first words: a heading."""
    if phrase.suffixed or len(phrase.levels) != 1 or keyword not in ("Article", "Annex", "Part"):
        return False
    if len(next(iter(phrase.levels.values()))) != 1:
        return False
    before = text[max(0, phrase.start - 8) : phrase.start]
    after = text[phrase.end : phrase.end + 3]
    return bool(_EN_LINE_START.search(before) and _EN_HEADING_NEXT.match(after))


def _en_phrase(text: str, pos: int) -> tuple[Phrase, bool] | None:
    """One phrase from ``pos``, dropped when it cites another document or is a heading."""
    phrase = _en_levels(text, pos)
    if not phrase:
        return None
    ok = _en_suffix(text, phrase)
    if not ok or _en_heading(text, text[pos : pos + 8].split()[0], phrase):
        phrase.anchor = "drop"
    elif not phrase.suffixed and _EN_OTHER_UNIT_BEFORE.search(text, max(0, phrase.start - 40), phrase.start):
        phrase.anchor = "drop"  # "Standard A4.5, paragraph 9": a paragraph of something else
    elif not phrase.suffixed and phrase.high == PARA:
        phrase.anchor = "article"  # ILO drafting: a bare "paragraph 2" is of the same Article
    elif not phrase.suffixed and phrase.high == POINT:
        phrase.anchor = "paragraph"
    return phrase, False


def find(text: str, include_relative: bool) -> list[Citation]:
    return scan(
        text,
        include_relative,
        anchor=_EN_ANCHOR,
        conj=_EN_CONJ,
        read=_en_phrase,
        whole_acts=_EN_WORK_ONLY,
        hint=_en_hint,
    )
