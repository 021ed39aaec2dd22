"""A referral as a file, for partners that run their own Kenes (data residency): sealed and signed.

The sender signs the referral with its Ed25519 key, then seals the signed message to the receiver's
Curve25519 public key (libsodium sealed box through PyNaCl). Only the receiver can open it; the signature
shows who sent it and that nothing changed; the signed body names the receiver's key, so a file forwarded
to a third party is refused. Private keys live in files under ``KENES_DESK_ORG_KEYS`` (never the database);
public keys are exchanged out of band and recorded as :class:`PartnerKey` rows.

A file travels only while the referral is pending and still rests on what allowed it: a share consent in
force naming the receiver, or the centre head's audited urgent override. An import checks everything (the
seal, the signature, the receiver, the body's shape) before it writes anything, and writes in one
transaction. Refusals say why in the user's language, never what the file held.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from nacl.encoding import Base64Encoder
from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.signing import SigningKey, VerifyKey

from . import audit
from .models import AuditAction, PartnerKey, Referral, ReferralEvent, ReferralState
from .models.choices import SHAREABLE_FIELDS

FORMAT = "kenes-referral/1"


class TransferRefused(ValueError):
    """The file cannot be opened, was not signed by a known partner, or was not meant for us; or a referral
    may not travel. The message is shown to the user; ``code`` says which refusal it is."""

    def __init__(self, message: str, code: str = "refused"):
        super().__init__(message)
        self.code = code


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
        raise TransferRefused(f"{path} exists: the organisation has keys already", "keys-exist")
    box, signing = PrivateKey.generate(), SigningKey.generate()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(
            {"box": box.encode(Base64Encoder).decode(), "sign": signing.encode(Base64Encoder).decode()},
            handle,
        )
    key, _created = PartnerKey.objects.update_or_create(
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
        raise TransferRefused(
            _("This organisation has no referral keys yet (kenes desk keygen)."), "no-private-key"
        )
    data = json.loads(path.read_text())
    return (PrivateKey(data["box"], encoder=Base64Encoder), SigningKey(data["sign"], encoder=Base64Encoder))


def may_travel(referral: Referral) -> None:
    """Refuses unless the referral is pending and rests on a share consent in force for its receiver, or on
    the urgent override (withdrawing the consent revokes the referral too; this checks again at the door)."""
    if referral.state != ReferralState.SENT:
        raise TransferRefused(
            _("Only a pending referral can travel as a file; this one is %(state)s.")
            % {"state": referral.get_state_display()},
            "not-pending",
        )
    if referral.urgent_override:
        return
    consent = referral.consent
    if consent is None or not consent.active or consent.partner_id != referral.to_organisation_id:
        raise TransferRefused(
            _("There is no consent in force to share this case with the receiving organisation."),
            "no-consent",
        )


def export_referral(referral: Referral, user=None, request=None) -> bytes:
    """The referral (what it carries and no more) sealed to its receiver and signed by its sender."""
    may_travel(referral)
    receiver = PartnerKey.objects.filter(organisation_id=referral.to_organisation_id).first()
    if receiver is None:
        raise TransferRefused(
            _("The receiving organisation's public key is not recorded (kenes desk partner-key)."),
            "no-partner-key",
        )
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
        request=request,
        detail="referral file (urgent override)" if referral.urgent_override else "referral file",
    )
    envelope = {
        "format": FORMAT,
        "from_key": signing.verify_key.encode(Base64Encoder).decode(),
        "sealed": base64.b64encode(sealed).decode(),
    }
    return json.dumps(envelope).encode()


def _refused_file() -> TransferRefused:
    return TransferRefused(_("This is not a Kenes referral file."), "not-a-referral-file")


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _body_fields(body: object) -> tuple[uuid.UUID, dict, str]:
    """The referral id, payload and shared fields of a verified body, or a refusal: a signed body may still
    be malformed (another version, a bug on the sender's side), and nothing of it is written unchecked."""
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise _refused_file()
    payload, shared = body.get("payload"), body.get("shared_fields", "")
    try:
        referral_id = uuid.UUID(str(body.get("referral")))
    except ValueError:
        raise _refused_file() from None
    if not isinstance(payload, dict) or not isinstance(shared, str) or len(shared) > 200:
        raise _refused_file()
    for key, value in payload.items():
        # categories is the one shared field that is a list (of codes); the others are text
        well_formed = _strings(value) if key == "categories" else isinstance(value, str)
        if key not in SHAREABLE_FIELDS or not well_formed:
            raise _refused_file()
    return referral_id, payload, shared


@transaction.atomic
def import_referral(data: bytes, receiver, user=None, request=None) -> Referral:
    """Open a referral file addressed to ``receiver``; it becomes a pending referral to accept or decline.

    Every check comes before the first write, and the writes share one transaction: a refused or failed
    import leaves nothing behind.
    """
    try:
        envelope = json.loads(data)
        from_key = envelope["from_key"]
        sealed = base64.b64decode(envelope["sealed"], validate=True)
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise _refused_file() from None
    if envelope.get("format") != FORMAT or not isinstance(from_key, str) or not sealed:
        raise _refused_file()
    sender = PartnerKey.objects.select_related("organisation").filter(verify_public=from_key).first()
    if sender is None:
        raise TransferRefused(
            _("The file is signed by a key of no known partner organisation."), "unknown-sender"
        )
    if sender.organisation_id == receiver.pk:
        raise TransferRefused(_("The file was sent by this organisation itself."), "own-file")
    box, _signing = _private(receiver)
    try:
        signed = SealedBox(box).decrypt(sealed)
        body = json.loads(VerifyKey(sender.verify_public, encoder=Base64Encoder).verify(signed))
    except (CryptoError, BadSignatureError, ValueError):
        raise TransferRefused(
            _(
                "The file does not open with our key or its signature does not verify: it was changed, "
                "damaged or sealed for another organisation."
            ),
            "does-not-open",
        ) from None
    if not isinstance(body, dict) or body.get("to_key") != box.public_key.encode(Base64Encoder).decode():
        raise TransferRefused(_("The file was not addressed to this organisation."), "not-ours")
    referral_id, payload, shared = _body_fields(body)
    if Referral.objects.filter(pk=referral_id).exists():
        raise TransferRefused(_("This referral was imported already."), "imported-already")
    referral = Referral.objects.create(
        id=referral_id,
        case=None,
        from_organisation=sender.organisation,
        to_organisation=receiver,
        payload=json.dumps(payload, ensure_ascii=False),
        shared_fields=shared,
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
        request=request,
        detail=f"imported from {sender.organisation.slug}",
    )
    return referral


def _system_user():
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        username="kenes-system", defaults={"is_active": False}
    )
    return user
