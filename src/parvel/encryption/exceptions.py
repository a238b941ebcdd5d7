"""Errors raised by :mod:`parvel.encryption`.

::

    ParvelError
    └── EncryptionError          a value could not be encrypted (e.g. not JSON-serializable)
        ├── DecryptError         a payload is tampered, truncated, foreign or garbage
        └── InvalidKeyError      APP_KEY / APP_PREVIOUS_KEYS is missing or malformed
"""

from __future__ import annotations

from parvel.exceptions import ParvelError

__all__ = ["DecryptError", "DecryptException", "EncryptionError", "InvalidKeyError"]


class EncryptionError(ParvelError):
    """A value could not be encrypted, or the encrypter is misconfigured."""

    code = "encryption-error"


class DecryptError(EncryptionError):
    """A payload could not be decrypted.

    Raised for every kind of bad payload (tampered, truncated, encrypted with a key that is
    neither APP_KEY nor one of APP_PREVIOUS_KEYS, bound to another purpose, or plain garbage).
    The message deliberately says nothing about which check failed.
    """

    code = "decrypt-error"

    def __init__(
        self, message: str = "The payload is invalid.", *, hint: str | None = None
    ) -> None:
        super().__init__(message, hint=hint)


DecryptException = DecryptError
"""Laravel's name for :class:`DecryptError` (``except DecryptException:``)."""


class InvalidKeyError(EncryptionError):
    """APP_KEY (or one of APP_PREVIOUS_KEYS) is missing or malformed."""

    code = "invalid-key"
