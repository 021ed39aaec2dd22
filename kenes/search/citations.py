"""Citation queries: "ст. 113 ТК РК", "п. 2 ст. 31 ТК", "113-бап", "C097 art 6" go straight to the provision.

Why not the text index: a lawyer who types a citation wants that provision, not the provisions that mention
"113" most often. So a query is first read as a citation; only when it is one, and the cited provision
exists, does the search put it first.

A query is a citation only when every word of it is part of the citation: structural keywords with their
numbers (статья/ст./article/art./бап/берене/modda, пункт/п./часть/ч./paragraph/тармақ, подпункт/пп./
subparagraph/тармақша), a work's name (kenes/lex/starter/works.yaml, matched after the search analyser, so
"трудового кодекса" is "Трудовой кодекс"), an ILO instrument by number, a country ("РК", "Республики
Казахстан"), and fillers ("of", "the", "№", "настоящего"). "работодатель не платит ст. 113" is a question,
not a citation.

A query becomes the same :class:`kenes.lex.citation.Citation` a law text's phrase becomes, and its eIds come
from the same :meth:`~kenes.lex.citation.Citation.eid_candidates` that links citations inside law texts:
"подпункт 1) статьи 49" may be ``art_49__point_1`` or ``art_49__para_1__point_1`` depending on how the code
is structured, so resolution tries each against the provisions that exist.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from kenes.lex import catalogue
from kenes.lex.citation import Citation

from .analysis import drop_stop_words, guess_lang, terms

__all__ = ["Citation", "aliases", "citations_in", "parse_citation", "resolve_citation"]

ALIASES_FILE = Path(__file__).with_name("aliases.yaml")


# --------------------------------------------------------------------------------------------------
# Aliases (data)


@dataclass(frozen=True)
class _Alias:
    key: tuple[str, ...]
    uri: str
    jurisdiction: str


def _key(text: str) -> tuple[str, ...]:
    """A name as analysed terms, without stop words: "Трудового кодекса" == "трудовой кодекс"."""
    lang = guess_lang(text)
    return tuple(drop_stop_words(terms(text, lang), lang)) if text.strip() else ()


@cache
def aliases() -> tuple[list[_Alias], list[tuple[tuple[str, ...], str]]]:
    """(work names from the catalogue, country markers from aliases.yaml), longest country names first."""
    data = yaml.safe_load(ALIASES_FILE.read_text(encoding="utf-8"))
    works = [
        _Alias(_key(name), entry.uri, entry.jurisdiction)
        for entry in catalogue.works().values()
        for name in entry.names
    ]
    places = [(_key(name), code) for code, names in data["jurisdictions"].items() for name in names]
    places.sort(key=lambda p: len(p[0]), reverse=True)
    return works, places


# --------------------------------------------------------------------------------------------------
# Parsing

_NUM = r"\d+(?:[.-]\d+)*"  # 113, 12-1, and the Russian code's 22.1, 341.1-1
_SUB = r"\(?(?:\d+|[a-zа-яәіңғүұқөһ]|[ivx]+)\)"  # "1)", "(a)", "а)"
_B = r"(?<![\w-])"  # a keyword starts a word
_E = r"(?![\w])"

_ART_KW = (
    r"(?:ст|стат(?:ья|ьи|ье|ью|ьей|ей|ьям|ьях)|art|arts|article|articles|арт|modda|moddasi|моддаи|модда"
    r"|моддаси|берене|беренеси)"
)
_PARA_KW = r"(?:п|пункт(?:а|у|ом|е|ы)?|ч|част(?:ь|и|ью)|para|paragraph|paragraphs|§|band|qism|qismi|банди)"
_SUB_KW = r"(?:пп|подп|подпункт(?:а|у|ом|е|ы)?|subparagraph|sub-paragraph|subpara|point|kichik\s+band)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "art 6(1)(a)", "article 6 (2)"
    (
        "art_paren",
        re.compile(rf"{_B}{_ART_KW}\.?\s*(?P<art>{_NUM})\s*\((?P<para>\d+)\)(?:\s*\((?P<sub>[a-z]|\d+)\))?"),
    ),
    ("sub", re.compile(rf"{_B}{_SUB_KW}\.?\s*(?P<sub>{_SUB}|\d+|[a-z]{_E})")),
    ("sub", re.compile(rf"(?P<sub>{_SUB})\s*(?:тармақша|кичи\s+пункт|band|punkt)\w*")),
    ("art", re.compile(rf"{_B}{_ART_KW}\.?\s*(?P<art>{_NUM}){_E}")),
    # Kazakh, Kyrgyz, Uzbek, Tajik: the number first ("113-бап", "113-бабы", "113-берене", "113-modda")
    ("art", re.compile(rf"(?<![\w-])(?P<art>{_NUM})\s*-?\s*(?:ба[пб]|берене|modda|модда)\w*")),
    ("para", re.compile(rf"{_B}{_PARA_KW}\.?\s*(?P<para>{_NUM})(?!\s*\)|[\w)])")),
    (
        "para",
        re.compile(rf"(?<![\w-])(?P<para>{_NUM})\s*-\s*(?:тарма[қғ](?!ша)|бөлі[кг]|пункт|band|qism)\w*"),
    ),
]

_ILO = re.compile(
    r"""(?<![\w-])(?:
        (?P<kind>[cсpрr])\s?-?\s?0*(?P<num>\d{1,3})(?!\w)                          # C097, С 97, P029
       |(?:(?:ilo|мот)\s+)?(?:convention|конвенци[яиюей]+|конвенция(?:сы)?)\s*
        (?:(?:мот|ilo|халықаралық\s+еңбек\s+ұйымының)\s*)?(?:no\.?|№|n|nr\.?)?\s*0*(?P<cnum>\d{1,3})(?!\w)
       |(?:(?:ilo|мот)\s+)?(?:protocol|протокол[аеу]?)\s*(?:no\.?|№)?\s*0*(?P<pnum>\d{1,3})(?!\w)
       |(?:(?:ilo|мот)\s+)?(?:recommendation|рекомендаци[яи])\s*(?:no\.?|№)?\s*0*(?P<rnum>\d{1,3})(?!\w)
    )""",
    re.X,
)
_FILLERS = frozenset(
    ("of", "the", "this", "in", "№", "no", "n", "nr", "and", "и", "осы", "мот", "ilo")
    + ("настоящего", "настоящей", "данного", "данной")
)
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*|№")


def _prepare(q: str) -> str:
    q = unicodedata.normalize("NFC", q).casefold().replace("ё", "е")
    q = re.sub(r"[«»\"“”„]", " ", q)
    return re.sub(r"\s+", " ", q).strip()


@cache
def name_vocabulary() -> frozenset[str]:
    """Every term of a work's name or a country's marker: a query of any other word names no work, so
    :func:`parse_citation` need not be asked (it costs 30-80 µs; this test costs one)."""
    works, places = aliases()
    return frozenset(t for a in works for t in a.key) | frozenset(t for key, _code in places for t in key)


def parse_citation(q: str) -> Citation | None:
    """Read ``q`` as a citation; None when it is not one (or names no work, article or instrument).

    >>> cit = parse_citation("п. 2 ст. 31 ТК")
    >>> cit.work, cit.work_uri, cit.article, cit.paragraph, cit.point, cit.jurisdiction
    ('тк', '/akn/kz/act/code/2015-11-23/414-v', '31', '2', None, 'kz')
    """
    if not q or len(q) > 300:
        return None
    text = _prepare(q)
    found: dict[str, str] = {}
    spans: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return not any(a < m.end() and m.start() < b for a, b in spans)

    for _kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            if not free(m):
                continue
            groups = {k: v for k, v in m.groupdict().items() if v}
            names = {"art": "article", "para": "paragraph", "sub": "subparagraph"}
            if any(names[g] in found for g in groups):
                return None  # two articles: a list, not one provision
            for g, v in groups.items():
                found[names[g]] = v.strip("()")
            spans.append(m.span())

    ilo: str | None = None
    for m in _ILO.finditer(text):
        if not free(m):
            continue
        if m["num"]:
            letter = {"с": "c", "р": "p"}.get(m["kind"], m["kind"])
            ilo = f"{letter}{int(m['num']):03d}"
        else:
            num = m["cnum"] or m["pnum"] or m["rnum"]
            letter = "c" if m["cnum"] else "p" if m["pnum"] else "r"
            ilo = f"{letter}{int(num):03d}"
        spans.append(m.span())
        break

    rest = text
    for a, b in sorted(spans, reverse=True):
        rest = rest[:a] + " " + rest[b:]
    words = [w for w in _WORD.findall(rest) if w not in _FILLERS]
    works, places = aliases()
    jurisdiction = None
    work_alias = work_uri = None
    # A name may hold a number ("MLC 2006"); otherwise a bare number is the article ("ТК РК 113").
    for kept in (words, [w for w in words if not re.fullmatch(_NUM, w)]):
        key = list(_key(" ".join(kept)))
        jurisdiction = None
        for place_key, code in places:
            at = _find_run(key, place_key)
            if at is not None:
                jurisdiction = jurisdiction or code
                del key[at : at + len(place_key)]
        matches = [a for a in works if a.key == tuple(key)] if key else []
        if not key or matches:
            break
    else:
        return None  # words that are neither a work nor a country: a question, not a citation
    bare = [w for w in words if w not in kept]
    if matches:
        work_alias = " ".join(kept)
        chosen = [a for a in matches if jurisdiction in (None, a.jurisdiction)]
        if chosen:
            work_uri = chosen[0].uri
            jurisdiction = jurisdiction or chosen[0].jurisdiction
        # else: a known name in a country whose work we do not list ("ТК КР"): named, but unknown
    if ilo:
        jurisdiction = "aa-ilo"

    if bare:
        if len(bare) > 1 or "article" in found or not (work_alias or ilo):
            return None
        found["article"] = bare[0]  # "ТК РК 113"
    if not (work_alias or ilo or "article" in found):
        return None
    return Citation(
        work=f"ilo:{ilo}" if ilo else work_alias,
        work_uri=work_uri,
        article=found.get("article"),
        paragraph=found.get("paragraph"),
        point=found.get("subparagraph"),
        anchor="named",
        jurisdiction=jurisdiction,
    )


def _find_run(seq: list[str], run: tuple[str, ...]) -> int | None:
    if not run:
        return None
    for i in range(len(seq) - len(run) + 1):
        if tuple(seq[i : i + len(run)]) == run:
            return i
    return None


# --------------------------------------------------------------------------------------------------
# Resolution against the database


def _candidate_works(cit: Citation, jurisdiction: str | None) -> list[str]:
    """Works the citation may mean, best first: the one named, else the usual ones of the country."""
    from kenes.lex.models import Work

    if cit.work_uri:
        return [cit.work_uri]
    if cit.ilo_number:
        return list(
            Work.objects.filter(jurisdiction_id="aa-ilo", number=cit.ilo_number).values_list(
                "frbr_uri", flat=True
            )
        )
    if cit.work:
        return []  # named, but not a work we know in that country
    # No work named ("статья 113"): the works people mean when they name none, those of the country first.
    works, _ = aliases()
    place = cit.jurisdiction or jurisdiction
    return list(dict.fromkeys(a.uri for a in works if place is None or a.jurisdiction == place))


def resolve_citation(
    q: str,
    *,
    date: dt.date | None = None,
    lang: str | None = None,
    jurisdiction: str | None = None,
) -> list[tuple[str, str]]:
    """[(work FRBR URI, eId)] that ``q`` cites, best first; eId "" for a whole work; [] when none.

    Only provisions that exist are returned: in an expression of ``lang`` in force on ``date`` when there is
    one, else in any expression of the work (eIds are the same in every language and version).
    """
    from kenes.lex.models import Expression, Provision, Work

    cit = parse_citation(q)
    if cit is None:
        return []
    # a point with no article or paragraph ("пп. 3 ТК") names no provision we could find: the whole work
    wanted = cit.eid_candidates() if (cit.article or cit.paragraph) else []
    if (
        cit.article
        and cit.paragraph
        and re.search(rf"(?<![\d.-]){re.escape(cit.article)}\s*\({cit.paragraph}\)", q)
    ):
        # "статья 288(1)": Tajik law numbers an inserted article so; elsewhere it is article 288, paragraph 1.
        # Whichever exists wins, the inserted article first.
        inserted = Citation(article=f"{cit.article}({cit.paragraph})", point=cit.point, anchor="named")
        wanted = [e for e in inserted.eid_candidates() if e not in wanted] + wanted
    out: list[tuple[str, str]] = []
    for uri in _candidate_works(cit, jurisdiction):
        expressions = Expression.objects.filter(work__frbr_uri=uri)
        if not expressions.exists():
            if Work.objects.filter(frbr_uri=uri).exists():
                out.append((uri, ""))  # a work we know but hold no text of: the work itself
            continue
        if not wanted:
            out.append((uri, ""))
            continue
        preferred = expressions
        if lang:
            preferred = preferred.filter(lang=lang) or expressions
        if date:
            preferred = preferred.filter(date__lte=date) or preferred
        expression = preferred.order_by("-date").first()
        have = set(
            Provision.objects.filter(expression=expression, eid__in=wanted).values_list("eid", flat=True)
        )
        if not have:
            have = set(
                Provision.objects.filter(expression__work__frbr_uri=uri, eid__in=wanted).values_list(
                    "eid", flat=True
                )
            )
        out += [(uri, eid) for eid in wanted if eid in have]
        if out and cit.work_uri is None and cit.ilo_number is None:
            break  # no work named: the first work of the country that has the provision
    return out


# --------------------------------------------------------------------------------------------------
# Citations inside a question

#: where a citation may begin inside a longer text: a structural keyword before its number, or the number
#: before the keyword ("113-бап")
_OPENINGS = [rx for kind, rx in _PATTERNS if kind in ("art", "art_paren", "para", "sub")]
#: the most words a citation inside a text runs to ("п. 2 ч. 1 ст. 31 Трудового кодекса Республики Казахстан")
_LONGEST = 12
#: the most citations read out of one text (each costs a few database reads to resolve)
MAX_IN_TEXT = 5


#: the most places a citation may begin that are tried in one text (a pasted letter may say "п." fifty times)
MAX_TRIED = 20


@cache
def _name_endings() -> frozenset[str]:
    """The last term of every work name and country marker: a citation inside a text ends on one of them,
    so only runs ending there are read (each reading costs the analysis of the run)."""
    works, places = aliases()
    return frozenset(key[-1] for key in [a.key for a in works] + [p for p, _code in places] if key)


def citations_in(text: str) -> list[str]:
    """The citations a question quotes ("Согласно ст. 44 ч. 1 КоАП штраф должен…" → "ст. 44 ч. 1 КоАП"), each
    as the longest run of its words that reads as a citation of a named work's article.

    Why: people quote the article they were told about, and the lawyer's answer usually turns on it; a
    question is searched as text, so without this the quoted article is one more set of words. Bounded
    (``MAX_TRIED`` openings, runs that end on a work's name), so a letter of 20,000 characters that says
    "ст." on every line costs milliseconds, not seconds.
    """
    prepared = _prepare(text[:20_000])
    words = list(_WORD.finditer(prepared))
    ends = [w.end() for w in words]
    lang = guess_lang(prepared[:2000])
    endings = _name_endings()
    starts = sorted({m.start() for rx in _OPENINGS for m in rx.finditer(prepared)})[:MAX_TRIED]
    found: list[str] = []
    covered = -1
    for start in starts:
        if start < covered:
            continue
        first = bisect_right(ends, start)
        if first >= len(words):
            break
        for last in range(min(len(words), first + _LONGEST) - 1, first, -1):
            if not endings.intersection(terms(words[last].group(), lang)):
                continue
            cit = parse_citation(prepared[start : words[last].end()])
            if cit is not None and cit.work_uri and cit.article:
                found.append(prepared[start : words[last].end()])
                covered = words[last].end()
                break
        if len(found) >= MAX_IN_TEXT:
            break
    return found
