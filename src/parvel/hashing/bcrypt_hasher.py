"""The ``bcrypt`` driver, on the bcrypt package; verifies Laravel's ``$2y$`` hashes too."""

from __future__ import annotations

from collections.abc import Mapping

import bcrypt

from parvel.hashing._identify import identify
from parvel.hashing.contracts import HashInfo
from parvel.hashing.exceptions import HashingConfigError, HashingError, PasswordTooLongError

__all__ = ["BCRYPT_MAX_BYTES", "BcryptHasher"]

#: bcrypt only ever reads the first 72 bytes of a password.
BCRYPT_MAX_BYTES = 72


def _to_bytes(password: str | bytes) -> bytes:
    if isinstance(password, bytes):
        return password
    try:
        return password.encode("utf-8")
    except UnicodeEncodeError:
        raise HashingError(
            "Cannot hash the password: it is not valid Unicode (lone surrogates).",
            hint="Hash text decoded from valid UTF-8.",
        ) from None


class BcryptHasher:
    """Hashes passwords with bcrypt.

    :meth:`make` refuses passwords longer than 72 bytes (bcrypt would silently ignore the rest);
    :meth:`check` compares only the first 72 bytes, exactly as PHP's ``password_verify`` does,
    so hashes created by a Laravel app keep working.

    Args:
        rounds: The cost factor, 4 to 31 (Laravel's default is 12).

    Raises:
        HashingConfigError: ``rounds`` is out of range.
    """

    algorithm = "bcrypt"

    def __init__(self, rounds: int = 12) -> None:
        self.rounds = self._validate(rounds)

    def make(self, password: str, options: Mapping[str, int] | None = None) -> str:
        """Hash ``password``; ``options`` may override ``rounds``.

        Raises:
            PasswordTooLongError: The password is longer than 72 bytes in UTF-8.
            HashingError: ``password`` is not a string.
            HashingConfigError: ``rounds`` is out of range.
        """
        if not isinstance(password, str | bytes):
            raise HashingError(
                f"Cannot hash a {type(password).__name__}.", hint="Pass the password as a str."
            )
        secret = _to_bytes(password)
        if len(secret) > BCRYPT_MAX_BYTES:
            raise PasswordTooLongError(
                f"The password is {len(secret)} bytes long; bcrypt only uses the first "
                f"{BCRYPT_MAX_BYTES}.",
                hint="Limit passwords to 72 bytes (validation rule max) or switch "
                "config/hashing.py to the argon2id driver, which has no limit.",
            )
        rounds = self._validate(dict(options or {}).get("rounds", self.rounds))
        return bcrypt.hashpw(secret, bcrypt.gensalt(rounds)).decode("ascii")

    def check(self, password: str | None, hashed: str | None) -> bool:
        """Tell whether ``password`` matches a ``$2y$``/``$2b$``/``$2a$`` hash; False on bad input."""
        if not isinstance(password, str | bytes) or not isinstance(hashed, str):
            return False
        if identify(hashed)["algo"] != "bcrypt":
            return False
        try:
            secret = _to_bytes(password)[:BCRYPT_MAX_BYTES]
            return bcrypt.checkpw(secret, hashed.encode("ascii"))
        except (HashingError, ValueError, UnicodeError):
            return False

    def needs_rehash(self, hashed: str, options: Mapping[str, int] | None = None) -> bool:
        """True if ``hashed`` is not bcrypt or used another cost (``$2y$`` and ``$2b$`` are equal)."""
        info = identify(hashed)
        rounds = self._validate(dict(options or {}).get("rounds", self.rounds))
        return info["algo"] != "bcrypt" or info["options"]["rounds"] != rounds

    def info(self, hashed: str) -> HashInfo:
        """Describe ``hashed`` (see :class:`~parvel.hashing.HashInfo`)."""
        return identify(hashed)

    @staticmethod
    def _validate(rounds: object) -> int:
        if isinstance(rounds, bool) or not isinstance(rounds, int) or not 4 <= rounds <= 31:
            raise HashingConfigError(
                f"bcrypt rounds must be an integer from 4 to 31, got {rounds!r} in "
                "config/hashing.py (bcrypt.rounds).",
                hint="Laravel's default is 12.",
            )
        return rounds
