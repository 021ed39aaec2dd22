"""``{% centre_contacts countries %}``: the union and advisory centres a person can turn to.

Used on country pages (one country) and under every rights answer (the host country, then the country of
citizenship): a page of Kenes that tells someone to see an advisory centre also says where one is, and
links the help form that asks it to call back. A contact nobody has confirmed shows no address, phone or
messenger: the page says it shows none, and a placeholder number would be called.
"""

from __future__ import annotations

import re

from django import template
from django.utils.translation import get_language_info

from ..directory import centres_in
from ..models import OrganisationKind

register = template.Library()


def _language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


_TELEGRAM_HANDLE = re.compile(r"@?([A-Za-z][A-Za-z0-9_]{4,31})")


def _telegram_link(value: str) -> str:
    handle = _TELEGRAM_HANDLE.fullmatch(value.strip())
    return f"https://t.me/{handle.group(1)}" if handle else ""


def _digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


@register.inclusion_tag("accounts/_centres.html")
def centre_contacts(countries: str | list | tuple | None) -> dict:
    if isinstance(countries, str) or countries is None:
        countries = [countries]
    contacts = centres_in(countries)
    return {
        "centres": [
            {
                "contact": c,
                "org": c.organisation,
                "languages": [_language_name(code) for code in c.languages],
                "whatsapp_link": f"https://wa.me/{_digits(c.whatsapp)}" if _digits(c.whatsapp) else "",
                "telegram_link": _telegram_link(c.telegram),
                "tel_link": f"tel:+{_digits(c.phone)}" if _digits(c.phone) else "",
                # the public help form sends a request to an advisory centre (a national centre takes none)
                "takes_requests": c.organisation.kind == OrganisationKind.ADVISORY_CENTRE,
            }
            for c in contacts
        ]
    }
