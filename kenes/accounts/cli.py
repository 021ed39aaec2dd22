"""``kenes org …`` and ``kenes user …``: set up organisations and their staff from a terminal.

Registered by ``kenes/cli.py``; each command refuses bad input with a message and writes nothing then.
"""

from __future__ import annotations

import argparse
import sys


def _fail(message: str) -> int:
    print(f"kenes: error: {message}", file=sys.stderr)
    return 2


def _messages(exc: Exception) -> str:
    from django.core.exceptions import ValidationError

    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
        return " ".join(exc.messages)
    return str(exc)


def cmd_org_create(args: argparse.Namespace) -> int:
    from django.core.exceptions import ValidationError

    from .models import Organisation

    parent = None
    if args.parent:
        parent = Organisation.objects.filter(slug=args.parent).first()
        if parent is None:
            return _fail(f"no organisation {args.parent!r} (create the parent first)")
    if Organisation.objects.filter(slug=args.slug).exists():
        return _fail(f"organisation {args.slug!r} already exists")
    org = Organisation(
        slug=args.slug,
        name=args.name,
        kind=args.kind,
        country=args.country.lower(),
        parent=parent,
    )
    if args.retention_days is not None:
        org.retention_days = args.retention_days
    try:
        org.full_clean()
    except ValidationError as exc:
        return _fail(f"organisation not created: {_messages(exc)}")
    org.save()
    print(f"created organisation {org.slug} ({org.get_kind_display()}, {org.country}) id {org.pk}")
    return 0


def cmd_org_list(args: argparse.Namespace) -> int:
    from .models import Organisation

    for org in Organisation.objects.select_related("parent").order_by("country", "slug"):
        parent = f" in {org.parent.slug}" if org.parent else ""
        print(f"{org.country}  {org.slug:<28} {org.kind:<16} {org.name}{parent}")
    return 0


def cmd_user_create(args: argparse.Namespace) -> int:
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from .models import Organisation
    from .passwords import password_from_env_or_prompt, set_checked_password
    from .roles import set_membership

    org = Organisation.objects.filter(slug=args.org).first()
    if org is None:
        return _fail(f"no organisation {args.org!r} (kenes org create {args.org} --name … --country …)")
    user_model = get_user_model()
    if user_model.objects.filter(username=args.username).exists():
        return _fail(f"user {args.username!r} already exists")
    user = user_model(username=args.username, email=args.email or "")
    try:
        set_checked_password(user, password_from_env_or_prompt(args.username))
    except ValidationError as exc:
        return _fail(f"password refused: {_messages(exc)}")
    with transaction.atomic():
        user.save()
        set_membership(user, org, args.role)
    print(f"created user {user.username}: {args.role} of {org.slug}")
    return 0


def cmd_user_totp(args: argparse.Namespace) -> int:
    """Give a user a TOTP device; from then on every login asks for the six-digit code."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.filter(username=args.username).first()
    if user is None:
        return _fail(f"no user {args.username!r}")
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=True)
    print(f"second factor on for {user.username}; add this to the authenticator app (shown once):")
    print(device.config_url)
    return 0


#: The choices as the parser shows them (models cannot be imported before Django is set up; the commands
#: check each value against the models' choices and say what is allowed).
KINDS = ("national_centre", "advisory_centre", "partner")
ROLES = ("consultant", "head", "lawyer", "analyst", "admin")


def add_parser(sub: argparse._SubParsersAction) -> None:
    org = sub.add_parser("org", help="organisations: national union centres, advisory centres, partners")
    org_sub = org.add_subparsers(dest="org_command", metavar="ACTION", required=True)
    p = org_sub.add_parser("create", help="create an organisation")
    p.add_argument("slug", help="short name used in URLs and commands, e.g. fprk-almaty")
    p.add_argument("--name", required=True)
    p.add_argument("--country", required=True, help="two-letter code, e.g. kz")
    p.add_argument("--parent", help="slug of the organisation it belongs to")
    p.add_argument("--kind", choices=KINDS, default="advisory_centre")
    p.add_argument("--retention-days", type=int, help="how long closed cases are kept (default 3 years)")
    p.set_defaults(func=cmd_org_create)
    p = org_sub.add_parser("list", help="list organisations")
    p.set_defaults(func=cmd_org_list)

    user = sub.add_parser("user", help="staff accounts of an organisation")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    p = user_sub.add_parser("create", help="create a staff account (password: KENES_PASSWORD or a prompt)")
    p.add_argument("username")
    p.add_argument("--org", required=True, help="organisation slug")
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument("--email")
    p.set_defaults(func=cmd_user_create)
    p = user_sub.add_parser("totp", help="turn on the one-time-code second factor and print its set-up URL")
    p.add_argument("username")
    p.set_defaults(func=cmd_user_totp)
