"""Import one file as one expression: read -> find structure -> write -> link, atomically and idempotently.

Each stage reads what the previous one wrote and nothing else, so a failure at any stage leaves the
database as it was (the write and link stages share one transaction).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, transaction

from .akn import uri as akn_uri
from .ingest.errors import IngestError
from .models import Expression, Jurisdiction, Work, WorkType
from .outline import Outline, outline
from .signals import expression_confirmed
from .store import content_hash, write_provisions
from .tree import Document

Progress = Callable[[str], None]

#: How a URI's subtype names the work type when the editor does not say (data, not branches).
_TYPE_BY_SUBTYPE: dict[tuple[str, str], str] = {
    ("national", "constitution"): WorkType.CONSTITUTION,
    ("national", "code"): WorkType.CODE,
    ("national", "law"): WorkType.LAW,
    ("national", "by-law"): WorkType.BYLAW,
    ("national", "collective-agreement"): WorkType.COLLECTIVE_AGREEMENT,
    ("aa-ilo", "convention"): WorkType.ILO_CONVENTION,
    ("aa-ilo", "protocol"): WorkType.ILO_PROTOCOL,
    ("aa-ilo", "recommendation"): WorkType.ILO_RECOMMENDATION,
    ("regional", "treaty"): WorkType.REGIONAL_TREATY,
    ("regional", "agreement"): WorkType.REGIONAL_AGREEMENT,
    ("regional", "convention"): WorkType.REGIONAL_AGREEMENT,
    ("regional", "bilateral-agreement"): WorkType.BILATERAL_AGREEMENT,
}


class ImportRefused(ValueError):
    """The import cannot go ahead; the message says why and what to do. Nothing was written."""


@dataclass
class ImportResult:
    work: Work
    expression: Expression
    status: str  # "created" | "replaced" | "unchanged"
    provisions: int
    articles: int
    notes: int
    references: int = 0
    amendments: int = 0
    warnings: list[str] = field(default_factory=list)
    outline: Outline = field(default_factory=Outline)

    def summary(self) -> str:
        head = f"{self.status}: {self.expression.uri}"
        if self.status == "unchanged":
            return f"{head} (identical content already held)"
        return (
            f"{head}: {self.articles} articles, {self.provisions} provisions, {self.notes} editorial notes, "
            f"{self.references} references, {self.amendments} amendment effects"
        )

    def report(self) -> list[str]:
        """The summary, then what a lawyer checks against the act's contents (see kenes.lex.outline)."""
        return [self.summary(), *(("  " + line) for line in self.outline.lines())]


def infer_work_type(frbr: akn_uri.FrbrUri) -> str:
    if jurisdiction_code(frbr) == "aa-ilo":
        group = "aa-ilo"
    elif frbr.country == "aa":
        group = "regional"
    else:
        group = "national"
    if frbr.subtype == "bilateral-agreement":
        group = "regional"
    return _TYPE_BY_SUBTYPE.get((group, frbr.subtype or ""), WorkType.OTHER)


def jurisdiction_code(frbr: akn_uri.FrbrUri) -> str:
    """The Jurisdiction row a URI belongs to: ``kz`` for national acts, ``aa-ilo`` for ILO instruments."""
    if frbr.country == "aa" and frbr.locality:
        return f"aa-{frbr.locality}"
    return frbr.country


def parse_work_uri(work_uri: str) -> akn_uri.FrbrUri:
    """Read a URI that must name a work, refusing the parts that name something else (a language version,
    a provision, a file format) rather than silently dropping them."""
    frbr = akn_uri.parse(work_uri)
    if frbr.portion or frbr.lang or frbr.format:
        raise ImportRefused(
            f"{work_uri!r} is not a work URI: drop the language, date, ~portion and .format parts "
            f"({frbr.work_uri})"
        )
    return frbr


def new_work(
    frbr: akn_uri.FrbrUri, *, title: str = "", work_type: str | None = None, original_lang: str | None = None
) -> Work:
    """An unsaved Work for ``frbr``, filled in from what the URI says; refused for an unknown jurisdiction
    or work type."""
    code = jurisdiction_code(frbr)
    jurisdiction = Jurisdiction.objects.filter(code=code).first()
    if jurisdiction is None:
        known = (
            ", ".join(Jurisdiction.objects.values_list("code", flat=True)) or "none (run `kenes demo` first)"
        )
        raise ImportRefused(f"unknown jurisdiction {code!r} in {frbr.work_uri}; known: {known}")
    if work_type and work_type not in WorkType.values:
        raise ImportRefused(f"unknown work type {work_type!r}; choose one of: {', '.join(WorkType.values)}")
    return Work(
        frbr_uri=frbr.work_uri,
        jurisdiction=jurisdiction,
        work_type=work_type or infer_work_type(frbr),
        doctype=frbr.doctype,
        subtype=frbr.subtype or "",
        actor=frbr.actor or "",
        date=frbr.date,
        number=frbr.number,
        title=title or frbr.number,
        original_lang=original_lang or "rus",
    )


def ensure_work(
    work_uri: str, *, title: str = "", work_type: str | None = None, original_lang: str | None = None
) -> Work:
    """Find the work named by ``work_uri``, or create it from what the URI says."""
    frbr = parse_work_uri(work_uri)
    existing = Work.objects.filter(frbr_uri=frbr.work_uri).first()
    if existing is not None:
        return existing
    work = new_work(frbr, title=title, work_type=work_type, original_lang=original_lang)
    try:
        with transaction.atomic():  # a savepoint: a concurrent import may create the same work first
            work.save()
    except IntegrityError:
        return Work.objects.get(frbr_uri=frbr.work_uri)
    return work


def _refuse_degenerate_replacement(current: Expression, doc: Document, name: str) -> None:
    """A correction that finds no articles where the held wording has them, or keeps less than half of its
    provisions, is far more often a wrong file (or the wrong language) than a correction: refuse it with the
    numbers, so only ``force`` can wipe a code."""
    held_articles = current.provisions.filter(kind="article").count()
    held = current.provisions.count()
    articles = len(doc.articles())
    provisions = sum(1 for _ in doc.walk())
    if (held_articles and not articles) or provisions * 2 < held:
        raise ImportRefused(
            f"{name or 'the document'} would replace {current.uri} ({held_articles} articles, {held} "
            f"provisions) by {articles} articles and {provisions} provisions; check the file and its "
            f"language, or pass --force to replace it anyway"
        )


def import_document(
    doc: Document,
    *,
    work_uri: str,
    lang: str,
    date: dt.date,
    title: str | None = None,
    work_type: str | None = None,
    source_name: str = "",
    source_url: str = "",
    retrieved_on: dt.date | None = None,
    imported_from: str = "",
    replace: bool = False,
    force: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Store ``doc`` as the ``lang`` expression of ``work_uri`` in force from ``date``.

    Same content as the expression in force on ``date`` -> nothing is written ("unchanged"). Different
    content on a date that already has an expression -> refused unless ``replace`` (a correction); a
    replacement that would lose most of the expression is refused unless ``force`` as well.
    """
    from .linking import drop_note_effects, link_expression, note_effects  # the link stage reads the rows

    step = progress or (lambda _msg: None)
    if not any(True for _ in doc.walk()):
        raise ImportRefused(
            f"{imported_from or 'the document'}: no provisions found; is the language right ({lang})?"
        )
    doc_title = (title or doc.title or "").strip()

    with transaction.atomic():
        work = ensure_work(work_uri, title=doc_title, work_type=work_type, original_lang=lang)
        # hash what will be stored, so an export of this expression imports back as "unchanged"
        doc.title, doc.lang = doc_title or work.title, lang
        digest = content_hash(doc)
        current = work.expression_at(lang, date)
        if current is not None and current.content_hash == digest:
            expression_confirmed.send(sender=Expression, expression=current)
            result = ImportResult(work, current, "unchanged", current.provisions.count(), 0, 0)
            result.outline = outline(doc)
            result.warnings = list(doc.warnings)
            return result
        same_date = work.expressions.filter(lang=lang, date=date).first()
        if same_date is not None and not replace:
            raise ImportRefused(
                f"{same_date.uri} already exists with different content; import it with another --date "
                f"(a new edition) or pass --replace to correct that expression"
            )
        if same_date is not None and not force:
            _refuse_degenerate_replacement(same_date, doc, imported_from)
        status = "replaced" if same_date is not None else "created"
        dropped = note_effects(same_date) if same_date is not None else set()
        expression = same_date or Expression(work=work, lang=lang, date=date)
        expression.title = doc.title
        expression.preface = doc.preface
        expression.source_name = source_name
        expression.source_url = source_url
        expression.retrieved_on = retrieved_on
        expression.content_hash = digest
        expression.imported_from = imported_from[:255]
        expression.save()
        step("writing provisions")
        count = write_provisions(expression, doc)
        step("linking references and amendments")
        links = link_expression(expression)
        if dropped:  # what only the replaced wording's notes said goes with it
            drop_note_effects(work, dropped - note_effects(*work.expressions.all()))

    notes = len(doc.notes) + sum(len(n.notes) for n in doc.walk())
    return ImportResult(
        work,
        expression,
        status,
        provisions=count,
        articles=len(doc.articles()),
        notes=notes,
        references=links.references,
        amendments=links.effects,
        warnings=[*doc.warnings, *links.warnings],
        outline=outline(doc),
    )


def import_file(
    path: Path,
    *,
    work_uri: str | None,
    lang: str | None,
    date: dt.date | None,
    fmt: str | None = None,
    title: str | None = None,
    work_type: str | None = None,
    source_name: str = "",
    source_url: str = "",
    retrieved_on: dt.date | None = None,
    replace: bool = False,
    force: bool = False,
    progress: Progress | None = None,
    line_paragraphs: bool = False,
) -> ImportResult:
    """Read ``path`` (txt, md, html, docx, pdf or AKN XML) and import it; see :func:`import_document`.
    ``line_paragraphs``: every line of the text is a paragraph (see ``ingest.blocks.split_blocks``).

    For AKN XML the URI, language and date come from the file's own metadata unless given.
    """
    from .akn.parse import from_akn
    from .ingest.readers import read_text
    from .ingest.structure import parse_text

    step = progress or (lambda _msg: None)
    path = Path(path)
    if not path.is_file():
        raise ImportRefused(f"{path}: no such file")
    step(f"reading {path.name}")
    if (fmt or path.suffix.lower().lstrip(".")) in {"xml", "akn"}:
        try:
            meta, doc = from_akn(path.read_bytes(), name=path.name)
        except ValueError as exc:
            raise ImportRefused(str(exc)) from exc
        work_uri = work_uri or meta.work_uri
        lang = lang or meta.lang
        date = date or meta.expression_date
        title = title or meta.title
        source_name = source_name or meta.source_name
        source_url = source_url or meta.source_url
    else:
        if not (work_uri and lang and date):
            raise ImportRefused("--work, --lang and --date are required for files other than AKN XML")
        try:
            text = read_text(path, fmt)
        except IngestError as exc:
            raise ImportRefused(str(exc)) from exc
        step("finding structure")
        try:
            doc = parse_text(text, lang, title=title, line_paragraphs=line_paragraphs)
        except IngestError as exc:
            raise ImportRefused(f"{path.name}: {exc}") from exc
    if not (work_uri and lang and date):
        raise ImportRefused(f"{path.name}: the file does not say its work URI, language and date; pass them")
    return import_document(
        doc,
        work_uri=work_uri,
        lang=lang,
        date=date,
        title=title,
        work_type=work_type,
        source_name=source_name,
        source_url=source_url,
        retrieved_on=retrieved_on,
        imported_from=path.name,
        replace=replace,
        force=force,
        progress=step,
    )
