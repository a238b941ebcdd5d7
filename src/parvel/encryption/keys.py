"""APP_KEY handling: generating, parsing and validating encryption keys.

Keys use Laravel's format: ``base64:`` followed by the standard base64 encoding of the raw key
bytes (32 bytes, so 44 characters, for AES-256-GCM). See ``docs/encryption.md``.
"""

from __future__ import annotations

import base64
import binascii
import secrets

from parvel.encryption.exceptions import InvalidKeyError

__all__ = [
    "CIPHERS",
    "generate_key",
    "key_length",
    "parse_key",
    "parse_previous_keys",
]

#: Supported ciphers and the key length (in bytes) each one needs.
CIPHERS: dict[str, int] = {"aes-128-gcm": 16, "aes-256-gcm": 32}

_PREFIX = "base64:"
_FIX = "Run `parvel key:generate` to create one."
_PREVIOUS_FIX = "Copy the old APP_KEY value exactly (base64:...), comma-separated, or remove it."


def key_length(cipher: str) -> int:
    """Return the key length in bytes that ``cipher`` needs.

    Args:
        cipher: A cipher name such as ``"aes-256-gcm"`` (case-insensitive).

    Raises:
        InvalidKeyError: The cipher is not supported.
    """
    length = CIPHERS.get(cipher.lower())
    if length is None:
        supported = ", ".join(sorted(CIPHERS))
        raise InvalidKeyError(
            f"Unsupported cipher {cipher!r}.",
            hint=f"Set the app cipher to one of: {supported}.",
        )
    return length


def generate_key(cipher: str = "aes-256-gcm") -> str:
    """Return a new random key in APP_KEY format (``base64:...``).

    Args:
        cipher: The cipher the key is for; decides the key length.

    Returns:
        ``"base64:"`` followed by the base64 of fresh random bytes from :mod:`secrets`.
    """
    raw = secrets.token_bytes(key_length(cipher))
    return _PREFIX + base64.b64encode(raw).decode("ascii")


def parse_key(app_key: str | None, cipher: str = "aes-256-gcm") -> bytes:
    """Decode an APP_KEY string into raw key bytes.

    Args:
        app_key: The key as written in ``.env`` (``base64:...``).
        cipher: The cipher the key must fit.

    Returns:
        The raw key bytes.

    Raises:
        InvalidKeyError: The key is missing, lacks the ``base64:`` prefix, is not valid base64
            or has the wrong length for the cipher. The message never contains the key.
    """
    return _parse(app_key, cipher, "APP_KEY", _FIX)


def _parse(app_key: str | None, cipher: str, name: str, fix: str) -> bytes:
    length = key_length(cipher)
    if app_key is None or not str(app_key).strip():
        raise InvalidKeyError(f"{name} is missing or invalid: it is empty.", hint=fix)
    text = str(app_key).strip()
    if not text.startswith(_PREFIX):
        raise InvalidKeyError(
            f"{name} is missing or invalid: it must start with 'base64:'.", hint=fix
        )
    try:
        raw = base64.b64decode(text[len(_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raise InvalidKeyError(
            f"{name} is missing or invalid: the part after 'base64:' is not valid base64.",
            hint=fix,
        ) from None
    if len(raw) != length:
        raise InvalidKeyError(
            f"{name} is missing or invalid: it decodes to {len(raw)} bytes but {cipher} "
            f"needs {length}.",
            hint=fix,
        )
    return raw


def parse_previous_keys(value: str | None, cipher: str = "aes-256-gcm") -> list[bytes]:
    """Decode APP_PREVIOUS_KEYS, a comma-separated list of keys in APP_KEY format.

    Args:
        value: The setting as written in ``.env``; empty or ``None`` means no previous keys.
        cipher: The cipher every key must fit.

    Returns:
        The raw keys, in the order given (the order decryption tries them in).

    Raises:
        InvalidKeyError: One of the keys is malformed; the message names its position.
    """
    if value is None or not value.strip():
        return []
    keys: list[bytes] = []
    for index, part in enumerate(value.split(","), start=1):
        if not part.strip():
            continue
        name = f"APP_PREVIOUS_KEYS (key #{index})"
        keys.append(_parse(part, cipher, name, _PREVIOUS_FIX))
    return keys
