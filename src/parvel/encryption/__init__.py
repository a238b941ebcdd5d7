"""Encryption for Parvel: AES-GCM with APP_KEY, key rotation and signed values.

Usable without an Application::

    from parvel.encryption import Encrypter, generate_key

    crypt = Encrypter.from_app_key(generate_key())
    payload = crypt.encrypt({"user": 1})
    assert crypt.decrypt(payload) == {"user": 1}

See ``docs/encryption.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parvel.support.lazy import lazy_exports

if TYPE_CHECKING:
    from parvel.encryption.contracts import EncrypterContract, StringEncrypterContract
    from parvel.encryption.encrypter import Encrypter
    from parvel.encryption.exceptions import (
        DecryptError,
        DecryptException,
        EncryptionError,
        InvalidKeyError,
    )
    from parvel.encryption.keys import CIPHERS, generate_key, parse_key, parse_previous_keys
    from parvel.encryption.signer import Signer


__all__ = [
    "CIPHERS",
    "DecryptError",
    "DecryptException",
    "Encrypter",
    "EncrypterContract",
    "EncryptionError",
    "InvalidKeyError",
    "Signer",
    "StringEncrypterContract",
    "generate_key",
    "parse_key",
    "parse_previous_keys",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "CIPHERS": "parvel.encryption.keys",
        "DecryptError": "parvel.encryption.exceptions",
        "DecryptException": "parvel.encryption.exceptions",
        "Encrypter": "parvel.encryption.encrypter",
        "EncrypterContract": "parvel.encryption.contracts",
        "EncryptionError": "parvel.encryption.exceptions",
        "InvalidKeyError": "parvel.encryption.exceptions",
        "Signer": "parvel.encryption.signer",
        "StringEncrypterContract": "parvel.encryption.contracts",
        "generate_key": "parvel.encryption.keys",
        "parse_key": "parvel.encryption.keys",
        "parse_previous_keys": "parvel.encryption.keys",
    },
)
