"""The link stage of an import: citations in the text become references, publisher notes become effects.

Runs inside the import's transaction, after the provisions are written, because a reference is resolved
against the eIds that actually exist (``подпункт 1) статьи 49`` may be ``art_49__point_1`` in one code and
``art_49__para_1__point_1`` in another).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from . import eid as eids
from .ingest.adilet_notes import parse_note
from .ingest.references import find_references
from .models import Amendment, AmendmentEffect, EditorialNote, Expression, Provision, Reference, Work


@dataclass
class LinkReport:
    references: int = 0
    resolved: int = 0
    effects: int = 0
    warnings: list[str] = field(default_factory=list)


_WORD = re.compile(r"[\wёЁ]+", re.UNICODE)


def _stems(text: str) -> frozenset[str]:
    """Crude stems (first five letters) so 'Кодекса … правонарушениях' meets 'Кодекс … правонарушениях'."""
    return frozenset(w.lower()[:5] for w in _WORD.findall(text) if len(w) > 2)


class WorkResolver:
    """Turns a citation's work hint ("ТК РК", "ilo:c097", an act's name as written) into a Work."""

    def __init__(self, home: Work):
        self.home = home
        self._cache: dict[str | None, Work | None] = {}
        self._place: list[Work] | None = None  # the home jurisdiction's works, read once per import

    def resolve(self, hint: str | None) -> Work | None:
        if hint not in self._cache:
            self._cache[hint] = self._lookup(hint)
        return self._cache[hint]

    def _lookup(self, hint: str | None) -> Work | None:
        if hint is None:
            return self.home
        if hint.lower().startswith("ilo:"):
            number = hint.split(":", 1)[1].lower()
            return Work.objects.filter(jurisdiction_id="aa-ilo", number=number).first()
        wanted = _stems(hint)
        if len(wanted) < 3:  # a short hint may be a short title of any country's work ("ТК РК")
            return Work.objects.filter(short_title__iexact=hint.strip()).first()
        if self._place is None:  # a code cites hundreds of acts: one query for them all, not two per act
            self._place = list(
                Work.objects.filter(jurisdiction=self.home.jurisdiction_id).only("id", "title", "short_title")
            )
        by_short = [w for w in self._place if w.short_title and w.short_title.lower() == hint.strip().lower()]
        if by_short:
            return by_short[0]
        matches = [w for w in self._place if wanted <= _stems(w.title)]
        return matches[0] if len(matches) == 1 else None


@lru_cache(maxsize=64)
def _eids_of_latest(work_id: int, _generation: int) -> frozenset[str]:
    expression = Expression.objects.filter(work_id=work_id).order_by("-date").first()
    if expression is None:
        return frozenset()
    return frozenset(expression.provisions.values_list("eid", flat=True))


def link_expression(expression: Expression) -> LinkReport:
    """Find references in every provision of ``expression`` and amendment effects in its notes."""
    report = LinkReport()
    work = expression.work
    resolver = WorkResolver(work)
    own_eids = frozenset(expression.provisions.values_list("eid", flat=True))
    generation = Expression.objects.count()  # invalidates the eId cache whenever expressions change

    refs: list[Reference] = []
    # Provision.objects, not expression.provisions: the related manager would set each row's deferred
    # expression_id, costing one query per provision.
    rows = Provision.objects.filter(expression=expression).only("id", "eid", "text", "wrap_up")
    for prov in rows.iterator(chunk_size=2000):
        for field_text in (prov.text, prov.wrap_up):
            if not field_text:
                continue
            for cite in find_references(field_text, expression.lang):
                target = resolver.resolve(cite.work)
                eids = (
                    own_eids
                    if target is not None and target.pk == work.pk
                    else (_eids_of_latest(target.pk, generation) if target is not None else frozenset())
                )
                target_eid = next((e for e in cite.eid_candidates() if e in eids), "")
                if target is not None and not target_eid and cite.article is None:
                    target_eid = ""  # a citation of the whole work
                refs.append(
                    Reference(
                        source_id=prov.pk,
                        target_work=target,
                        target_eid=target_eid,
                        citation=cite.text[:500],
                        start=cite.start,
                        end=cite.end,
                    )
                )
                report.references += 1
                report.resolved += target is not None
    Reference.objects.bulk_create(refs, batch_size=2000)

    report.effects = _effects_from_notes(expression, own_eids, report)
    return report


def _effects_from_notes(expression: Expression, own_eids: frozenset[str], report: LinkReport) -> int:
    """Record what the publisher's notes say was changed, as applied effects on this work.

    Amendments and effects are looked up once and written in bulk: a code like the administrative
    offences code carries thousands of notes, and a query per effect made linking the slowest stage.
    """
    work = expression.work
    amendments = {(a.amending_number, a.date): a for a in Amendment.objects.filter(amended_work=work)}
    known = set(
        AmendmentEffect.objects.filter(amendment__amended_work=work).values_list(
            "amendment_id", "eid", "effect"
        )
    )
    pending: dict[tuple[int, str, str], AmendmentEffect] = {}
    for eff, eid in _parsed_notes(expression, own_eids):
        key = (eff.act_number or "", eff.act_date)
        amendment = amendments.get(key)
        if amendment is None:
            amendment = amendments[key] = Amendment.objects.create(
                amended_work=work,
                amending_number=key[0],
                date=eff.act_date,
                amending_title=eff.act_title[:500],
                source="publisher-note",
            )
        ident = (amendment.pk, eid, eff.effect)
        if ident in known or ident in pending:
            continue
        pending[ident] = AmendmentEffect(
            amendment=amendment,
            eid=eid,
            effect=eff.effect,
            in_force_on=eff.in_force_on,
            in_force_text=(eff.in_force_text or "")[:300],
            applied=True,
        )
    AmendmentEffect.objects.bulk_create(pending.values(), batch_size=2000)
    return len(pending)


def _parsed_notes(expression: Expression, own_eids: frozenset[str]) -> Iterator[tuple[Any, str]]:
    """Each effect the publisher's notes of ``expression`` state, with the eId it touches."""
    notes = EditorialNote.objects.filter(expression=expression).select_related("provision")
    for note in notes:
        for eff in parse_note(note.text, expression.lang):
            eid = _eid_for_target(eff.target_kind, eff.target_num, note.provision, own_eids)
            if eid is not None:
                yield eff, eid


NoteEffect = tuple[str, dt.date | None, str, str]  # (amending act number, its date, eId, effect)


def note_effects(*expressions: Expression) -> set[NoteEffect]:
    """The amendment effects the notes of these expressions state (what linking recorded from them)."""
    found: set[NoteEffect] = set()
    for expression in expressions:
        own_eids = frozenset(expression.provisions.values_list("eid", flat=True))
        for eff, eid in _parsed_notes(expression, own_eids):
            found.add((eff.act_number or "", eff.act_date, eid, eff.effect))
    return found


def drop_note_effects(work: Work, effects: set[NoteEffect]) -> int:
    """Delete these publisher-note effects of ``work`` (a replaced wording stated them, no wording held now
    does), then the publisher-note amendments left without effects; return how many effects went."""
    dropped = 0
    for number, date, eid, effect in effects:
        dropped += AmendmentEffect.objects.filter(
            amendment__amended_work=work,
            amendment__source="publisher-note",
            amendment__amending_number=number,
            amendment__date=date,
            eid=eid,
            effect=effect,
        ).delete()[0]
    Amendment.objects.filter(amended_work=work, source="publisher-note", effects__isnull=True).delete()
    return dropped


_NOTE_TARGETS = frozenset({"article", "chapter", "section", "part", "paragraph"})


def _eid_for_target(
    kind: str, num: str | None, near: Provision | None, own_eids: frozenset[str]
) -> str | None:
    """The eId a note's target names: 'Статья 113' -> art_113; 'document' -> the whole work ('')."""
    if kind == "document":
        return ""
    if kind not in _NOTE_TARGETS or not num:
        return near.eid if near is not None else None
    own = eids.step(kind, num)
    if kind == "article":
        return own
    if kind == "paragraph" and near is not None:
        return eids.join(eids.article_root(near.eid), own)
    return next((e for e in own_eids if e.rsplit(eids.SEPARATOR, 1)[-1] == own), None)
