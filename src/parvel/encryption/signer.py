"""HMAC-SHA256 signatures for values that travel in the clear (cookies, signed URLs).

The signing key is derived from the encryption key with HKDF-SHA256, so APP_KEY is never used
directly as an HMAC key. Each signature is bound to a *purpose* string (a cookie name, ``"url"``,
...): a value signed for one purpose does not verify for another. Verification tries the
current key first, then every previous key, and compares in constant time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import struct
from collections.abc import Sequence

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from parvel.encryption.exceptions import EncryptionError, InvalidKeyError

__all__ = ["Signer"]

_INFO = b"parvel/encryption/signing/v1"
_SIGNATURE = re.compile(r"[A-Za-z0-9_-]{43}")
_DEFAULT_PURPOSE = "default"


def _derive(key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(key)


class Signer:
    """Signs strings with HMAC-SHA256 under keys derived from APP_KEY (and previous keys).

    Args:
        keys: The raw encryption keys, current key first, then previous keys in order.

    Example:
        ``Signer([key]).sign("42", purpose="remember")`` returns ``"42.<signature>"``.
    """

    def __init__(self, keys: Sequence[bytes]) -> None:
        if not keys:
            raise InvalidKeyError(
                "Signer() was given no keys.", hint="Pass the APP_KEY bytes (parse_key(...))."
            )
        self._keys = [_derive(bytes(key)) for key in keys]

    def signature(self, value: str, purpose: str = _DEFAULT_PURPOSE) -> str:
        """Return the signature of ``value`` for ``purpose`` under the current key.

        Args:
            value: The text to sign.
            purpose: What the signature is for; a signature only verifies for the same purpose.

        Returns:
            43 characters of URL-safe base64 (an HMAC-SHA256 digest without padding).

        Raises:
            EncryptionError: ``value`` or ``purpose`` is not a string.
        """
        if not isinstance(value, str) or not isinstance(purpose, str):
            raise EncryptionError(
                f"Only strings can be signed, got {type(value).__name__} with a "
                f"{type(purpose).__name__} purpose.",
                hint="Convert the value to a str first (for example with str() or JSON).",
            )
        digest = self._digest(self._keys[0], value, purpose)
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")

    def verify(self, value: str, signature: str, purpose: str = _DEFAULT_PURPOSE) -> bool:
        """Tell whether ``signature`` is a valid signature of ``value`` for ``purpose``.

        Tries the current key, then each previous key; never raises on bad input.

        Args:
            value: The signed text.
            signature: The signature to check (as returned by :meth:`signature`).
            purpose: The purpose the signature must have been made for.
        """
        if not isinstance(value, str) or not isinstance(signature, str):
            return False
        if not isinstance(purpose, str) or not _SIGNATURE.fullmatch(signature):
            return False
        try:
            given = base64.urlsafe_b64decode(signature + "=")
        except ValueError:
            return False
        digests = [self._digest(key, value, purpose) for key in self._keys]
        valid = False
        for expected in digests:
            valid |= hmac.compare_digest(expected, given)
        return valid

    def sign(self, value: str, purpose: str = _DEFAULT_PURPOSE) -> str:
        """Return ``value`` followed by ``"."`` and its signature.

        Args:
            value: The text to sign; it stays readable in the result.
            purpose: What the signature is for (for example the cookie name).

        Raises:
            EncryptionError: ``value`` or ``purpose`` is not a string.
        """
        return f"{value}.{self.signature(value, purpose)}"

    def unsign(self, signed: str, purpose: str = _DEFAULT_PURPOSE) -> str | None:
        """Return the original value of a :meth:`sign` result, or ``None`` if it does not verify.

        Args:
            signed: The signed text.
            purpose: The purpose it must have been signed for.
        """
        if not isinstance(signed, str) or "." not in signed:
            return None
        value, _, signature = signed.rpartition(".")
        return value if self.verify(value, signature, purpose) else None

    @staticmethod
    def _digest(key: bytes, value: str, purpose: str) -> bytes:
        label = purpose.encode("utf-8", "surrogatepass")
        text = value.encode("utf-8", "surrogatepass")
        message = struct.pack(">I", len(label)) + label + text
        return hmac.new(key, message, hashlib.sha256).digest()
