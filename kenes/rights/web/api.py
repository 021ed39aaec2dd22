"""``/api/rights``: every rule of the engine as a JSON endpoint, documented in OpenAPI from its own schema.

Each rule gets its own operation (``POST /api/rights/stay`` …) whose request body *is* the rule's input
JSON Schema, so the published contract and the validation the library applies cannot drift apart. The
body is read and checked by the library itself (not by pydantic), so every refusal carries the library's
message and the offending field: ``{"error": {"status": 400, "code": "invalid-situation", "message": …,
"details": {"field": "stays[0].exit"}}}``.

Everything a person reads in an answer — headline, explanation, warnings, advisory reasons, error
messages — is in the request's language (``?lang=``, the language cookie, Accept-Language, else the site
default); the machine fields and keys are the same in every language.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Router

from kenes.rights import RULES, InvalidSituation, Rule, UnknownRule, evaluate, i18n
from kenes.rights.rule import CITATION
from kenes.rights.web import links, texts
from kenes.site.errors import ApiError
from kenes.site.openapi import error_schema

router = Router(tags=["rights"])
#: For the OpenAPI document (kenes.api.KenesAPI): the views read the situation themselves (no 422).
OPENAPI_RAW_BODY = ("/api/rights/",)

T = TypeVar("T")

_ERROR = error_schema(details={"type": "object", "properties": {"field": {"type": ["string", "null"]}}})

_LINKED_CITATION = {
    "type": "object",
    "properties": {
        **CITATION["properties"],
        "in_database": {"type": "boolean", "description": "Whether the legal database holds the expression"},
        "expression": {"type": "string", "description": "Expression URI linked to"},
        "reader_url": {"type": "string", "description": "Reader page of the provision"},
        "api_url": {"type": "string", "description": "The provision in the JSON API"},
        "html_url": {"type": "string", "description": "The expression as HTML, at the provision"},
    },
}


def answer_schema(rule: Rule) -> dict[str, Any]:
    """The library's answer schema plus what the web adds: linked citations and a localised headline."""
    schema = rule.answer_schema
    props = {
        **schema["properties"],
        "citations": {"type": "array", "items": _LINKED_CITATION},
        "headline": {
            "type": "array",
            "items": {"type": "string"},
            "description": "The answer in plain sentences, in the request's language (Accept-Language)",
        },
        "answer_date": {"type": "string", "format": "date", "description": "Day the answer is about"},
    }
    return {**schema, "title": f"{rule.title} — answer", "properties": props, "required": list(props)}


def _situation(request: HttpRequest) -> dict[str, Any]:
    try:
        raw = request.body
    except RequestDataTooBig:
        raise ApiError(413, _("the situation is too large to read"), "too-large") from None
    try:
        data = json.loads(raw or b"null")
    except (ValueError, RecursionError) as exc:
        message = _("the body is not valid JSON: %(error)s") % {"error": exc}
        raise ApiError(400, message, "malformed-json") from None
    if not isinstance(data, dict):
        raise ApiError(400, _("the body must be a JSON object: the situation's fields"), "invalid-situation")
    return data


def answer_json(
    rule: str, situation: dict[str, Any], *, today: dt.date | None = None, prefer_lang: str | None = None
) -> dict[str, Any]:
    """The library's answer plus linked citations and a localised headline (what the API and the pages
    show); raises InvalidSituation/UnknownRule like the library. The explanation, warnings, advisory
    reasons and error messages are in the active language, like the headline. ``prefer_lang``: see
    link_citations."""
    today = today or timezone.localdate()
    answer = evaluate(rule, situation, today=today, lang=get_language()).to_dict()
    on = links.answer_date(answer, today)
    answer["citations"] = links.link_citations(answer["citations"], on, prefer_lang=prefer_lang)
    answer["headline"] = texts.headline(rule, answer)
    answer["answer_date"] = on.isoformat()
    return answer


def _requested_language(request: HttpRequest) -> str | None:
    """``?lang=kk`` on the URL, for clients that cannot set Accept-Language; None if absent or unknown."""
    lang = request.GET.get("lang", "")
    return lang if lang in dict(settings.LANGUAGES) else None


def _in_requested_language(request: HttpRequest, answer: Callable[[], T]) -> T:
    """``answer()`` in the ``?lang=`` language when one is asked for, else in the request's own."""
    lang = _requested_language(request)
    if lang is None:
        return answer()
    with translation.override(lang):
        return answer()


def _evaluate(request: HttpRequest, rule: str) -> dict[str, Any]:
    return _in_requested_language(request, lambda: _evaluate_in_language(request, rule))


def _evaluate_in_language(request: HttpRequest, rule: str) -> dict[str, Any]:
    if rule not in RULES:
        with i18n.language(get_language()):
            message = UnknownRule(rule, sorted(RULES)).message
        raise ApiError(404, message, "unknown-rule")
    situation = _situation(request)
    try:
        return answer_json(rule, situation)
    except UnknownRule as exc:  # pragma: no cover - checked above
        raise ApiError(404, exc.message, "unknown-rule") from None
    except InvalidSituation as exc:
        raise ApiError(400, str(exc), "invalid-situation", field=exc.field) from None


def _describe(rule: Rule) -> dict[str, Any]:
    return {
        "name": rule.name,
        "title": rule.title,
        "description": rule.description,
        "question": texts.question(rule.name),
        "localised_title": texts.title(rule.name),
        "language": get_language(),
        "endpoint": f"/api/rights/{rule.name}",
        "page": f"/rights/{rule.name}/",
        "inputs": rule.input_schema,
        "example": rule.example,
    }


@router.get("/rights", summary="The rights checks and the fields each one takes")
def list_rules(request: HttpRequest) -> list[dict[str, Any]]:
    """Every rule: its name, what it answers (``question``, in the request's language: ``?lang=ru|kk|en``,
    the language cookie or Accept-Language), its endpoint, its input JSON Schema and an example situation."""
    return _in_requested_language(request, lambda: [_describe(rule) for rule in RULES.values()])


def _mount(rule: Rule) -> None:
    def view(request: HttpRequest) -> dict[str, Any]:
        return _evaluate(request, rule.name)

    view.__name__ = f"rights_{rule.name.replace('-', '_')}"
    view.__doc__ = (
        f"{rule.description}\n\nThe body is the situation (fields below); unknown fields are refused. "
        "The answer carries the rule's fields, `verified` and `refer_to_advisory_centre` (true when a value "
        "it rests on could not be checked against the law we hold: the question must then go to an "
        "advisory centre, `advisory_reasons` say why), `citations` linked to the legal database, and the "
        "`explanation` trace. The sentences follow the request's language (`?lang=ru|kk|en`, the "
        "language cookie or Accept-Language)."
    )
    json_body = {"application/json": {"schema": answer_schema(rule)}}
    router.add_api_operation(
        f"/rights/{rule.name}",
        ["POST"],
        view,
        summary=rule.title,
        operation_id=f"rights_{rule.name.replace('-', '_')}",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": rule.input_schema, "example": rule.example},
                },
            },
            "responses": {
                200: {"description": "The answer", "content": json_body},
                400: {
                    "description": "Invalid situation or malformed JSON",
                    "content": {"application/json": {"schema": _ERROR}},
                },
            },
        },
    )


for _rule in RULES.values():
    _mount(_rule)


@router.post("/rights/{rule}", include_in_schema=False)
def unknown_rule(request: HttpRequest, rule: str) -> dict[str, Any]:
    """Any other name: 404 naming the rules there are."""
    return _evaluate(request, rule)
