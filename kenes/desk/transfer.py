"""A referral as a file, for partners that run their own Kenes (data residency): sealed and signed.

The sender signs the referral with its Ed25519 key, then seals the signed message to the receiver's
Curve25519 public key (libsodium sealed box through PyNaCl). Only the receiver can open it; the signature
shows who sent it and that nothing changed; the signed body names the receiver's key, so a file forwarded
to a third party is refused. Private keys live in files under ``KENES_DESK_ORG_KEYS`` (never the database);
public keys are exchanged out of band and recorded as :class:`PartnerKey` rows.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from nacl.encoding import Base64Encoder
from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.signing import SigningKey, VerifyKey

from . import audit
from .models import AuditAction, PartnerKey, Referral, ReferralEvent, ReferralState

FORMAT = "kenes-referral/1"


class TransferRefused(ValueError):
    """The file cannot be opened, was not signed by a known partner, or was not meant for us."""


def keys_dir() -> Path:
    path = Path(getattr(settings, "KENES_DESK_ORG_KEYS", settings.DATA_DIR / "desk-org-keys"))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def _private_path(organisation) -> Path:
    return keys_dir() / f"{organisation.slug}.key"


def generate_keys(organisation) -> PartnerKey:
    """Create the organisation's key pair (private file, public row); refuses to overwrite existing keys."""
    path = _private_path(organisation)
    if path.exists():
        raise TransferRefused(f"{path} exists: the organisation has keys already")
    box, signing = PrivateKey.generate(), SigningKey.generate()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(
            {"box": box.encode(Base64Encoder).decode(), "sign": signing.encode(Base64Encoder).decode()},
            handle,
        )
    key, _ = PartnerKey.objects.update_or_create(
        organisation=organisation,
        defaults={
            "box_public": box.public_key.encode(Base64Encoder).decode(),
            "verify_public": signing.verify_key.encode(Base64Encoder).decode(),
        },
    )
    return key


def _private(organisation) -> tuple[PrivateKey, SigningKey]:
    path = _private_path(organisation)
    if not path.exists():
        raise TransferRefused(f"no private keys for {organisation.slug} at {path} (kenes desk keygen)")
    data = json.loads(path.read_text())
    return (PrivateKey(data["box"], encoder=Base64Encoder), SigningKey(data["sign"], encoder=Base64Encoder))


def export_referral(referral: Referral, user=None) -> bytes:
    """The referral (what it carries and no more) sealed to its receiver and signed by its sender."""
    receiver = PartnerKey.objects.filter(organisation_id=referral.to_organisation_id).first()
    if receiver is None:
        raise TransferRefused(
            "the receiving organisation's public key is not recorded (kenes desk partner-key)"
        )
    if referral.state != ReferralState.SENT:
        raise TransferRefused(f"the referral is {referral.state}: only a pending referral travels")
    _box, signing = _private(referral.from_organisation)
    body = {
        "format": FORMAT,
        "referral": str(referral.pk),
        "from": referral.from_organisation.slug,
        "to_key": receiver.box_public,
        "sent_at": timezone.now().isoformat(),
        "urgent_override": referral.urgent_override,
        "shared_fields": referral.shared_fields,
        "payload": json.loads(referral.payload or "{}"),
    }
    signed = signing.sign(json.dumps(body, ensure_ascii=False).encode())
    sealed = SealedBox(PublicKey(receiver.box_public, encoder=Base64Encoder)).encrypt(signed)
    audit.record(
        AuditAction.EXPORT,
        user=user,
        organisation_id=referral.from_organisation_id,
        obj=referral,
        detail="referral file",
    )
    envelope = {
        "format": FORMAT,
        "from_key": signing.verify_key.encode(Base64Encoder).decode(),
        "sealed": base64.b64encode(sealed).decode(),
    }
    return json.dumps(envelope).encode()


@transaction.atomic
def import_referral(data: bytes, receiver, user=None) -> Referral:
    """Open a referral file addressed to ``receiver``; it becomes a pending referral to accept or decline."""
    try:
        envelope = json.loads(data)
        sender = PartnerKey.objects.select_related("organisation").get(verify_public=envelope["from_key"])
    except (ValueError, KeyError, TypeError):
        raise TransferRefused("not a Kenes referral file") from None
    except PartnerKey.DoesNotExist:
        raise TransferRefused("signed by a key of no known partner organisation") from None
    box, _signing = _private(receiver)
    try:
        signed = SealedBox(box).decrypt(base64.b64decode(envelope["sealed"]))
        body = json.loads(VerifyKey(sender.verify_public, encoder=Base64Encoder).verify(signed))
    except (CryptoError, BadSignatureError, ValueError):
        raise TransferRefused(
            "the file does not open with our key or its signature does not verify"
        ) from None
    if body.get("to_key") != box.public_key.encode(Base64Encoder).decode() or body.get("format") != FORMAT:
        raise TransferRefused("the file was not addressed to this organisation")
    if Referral.objects.filter(pk=body["referral"]).exists():
        raise TransferRefused("this referral was imported already")
    referral = Referral.objects.create(
        id=body["referral"],
        case=None,
        from_organisation=sender.organisation,
        to_organisation=receiver,
        payload=json.dumps(body["payload"], ensure_ascii=False),
        shared_fields=body.get("shared_fields", ""),
        urgent_override=bool(body.get("urgent_override")),
        imported=True,
        created_by=user or _system_user(),
    )
    ReferralEvent.objects.create(referral=referral, state="imported", by=user, organisation=receiver)
    audit.record(
        AuditAction.REFERRAL,
        user=user,
        organisation_id=receiver.pk,
        obj=referral,
        detail=f"imported from {sender.organisation.slug}",
    )
    return referral


def _system_user():
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        username="kenes-system", defaults={"is_active": False}
    )
    return user
