"""The search form is posted, so that a pasted letter is searched as it is.

Why: a question is typed the way it would be told to a lawyer, often 300 to 2,000 characters and up to a
20,000-character letter. In a URL each Cyrillic letter takes six bytes ("%D0%B0"), and production refuses a
request line over 8 KB (nginx's ``large_client_header_buffers`` and gunicorn's ``limit_request_line``, which
keep slow or hostile clients cheap): a question of about 1,300 Russian characters sent by a GET form was a
414 before Kenes saw it. So the form posts, and:

* a search that fits a URL (:data:`GET_LIMIT`) is sent on to ``/search?q=…`` (303): it can be shared,
  bookmarked and gone back to, as before; kenes.js asks that URL directly where JavaScript runs, so a phone
  on a slow connection pays no extra round trip;
* a longer one is answered on the spot, and the page's other searches (the next page, every country, the
  nearest articles anyway) are buttons that post the same form again (``{% search_again %}``).

A search reads and changes nothing, so the posted form needs no CSRF token (the view is exempt): a forged
post can only make a browser show search results. The remembered country is set from GET requests only.
"""

from __future__ import annotations

from django.http import QueryDict

__all__ = ["FIELDS", "FORM_ID", "GET_LIMIT", "as_get", "normalised"]

#: the longest query string sent on as a GET (bytes, encoded): well under the 8 KB request line with the
#: path and headers' room to spare; kenes/site/static/site/kenes.js holds the same number
GET_LIMIT = 6000
#: the search form's id (portal/search.html): the buttons of a posted page, and its language switcher, post it
#: again
FORM_ID = "search-form"
#: the fields a search is made of (the form's, and the buttons that post it again)
FIELDS = ("q", "date", "jurisdiction", "type", "topic", "lang", "page", "anyway", "all")
_FILTERS = ("date", "jurisdiction", "type", "topic", "lang")


def normalised(posted: QueryDict) -> QueryDict:
    """A posted search as its GET address would hold it: one value per field (the last: a button that
    posts the form again adds its own, "every country" after the form's country), empty ones left out
    but the country, and with "unfiltered" the filters too (asked as a link without them is)."""
    params = QueryDict(mutable=True)
    cleared = posted.getlist("unfiltered")[-1:] == ["1"]
    for key in FIELDS:
        values = posted.getlist(key)
        value = values[-1].strip() if values else ""
        if (cleared and key in _FILTERS) or (key == "page" and value == "1"):
            continue
        # (the country is kept even empty: "any country" chosen is not the same as none chosen, which
        # falls back to the one remembered)
        if value or (key == "jurisdiction" and values):
            params[key] = value
    return params


def as_get(params: QueryDict) -> str | None:
    """The GET address of a search, or None when it is too long for one."""
    encoded = params.urlencode()
    return f"/search?{encoded}" if len(encoded) <= GET_LIMIT else None
