"""The :class:`Encrypter`: authenticated encryption of values with APP_KEY (AES-GCM).

Payload format (version 1), documented in ``docs/encryption.md``::

    urlsafe_base64_without_padding( 0x01 | nonce (12 bytes) | ciphertext | tag (16 bytes) )

The version byte and the optional *purpose* string are authenticated as associated data, so a
payload encrypted for the cookie ``session`` fails to decrypt as the cookie ``remember``.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import orjson
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from parvel.encryption.contracts import EncrypterContract
from parvel.encryption.exceptions import DecryptError, EncryptionError, InvalidKeyError
from parvel.encryption.keys import CIPHERS, generate_key, key_length, parse_key, parse_previous_keys
from parvel.encryption.signer import Signer

__all__ = ["Encrypter"]

_VERSION = 1
_NONCE_SIZE = 12
_TAG_SIZE = 16
_MIN_SIZE = 1 + _NONCE_SIZE + _TAG_SIZE
_ALPHABET = re.compile(r"[A-Za-z0-9_-]+")


def _associated_data(purpose: str | None) -> bytes:
    return b"parvel:v1\x00" + (purpose or "").encode("utf-8", "surrogatepass")


class Encrypter:
    """Encrypts and decrypts values with AES-GCM, with key rotation and purpose binding.

    Args:
        key: The raw current key (32 bytes for AES-256-GCM, 16 for AES-128-GCM).
        previous_keys: Older raw keys that can still decrypt (APP_PREVIOUS_KEYS), tried in order
            after the current key. Encryption always uses ``key``.
        cipher: ``"aes-256-gcm"`` (default) or ``"aes-128-gcm"``.

    Raises:
        InvalidKeyError: The cipher is unsupported or a key has the wrong length.

    Example:
        ``Encrypter.from_app_key(env("APP_KEY")).encrypt({"id": 1})``
    """

    def __init__(
        self,
        key: bytes,
        previous_keys: Sequence[bytes] = (),
        cipher: str = "aes-256-gcm",
    ) -> None:
        self._cipher = cipher.lower()
        length = key_length(self._cipher)
        if not isinstance(key, bytes | bytearray) or not all(
            isinstance(k, bytes | bytearray) for k in previous_keys
        ):
            raise InvalidKeyError(
                "Encrypter() needs raw key bytes, not the APP_KEY text.",
                hint="Use Encrypter.from_app_key(APP_KEY, APP_PREVIOUS_KEYS) for 'base64:...' "
                "strings, or parse_key() to decode one.",
            )
        keys = [bytes(key), *(bytes(k) for k in previous_keys)]
        for index, candidate in enumerate(keys):
            if len(candidate) != length:
                which = "The key" if index == 0 else f"Previous key #{index}"
                raise InvalidKeyError(
                    f"{which} is {len(candidate)} bytes long but {self._cipher} needs {length}.",
                    hint="Run `parvel key:generate` to create a valid APP_KEY.",
                )
        self._keys = keys
        self._aeads = [AESGCM(k) for k in keys]
        self._signer = Signer(keys)

    @classmethod
    def from_app_key(
        cls,
        app_key: str | None,
        previous_keys: str | None = None,
        cipher: str = "aes-256-gcm",
    ) -> Encrypter:
        """Build an encrypter from ``.env`` style settings.

        Args:
            app_key: APP_KEY (``base64:...``).
            previous_keys: APP_PREVIOUS_KEYS, a comma-separated list of old keys, or ``None``.
            cipher: The cipher name.

        Raises:
            InvalidKeyError: A key is missing or malformed.
        """
        return cls(
            parse_key(app_key, cipher),
            parse_previous_keys(previous_keys, cipher),
            cipher,
        )

    @staticmethod
    def supported(key: bytes, cipher: str) -> bool:
        """Tell whether ``key`` has the right length for ``cipher`` (and the cipher exists)."""
        length = CIPHERS.get(cipher.lower())
        return length is not None and len(key) == length

    @staticmethod
    def generate_key(cipher: str = "aes-256-gcm") -> str:
        """Return a fresh random key in APP_KEY format (``base64:...``)."""
        return generate_key(cipher)

    @property
    def cipher(self) -> str:
        """The cipher name, e.g. ``"aes-256-gcm"``."""
        return self._cipher

    @property
    def key(self) -> bytes:
        """The current raw key."""
        return self._keys[0]

    @property
    def previous_keys(self) -> list[bytes]:
        """The previous raw keys, in the order decryption tries them."""
        return list(self._keys[1:])

    @property
    def all_keys(self) -> list[bytes]:
        """The current key followed by the previous keys."""
        return list(self._keys)

    def get_key(self) -> bytes:
        """The current key (Laravel's ``getKey``; same as :attr:`key`)."""
        return self.key

    def get_previous_keys(self) -> list[bytes]:
        """The previous keys (Laravel's ``getPreviousKeys``)."""
        return self.previous_keys

    def get_all_keys(self) -> list[bytes]:
        """The current key, then the previous ones (Laravel's ``getAllKeys``)."""
        return self.all_keys

    def with_previous_keys(self, keys: Sequence[bytes]) -> Encrypter:
        """Return a copy of this encrypter that also decrypts with ``keys``."""
        return Encrypter(self._keys[0], keys, self._cipher)

    def encrypt(self, value: Any, serialize: bool = True, *, purpose: str | None = None) -> str:
        """Encrypt a value.

        Args:
            value: Any JSON-serializable value when ``serialize`` is true (dicts, lists, strings,
                numbers, booleans, ``None``, dataclasses, datetimes as ISO strings); a ``str``
                when ``serialize`` is false.
            serialize: Encode the value as JSON first (so :meth:`decrypt` gives it back).
            purpose: Bind the payload to a context such as a cookie name; decryption must pass
                the same purpose.

        Returns:
            The payload: URL-safe base64 text without padding, safe in cookies and URLs.

        Raises:
            EncryptionError: The value cannot be serialized (or is not a string when
                ``serialize`` is false), or ``purpose`` is not a string.
        """
        if serialize:
            try:
                plaintext = orjson.dumps(value)
            except TypeError as error:
                raise EncryptionError(
                    f"Could not encrypt a {type(value).__name__}: it is not JSON-serializable "
                    f"({error}).",
                    hint="Encrypt plain data (dict, list, str, int, float, bool, None).",
                ) from None
        elif isinstance(value, str):
            try:
                plaintext = value.encode("utf-8")
            except UnicodeEncodeError:
                raise EncryptionError(
                    "Could not encrypt the string: it is not valid Unicode (lone surrogates).",
                    hint="Encrypt text decoded from valid UTF-8.",
                ) from None
        else:
            raise EncryptionError(
                f"encrypt(..., serialize=False) needs a str, got {type(value).__name__}.",
                hint="Pass serialize=True to encrypt other values as JSON.",
            )
        if purpose is not None and not isinstance(purpose, str):
            raise EncryptionError(
                f"The encryption purpose must be a str, got {type(purpose).__name__}.",
                hint='Pass a name such as purpose="cookie:session".',
            )
        nonce = os.urandom(_NONCE_SIZE)
        sealed = self._aeads[0].encrypt(nonce, plaintext, _associated_data(purpose))
        envelope = bytes([_VERSION]) + nonce + sealed
        return base64.urlsafe_b64encode(envelope).rstrip(b"=").decode("ascii")

    def decrypt(self, payload: str, unserialize: bool = True, *, purpose: str | None = None) -> Any:
        """Decrypt a payload made by :meth:`encrypt`.

        Tries the current key, then each previous key in order.

        Args:
            payload: The text :meth:`encrypt` returned.
            unserialize: Decode the plaintext as JSON (the counterpart of ``serialize``).
            purpose: The purpose the payload was encrypted for.

        Raises:
            DecryptError: For any bad payload: tampered, truncated, made with an unknown key or
                another purpose, not produced by Parvel, or not valid JSON when unserializing.
        """
        plaintext = self._open(payload, purpose)
        if unserialize:
            try:
                return orjson.loads(plaintext)
            except orjson.JSONDecodeError:
                raise DecryptError() from None
        try:
            return plaintext.decode("utf-8")
        except UnicodeDecodeError:
            raise DecryptError() from None

    def encrypt_string(self, value: str, *, purpose: str | None = None) -> str:
        """Encrypt a string without JSON serialization (Laravel's ``encryptString``)."""
        return self.encrypt(value, serialize=False, purpose=purpose)

    def decrypt_string(self, payload: str, *, purpose: str | None = None) -> str:
        """Decrypt a payload made by :meth:`encrypt_string` (Laravel's ``decryptString``)."""
        result: str = self.decrypt(payload, unserialize=False, purpose=purpose)
        return result

    def sign(self, value: str, purpose: str = "default") -> str:
        """Return ``value`` with an HMAC-SHA256 signature appended (see :class:`Signer`)."""
        return self._signer.sign(value, purpose)

    def unsign(self, signed: str, purpose: str = "default") -> str | None:
        """Return the value of a :meth:`sign` result, or ``None`` when it does not verify."""
        return self._signer.unsign(signed, purpose)

    def signature(self, value: str, purpose: str = "default") -> str:
        """Return only the signature of ``value`` (for signed URLs)."""
        return self._signer.signature(value, purpose)

    def verify(self, value: str, signature: str, purpose: str = "default") -> bool:
        """Tell whether ``signature`` signs ``value`` for ``purpose`` under any known key."""
        return self._signer.verify(value, signature, purpose)

    def _open(self, payload: str, purpose: str | None) -> bytes:
        if not isinstance(payload, str) or not _ALPHABET.fullmatch(payload):
            raise DecryptError()
        if purpose is not None and not isinstance(purpose, str):
            raise DecryptError()
        try:
            envelope = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        except ValueError:
            raise DecryptError() from None
        if len(envelope) < _MIN_SIZE or envelope[0] != _VERSION:
            raise DecryptError()
        associated = _associated_data(purpose)
        nonce = envelope[1 : 1 + _NONCE_SIZE]
        sealed = envelope[1 + _NONCE_SIZE :]
        for aead in self._aeads:
            try:
                return aead.decrypt(nonce, sealed, associated)
            except InvalidTag:
                continue
        raise DecryptError()


if TYPE_CHECKING:  # mypy proves the class satisfies the protocol other components use

    def _conforms(encrypter: Encrypter) -> EncrypterContract:
        return encrypter
