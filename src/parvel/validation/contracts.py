"""Protocols the validation component depends on, so other layers can plug in.

* :class:`PresenceVerifier` answers the ``unique`` and ``exists`` rules (the database layer
  provides :class:`~parvel.validation.presence.DatabasePresenceVerifier`).
* :class:`UploadedFileLike` is what the file rules (``file``, ``image``, ``mimes``, size
  rules, ``dimensions`` ...) inspect; the HTTP layer adapts its upload objects to it and
  :class:`~parvel.validation.UploadedFile` is a ready-made implementation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

#: One extra ``where`` condition of a unique/exists query: ``(column, operator, value)``.
#: Operators are ``"="``, ``"!="``, ``"null"``, ``"not_null"`` (value ignored), ``"in"`` and
#: ``"not_in"`` (value is a list) and ``"callback"`` (value is a function receiving the query
#: builder; only a database-backed verifier can apply it).
WhereClause = tuple[str, str, Any]


class PresenceVerifier(Protocol):
    """Counts matching rows for the ``unique`` and ``exists`` rules."""

    async def get_count(
        self,
        table: str,
        column: str,
        value: Any,
        excluded_id: Any = None,
        id_column: str | None = None,
        extra: Sequence[WhereClause] = (),
        connection: str | None = None,
    ) -> int:
        """Count rows of ``table`` where ``column`` equals ``value``.

        Args:
            table: The table name.
            column: The column compared with ``value``.
            value: The value looked up.
            excluded_id: A primary key value to leave out (``Rule.unique(...).ignore(id)``).
            id_column: The column holding ``excluded_id`` (default ``"id"``).
            extra: Additional where conditions.
            connection: The connection name, ``None`` for the default one.

        Returns:
            The number of matching rows.
        """
        ...

    async def get_multi_count(
        self,
        table: str,
        column: str,
        values: Sequence[Any],
        extra: Sequence[WhereClause] = (),
        connection: str | None = None,
    ) -> int:
        """Count the rows of ``table`` whose ``column`` is one of ``values``.

        Args:
            table: The table name.
            column: The column compared with the values.
            values: The distinct values looked up.
            extra: Additional where conditions.
            connection: The connection name, ``None`` for the default one.

        Returns:
            The number of matching rows.
        """
        ...


@runtime_checkable
class UploadedFileLike(Protocol):
    """An uploaded file as the file rules see it.

    An object may also offer ``is_valid() -> bool``; when it returns ``False``, a field with
    file or presence rules fails with the ``uploaded`` message ("The :attribute failed to
    upload.").

    Attributes:
        filename: The name the client sent (may be ``None``).
        content_type: The MIME type the client claimed (may be ``None``).
        size: The size in bytes.
    """

    filename: str | None
    content_type: str | None
    size: int

    def head(self, length: int) -> bytes:
        """Return up to ``length`` bytes from the start of the file without consuming it.

        Args:
            length: The maximum number of bytes to return.

        Returns:
            The first bytes of the content (used to sniff the type and image dimensions).
        """
        ...
