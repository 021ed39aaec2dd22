r"""Akoma Ntoso FRBR URIs as Kenes writes them: how a work, a language version and a provision are named.

A URI is the identity of a legal text everywhere in Kenes (database, links, exports, citations), so it
must be predictable from what is printed on the act and must never change when the text is amended.
The scheme follows the AKN Naming Convention 1.0 (the one Laws.Africa's cobalt and Indigo use), with
full dates and lowercase numbers::

    /akn/{place}/{doctype}[/{subtype}[/{actor}]]/{date}/{number}     the work
        [/{lang}[@[{date}]]]                                         one language version ("expression")
        [/~{eId}]                                                    one provision ("portion")
        [.{format}]                                                  xml, json or html

``place`` is an ISO 3166-1 country (``kz``) or ``aa-`` plus a body (``aa-ilo``) or, for a bilateral
agreement, the two parties in alphabetical order (``aa-kz-ru``); see docs/IDENTIFIERS.md for the whole
scheme. An expression without a date (``/rus`` or ``/rus@``) means the latest one; the canonical form
written back is ``/rus``.

>>> uri = parse("/akn/kz/act/code/2015-11-23/414-v/rus@2024-01-01/~art_113__para_4.xml")
>>> uri.place, uri.subtype, uri.number, uri.lang, uri.expression_date, uri.portion, uri.format
('kz', 'code', '414-v', 'rus', datetime.date(2024, 1, 1), 'art_113__para_4', 'xml')
>>> uri.work_uri
'/akn/kz/act/code/2015-11-23/414-v'
>>> uri.expression_uri
'/akn/kz/act/code/2015-11-23/414-v/rus@2024-01-01'
>>> str(uri)
'/akn/kz/act/code/2015-11-23/414-v/rus@2024-01-01/~art_113__para_4.xml'
>>> parse("/akn/kz/doc/collective-agreement/kazakhmys/2024-01-15/12").actor
'kazakhmys'
>>> parse("/akn/aa-ilo/act/convention/1949-07-01/c097/eng").locality
'ilo'
>>> import datetime
>>> expression_uri("/akn/kz/act/code/2015-11-23/414-v", "rus", datetime.date(2024, 1, 1), eid="art_113")
'/akn/kz/act/code/2015-11-23/414-v/rus@2024-01-01/~art_113'
>>> provision_uri("/akn/kz/act/code/2015-11-23/414-v", "art_113")
'/akn/kz/act/code/2015-11-23/414-v/~art_113'
>>> parse("/akn/kz/act/code/2015-11-23/414-V")  # doctest: +ELLIPSIS
Traceback (most recent call last):
ValueError: '/akn/kz/act/.../414-V' is not a valid AKN URI: the number '414-V' must be lowercase letters, ...
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..languages import AKN_LANGUAGES

#: Expression languages in use (AKN three-letter codes); any ``[a-z]{3}`` code parses.
LANGUAGES: tuple[str, ...] = AKN_LANGUAGES

#: The document types of AKN 3.0 (the root elements of the schema). Kenes writes ``act`` and ``doc``.
DOCTYPES: frozenset[str] = frozenset(
    {
        "act", "bill", "doc", "judgment", "statement", "portion", "amendment", "amendmentList",
        "debate", "debateReport", "officialGazette", "documentCollection",
    }
)  # fmt: skip

FORMATS: tuple[str, ...] = ("xml", "json", "html")

_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

FRBR_URI_RE = re.compile(
    rf"""
    ^/akn
    /(?P<country>[a-z]{{2}})                      # ISO 3166-1 alpha-2, or "aa" for international law
    (?:-(?P<locality>[a-z0-9]+(?:-[a-z0-9]+)*))?  # body (ilo, eaeu) or bilateral parties (kz-ru)
    /(?P<doctype>[a-z][a-zA-Z]*)                  # AKN document type: act, doc …
    (?:/(?P<subtype>[a-z][a-z0-9-]*))?            # code, law, convention …; a letter first, so never a date
    (?:/(?P<actor>[a-z][a-z0-9-]*))?              # who made it, for collective agreements: employer or sector
    /(?P<date>{_DATE})                            # date of adoption or signature
    /(?P<number>[a-z0-9][a-z0-9-]*)               # number as printed, lowercased: 414-v, c097, eaeu-treaty
    (?:/(?P<lang>[a-z]{{3}})                      # expression language: rus, kaz, eng …
        (?:@(?P<expression_date>{_DATE})?)?       # version date; "@" alone or nothing means the latest
    )?
    (?:/~(?P<portion>[\w-]+))?                    # eId of one provision: art_113__para_4
    (?:\.(?P<format>xml|json|html))?              # manifestation format
    \Z""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class FrbrUri:
    """A parsed AKN URI; build one directly to write a URI, or get one from :func:`parse`.

    Dates are :class:`datetime.date` so a URI can only name a day that exists; ``expression_date`` is
    ``None`` for "the latest version".
    """

    country: str
    locality: str | None
    doctype: str
    subtype: str | None
    actor: str | None
    date: dt.date
    number: str
    lang: str | None = None
    expression_date: dt.date | None = None
    portion: str | None = None
    format: str | None = None

    def __post_init__(self) -> None:
        dates = (self.date, self.expression_date or self.date)
        if any(not isinstance(d, dt.date) or isinstance(d, dt.datetime) for d in dates):
            raise TypeError("FrbrUri dates must be datetime.date objects (None for the latest expression)")
        problem = _semantic_problem(self)
        if problem:
            raise ValueError(f"{self._unchecked_str()!r} is not a valid AKN URI: {problem}")

    @property
    def place(self) -> str:
        """Country plus locality: the jurisdiction code (``kz``, ``aa-ilo``, ``aa-kz-ru``)."""
        return f"{self.country}-{self.locality}" if self.locality else self.country

    @property
    def work_uri(self) -> str:
        """The work, whatever language or date: ``/akn/kz/act/code/2015-11-23/414-v``."""
        parts = ["", "akn", self.place, self.doctype]
        if self.subtype:
            parts.append(self.subtype)
        if self.actor:
            parts.append(self.actor)
        parts += [self.date.isoformat(), self.number]
        return "/".join(parts)

    @property
    def expression_uri(self) -> str:
        """The work in one language, at one date or the latest: ``…/414-v/rus@2024-01-01``."""
        if not self.lang:
            raise ValueError(f"{self.work_uri} names a work, not an expression: it has no language")
        when = f"@{self.expression_date.isoformat()}" if self.expression_date else ""
        return f"{self.work_uri}/{self.lang}{when}"

    def at(self, lang: str, date: dt.date | None = None) -> FrbrUri:
        """The work in ``lang`` as in force from ``date`` (None: the latest), without portion or format."""
        return replace(self, lang=lang, expression_date=date, portion=None, format=None)

    def of(self, eid: str | None) -> FrbrUri:
        """One provision of this work or expression (``None`` or "": the whole text)."""
        return replace(self, portion=eid or None, format=None)

    def as_format(self, fmt: str | None) -> FrbrUri:
        """The same text as ``xml``, ``json`` or ``html`` (None: no format suffix)."""
        return replace(self, format=fmt)

    def __str__(self) -> str:
        return self._unchecked_str()

    def _unchecked_str(self) -> str:
        uri = self.expression_uri if self.lang else self.work_uri
        if self.portion:
            uri += f"/~{self.portion}"
        if self.format:
            uri += f".{self.format}"
        return uri


def parse(uri: str) -> FrbrUri:
    """Read a URI, or say precisely which part is wrong, because people type these by hand."""
    match = FRBR_URI_RE.match(uri)
    if not match:
        raise ValueError(f"{uri!r} is not a valid AKN URI: {_diagnose(uri)}")
    g = match.groupdict()
    try:
        return FrbrUri(
            country=g["country"],
            locality=g["locality"],
            doctype=g["doctype"],
            subtype=g["subtype"],
            actor=g["actor"],
            date=_date(g["date"], "work date"),
            number=g["number"],
            lang=g["lang"],
            expression_date=_date(g["expression_date"], "expression date") if g["expression_date"] else None,
            portion=g["portion"],
            format=g["format"],
        )
    except _BadDate as exc:
        raise ValueError(f"{uri!r} is not a valid AKN URI: {exc}") from None


@lru_cache(maxsize=1024)
def _parsed(uri: str) -> FrbrUri:
    return parse(uri)


def expression_uri(uri: str, lang: str, date: dt.date | None = None, *, eid: str | None = None) -> str:
    """The URI of ``uri``'s work in ``lang`` at ``date`` (None: the latest), or of one provision of it.

    The one way Kenes writes an expression or provision URI from a stored work URI, so no caller spells the
    ``/{lang}@{date}/~{eId}`` grammar itself.
    """
    return str(_parsed(uri).at(lang, date).of(eid))


def provision_uri(uri: str, eid: str | None, fmt: str | None = None) -> str:
    """One provision of the work or expression ``uri`` names (``eid`` None or "": ``uri`` itself)."""
    return str(_parsed(uri).of(eid).as_format(fmt))


def bilateral_place(a: str, b: str) -> str:
    """The place of an agreement between two countries: the same whichever party is named first.

    >>> bilateral_place("ru", "kz")
    'aa-kz-ru'
    """
    first, second = sorted((a.lower(), b.lower()))
    return f"aa-{first}-{second}"


class _BadDate(ValueError):
    pass


def _date(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _BadDate(f"the {what} {text!r} is not a real calendar date") from None


def _semantic_problem(uri: FrbrUri) -> str:
    """What the regular expression cannot check: known doctype, sorted bilateral parties, sane parts."""
    if uri.doctype not in DOCTYPES:
        return f"unknown document type {uri.doctype!r} (AKN 3.0 has {', '.join(sorted(DOCTYPES))})"
    if uri.actor and not uri.subtype:
        return "an actor needs a subtype before it"
    if uri.expression_date and not uri.lang:
        return "an expression date needs a language before it"
    checks = [
        (uri.country, r"[a-z]{2}", "the country", "a lowercase ISO 3166-1 code such as kz, or aa"),
        (uri.locality, r"[a-z0-9]+(?:-[a-z0-9]+)*", "the locality", "lowercase words joined by hyphens"),
        (uri.subtype, r"[a-z][a-z0-9-]*", "the subtype", "a lowercase slug such as code"),
        (uri.actor, r"[a-z][a-z0-9-]*", "the actor", "a lowercase slug such as kazakhmys"),
        (uri.number, r"[a-z0-9][a-z0-9-]*", "the number", "lowercase letters, digits and hyphens"),
        (uri.lang, r"[a-z]{3}", "the language", "a three-letter code such as rus"),
        (uri.portion, r"[\w-]+", "the portion", "an eId such as art_113__para_4"),
        (uri.format, "|".join(FORMATS), "the format", "one of " + ", ".join(FORMATS)),
    ]
    for value, pattern, what, expected in checks:
        if value is not None and not re.fullmatch(pattern, value):
            return f"{what} {value!r} must be {expected}"
    if uri.subtype == "bilateral-agreement":
        parties = (uri.locality or "").split("-")
        if uri.country != "aa" or len(parties) != 2 or any(len(p) != 2 for p in parties):
            return f"a bilateral agreement's place must be aa-{{a}}-{{b}}, not {uri.place!r}"
        if parties[0] >= parties[1]:
            return (
                f"the parties of a bilateral agreement go in alphabetical order: {bilateral_place(*parties)}"
            )
    return ""


_SEGMENT_RULES = [
    ("place", re.compile(r"[a-z]{2}(?:-[a-z0-9]+)*"), "a lowercase ISO 3166-1 code such as kz, or aa-ilo"),
    ("doctype", re.compile(r"[a-z][a-zA-Z]*"), "an AKN document type such as act or doc"),
]


def _diagnose(uri: str) -> str:
    """Name the first segment that breaks the scheme, so the message points at the typo."""
    if not uri.startswith("/akn/"):
        return "it must start with /akn/"
    if uri.endswith("/"):
        return "it must not end with a slash"
    body, _, ext = uri.rpartition(".") if re.search(r"\.[^/]*\Z", uri) else (uri, "", "")
    if ext and ext not in FORMATS:
        return f"the format {ext!r} must be one of {', '.join(FORMATS)}"
    segments = body.split("/")[2:]
    for (what, pattern, expected), segment in zip(_SEGMENT_RULES, segments, strict=False):
        if not pattern.fullmatch(segment):
            return f"the {what} {segment!r} must be {expected}"
    if len(segments) > 1 and segments[1] not in DOCTYPES:
        return f"unknown document type {segments[1]!r} (AKN 3.0 has {', '.join(sorted(DOCTYPES))})"
    dated = [i for i, s in enumerate(segments) if re.fullmatch(r"[0-9]{4}(-[0-9]{1,2}){0,2}", s)]
    if not dated:
        return "no work date: expected /YYYY-MM-DD/ before the number"
    i = dated[0]
    if not re.fullmatch(_DATE, segments[i]):
        return f"the work date {segments[i]!r} must be written YYYY-MM-DD"
    middle = segments[2:i]
    if len(middle) > 2:
        return f"only a subtype and an actor may come between the document type and the date, not {middle}"
    for what, segment in zip(("subtype", "actor"), middle, strict=False):
        if not re.fullmatch(r"[a-z][a-z0-9-]*", segment):
            return f"the {what} {segment!r} must be a lowercase slug starting with a letter"
    rest = segments[i + 1 :]
    if not rest or not rest[0]:
        return "the number is missing after the date"
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", rest[0]):
        return f"the number {rest[0]!r} must be lowercase letters, digits and hyphens (e.g. 414-v)"
    rest = rest[1:]
    if rest and not rest[0].startswith("~"):
        lang, _, when = rest[0].partition("@")
        if not re.fullmatch(r"[a-z]{3}", lang):
            return f"the language {lang!r} must be a three-letter code such as rus or kaz"
        if when and not re.fullmatch(_DATE, when):
            return f"the expression date {when!r} must be written YYYY-MM-DD"
        rest = rest[1:]
    if rest and rest[0].startswith("~"):
        if not re.fullmatch(r"~[\w-]+", rest[0]):
            return f"the portion {rest[0][1:]!r} must be an eId such as art_113__para_4"
        rest = rest[1:]
    if rest:
        return f"unexpected {'/'.join(rest)!r} at the end"
    return (
        "it does not follow /akn/{place}/{doctype}[/{subtype}[/{actor}]]/{date}/{number}"
        "[/{lang}[@{date}]][/~{eId}][.{format}]"
    )
