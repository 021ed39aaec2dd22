"""What the search page says when a query cannot be searched, in the reader's language.

Why not the search's own message: it is the API's, in English ("the query is 120,000 bytes; …"), and the
page showed it as it was under a Russian or Kazakh heading. The search names the parameter at fault
(``QueryError.param``); the page says the rest itself.
"""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _

__all__ = ["page_error"]


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
    if param == "lang":
        return _("“%(value)s” is not a language the search reads.") % {"value": filters.get("lang", "")}, 400
    return _("The search could not understand this query. Try other words."), 400
