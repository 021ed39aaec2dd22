"""The ``kenes`` command: serve, migrate, import, export, show, demo, rights … (``kenes --help``)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kenes.settings")
    import django

    django.setup()


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def _fail(message: str, code: int = 2) -> int:
    print(f"kenes: error: {message}", file=sys.stderr)
    return code


# ---------------------------------------------------------------- commands


def cmd_migrate(args: argparse.Namespace) -> int:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=args.verbosity)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Run gunicorn (a production server) after migrating and collecting static files."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    from kenes.search.hooks import sync_now
    from kenes.site.access_log import GUNICORN_FORMAT

    print(sync_now(), flush=True)  # heal what a crash between the database and index commits left stale
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "kenes.wsgi:application",
        "--bind",
        f"{args.host}:{args.port}",
        "--workers",
        str(args.workers),
        "--threads",
        "2",
        "--access-logfile",
        "-",
        "--access-logformat",  # no query string, address or referrer: kenes/site/access_log.py
        GUNICORN_FORMAT,
        "--graceful-timeout",
        "10",
        # a question pasted into /search?q=… may be 20,000 characters (~120 KB encoded); the search
        # refuses what is over 100 KB itself, with a JSON 413, instead of gunicorn's 4 KB HTML error
        "--limit-request-line",
        "0",
    ]
    print(f"Kenes on http://{args.host}:{args.port}/ ({args.workers} workers)", flush=True)
    os.execv(sys.executable, argv)
    return 0  # not reached


def _progress_printer(enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    bar = tqdm(total=4, unit="stage", file=sys.stderr, leave=False, bar_format="{desc} {bar} {n}/{total}")

    def step(message: str) -> None:
        bar.set_description_str(message)
        bar.update(1)

    return step


def cmd_import(args: argparse.Namespace) -> int:
    from kenes.lex.importing import ImportRefused, import_file

    try:
        result = import_file(
            Path(args.file),
            work_uri=args.work,
            lang=args.lang,
            date=args.date,
            fmt=args.format,
            title=args.title,
            work_type=args.type,
            source_name=args.source or "",
            source_url=args.source_url or "",
            retrieved_on=args.retrieved,
            replace=args.replace,
            line_paragraphs=args.line_paragraphs,
            force=args.force,
            progress=_progress_printer(sys.stderr.isatty() and not args.quiet),
        )
    except (ImportRefused, ValueError) as exc:
        return _fail(f"{exc} (nothing was written)")
    if args.short_title:
        result.work.short_title = args.short_title
        result.work.save(update_fields=["short_title"])
    from django.utils import translation

    with translation.override(None):  # the command speaks English, whatever the site's language
        print("\n".join(result.report()))
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not args.no_vectors:
        from kenes.search import vectors
        from kenes.search.cli import vector_progress

        # after the commit, like the text index: the law is saved whatever happens here
        print(vectors.update(progress=vector_progress(sys.stderr.isatty() and not args.quiet)))
    return 0


def _resolve_expression(uri: str, lang: str | None, date: dt.date | None):
    from django.utils import timezone

    from kenes.lex.akn import uri as akn_uri
    from kenes.lex.models import Work

    frbr = akn_uri.parse(uri)
    work = Work.objects.filter(frbr_uri=frbr.work_uri).first()
    if work is None:
        raise LookupError(f"no work {frbr.work_uri} in the database (import it first)")
    expr_date = date or (dt.date.fromisoformat(str(frbr.expression_date)) if frbr.expression_date else None)
    on = expr_date or timezone.localdate()
    expression = work.expression_at(lang or frbr.lang or None, on)
    if expression is None:
        raise LookupError(
            f"{work.frbr_uri} has no {lang or frbr.lang or work.original_lang} expression in force on {on}"
        )
    return frbr, work, expression


def cmd_export(args: argparse.Namespace) -> int:
    from kenes.lex.exporting import export_expression

    try:
        _frbr, _work, expression = _resolve_expression(args.uri, args.lang, args.date)
        body, _ctype = export_expression(expression, args.format)
    except (LookupError, ValueError) as exc:
        return _fail(str(exc))
    if isinstance(body, bytes):
        sys.stdout.buffer.write(body)
    else:
        sys.stdout.write(body)
    sys.stdout.flush()
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Print a work's summary, or the text of one provision, for a lawyer at a terminal."""
    from kenes.lex import history, reading
    from kenes.lex.store import read_document

    try:
        frbr, work, expression = _resolve_expression(args.uri, args.lang, args.date)
    except (LookupError, ValueError) as exc:
        return _fail(str(exc))
    if frbr.portion:
        try:
            prov = reading.find_provision(expression, frbr.portion)
        except reading.NotFound as exc:
            return _fail(str(exc))
        doc = read_document(expression, root_eid=prov.eid)
        print(expression.provision_uri(prov.eid))
        for node in doc.walk():
            indent = "  " * max(0, len(node.eid.split("__")) - len(prov.eid.split("__")))
            label = " ".join(x for x in (node.num, node.heading) if x)
            if label:
                print(f"{indent}{label}")
            for block in (node.text, node.wrap_up):
                if block:
                    print(f"{indent}  {block}")
            for note in node.notes:
                print(f"{indent}  [{note.kind}] {note.text}")
        return 0
    print(f"{work.title}\n{work.frbr_uri}  ({work.get_work_type_display()}, {work.jurisdiction_id})")
    print(f"expression: {expression.uri}  {expression.provisions.count()} provisions")
    points = ", ".join(f"{p.date}[{'/'.join(p.languages)}]" for p in history.points_in_time(work))
    print(f"points in time: {points}")
    for p in expression.provisions.filter(
        kind__in=["part", "section", "chapter", "article", "annex"]
    ).order_by("order"):
        print(f"{'  ' * p.depth}{p.eid:<28} {p.num} {p.heading}"[:160])
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from kenes.lex import history

    try:
        _f, work, old = _resolve_expression(args.uri, args.lang, args.date_from)
        _f, _w, new = _resolve_expression(args.uri, args.lang, args.date_to)
    except (LookupError, ValueError) as exc:
        return _fail(str(exc))
    changes = history.diff_expressions(old, new)
    print(f"{old.uri} -> {new.uri}: {len(changes)} provisions changed")
    for c in changes:
        print(f"\n{c.change.upper()} {c.eid} {c.heading}")
        if c.change == "changed":
            print(c.unified())
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from django.core.management import call_command

    from kenes.lex.demo import import_corpus
    from kenes.lex.starter.load import StarterDataError, load_starter

    call_command("migrate", interactive=False, verbosity=0)
    try:
        report = load_starter()
    except StarterDataError as exc:
        return _fail(str(exc))
    print(f"starter dataset: {report}")
    for kept in report.kept:
        print(f"  kept {kept}")
    from kenes.accounts.directory import load_national_centres

    print(load_national_centres())
    # the advisory desk's demo centres, staff and fictitious cases (by dotted path: nothing imports the desk)
    import importlib

    from django.core.exceptions import ValidationError

    try:
        print(importlib.import_module("kenes.desk.demo").load())
    except ValidationError as exc:
        return _fail("KENES_DEMO_PASSWORD: " + " ".join(exc.messages))
    if args.corpus:
        corpus = Path(args.corpus)
        if not corpus.is_dir():
            return _fail(f"{corpus}: not a directory")
        failures = import_corpus(corpus, progress=not args.quiet)
        from kenes.search import vectors
        from kenes.search.hooks import sync_now

        print(sync_now())
        if vectors.enabled():
            waiting = len(vectors.stale())
            print(
                f"meaning vectors: {waiting} expressions wait for `kenes reindex` (about a tenth of a "
                "second per article; until then questions are matched by their words)"
            )
        from kenes.observatory.demo import import_corpus_stats

        stats, stats_failures = import_corpus_stats(corpus)
        for result in stats:
            print(result.summary())
        for failure in stats_failures:
            print(f"failed {failure}", file=sys.stderr)
        if failures or stats_failures:
            return 1
    else:  # an empty index is still an index: search on a fresh install answers "no results", not 503
        from kenes.search.hooks import sync_now

        print(sync_now())
    return 0


def cmd_editor(args: argparse.Namespace) -> int:
    """Create (or update) a user with the editor role.

    The password comes from KENES_PASSWORD or a prompt, never from argv, so it stays out of shell history.
    """
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError

    from kenes.accounts.passwords import password_from_env_or_prompt, set_checked_password
    from kenes.accounts.roles import editor_group

    user_model = get_user_model()
    user = user_model.objects.filter(username=args.username).first()
    created = user is None
    if created:
        user = user_model(username=args.username)
    try:
        set_checked_password(user, password_from_env_or_prompt(args.username))
    except ValidationError as exc:
        return _fail(f"password refused, nothing changed: {' '.join(exc.messages)}")
    user.is_staff = True
    user.save()
    user.groups.add(editor_group())
    print(f"{'created' if created else 'updated'} editor {args.username}")
    return 0


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kenes",
        description="Kenes: the labour-rights legal database of the Central Asian trade union centres.",
    )
    parser.add_argument("--version", action="version", version=f"kenes {__import__('kenes').__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("serve", help="run the web service with gunicorn (migrates and collects static first)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=2)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("migrate", help="create or upgrade the database schema")
    p.add_argument("-v", "--verbosity", type=int, default=1)
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("import", help="import a txt, md, html, docx, pdf or AKN XML file as one expression")
    p.add_argument("file")
    p.add_argument("--work", help="AKN work URI, e.g. /akn/kz/act/code/2015-11-23/414-v")
    p.add_argument("--lang", help="AKN language code: rus kaz kir uzb tgk eng")
    p.add_argument("--date", type=_date, help="the date this wording is in force from")
    p.add_argument("--title")
    p.add_argument("--short-title", help='how lawyers cite the work, e.g. "ТК РК"')
    p.add_argument(
        "--type", help="work type (constitution, code, law, ilo-convention …); default from the URI"
    )
    p.add_argument("--format", help="force the reader: txt md html docx pdf xml")
    p.add_argument("--source", help="where the text comes from (portal name)")
    p.add_argument("--source-url", help="URL or edition id at the source")
    p.add_argument("--retrieved", type=_date, help="when it was retrieved")
    p.add_argument("--replace", action="store_true", help="correct an existing expression of the same date")
    p.add_argument(
        "--line-paragraphs",
        action="store_true",
        help="every line is a paragraph (as in consolidated Russian federal codes, with no blank lines)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="with --replace: replace even when the new text has no articles or under half the provisions",
    )
    p.add_argument(
        "--no-vectors",
        action="store_true",
        help="do not compute the articles' meaning vectors now (`kenes reindex` does it later)",
    )
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="write the expression in force on a date as AKN XML, JSON or HTML")
    p.add_argument("uri", help="work URI (or expression URI)")
    p.add_argument("--lang")
    p.add_argument("--date", type=_date, help="default: today")
    p.add_argument("--format", choices=["akn", "json", "html"], default="akn")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("show", help="show a work's outline or one provision (URI with ~eId)")
    p.add_argument("uri")
    p.add_argument("--lang")
    p.add_argument("--date", type=_date)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("diff", help="provision-level changes of a work between two dates")
    p.add_argument("uri")
    p.add_argument("date_from", type=_date)
    p.add_argument("date_to", type=_date)
    p.add_argument("--lang")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser(
        "demo", help="load the starter dataset (and with --corpus DIR, the real texts found there)"
    )
    p.add_argument("--corpus", help="a corpus directory such as ../shared/corpus")
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("editor", help="create or update a user with the editor role")
    p.add_argument("username")
    p.set_defaults(func=cmd_editor)

    from kenes.rights.cli import add_parser as add_rights_parser

    add_rights_parser(sub)

    from kenes.accounts.cli import add_parser as add_accounts_parser

    add_accounts_parser(sub)

    from kenes.search.cli import add_parser as add_search_parser

    add_search_parser(sub)

    # the desk by dotted path: nothing in Kenes imports kenes.desk
    import importlib

    importlib.import_module("kenes.desk.cli").add_parser(sub)

    from kenes.observatory.cli import add_parser as add_observatory_parser

    add_observatory_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    if getattr(args, "needs_django", True):
        _setup_django()
    from django.db import OperationalError

    try:
        return int(args.func(args) or 0)
    except OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        return _fail(  # SQLite: another process held the write lock past the timeout
            "the database is busy: another import (or other writer) is running; nothing was written, "
            "try again when it is done",
            1,
        )


if __name__ == "__main__":
    sys.exit(main())
