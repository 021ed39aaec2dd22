"""``kenes desk …``: key rotation, retention purge, audit verification, API tokens, referral files.

Registered by ``kenes.cli`` through a dotted path (nothing imports the desk).
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path


def _fail(message: str) -> int:
    print(f"kenes desk: error: {message}", file=sys.stderr)
    return 2


class _Refused(Exception):
    """A command that cannot go on; :func:`_refusals` turns it into the message and exit status 2."""


def _refusals(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Lets a command refuse from inside a helper (an unknown organisation) rather than test each answer."""

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except _Refused as exc:
            return _fail(str(exc))

    return run


def _organisation(slug: str):
    from kenes.accounts.models import Organisation

    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise _Refused(f"no organisation {slug!r}")
    return organisation


def cmd_rotate_key(args: argparse.Namespace) -> int:
    from . import keys, rotation

    if not args.reencrypt_only:
        try:
            key_id = keys.add_data_key()
        except keys.KeysUnavailable as exc:
            return _fail(str(exc))
        print(f"new data key {key_id} added first to {keys.key_file()}")
    print(rotation.rotate())
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from . import retention

    report = retention.purge(dry_run=args.dry_run)
    print(("would have " if args.dry_run else "") + str(report))
    return 0


def cmd_verify_audit(args: argparse.Namespace) -> int:
    from . import audit

    verdict = audit.verify()
    if verdict.intact:
        print(f"audit log intact: {verdict.entries} entries")
        return 0
    print(f"audit log BROKEN ({verdict.entries} entries read):", file=sys.stderr)
    for problem in verdict.problems:
        print(f"  {problem}", file=sys.stderr)
    return 1


def cmd_token(args: argparse.Namespace) -> int:
    from django.contrib.auth import get_user_model

    from .api_auth import issue_token

    user = get_user_model().objects.filter(username=args.username, is_active=True).first()
    if user is None:
        return _fail(f"no active user {args.username!r}")
    print(issue_token(user, args.name))
    return 0


@_refusals
def cmd_keygen(args: argparse.Namespace) -> int:
    from . import transfer

    organisation = _organisation(args.org)
    try:
        key = transfer.generate_keys(organisation)
    except transfer.TransferRefused as exc:
        return _fail(str(exc))
    print(f"box {key.box_public}\nverify {key.verify_public}")
    return 0


@_refusals
def cmd_partner_key(args: argparse.Namespace) -> int:
    from .models import PartnerKey

    organisation = _organisation(args.org)
    PartnerKey.objects.update_or_create(
        organisation=organisation, defaults={"box_public": args.box, "verify_public": args.verify}
    )
    print(f"recorded the public keys of {organisation.slug}")
    return 0


def cmd_export_referral(args: argparse.Namespace) -> int:
    from .models import Referral
    from .transfer import TransferRefused, export_referral

    referral = Referral.objects.filter(pk=args.referral).select_related("from_organisation").first()
    if referral is None:
        return _fail(f"no referral {args.referral}")
    try:
        Path(args.out).write_bytes(export_referral(referral))
    except TransferRefused as exc:
        return _fail(str(exc))
    print(f"wrote {args.out}")
    return 0


@_refusals
def cmd_import_referral(args: argparse.Namespace) -> int:
    from .transfer import TransferRefused, import_referral

    organisation = _organisation(args.org)
    try:
        referral = import_referral(Path(args.file).read_bytes(), organisation)
    except (TransferRefused, OSError) as exc:
        return _fail(f"{exc} (nothing was imported)")
    print(f"imported referral {referral.pk} from {referral.from_organisation.slug}: pending in the desk")
    return 0


def add_parser(sub) -> None:
    desk = sub.add_parser(
        "desk", help="advisory desk: rotate-key, purge, verify-audit, token, referral files"
    )
    commands = desk.add_subparsers(dest="desk_command", metavar="COMMAND", required=True)

    p = commands.add_parser("rotate-key", help="add a new data key and re-encrypt everything under it")
    p.add_argument(
        "--reencrypt-only",
        action="store_true",
        help="keys come from KENES_DESK_KEYS: only re-encrypt under the first key there",
    )
    p.set_defaults(func=cmd_rotate_key)

    p = commands.add_parser("purge", help="erase closed cases past their organisation's retention period")
    p.add_argument("--dry-run", action="store_true")
    p.set_defaults(func=cmd_purge)

    p = commands.add_parser("verify-audit", help="recompute the audit chain; exit 1 if it was tampered with")
    p.set_defaults(func=cmd_verify_audit)

    p = commands.add_parser("token", help="issue an API token for a user (printed once)")
    p.add_argument("username")
    p.add_argument("--name", default="")
    p.set_defaults(func=cmd_token)

    p = commands.add_parser("keygen", help="create an organisation's key pair for referral files")
    p.add_argument("org", help="organisation slug")
    p.set_defaults(func=cmd_keygen)

    p = commands.add_parser("partner-key", help="record a partner's public keys (from its keygen)")
    p.add_argument("org")
    p.add_argument("--box", required=True)
    p.add_argument("--verify", required=True)
    p.set_defaults(func=cmd_partner_key)

    p = commands.add_parser("export-referral", help="write a pending referral as a sealed, signed file")
    p.add_argument("referral")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_export_referral)

    p = commands.add_parser("import-referral", help="open a referral file addressed to an organisation")
    p.add_argument("file")
    p.add_argument("--org", required=True, help="the receiving organisation's slug")
    p.set_defaults(func=cmd_import_referral)
