"""``kenes rights <rule> …``: every rule from the command line, its options built from the rule's schema.

    kenes rights stay --stay 2024-01-01:2024-01-10 --stay 2024-06-01: --on 2024-06-14 --window 180 --limit 90
    kenes rights stay --stay 2024-06-01: --on 2024-06-14 --host kz --citizenship kg \
        --plan-entry 2024-09-01 --json
    kenes rights permit --host kz --citizenship uz --work domestic
    kenes rights list

Options are the situation's fields with ``_`` written ``-``; lists are given by repeating the option in the
singular (``--stay``, ``--holiday``). A stay is ``ENTRY:EXIT``, or ``ENTRY:`` while it is still going on.
``--json`` prints the answer as the API returns it; ``--lang ru`` (or ``kk``) gives the explanation,
warnings and messages in that language (default English). Invalid input prints one line naming the field
and exits with status 2.

Mounted under the main ``kenes`` command by :func:`add_parser`; :func:`main` runs it on its own
(``python -m kenes.rights``), which is also how the tests drive it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from kenes.rights.engine import RULES, evaluate
from kenes.rights.errors import InvalidSituation
from kenes.rights.i18n import LANGUAGES, _, language
from kenes.rights.rule import Rule

#: Array fields given one item per option, and how one item is written on the command line.
_REPEATED = {"stays": ("--stay", "ENTRY:EXIT"), "holidays": ("--holiday", "DATE")}


def _parse_stay(text: str, index: int) -> dict[str, str]:
    entry, sep, exit_ = text.partition(":")
    if not sep or not entry.strip():
        raise InvalidSituation(
            _("write a stay as ENTRY:EXIT, or ENTRY: if it is still going on (got {text})").format(
                text=repr(text)
            ),
            f"stays[{index}]",
        )
    stay = {"entry": entry.strip()}
    if exit_.strip():
        stay["exit"] = exit_.strip()
    return stay


def _metavar(schema: dict[str, Any], name: str) -> str:
    fmt = schema.get("format")
    return {"date": "DATE", "month": "YYYY-MM", "country": "CC", "citizenship": "CC"}.get(fmt, name.upper())


def _add_rule(sub: argparse._SubParsersAction, rule: Rule) -> None:
    p = sub.add_parser(rule.name, help=rule.title, description=rule.description)
    required = set(rule.inputs.get("required", []))
    for name, schema in rule.inputs["properties"].items():
        desc = schema.get("description", "")
        if name in _REPEATED:
            flag, metavar = _REPEATED[name]
            p.add_argument(
                flag, dest=name, action="append", metavar=metavar, help=desc + " (repeat the option)"
            )
            continue
        flag = "--" + name.replace("_", "-")
        kind = schema.get("type")
        kwargs: dict[str, Any] = {"dest": name, "help": desc}
        if "default" in schema:
            kwargs["help"] = f"{desc} (default: {schema['default']})"
        if kind == "integer":
            kwargs.update(type=int, metavar="N")
        elif kind == "number":
            kwargs.update(type=float, metavar="X")
        elif kind == "boolean":
            kwargs.update(action="store_true", default=None)
        elif "enum" in schema:
            kwargs.update(choices=schema["enum"])
        else:
            kwargs["metavar"] = _metavar(schema, name)
        if name in required and name not in _REPEATED:
            kwargs["help"] += " [required]"
        p.add_argument(flag, **kwargs)
    p.add_argument("--json", action="store_true", help="print the answer as JSON (as the API returns it)")
    p.add_argument("--today", metavar="DATE", help="evaluate as if today were DATE (for replays and tests)")
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help="language of the explanation, warnings and messages (default: en)",
    )
    p.set_defaults(func=run, rights_rule=rule.name, needs_django=False)


def _configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="rights_command", metavar="RULE", required=True)
    lister = sub.add_parser("list", help="list the rules (with --json: their input and answer schemas)")
    lister.add_argument("--json", action="store_true")
    lister.set_defaults(func=run, rights_rule=None, needs_django=False)
    for rule in RULES.values():
        _add_rule(sub, rule)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``rights`` command to the main ``kenes`` command's subparsers; its handler is ``args.func``."""
    parser = subparsers.add_parser(
        "rights",
        help="compute a right: stay limit, work permit, registration, wages, leave …",
        description="Answers computed from the law, each with the provisions it rests on.",
    )
    _configure(parser)


def situation_from_args(args: argparse.Namespace) -> dict[str, Any]:
    """The situation dict the options describe (only the options given)."""
    rule = RULES[args.rights_rule]
    situation: dict[str, Any] = {}
    for name in rule.inputs["properties"]:
        value = getattr(args, name, None)
        if value is None:
            continue
        if name == "stays":
            value = [_parse_stay(text, i) for i, text in enumerate(value)]
        situation[name] = value
    if "stays" in rule.inputs["properties"] and "stays" not in situation:
        situation["stays"] = []
    return situation


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return "; ".join(", ".join(f"{k} {v}" for k, v in item.items()) for item in value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    return str(value)


def render_text(answer: dict[str, Any], title: str, headline: list[str] | None = None) -> str:
    """A plain-text answer: the headline, the rule's fields, then why, the provisions, warnings and advice."""
    lines = [title, *(f"  {line}" for line in headline or [])]
    common = {"rule", "verified", "refer_to_advisory_centre", "advisory_reasons", "warnings", "citations"}
    common |= {"explanation", "parameters"}
    for key, value in answer.items():
        if key in common or value is None or value == []:
            continue
        lines.append(f"  {key.replace('_', ' ')}: {_show(value)}")
    provisions = [
        f"{c['label']} ({c['work']} {c['eid']})"
        + ("" if c["verified"] else " — " + _("text not in our corpus"))
        for c in answer["citations"]
    ]
    advice = answer["advisory_reasons"] if answer["refer_to_advisory_centre"] else []
    for heading, items in (
        (_("Why:"), answer["explanation"]),
        (_("Provisions:"), provisions),
        (_("Warnings:"), answer["warnings"]),
        (_("Take this question to an advisory centre:"), advice),
    ):
        if items:
            lines += [heading, *(f"  - {item}" for item in items)]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Handler of ``kenes rights …``: 0 with an answer printed, 2 with an error on stderr."""
    if args.rights_rule is None:  # kenes rights list
        if args.json:
            listing = [
                {
                    "name": r.name,
                    "title": r.title,
                    "description": r.description,
                    "input_schema": r.input_schema,
                    "answer_schema": r.answer_schema,
                    "example": r.example,
                }
                for r in RULES.values()
            ]
            print(json.dumps(listing, ensure_ascii=False, indent=2))
        else:
            width = max(len(name) for name in RULES)
            for r in RULES.values():
                print(f"{r.name:<{width}}  {r.title}")
        return 0
    try:
        today = dt.date.fromisoformat(args.today) if args.today else None
    except ValueError:
        print(f"error: --today: expected a date as YYYY-MM-DD, got {args.today!r}", file=sys.stderr)
        return 2
    with language(args.lang):
        try:
            answer = evaluate(args.rights_rule, situation_from_args(args), today=today, lang=args.lang)
        except InvalidSituation as exc:
            where = exc.field.replace("_", "-") if exc.field else "situation"
            print(f"error: {where}: {exc.message}", file=sys.stderr)
            return 2
        data = answer.to_dict()
        if args.json:
            print(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            rule = RULES[args.rights_rule]
            print(render_text(data, rule.title, rule.headline(data)))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run ``kenes rights`` with ``argv`` (the words after ``rights``); returns the exit status."""
    parser = argparse.ArgumentParser(prog="kenes rights", description="Answers computed from the law.")
    _configure(parser)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
