"""`kenes demo --corpus DIR`: import the real texts of the shared corpus.

What to import, and as which work, is described in starter/corpus.yaml.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import yaml
from django.utils import timezone, translation

from . import catalogue
from .importing import ImportRefused, import_document
from .ingest.adilet_notes import parse_note
from .ingest.errors import IngestError
from .ingest.readers import read_text
from .ingest.structure import parse_text
from .starter.load import HERE
from .tree import Document


def consolidation_date(doc: Document, lang: str, floor: dt.date) -> dt.date:
    """Date a consolidated text by the latest amending act its notes name, never after today."""
    today = timezone.localdate()
    latest = floor
    notes = list(doc.notes) + [n for node in doc.walk() for n in node.notes]
    for note in notes:
        for effect in parse_note(note.text, lang):
            if effect.act_date and latest < effect.act_date <= today:
                latest = effect.act_date
    return latest


def _plan(corpus: Path) -> list[dict[str, Any]]:
    """One entry per work: its files by language and metadata."""
    manifest = yaml.safe_load((HERE / "corpus.yaml").read_text(encoding="utf-8"))
    plan: list[dict[str, Any]] = []
    for entry in manifest.get("national", []):
        files = {lang: corpus / rel for lang, rel in entry["files"].items()}
        named = catalogue.get(entry["work"])
        if named is None:
            raise ValueError(f"corpus.yaml: {entry['work']} is not in the catalogue of works (works.yaml)")
        plan.append(
            {
                "title": named.title("rus"),
                "short_title": named.short_title,
                "titles": named.titles,
                **entry,
                "files": files,
            }
        )
    intl = manifest.get("international") or {}
    instruments = (
        yaml.safe_load((HERE / "instruments.yaml").read_text(encoding="utf-8"))
        if (HERE / "instruments.yaml").exists()
        else []
    )
    if isinstance(instruments, dict):
        instruments = next(iter(instruments.values()), [])
    directory = corpus / intl.get("directory", "ilo")
    for inst in instruments or []:
        path = directory / f"{inst['code']}.md"
        if not path.exists():
            continue
        adopted = inst.get("adopted_on") or inst["frbr_uri"].split("/")[5]
        plan.append(
            {
                "work": inst["frbr_uri"],
                "title": inst.get("title_en") or inst["code"],
                "short_title": inst["code"],
                "type": inst.get("type"),
                "date": str(adopted),
                "source": intl.get("source", ""),
                "source_url": "",
                "files": {intl.get("lang", "eng"): path},
            }
        )
    return plan


def import_corpus(corpus: Path, *, progress: bool = True) -> list[str]:
    """Import every text of the plan found under ``corpus``; return the failures (already reported).

    Only what is missing is added: an expression already held for that language and date is not imported
    again (an editor may have corrected it), and an existing work keeps its title; each skip is reported.
    """
    from tqdm import tqdm

    from .models import Work

    plan = _plan(corpus)
    failures: list[str] = []
    total = sum(len(p["files"]) for p in plan)
    bar = tqdm(total=total, unit="file", file=sys.stderr, disable=not (progress and sys.stderr.isatty()))
    for entry in plan:
        parsed: dict[str, Document] = {}
        for lang, path in entry["files"].items():
            if not path.exists():
                bar.write(f"skipped {path}: not in the corpus")
                bar.update(1)
                continue
            try:
                parsed[lang] = parse_text(
                    read_text(path, entry.get("format")),
                    lang,
                    title=(entry.get("titles") or {}).get(lang),
                    line_paragraphs=entry.get("paragraphs") == "lines",
                )
            except IngestError as exc:
                failures.append(f"{path}: {exc}")
                bar.write(f"failed {path}: {exc}")
                bar.update(1)
        if not parsed:
            continue
        work_date = dt.date.fromisoformat(entry["work"].split("/")[5])
        if entry["date"] == "consolidated":
            first_lang = next(iter(parsed))
            date = consolidation_date(parsed[first_lang], first_lang, work_date)
        else:
            date = dt.date.fromisoformat(str(entry["date"]))
        work = Work.objects.filter(frbr_uri=entry["work"]).first()
        for lang, doc in parsed.items():
            path = entry["files"][lang]
            bar.set_description_str(path.name)
            if work is not None and work.expressions.filter(lang=lang, date=date).exists():
                bar.write(f"kept {entry['work']}/{lang}@{date}: already held, not imported again")
                bar.update(1)
                continue
            title = (entry.get("titles") or {}).get(lang) or entry["title"]
            try:
                result = import_document(
                    doc,
                    work_uri=entry["work"],
                    lang=lang,
                    date=date,
                    title=title,
                    work_type=entry.get("type"),
                    source_name=entry.get("source", ""),
                    source_url=entry.get("source_url", ""),
                    imported_from=path.name,
                )
            except (ImportRefused, ValueError) as exc:
                failures.append(f"{path}: {exc}")
                bar.write(f"failed {path}: {exc}")
            else:
                with translation.override(None):  # the command speaks English
                    bar.write("\n".join(result.report()))
            bar.update(1)
        if work is None:  # created by this run: the manifest's titles; an existing work keeps its own
            Work.objects.filter(frbr_uri=entry["work"]).update(
                title=entry["title"], short_title=entry.get("short_title", "")
            )
        elif (work.title, work.short_title) != (entry["title"], entry.get("short_title", "")):
            bar.write(f"kept {entry['work']}: its title differs from the manifest (edited?)")
    bar.close()
    return failures
