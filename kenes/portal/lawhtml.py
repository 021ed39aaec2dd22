"""Law text as compact HTML for the reader pages: provisions in document order, anchors = eIds.

Why in Python and not a recursive template: a chapter is a few hundred provisions, and a template include
per node costs time on the server and bytes on the wire; here each node is a few tags. Everything from the
database is escaped; the only markup added is structure, cross-reference links and editorial notes, which
are ``<aside>`` beside the text so nobody mistakes the publisher's remark for the law.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from kenes.lex.languages import to_bcp47
from kenes.lex.models import AmendmentEffect, EditorialNote, Provision, Reference
from kenes.lex.reading import ProvisionRead

from .captions import kind_label, title_of
from .labels import eid_label, tidy_note
from .paging import CONTAINERS


def html_lang(akn_lang: str) -> str:
    """The BCP 47 tag for an AKN language code (``rus`` → ``ru``)."""
    return to_bcp47(akn_lang)


@dataclass
class Links:
    """Where links on a rendered range point: provision pages and cross-references."""

    provision_url: Callable[[str], str]  # eId -> URL of that provision's own page
    reference_url: Callable[[Reference], str | None]  # a reference -> where it leads (None: not linked)


@dataclass
class Extras:
    """What is shown beside the text: notes, references and history, keyed by provision id / eId."""

    notes: dict[int, list[EditorialNote]] = field(default_factory=dict)
    references: dict[int, list[Reference]] = field(default_factory=dict)
    history: dict[str, list[AmendmentEffect]] = field(default_factory=dict)  # article eId -> effects


def load_extras(provisions: list[Provision], effects: Iterable[AmendmentEffect] = ()) -> Extras:
    """Notes and references of ``provisions`` (two queries), history grouped by the article it touches."""
    ids = [p.pk for p in provisions]
    extras = Extras()
    for note in EditorialNote.objects.filter(provision_id__in=ids).order_by("order"):
        extras.notes.setdefault(note.provision_id, []).append(note)
    refs = Reference.objects.filter(source_id__in=ids, target_work__isnull=False).select_related(
        "target_work"
    )
    for ref in refs.order_by("start"):
        extras.references.setdefault(ref.source_id, []).append(ref)
    articles = {p.eid for p in provisions if p.kind == "article"}
    for effect in effects:
        head = effect.eid.split("__")[0]
        if head in articles:
            extras.history.setdefault(head, []).append(effect)
    return extras


def extras_of(read: ProvisionRead) -> Extras:
    """The notes and linked references of a provision already read (no further query)."""
    extras = Extras(notes=read.notes)
    for ref in read.references_out:
        if ref.target_work_id is not None:
            extras.references.setdefault(ref.source_id, []).append(ref)
    return extras


def render(
    provisions: list[Provision],
    lang: str,
    links: Links,
    extras: Extras,
    id_prefix: str = "",
    bare_root: bool = False,
) -> SafeString:
    """HTML for provisions in document order; nesting follows their depth, headings start at <h2>.

    ``id_prefix`` keeps element ids unique when a second language is shown beside the first; ``bare_root``
    leaves out the first provision's heading when the page's <h1> already says it.
    """
    top = min((p.depth for p in provisions), default=0)
    out: list[str] = []
    stack: list[tuple[int, str]] = []  # (depth, closing tag)
    for p in provisions:
        while stack and stack[-1][0] >= p.depth:
            out.append(_close(stack.pop(), extras))
        bare = bare_root and p is provisions[0]
        out.append(_open(p, lang, links, extras, p.depth - top + 2, id_prefix, bare))
        stack.append((p.depth, _closing_key(p)))
    while stack:
        out.append(_close(stack.pop(), extras))
    return mark_safe("".join(out))  # noqa: S308 - every database string above went through escape()


def _closing_key(p: Provision) -> str:
    # The closing tag, plus what must come before it (wrap-up text, the article's history): packed as
    # "tag|eid|wrap_up" so _close can emit them once the children are written.
    tag = "section" if p.kind in CONTAINERS else "article" if p.kind == "article" else "div"
    return f"{tag}|{p.eid}|{p.wrap_up}"


def _close(item: tuple[int, str], extras: Extras) -> str:
    tag, eid, wrap_up = item[1].split("|", 2)
    out = "".join(f'<p class="wrap">{escape(line)}</p>' for line in wrap_up.split("\n") if line)
    if tag == "article" and extras.history.get(eid):
        out += _history(extras.history[eid])
    return out + f"</{tag}>"


def _open(
    p: Provision, lang: str, links: Links, extras: Extras, level: int, prefix: str, bare: bool = False
) -> str:
    eid = escape(prefix + p.eid)
    text = _text(p.text, extras.references.get(p.pk, []), links)
    notes = _notes(extras.notes.get(p.pk, []))
    if p.kind in CONTAINERS:
        level = min(level, 6)
        title = "" if bare else f"<h{level}>{escape(title_of(p.kind, p.num, p.heading, lang))}</h{level}>"
        return f'<section id="{eid}" class="{p.kind}">{title}{text}{notes}'
    if p.kind == "article" and bare:
        return f'<article id="{eid}" lang="{html_lang(lang)}">{text}{notes}'
    if p.kind == "article":
        level = min(level, 6)
        label = escape(kind_label(p.kind, p.num, lang) or _("Article"))
        href = escape(links.provision_url(p.eid))
        heading = f" {escape(p.heading)}" if p.heading else ""
        return (
            f'<article id="{eid}" lang="{html_lang(lang)}"><h{level}><a href="{href}">{label}</a>{heading}'
            f"</h{level}>{text}{notes}"
        )
    num = f'<b class="num">{escape(p.num)}</b> ' if p.num else ""
    heading = f'<p class="hd">{escape(p.heading)}</p>' if p.heading else ""
    if text.startswith("<p>"):
        text = "<p>" + num + text[3:]
    elif num:
        text = f"<p>{num}</p>" + text
    return f'<div id="{eid}" class="{p.kind[:2]}">{heading}{text}{notes}'


def _text(text: str, refs: list[Reference], links: Links) -> str:
    """The text as paragraphs, with each resolved cross-reference made a link."""
    if not text:
        return ""
    pieces: list[str] = []
    at = 0
    for ref in refs:
        href = links.reference_url(ref)
        if href is None or ref.start < at or ref.end > len(text) or ref.end <= ref.start:
            continue
        cited = text[ref.start : ref.end]
        if "\n" in cited:
            continue
        pieces.append(escape(text[at : ref.start]))
        pieces.append(f'<a class="ref" href="{escape(href)}">{escape(cited)}</a>')
        at = ref.end
    pieces.append(escape(text[at:]))
    return "".join(f"<p>{line}</p>" for line in "".join(pieces).split("\n") if line.strip())


def _notes(notes: list[EditorialNote]) -> str:
    if not notes:
        return ""
    label = escape(_("Editorial note"))
    return "".join(
        f'<aside class="note" aria-label="{label}">'
        + "".join(f"<p>{escape(line)}</p>" for line in tidy_note(n.text).split("\n") if line.strip())
        + "</aside>"
        for n in notes
    )


def _history(effects: list[AmendmentEffect]) -> str:
    items = []
    for e in effects:
        when = e.in_force_on.strftime("%d.%m.%Y") if e.in_force_on else escape(e.in_force_text or "—")
        items.append(
            f"<li>{escape(eid_label(e.eid))} — <span>{escape(e.get_effect_display())}</span>: "
            f"{escape(e.amendment.amending_title)} ({_('in force from')} {when})</li>"
        )
    summary = escape(_("Amendment history (%(n)d)") % {"n": len(effects)})
    return f'<details class="hist"><summary>{summary}</summary><ul>{"".join(items)}</ul></details>'
