"""Load the starter YAML files into the database: idempotent, all or nothing, with clear errors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from ..importing import ensure_work
from ..models import Jurisdiction, Ratification, Topic, TopicLabel, Work

HERE = Path(__file__).resolve().parent


class StarterDataError(ValueError):
    """A starter file is malformed; the message names the file and the entry."""


@dataclass
class LoadReport:
    jurisdictions: int = 0
    topics: int = 0
    instruments: int = 0
    ratifications: int = 0

    def __str__(self) -> str:
        return (
            f"{self.jurisdictions} jurisdictions, {self.topics} topics, {self.instruments} instruments, "
            f"{self.ratifications} ratifications"
        )


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
    """Create or update every starter row; running it twice changes nothing the second time."""
    report = LoadReport()
    places = _read("jurisdictions.yaml", directory)
    for entry in places:
        Jurisdiction.objects.update_or_create(
            code=entry["code"],
            defaults={
                "kind": entry.get("kind", "country"),
                "name": entry["name"],
                "official_languages": ",".join(entry.get("official_languages") or []),
            },
        )
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
            Jurisdiction.objects.get(code=entry["code"]).members.set(members)

    def add_topic(entry: dict[str, Any], parent: Topic | None, order: int) -> None:
        topic, _ = Topic.objects.update_or_create(
            slug=entry["slug"], defaults={"parent": parent, "order": order}
        )
        for lang, label in (entry.get("labels") or {}).items():
            TopicLabel.objects.update_or_create(topic=topic, lang=lang, defaults={"label": label})
        report.topics += 1
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
        work = ensure_work(entry["frbr_uri"], title=title, work_type=entry.get("type"), original_lang="eng")
        work.title = title
        work.short_title = entry["code"]
        work.commenced_on = _date(entry.get("in_force_on"), where)
        work.save()
        slugs = entry.get("topics") or []
        topics = list(Topic.objects.filter(slug__in=slugs))
        if len(topics) != len(set(slugs)):
            unknown = set(slugs) - {t.slug for t in topics}
            raise StarterDataError(f"{where}: unknown topics {sorted(unknown)}")
        work.topics.set(topics)
        by_code[entry["code"].upper()] = work
        report.instruments += 1

    for entry in _read("ratifications.yaml", directory):
        code = str(entry.get("instrument", "")).upper()
        where = f"ratifications.yaml: {entry.get('country')} × {code}"
        instrument = by_code.get(code) or Work.objects.filter(short_title__iexact=code).first()
        if instrument is None:
            raise StarterDataError(f"{where}: unknown instrument")
        if entry.get("status") not in Ratification.Status.values:
            raise StarterDataError(f"{where}: status must be one of {Ratification.Status.values}")
        Ratification.objects.update_or_create(
            country_id=entry["country"],
            instrument=instrument,
            defaults={
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
        )
        report.ratifications += 1
    return report
