"""Argon2 drivers on argon2-cffi: ``argon2id`` (the default) and ``argon`` (Argon2i, as in Laravel)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from argon2 import PasswordHasher, Type
from argon2.exceptions import Argon2Error, InvalidHashError

from parvel.hashing._identify import identify
from parvel.hashing.contracts import HashInfo
from parvel.hashing.exceptions import HashingConfigError, HashingError

__all__ = ["Argon2idHasher", "ArgonHasher"]

_OPTIONS = ("memory", "time", "threads")


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


class ArgonHasher:
    """Hashes passwords with Argon2i (Laravel's ``argon`` driver).

    Prefer :class:`Argon2idHasher`, which resists both side-channel and GPU attacks.

    Args:
        memory: Memory cost in KiB (Laravel's default 65536 = 64 MiB).
        time: Number of iterations (default 4).
        threads: Degree of parallelism (default 1).

    Raises:
        HashingConfigError: An option is not a positive integer, or ``memory`` is below
            ``8 * threads`` KiB.
    """

    algorithm: ClassVar[str] = "argon2i"
    _type: ClassVar[Type] = Type.I

    def __init__(self, memory: int = 65536, time: int = 4, threads: int = 1) -> None:
        self.memory, self.time, self.threads = self._validate(
            {"memory": memory, "time": time, "threads": threads}
        )
        self._hasher = self._build(self.memory, self.time, self.threads)

    def make(self, password: str, options: Mapping[str, int] | None = None) -> str:
        """Hash ``password``; ``options`` may override ``memory``, ``time`` and ``threads``.

        Raises:
            HashingError: ``password`` is not a string.
            HashingConfigError: An option is invalid.
        """
        if not isinstance(password, str | bytes):
            raise HashingError(
                f"Cannot hash a {type(password).__name__}.", hint="Pass the password as a str."
            )
        hasher = self._hasher if not options else self._build(*self._merged(options))
        return hasher.hash(_to_bytes(password))

    def check(self, password: str | None, hashed: str | None) -> bool:
        """Tell whether ``password`` matches an Argon2 (i, id or d) hash; False on bad input."""
        if not isinstance(password, str | bytes) or not isinstance(hashed, str) or not hashed:
            return False
        try:
            return self._hasher.verify(hashed, password)
        except (Argon2Error, InvalidHashError, ValueError, UnicodeError):
            return False

    def needs_rehash(self, hashed: str, options: Mapping[str, int] | None = None) -> bool:
        """True if ``hashed`` is not this variant or used other cost parameters."""
        info = identify(hashed)
        if info["algo"] != self.algorithm:
            return True
        memory, time, threads = self._merged(options or {})
        return info["options"] != {"memory": memory, "time": time, "threads": threads}

    def info(self, hashed: str) -> HashInfo:
        """Describe ``hashed`` (see :class:`~parvel.hashing.HashInfo`)."""
        return identify(hashed)

    def _merged(self, options: Mapping[str, int]) -> tuple[int, int, int]:
        current = {"memory": self.memory, "time": self.time, "threads": self.threads}
        # bcrypt's per-call ``rounds`` means nothing to Argon2: ignored, as Laravel does
        chosen = {key: value for key, value in options.items() if key != "rounds"}
        return self._validate({**current, **chosen})

    @staticmethod
    def _validate(options: Mapping[str, object]) -> tuple[int, int, int]:
        unknown = sorted(set(options) - set(_OPTIONS))
        if unknown:
            raise HashingConfigError(
                f"Unknown Argon2 option(s) {', '.join(unknown)} in config/hashing.py (argon).",
                hint="Use memory, time and threads.",
            )
        values: list[int] = []
        for name in _OPTIONS:
            value = options[name]
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise HashingConfigError(
                    f"Argon2 option {name!r} must be a positive integer, got {value!r} "
                    "in config/hashing.py (argon).",
                    hint="Laravel's defaults are memory=65536, time=4, threads=1.",
                )
            values.append(value)
        memory, time, threads = values
        if memory < 8 * threads:
            raise HashingConfigError(
                f"Argon2 memory must be at least 8 KiB per thread, got memory={memory} for "
                f"threads={threads} in config/hashing.py (argon).",
                hint="Raise memory (65536 is a good default).",
            )
        return memory, time, threads

    def _build(self, memory: int, time: int, threads: int) -> PasswordHasher:
        return PasswordHasher(
            time_cost=time, memory_cost=memory, parallelism=threads, type=self._type
        )


class Argon2idHasher(ArgonHasher):
    """Hashes passwords with Argon2id, Parvel's default driver (``argon2id``)."""

    algorithm: ClassVar[str] = "argon2id"
    _type: ClassVar[Type] = Type.ID
