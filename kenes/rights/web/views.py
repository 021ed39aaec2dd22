"""The rights pages: the list of checks, and one question-by-question form per rule with its answer.

Forms are read from the query string (GET), so an answer has an address that can be bookmarked or sent
to an adviser, works with JavaScript off, and nothing a person types is stored. An invalid form comes
back with status 400 and each message next to its box; nothing here can answer 500 for bad input.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from kenes.rights import RULES, InvalidSituation, coverage, i18n
from kenes.rights.web import texts
from kenes.rights.web.api import answer_json
from kenes.rights.web.forms import DEFAULT_ROWS, FORMS, MAX_ROWS, RuleForm, StayForm

#: The submit buttons' marker: every form sent from the page carries ``check`` (or ``more``).
_SUBMIT = "check"
#: What a link may choose before the person fills a form in (search opens a check on the country it
#: searched: ``/rights/stay/?host=ru``): with only these, the page shows the form with them chosen.
_CHOSEN_ONLY = frozenset({"host", "country", "citizenship"})


def _language_context() -> dict[str, Any]:
    """The language the rights texts are in: the interface's, or Russian where the rights catalogues are not
    translated yet (uz, tg, ky) — then the page says so and marks its content ``lang="ru"``."""
    shown = i18n.normalise(get_language())
    fallback = (get_language() or "").split("-")[0] in i18n.FALLBACK
    return {"rights_lang": shown if fallback else (get_language() or shown), "rights_fallback": fallback}


def index(request: HttpRequest) -> HttpResponse:
    checks = [
        {"name": name, "title": texts.title(name), "question": texts.question(name)}
        for name in RULES
        if name in FORMS
    ]
    return render(request, "rights/index.html", {"checks": checks, **_language_context()})


def _rows(request: HttpRequest) -> int:
    """Stay rows to show: the ``rows`` asked for, enough for every row filled in, within bounds."""
    try:
        rows = int(request.GET.get("rows", DEFAULT_ROWS))
    except ValueError:
        rows = DEFAULT_ROWS
    for key in request.GET:
        if key.startswith(("entry_", "exit_")) and key[key.index("_") + 1 :].isdigit():
            rows = max(rows, int(key[key.index("_") + 1 :]) + 1)
    if "more" in request.GET:
        rows += 1
    return max(1, min(rows, MAX_ROWS))


def _for_reading(answer: dict[str, Any]) -> dict[str, Any]:
    """The answer's sentences with dates as the reader writes them (the API keeps the library's ISO)."""
    for key in ("explanation", "warnings", "advisory_reasons"):
        answer[key] = [texts.dates_in(sentence) for sentence in answer[key]]
    texts.figures(answer.get("parameters") or [])
    return answer


def _submitted(request: HttpRequest, blank: RuleForm) -> bool:
    """Whether the query string is an answer to the form: its submit marker, or one of its own fields
    (a link written by hand). Other keys (``?lang=``, ``utm_source``, ``fbclid`` on a shared link) are
    not a form with every box left empty."""
    if _SUBMIT in request.GET:
        return True
    named = {key for key in request.GET if key in blank.fields or key.startswith(("entry_", "exit_"))}
    return bool(named - _CHOSEN_ONLY)


def _chosen(request: HttpRequest, blank: RuleForm) -> dict[str, str]:
    """The choices a link made for a form not yet filled in (a value the field does not offer is left
    out: the form's own default stands)."""
    out = {}
    for key in _CHOSEN_ONLY & set(blank.fields) & set(request.GET):
        value = request.GET[key]
        if value in {str(choice) for choice, _label in blank.fields[key].choices}:
            out[key] = value
    return out


def share_url(request: HttpRequest, form: RuleForm, answer: dict[str, Any]) -> str:
    """The answer's address with every input, the control date included: "today" left empty would give a
    consultant opening the link another day other numbers than the page promised."""
    query = request.GET.copy()
    query.pop("more", None)
    day = answer.get("on") or answer.get("as_of")
    if "on" in form.fields and not query.get("on") and day:
        query["on"] = day
    query["check"] = "1"
    return f"{request.path}?{query.urlencode()}"


def _centre_countries(rule: str, chosen: dict) -> list[str | None]:
    """Whose advisory centres an answer lists: where the person works, then where they come from. A check
    with no country to pick counts by one country's law, so its centres are that country's (the leave,
    wage-payment and final-settlement answers listed none: their forms ask for no country)."""
    named = [chosen.get(k) for k in ("host", "country", "citizenship")]
    return named if rule in coverage.COUNTRY_FIELD else [coverage.SOLE_COUNTRY, *named]


def check(request: HttpRequest, rule: str) -> HttpResponse:
    form_class = FORMS.get(rule)
    if form_class is None or rule not in RULES:
        raise Http404(f"no check named {rule!r}")
    extra: dict[str, Any] = {}
    if form_class is StayForm:
        extra["rows"] = _rows(request)
    blank = form_class(**extra)
    submitted = _submitted(request, blank)
    answer = None
    status = 200
    if "more" in request.GET:
        # "Add another stay" without JavaScript: the same values, one more row, no answer yet.
        form = form_class(initial=request.GET.dict(), **extra)
    elif submitted:
        form = form_class(request.GET, **extra)
        if form.is_valid():
            try:
                answer = _for_reading(answer_json(rule, form.situation(), prefer_lang=get_language()))
            except InvalidSituation as exc:
                form.add_error(form.field_for(exc.field), texts.dates_in(exc.message))
        if not form.is_valid():
            status = 400
            answer = None
    else:
        form = form_class(initial=_chosen(request, blank), **extra)
    context = {
        "rule": rule,
        "title": texts.title(rule),
        "question": texts.question(rule),
        "form": form,
        "answer": answer,
        "rows": extra.get("rows"),
        "share_url": share_url(request, form, answer) if answer else "",
        **_language_context(),
        "max_rows": MAX_ROWS,
        "centre_countries": _centre_countries(rule, form.cleaned_data) if answer else [],
    }
    return render(request, "rights/check.html", context, status=status)
