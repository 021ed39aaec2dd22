"""The portal's "ask for help": a request lands in the chosen centre's queue as a new case.

No account. Spam resistance without a third-party service: a honeypot field, a signed time stamp (a form
sent back within seconds, or days later, is refused), and a per-address limit counted on an HMAC of the
address (the address itself is never stored).
"""

from __future__ import annotations

import datetime as dt

from django.core import signing
from django.db import transaction
from django.utils import timezone

from . import audit
from .crypto import blind_index
from .models import AuditAction, Case, Channel, HelpRequestMark, Person

MIN_SECONDS = 3
MAX_AGE = dt.timedelta(hours=12)
PER_ADDRESS = 3
WINDOW = dt.timedelta(hours=1)
_SALT = "kenes.desk.help-form"


class HelpRefused(Exception):
    """Why a help request was not taken (the page says it in general terms)."""


def form_stamp() -> str:
    return signing.dumps(timezone.now().timestamp(), salt=_SALT)


def check_stamp(stamp: str, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    try:
        started = dt.datetime.fromtimestamp(float(signing.loads(stamp, salt=_SALT)), tz=dt.UTC)
    except (signing.BadSignature, TypeError, ValueError):
        raise HelpRefused("stamp") from None
    if now - started < dt.timedelta(seconds=MIN_SECONDS) or now - started > MAX_AGE:
        raise HelpRefused("timing")


def check_rate(ip: str | None, now: dt.datetime | None = None) -> str:
    now = now or timezone.now()
    client = blind_index("help-ip", ip or "unknown")
    HelpRequestMark.objects.filter(at__lt=now - WINDOW).delete()
    if HelpRequestMark.objects.filter(client=client, at__gte=now - WINDOW).count() >= PER_ADDRESS:
        raise HelpRefused("rate")
    return client


@transaction.atomic
def take_request(centre, *, phone: str, name: str, problem: str, language: str, ip: str | None) -> Case:
    client = check_rate(ip)
    person = Person.objects.create(
        organisation=centre, full_name=name.strip(), phone=phone.strip(), languages=language
    )
    case = Case.objects.create(
        organisation=centre,
        person=person,
        summary=problem.strip(),
        channel=Channel.PORTAL,
        host_country=centre.country,
    )
    HelpRequestMark.objects.create(client=client, at=timezone.now())
    audit.record(AuditAction.CREATE, organisation_id=centre.pk, obj=case, detail="portal help request", ip=ip)
    return case
