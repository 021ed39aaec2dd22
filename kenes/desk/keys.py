"""Where the desk's keys live: the environment or a key file, never the database.

A key file holds one key per line, the newest data key first::

    # kenes desk keys (chmod 600; back it up apart from the database)
    data k20261206a <base64 of 32 random bytes>    <- new ciphertext is written with this one
    data k20250101a <base64 …>                     <- still decrypts older ciphertext until rotate-key
    index <base64 …>                               <- HMAC key of the blind index (document number, phone)
    audit <base64 …>                               <- HMAC key of the audit chain

``KENES_DESK_KEYS`` may hold the same lines (separated by newlines or ``;``) instead of a file, for
deployments that inject secrets through the environment. Without either, a development installation
creates the file beside its data (``$KENES_DATA_DIR/desk.keys``), like Django's secret key; production
(``KENES_ENV=production``) refuses to start the desk without configured keys.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import os
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

KEY_BYTES = 32


class KeysUnavailable(ImproperlyConfigured):
    """The keys are missing or unreadable: the desk cannot read or write case data."""


@dataclass
class KeyRing:
    #: data keys by id, in file order; the first is the one new ciphertext is written with
    data: dict[str, bytes]
    index: bytes
    audit: bytes
    source: str = ""
    order: list[str] = field(default_factory=list)

    @property
    def current_id(self) -> str:
        return self.order[0]

    def data_key(self, key_id: str) -> bytes:
        try:
            return self.data[key_id]
        except KeyError:
            raise KeysUnavailable(
                f"ciphertext was written with key {key_id!r}, which is not in {self.source}: "
                "restore the key (rotate-key keeps old keys until every value is re-encrypted)"
            ) from None


def _b64key(text: str, where: str) -> bytes:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except ValueError:
        raise KeysUnavailable(f"{where}: not base64") from None
    if len(raw) != KEY_BYTES:
        raise KeysUnavailable(f"{where}: a key must be {KEY_BYTES} bytes, found {len(raw)}")
    return raw


def parse(text: str, source: str) -> KeyRing:
    """Read key lines (``data ID KEY``, ``index KEY``, ``audit KEY``); comments and blanks are skipped."""
    data: dict[str, bytes] = {}
    order: list[str] = []
    singles: dict[str, bytes] = {}
    lines = [
        (number, part.strip())
        for number, raw_line in enumerate(text.splitlines(), start=1)
        for part in raw_line.split("#", 1)[0].split(";")
    ]
    for number, line in lines:
        if not line:
            continue
        parts = line.split()
        where = f"{source}, line {number}"
        if parts[0] == "data" and len(parts) == 3:
            if parts[1] in data:
                raise KeysUnavailable(f"{where}: data key {parts[1]!r} appears twice")
            data[parts[1]] = _b64key(parts[2], where)
            order.append(parts[1])
        elif parts[0] in ("index", "audit") and len(parts) == 2:
            singles[parts[0]] = _b64key(parts[1], where)
        else:
            raise KeysUnavailable(f"{where}: expected 'data ID KEY', 'index KEY' or 'audit KEY'")
    missing = [name for name in ("index", "audit") if name not in singles] + ([] if data else ["data"])
    if missing:
        raise KeysUnavailable(f"{source}: no {', '.join(missing)} key")
    return KeyRing(data=data, index=singles["index"], audit=singles["audit"], source=source, order=order)


def new_key() -> str:
    return base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode()


def new_key_id() -> str:
    return "k" + dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S") + secrets.token_hex(2)


def key_file() -> Path:
    return Path(getattr(settings, "KENES_DESK_KEY_FILE", settings.DATA_DIR / "desk.keys"))


def _create_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = (
        "# kenes desk keys (created for a development installation, kept apart from database backups)\n"
        f"data {new_key_id()} {new_key()}\nindex {new_key()}\naudit {new_key()}\n"
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(body)


@lru_cache(maxsize=1)
def keyring() -> KeyRing:
    """The keys in force (cached for the process; :func:`reload` after a rotation)."""
    inline = os.environ.get("KENES_DESK_KEYS", "").strip()
    if inline:
        return parse(inline, "KENES_DESK_KEYS")
    path = key_file()
    if not path.exists():
        if getattr(settings, "PRODUCTION", False):
            raise KeysUnavailable(
                f"no desk keys: set KENES_DESK_KEYS or create {path} (see kenes/desk/keys.py); "
                "production never generates keys on its own"
            )
        with contextlib.suppress(FileExistsError):  # another process created it first
            _create_file(path)
    return parse(path.read_text(), str(path))


def reload() -> KeyRing:
    keyring.cache_clear()
    return keyring()


def add_data_key() -> str:
    """Put a fresh data key first in the key file (the old ones stay for decryption); returns its id."""
    if os.environ.get("KENES_DESK_KEYS", "").strip():
        raise KeysUnavailable(
            "keys come from KENES_DESK_KEYS: add the new 'data ID KEY' line first there, then run "
            "`kenes desk rotate-key --reencrypt-only`"
        )
    path = key_file()
    keyring()  # creates a development file when there is none
    key_id = new_key_id()
    lines = path.read_text().splitlines(keepends=True)
    at = next((i for i, line in enumerate(lines) if line.strip().startswith("data ")), len(lines))
    lines.insert(at, f"data {key_id} {new_key()}\n")
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write("".join(lines))
    tmp.replace(path)
    reload()
    return key_id
