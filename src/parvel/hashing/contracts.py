"""The :class:`Hasher` protocol every hashing driver implements, and :class:`HashInfo`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, TypedDict

__all__ = ["HashInfo", "Hasher"]


class HashInfo(TypedDict):
    """What a hash says about itself (Laravel's ``Hash::info``, PHP's ``password_get_info``).

    Attributes:
        algo: ``"argon2id"``, ``"argon2i"``, ``"bcrypt"``, or ``None`` for an unknown string.
        algo_name: The same name, or ``"unknown"``.
        options: The cost parameters: ``memory``, ``time`` and ``threads`` for Argon2;
            ``rounds`` for bcrypt; empty when unknown.
    """

    algo: str | None
    algo_name: str
    options: dict[str, int]


class Hasher(Protocol):
    """A password hashing driver (``argon2id``, ``argon``, ``bcrypt`` or a custom one)."""

    def make(self, password: str, options: Mapping[str, int] | None = None) -> str:
        """Hash ``password`` with a fresh random salt."""
        ...

    def check(self, password: str | None, hashed: str | None) -> bool:
        """Tell whether ``password`` matches ``hashed``; never raises on bad input."""
        ...

    def needs_rehash(self, hashed: str, options: Mapping[str, int] | None = None) -> bool:
        """Tell whether ``hashed`` was made with another algorithm or other parameters."""
        ...

    def info(self, hashed: str) -> HashInfo:
        """Describe the algorithm and parameters of ``hashed``."""
        ...
