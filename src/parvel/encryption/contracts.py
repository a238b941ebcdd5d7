"""Protocols other components depend on instead of the concrete :class:`Encrypter`."""

from __future__ import annotations

from typing import Any, Protocol

__all__ = ["EncrypterContract", "StringEncrypterContract"]


class StringEncrypterContract(Protocol):
    """Encrypts and decrypts plain strings."""

    def encrypt_string(self, value: str, *, purpose: str | None = None) -> str:
        """Encrypt ``value`` and return the payload."""
        ...

    def decrypt_string(self, payload: str, *, purpose: str | None = None) -> str:
        """Decrypt a payload made by :meth:`encrypt_string`."""
        ...


class EncrypterContract(StringEncrypterContract, Protocol):
    """Encrypts and decrypts JSON-serializable values and signs strings."""

    def encrypt(self, value: Any, serialize: bool = True, *, purpose: str | None = None) -> str:
        """Encrypt ``value`` and return the payload."""
        ...

    def decrypt(self, payload: str, unserialize: bool = True, *, purpose: str | None = None) -> Any:
        """Decrypt a payload made by :meth:`encrypt`."""
        ...

    def sign(self, value: str, purpose: str = "default") -> str:
        """Return ``value`` with a signature appended."""
        ...

    def unsign(self, signed: str, purpose: str = "default") -> str | None:
        """Return the value of a signed string, or ``None`` when the signature is wrong."""
        ...
