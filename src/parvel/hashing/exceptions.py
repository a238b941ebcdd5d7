"""Errors raised by :mod:`parvel.hashing`.

::

    ParvelError
    └── HashingError                a password could not be hashed
        ├── HashingConfigError      config/hashing.py names an unknown driver or a bad option
        └── PasswordTooLongError    bcrypt cannot hash passwords over 72 bytes
"""

from __future__ import annotations

from parvel.exceptions import ParvelError

__all__ = ["HashingConfigError", "HashingError", "PasswordTooLongError"]


class HashingError(ParvelError):
    """A password could not be hashed."""

    code = "hashing-error"


class HashingConfigError(HashingError):
    """The hashing configuration names an unknown driver or has an invalid option."""

    code = "hashing-config"


class PasswordTooLongError(HashingError):
    """The bcrypt driver was asked to hash a password longer than 72 bytes."""

    code = "password-too-long"
