"""``{% checks_using work_uri eid %}``: the rights checks that rest on a provision, for its article page.

An inclusion tag so the portal's article page needs one line and no knowledge of the rights data; the
list comes from :func:`kenes.rights.uses.checks_using`, the reverse of the citations an answer shows.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from kenes.rights.uses import checks_using

register = template.Library()


@register.inclusion_tag("rights/_used_by.html", name="checks_using")
def checks_using_tag(work_uri: str, eid: str) -> dict[str, Any]:
    checks = [
        {"title": _(rule.question), "url": reverse("rights:check", args=[rule.name])}
        for rule in checks_using(work_uri, eid or "")
    ]
    return {"checks": checks}
