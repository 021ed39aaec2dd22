"""``kenes desk rotate-key``: re-encrypt every sealed value and attachment under the current data key.

Run after a new key was put first (``keys.add_data_key`` does that for a key file). Rows already under the
current key are skipped, found by the key id at the start of their ciphertext, so a rotation interrupted
half-way is finished by running it again. Old keys can be removed from the key file once it reports 0 left.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from django.db.models import Q

from . import keys, uploads
from .crypto import EncryptedTextField, SealedText
from .models import Attachment


@dataclass
class RotationReport:
    key_id: str
    rows: dict[str, int] = field(default_factory=dict)
    files: int = 0

    def __str__(self) -> str:
        rows = ", ".join(f"{label}: {n}" for label, n in sorted(self.rows.items()) if n) or "no rows"
        return f"re-encrypted under {self.key_id}: {rows}; {self.files} attachment file(s)"


def encrypted_fields() -> dict[type, list[str]]:
    found: dict[type, list[str]] = {}
    for model in apps.get_app_config("desk").get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            found[model] = names
    return found


def stale(model, names: list[str], current: str):
    """Rows with a value sealed under another key than ``current``."""
    prefix = SealedText(f"v1:{current}:")
    outdated = Q()
    for name in names:
        outdated |= ~Q(**{f"{name}__startswith": prefix}) & ~Q(**{name: ""})
    return model.objects.filter(outdated)


def rotate(batch: int = 500) -> RotationReport:
    current = keys.reload().current_id
    report = RotationReport(current)
    for model, names in encrypted_fields().items():
        count = 0
        while True:
            with transaction.atomic():
                rows = list(stale(model, names, current)[:batch])
                for row in rows:
                    row.save(update_fields=names)
            count += len(rows)
            if len(rows) < batch:
                break
        report.rows[model._meta.label] = count
    for attachment in Attachment.objects.exclude(key_id=current).iterator():
        attachment.key_id = uploads.reseal(attachment)
        attachment.save(update_fields=["key_id"])
        report.files += 1
    return report
