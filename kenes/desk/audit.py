"""Writing and verifying the audit log.

Each entry's digest is HMAC-SHA256 (audit key from :mod:`kenes.desk.keys`) over its fields and the previous
digest. Changing, deleting or inserting an entry breaks every later link, and with the key outside the
database an attacker who can write rows cannot recompute the chain. Appending locks the single
:class:`AuditHead` row (an UPDATE, so it serialises on PostgreSQL and SQLite alike); the head also records the
last link, so a truncated tail shows too.

Entries carry ids, action names and field names, never names, numbers or free text of a case.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from . import keys
from .models.audit import AuditAction, AuditEntry, AuditHead

GENESIS = "0" * 64


def _canonical(entry: AuditEntry) -> bytes:
    at = entry.at.astimezone(dt.UTC).isoformat(timespec="microseconds")
    fields = [
        entry.seq,
        at,
        entry.actor_id,
        entry.actor,
        str(entry.organisation_id or ""),
        entry.action,
        entry.object_type,
        entry.object_id,
        entry.ip or "",
        entry.detail,
        entry.prev,
    ]
    return json.dumps(fields, ensure_ascii=True, separators=(",", ":")).encode()


def digest_of(entry: AuditEntry) -> str:
    return hmac.new(keys.keyring().audit, _canonical(entry), hashlib.sha256).hexdigest()


def client_ip(request: HttpRequest | None) -> str | None:
    """The address Django saw (a TLS proxy's X-Forwarded-For is trusted only through its own settings)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(
    action: AuditAction | str,
    *,
    user=None,
    organisation_id: uuid.UUID | str | None = None,
    obj: object | None = None,
    object_type: str = "",
    object_id: str = "",
    request: HttpRequest | None = None,
    detail: str = "",
    ip: str | None = None,
) -> AuditEntry:
    """Append one entry, committed with the caller's transaction (or at once, outside one).

    No savepoint of its own: if the entry cannot be written, the caller's whole transaction fails with it,
    so nothing is done without its audit entry.
    """
    if obj is not None:
        object_type = object_type or type(obj).__name__.lower()
        object_id = object_id or str(obj.pk)
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    with transaction.atomic(savepoint=False):
        seq, prev = _advance_head()
        entry = AuditEntry(
            seq=seq,
            at=timezone.now(),
            actor_id=getattr(user, "pk", None),
            actor=getattr(user, "username", "")[:150] if user else "",
            organisation_id=organisation_id or None,
            action=str(action),
            object_type=object_type[:32],
            object_id=str(object_id)[:64],
            ip=client_ip(request) or ip or None,
            detail=detail[:300],
            prev=prev,
        )
        entry.digest = digest_of(entry)
        _insert(entry)
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {_quoted(AuditHead)} SET digest = %s WHERE id = 1", [entry.digest])
    return entry


def by_staff(staff, action: AuditAction | str, request: HttpRequest | None, obj=None, **kwargs) -> AuditEntry:
    """An entry for what a member of staff did: their user and organisation, taken from one place.

    ``staff`` is a :class:`kenes.desk.scope.Staff`; ``kwargs`` are :func:`record`'s (``detail``,
    ``object_type`` …).
    """
    return record(
        action, user=staff.user, organisation_id=staff.organisation_id, obj=obj, request=request, **kwargs
    )


def _quoted(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _insert(entry: AuditEntry) -> None:
    """One INSERT (the append runs on every read of case data, so it skips the ORM's save machinery)."""
    fields = [f for f in AuditEntry._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    values = [f.get_db_prep_save(getattr(entry, f.attname), connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {_quoted(AuditEntry)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})",
            values,
        )


def _advance_head() -> tuple[int, str]:
    """Take the next number and the last digest in one statement (the row stays locked until commit)."""
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {_quoted(AuditHead)} SET seq = seq + 1 WHERE id = 1 RETURNING seq, digest")
        row = cursor.fetchone()
    if row is None:  # the first entry ever: create the head, then take its first number
        AuditHead.objects.get_or_create(id=1)
        return _advance_head()
    return int(row[0]), row[1]


@dataclass
class Verdict:
    entries: int
    problems: list[str]

    @property
    def intact(self) -> bool:
        return not self.problems


def _walk(batch: int = 2000) -> Iterator[AuditEntry]:
    last = 0
    while True:
        rows = list(AuditEntry.objects.filter(seq__gt=last).order_by("seq")[:batch])
        if not rows:
            return
        yield from rows
        last = rows[-1].seq


def verify() -> Verdict:
    """Recompute the chain; report each broken link, gap and a head that does not match the last entry."""
    problems: list[str] = []
    prev, expected_seq, count = GENESIS, 1, 0
    for entry in _walk():
        count += 1
        if entry.seq != expected_seq:
            problems.append(f"entries {expected_seq}…{entry.seq - 1} are missing")
        if entry.prev != prev:
            problems.append(f"entry {entry.seq}: does not follow the entry before it")
        if not hmac.compare_digest(entry.digest, digest_of(entry)):
            problems.append(f"entry {entry.seq}: its content was changed after it was written")
        prev, expected_seq = entry.digest, entry.seq + 1
    head = AuditHead.objects.filter(id=1).first()
    if head is not None and (head.seq != expected_seq - 1 or head.digest != prev):
        problems.append(f"the log ends at entry {expected_seq - 1} but its head records entry {head.seq}")
    return Verdict(count, problems)
