"""AES-GCM encryption of personal fields and files, and the keyed blind index for exact lookups.

A sealed value is ``v1:<key id>:<base64(nonce ‖ ciphertext ‖ tag)>``: the key id travels with the ciphertext
so ``kenes desk rotate-key`` can find what an old key wrote. The associated data binds a value to its column
(``desk.Person.full_name``), so a ciphertext copied into another column does not decrypt.

The blind index is HMAC-SHA256 under a separate key of a *normalised* value (a document number without
spaces or dashes, upper case; a phone number as digits, the Kazakh trunk prefix 8 as 7): equal inputs give
equal tags, so intake can flag a duplicate without the database ever holding the number.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import unicodedata
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.db import models

from . import keys

PREFIX = "v1"
NONCE_BYTES = 12


class Undecryptable(ValueError):
    """A ciphertext failed authentication: altered, moved to another column, or written with another key."""


@lru_cache(maxsize=16)
def _cipher(key: bytes) -> AESGCM:
    """One AESGCM per key (building one runs the key schedule; a page decrypts hundreds of values)."""
    return AESGCM(key)


def seal_bytes(plain: bytes, context: str) -> tuple[str, bytes]:
    """Encrypt ``plain`` under the current data key; returns (key id, nonce ‖ ciphertext ‖ tag)."""
    ring = keys.keyring()
    nonce = os.urandom(NONCE_BYTES)
    return ring.current_id, nonce + _cipher(ring.data_key(ring.current_id)).encrypt(
        nonce, plain, context.encode()
    )


def open_bytes(key_id: str, blob: bytes, context: str) -> bytes:
    key = keys.keyring().data_key(key_id)
    try:
        return _cipher(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], context.encode())
    except InvalidTag:
        raise Undecryptable(f"{context}: ciphertext does not authenticate") from None


def seal(plain: str, context: str) -> str:
    key_id, blob = seal_bytes(plain.encode(), context)
    return f"{PREFIX}:{key_id}:{base64.b64encode(blob).decode()}"


def is_sealed(value: object) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX + ":") and value.count(":") >= 2


def key_id_of(sealed: str) -> str:
    return sealed.split(":", 2)[1]


def unseal(sealed: str, context: str) -> str:
    if not is_sealed(sealed):
        raise Undecryptable(f"{context}: not a sealed value")
    _prefix, key_id, body = sealed.split(":", 2)
    try:
        blob = base64.b64decode(body, validate=True)
    except ValueError:  # binascii.Error: not base64, so not something this module wrote
        raise Undecryptable(f"{context}: not a sealed value") from None
    return open_bytes(key_id, blob, context).decode()


# ---------------------------------------------------------------- blind index

_NOT_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def normalise_document(number: str) -> str:
    """``"N 12-345 678"`` and ``"n12345678"`` are the same passport."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", number)).upper()


def normalise_phone(phone: str) -> str:
    """Digits only; a Kazakh national ``8 7xx …`` (11 digits) is the international ``7 7xx …``."""
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", phone) if ch.isdigit())
    if len(digits) == 11 and digits.startswith("8"):
        digits = "7" + digits[1:]
    return digits


def blind_index(kind: str, normalised: str) -> str:
    """HMAC tag of a normalised value ("" for an empty one, which never matches as a duplicate)."""
    if not normalised:
        return ""
    mac = hmac.new(keys.keyring().index, f"{kind}\x00{normalised}".encode(), hashlib.sha256)
    return mac.hexdigest()


# ---------------------------------------------------------------- model field


class EncryptedTextField(models.TextField):
    """A text column that holds only sealed values: plain text on the instance, ciphertext in the row.

    Saving plain text through ``QuerySet.update`` would bypass encryption, so the database value is checked:
    anything that is not a sealed value is refused rather than written.
    """

    description = "Text encrypted with AES-GCM"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def context(self) -> str:
        return f"{self.model._meta.label}.{self.name}"

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return unseal(value, self.context())

    def pre_save(self, model_instance, add):
        plain = getattr(model_instance, self.attname)
        return SealedText(seal(plain, self.context())) if plain else ""

    def get_db_prep_save(self, value, connection):
        if value not in (None, "") and not isinstance(value, SealedText):
            raise ValueError(f"{self.context()}: refusing to write plain text into an encrypted column")
        return super().get_db_prep_save(value, connection)

    def get_db_prep_value(self, value, connection, prepared=False):
        if isinstance(value, SealedText) or value in (None, ""):
            return super().get_db_prep_value(value, connection, prepared)
        raise ValueError(f"{self.context()}: encrypted columns cannot be searched or written as plain text")


class SealedText(str):
    """A ciphertext on its way to the database (marks it as produced by :class:`EncryptedTextField`)."""
