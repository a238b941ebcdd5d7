"""Password hashing for Parvel: Argon2id by default, bcrypt and Argon2i, Laravel-compatible.

Usable without an Application::

    from parvel.hashing import HashManager

    hasher = HashManager({"driver": "argon2id"})
    hashed = hasher.make("secret")
    assert hasher.check("secret", hashed)

See ``docs/hashing.md``.
"""

from __future__ import annotations

from parvel.hashing.argon_hasher import Argon2idHasher, ArgonHasher
from parvel.hashing.bcrypt_hasher import BCRYPT_MAX_BYTES, BcryptHasher
from parvel.hashing.contracts import Hasher, HashInfo
from parvel.hashing.exceptions import HashingConfigError, HashingError, PasswordTooLongError
from parvel.hashing.manager import HashManager

__all__ = [
    "BCRYPT_MAX_BYTES",
    "Argon2idHasher",
    "ArgonHasher",
    "BcryptHasher",
    "HashInfo",
    "HashManager",
    "Hasher",
    "HashingConfigError",
    "HashingError",
    "PasswordTooLongError",
]
