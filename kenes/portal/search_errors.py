"""What the search page says when a query cannot be searched, in the reader's language.

Why not the search's own message: it is the API's, in English ("the query is 120,000 bytes; …"), and the
page showed it as it was under a Russian or Kazakh heading. The search names the parameter at fault
(``QueryError.param``); the page says the rest itself.
"""

from __future__ import annotations

import datetime as dt

from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

__all__ = ["page_error", "uncited"]


def page_error(exc: Exception, filters: dict[str, str]) -> tuple[str, int]:
    """The message for a refused query, and the page's status (413 for a query too long, else 400)."""
    from kenes.search.engine import MAX_QUERY_CHARS
    from kenes.search.service import FIRST_DATE, LAST_DATE, QueryTooLong

    if isinstance(exc, QueryTooLong):
        chars = number_format(MAX_QUERY_CHARS, force_grouping=True)
        message = _(
            "This text is too long to search: up to %(chars)s characters are searched, enough for a "
            "long letter. Shorten it, or keep the part that tells what happened."
        )
        return message % {"chars": chars}, 413
    param = getattr(exc, "param", "")
    if param == "date":
        message = _("“%(value)s” is outside the dates the search covers (%(first)s to %(last)s).")
        values = {"value": filters.get("date", ""), "first": FIRST_DATE, "last": LAST_DATE}
        return message % values, 400
    if param == "jurisdiction":
        value = filters.get("jurisdiction", "")[:40]
        return _("“%(value)s” is not a country or body the search knows.") % {"value": value}, 400
    if param == "lang":
        return _("“%(value)s” is not a language the search reads.") % {"value": filters.get("lang", "")}, 400
    return _("The search could not understand this query. Try other words."), 400


def uncited(notices: list, day: dt.date | None) -> SafeString | str:
    """What the page says of a citation of a provision the work cited does not hold ("ст. 999 ТК РК"), with
    a link to the work's text, or of a query that only names a work ("ТК РК", listed with ``all``); ""
    when the search said nothing of the kind."""
    from kenes.lex.models import Work

    from .labels import eid_label

    notice = next((n for n in notices if n.code in ("citation-not-found", "citation-work")), None)
    if notice is None:
        return ""
    title = Work.objects.filter(frbr_uri=notice.topic).values_list("title", flat=True).first()
    if notice.code == "citation-work":  # asked to list rather than jump: the work named, as a link
        return format_html(
            _("The query names {0}."), format_html('<a href="{}">{}</a>', notice.topic, title or notice.topic)
        )
    sentence = _("%(work)s has no %(provision)s in the text in force on %(date)s.")
    # the translated sentence is ours; format_html escapes each value put into it
    return format_html(
        sentence.replace("{", "{{").replace("}", "}}") % {"work": "{0}", "provision": "{1}", "date": "{2}"},
        format_html('<a href="{}">{}</a>', notice.topic, title or notice.topic),
        eid_label(notice.eid),
        date_format(day or dt.date.today(), "DATE_FORMAT"),
    )
