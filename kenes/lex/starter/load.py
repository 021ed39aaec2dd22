"""Load the starter YAML files into the database: idempotent, all or nothing, with clear errors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.db.models import Model

from ..importing import ensure_work
from ..models import Jurisdiction, Ratification, Topic, TopicLabel, Work

HERE = Path(__file__).resolve().parent


class StarterDataError(ValueError):
    """A starter file is malformed; the message names the file and the entry."""


@dataclass
class LoadReport:
    """What a starter load added, and the rows it found already there and left alone.

    ``kept`` names each existing row whose values differ from the starter files: an editor changed it (or
    the files changed since it was loaded). Starter data only fills what is missing, so a second run of
    ``kenes demo`` never reverts an editor's work.
    """

    jurisdictions: int = 0
    topics: int = 0
    instruments: int = 0
    ratifications: int = 0
    kept: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        added = (
            f"added {self.jurisdictions} jurisdictions, {self.topics} topics, "
            f"{self.instruments} instruments, {self.ratifications} ratifications"
        )
        if not self.kept:
            return added
        return f"{added}; kept {len(self.kept)} rows that differ from the starter data (edited?)"


def add_missing(
    report: LoadReport, model: type[Model], lookup: dict[str, Any], values: dict[str, Any], label: str
) -> tuple[Any, bool]:
    """Create the row ``lookup`` names with ``values`` if it is missing; never change an existing row.

    An existing row whose values differ is recorded in ``report.kept`` with the differing fields, so the
    operator sees what was skipped. Returns ``(row, created)``; the other loaders (statistics, …) use it too.
    """
    row = model.objects.filter(**lookup).first()
    if row is None:
        return model.objects.create(**lookup, **values), True
    differing = [name for name, value in values.items() if getattr(row, name) != value]
    if differing:
        report.kept.append(f"{label}: {', '.join(differing)}")
    return row, False


def _read(name: str, directory: Path) -> list[dict[str, Any]]:
    path = directory / name
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise StarterDataError(f"{path.name}: not valid YAML: {exc}") from exc
    if isinstance(data, dict):  # a file may wrap its list under one key
        data = next(iter(data.values()), [])
    if not isinstance(data, list):
        raise StarterDataError(f"{path.name}: expected a list of entries")
    return data


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise StarterDataError(f"{where}: {value!r} is not a YYYY-MM-DD date") from exc


@transaction.atomic
def load_starter(directory: Path = HERE) -> LoadReport:
    """Add every starter row that is missing; leave existing rows as they are (an editor may have changed
    them) and say which differ. Running it twice adds nothing the second time."""
    report = LoadReport()
    places = _read("jurisdictions.yaml", directory)
    created_places: set[str] = set()
    for entry in places:
        _row, created = add_missing(
            report,
            Jurisdiction,
            {"code": entry["code"]},
            {
                "kind": entry.get("kind", "country"),
                "name": entry["name"],
                "official_languages": ",".join(entry.get("official_languages") or []),
            },
            f"jurisdiction {entry['code']}",
        )
        if created:
            created_places.add(entry["code"])
            report.jurisdictions += 1
    for entry in places:
        members = entry.get("members") or []
        if members:
            missing = set(members) - set(
                Jurisdiction.objects.filter(code__in=members).values_list("code", flat=True)
            )
            if missing:
                raise StarterDataError(
                    f"jurisdictions.yaml: {entry['code']} lists unknown members {sorted(missing)}"
                )
            place = Jurisdiction.objects.get(code=entry["code"])
            if entry["code"] in created_places:
                place.members.set(members)
            elif set(place.members.values_list("code", flat=True)) != set(members):
                report.kept.append(f"jurisdiction {entry['code']}: members")

    def add_topic(entry: dict[str, Any], parent: Topic | None, order: int) -> None:
        topic, created = add_missing(
            report,
            Topic,
            {"slug": entry["slug"]},
            {"parent_id": parent.pk if parent else None, "order": order},
            f"topic {entry['slug']}",
        )
        report.topics += created
        for lang, label in (entry.get("labels") or {}).items():
            add_missing(
                report,
                TopicLabel,
                {"topic": topic, "lang": lang},
                {"label": label},
                f"topic {topic.slug} [{lang}]",
            )
        for i, child in enumerate(entry.get("children") or []):
            add_topic(child, topic, i)

    for i, entry in enumerate(_read("topics.yaml", directory)):
        add_topic(entry, None, i)

    by_code: dict[str, Work] = {}
    for entry in _read("instruments.yaml", directory):
        where = f"instruments.yaml: {entry.get('code', '?')}"
        if "frbr_uri" not in entry or "code" not in entry:
            raise StarterDataError(f"{where}: needs code and frbr_uri")
        title = entry.get("title_en") or entry.get("title") or entry["code"]
        slugs = entry.get("topics") or []
        topics = list(Topic.objects.filter(slug__in=slugs))
        if len(topics) != len(set(slugs)):
            unknown = set(slugs) - {t.slug for t in topics}
            raise StarterDataError(f"{where}: unknown topics {sorted(unknown)}")
        values = {
            "title": title,
            "short_title": entry["code"],
            "commenced_on": _date(entry.get("in_force_on"), where),
        }
        work = Work.objects.filter(frbr_uri=entry["frbr_uri"]).first()
        if work is None:
            work = ensure_work(
                entry["frbr_uri"], title=title, work_type=entry.get("type"), original_lang="eng"
            )
            for name, value in values.items():
                setattr(work, name, value)
            work.save()
            work.topics.set(topics)
            report.instruments += 1
        else:
            differing = [name for name, value in values.items() if getattr(work, name) != value]
            if set(work.topics.values_list("slug", flat=True)) != set(slugs):
                differing.append("topics")
            if differing:
                report.kept.append(f"work {work.frbr_uri}: {', '.join(differing)}")
        by_code[entry["code"].upper()] = work

    for entry in _read("ratifications.yaml", directory):
        code = str(entry.get("instrument", "")).upper()
        where = f"ratifications.yaml: {entry.get('country')} × {code}"
        instrument = by_code.get(code) or Work.objects.filter(short_title__iexact=code).first()
        if instrument is None:
            raise StarterDataError(f"{where}: unknown instrument")
        if entry.get("status") not in Ratification.Status.values:
            raise StarterDataError(f"{where}: status must be one of {Ratification.Status.values}")
        _row, created = add_missing(
            report,
            Ratification,
            {"country_id": entry["country"], "instrument": instrument},
            {
                "status": entry["status"],
                "ratified_on": _date(entry.get("ratified_on"), where),
                "in_force_on": _date(entry.get("in_force_on"), where),
                "denounced_on": _date(entry.get("denounced_on"), where),
                "accepted_parts": entry.get("accepted_parts") or "",
                "declarations": entry.get("declarations") or "",
                "note": entry.get("note") or "",
                "source": entry.get("source") or "",
                "verified_on": _date(entry.get("verified_on"), where),
            },
            f"ratification {entry['country']} × {code}",
        )
        report.ratifications += created
    return report
