"""An expression as one standalone, accessible HTML5 page: for reading, printing and saving offline.

Why standalone: union lawyers save and mail these pages, so the page carries its own styles and needs
no network. Every provision has ``id`` = its eId, so ``page.html#art_113`` is the same anchor as the
URI ``…/~art_113``; editorial notes are ``<aside class="note">`` beside the text and never inside it,
so a reader (or a screen reader) can tell the publisher's remarks from the law.
"""

from __future__ import annotations

from html import escape

from ..akn.meta import ExpressionMeta
from ..akn.safexml import xml_safe
from ..languages import AKN_TO_BCP47
from ..tree import Document, Node, Note

#: AKN three-letter language codes to the BCP 47 tags HTML's ``lang`` wants (one table: lex/languages.py).
BCP47: dict[str, str] = AKN_TO_BCP47

#: Kinds that open a titled section of the page and appear in the table of contents.
HEADED = frozenset({"preamble", "part", "section", "chapter", "article", "annex"})

# Page labels exist in Russian and English; other languages show the Russian ones, marked lang="ru"
# so screen readers switch voice (better than guessing a translation nobody has checked).
_LABELS: dict[str, dict[str, str]] = {
    "ru": {
        "contents": "Содержание",
        "note": "Примечание редакции",
        "version": "Редакция от",
        "source": "Источник",
        "skip": "Перейти к тексту",
        "preamble": "Преамбула",
        "annex": "Приложение",
    },
    "en": {
        "contents": "Contents",
        "note": "Editorial note",
        "version": "Version of",
        "source": "Source",
        "skip": "Skip to the text",
        "preamble": "Preamble",
        "annex": "Annex",
    },
}

_STYLE = """
body{font:1rem/1.5 system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem;color:#111;background:#fff}
.skip{position:absolute;left:-999rem}.skip:focus{left:1rem;top:1rem}
.num{font-weight:600;margin-right:.4em}
section,div.provision{margin:.5rem 0}div.provision div.provision{margin-left:1.5rem}
aside.note{border-left:3px solid #888;background:#f4f4f4;padding:.25rem .75rem;font-size:.9em;color:#333}
.frbr code{font-size:.9em}nav ol{list-style:none;padding-left:1rem}
@media print{nav,.skip{display:none}}
"""


def to_html(doc: Document, meta: ExpressionMeta) -> str:
    """The whole page as a string (UTF-8 when written); all text is escaped, nothing is trusted."""
    lang = BCP47.get(meta.lang, meta.lang)
    label = _Labels(lang)
    title = doc.title or meta.title
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f'<link rel="alternate" type="application/akn+xml" href="{_e(meta.expression_uri)}.xml">',
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f'<a class="skip" href="#text">{label("skip")}</a>',
        "<header>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="frbr">{label("version")} {meta.expression_date.isoformat()}: '
        f"<code>{_e(meta.expression_uri)}</code></p>",
    ]
    if meta.source_name or meta.source_url:
        source = _e(meta.source_name or meta.source_url)
        if meta.source_url.startswith(("https://", "http://")):
            source = f'<a href="{_e(meta.source_url)}">{source}</a>'
        retrieved = f" ({meta.retrieved_on.isoformat()})" if meta.retrieved_on else ""
        parts.append(f'<p class="source">{label("source")}: {source}{retrieved}</p>')
    parts.append("</header>")
    toc = _toc(doc.body, label)
    if toc:
        parts += ['<nav aria-labelledby="toc">', f'<h2 id="toc">{label("contents")}</h2>', toc, "</nav>"]
    parts.append('<main id="text">')
    if doc.preface:
        parts += ['<div class="preface">', *_paragraphs(doc.preface), "</div>"]
    parts += _notes(doc.notes, label)
    for node in doc.body:
        parts += _provision(node, 2, label)
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


class _Labels:
    def __init__(self, lang: str) -> None:
        self.own = lang in _LABELS
        self.words = _LABELS.get(lang, _LABELS["ru"])

    def __call__(self, key: str) -> str:
        text = _e(self.words[key])
        return text if self.own else f'<span lang="ru">{text}</span>'


def _toc(nodes: list[Node], label: _Labels) -> str:
    items = []
    for node in nodes:
        if node.kind not in HEADED or not node.eid:
            continue
        inner = _toc(node.children, label)
        items.append(f'<li><a href="#{_e(node.eid)}">{_title(node, label)}</a>{inner}</li>')
    return f"<ol>{''.join(items)}</ol>" if items else ""


def _provision(node: Node, level: int, label: _Labels) -> list[str]:
    ident = f' id="{_e(node.eid)}"' if node.eid else ""
    kind = _e(node.kind)
    if node.kind in HEADED:
        h = min(level, 6)
        out = [f'<section{ident} class="provision {kind}">', f"<h{h}>{_title(node, label)}</h{h}>"]
        out += _paragraphs(node.text)
        close = "</section>"
        level += 1
    else:
        out = [f'<div{ident} class="provision {kind}">']
        lines = _paragraphs(node.text)
        if node.num:
            first = f" {lines[0][3:]}" if lines else "</p>"
            lines[:1] = [f'<p><span class="num">{_e(node.num)}</span>{first}']
        if node.heading:
            lines.insert(0, f'<p class="heading">{_e(node.heading)}</p>')
        out += lines
        close = "</div>"
    out += _notes(node.notes, label)
    for child in node.children:
        out += _provision(child, level, label)
    if node.wrap_up:
        out += [line.replace("<p>", '<p class="wrap-up">', 1) for line in _paragraphs(node.wrap_up)]
    out.append(close)
    return out


def _title(node: Node, label: _Labels) -> str:
    num = f'<span class="num">{_e(node.num)}</span>' if node.num else ""
    heading = _e(node.heading)
    if not (num or heading):
        return label(node.kind) if node.kind in ("preamble", "annex") else _e(node.kind)
    return f"{num} {heading}" if num and heading else num or heading


def _notes(notes: list[Note], label: _Labels) -> list[str]:
    out = []
    for note in notes:
        out.append(f'<aside class="note {_e(note.kind)}" aria-label="{_e(label.words["note"])}">')
        out += _paragraphs(note.text)
        out.append("</aside>")
    return out


def _paragraphs(text: str) -> list[str]:
    return [f"<p>{_e(line)}</p>" for line in text.split("\n")] if text else []


def _e(text: str) -> str:
    return escape(xml_safe(text), quote=True)
