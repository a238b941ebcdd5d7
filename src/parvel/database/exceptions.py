"""Errors raised by Parvel's database layer.

::

    DatabaseError
    ├── ConfigurationError          unknown connection or driver, bad DSN
    ├── DriverNotInstalled          the driver's pip extra is missing
    ├── DatabaseConnectionError     the server could not be reached
    ├── InvalidIdentifier           an unsafe table/column name
    ├── QueryError                  the driver rejected a statement
    │   ├── UniqueConstraintViolation
    │   └── LostConnectionError
    ├── TransactionError            commit/rollback misuse
    ├── InvalidCursor               a pagination cursor could not be decoded
    ├── RecordsNotFound             ``sole()`` found no row
    ├── MultipleRecordsFound        ``sole()`` found several rows
    └── UnsupportedFeature          the dialect cannot do what was asked
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from parvel.exceptions import ParvelError


class DatabaseError(ParvelError):
    """Base class of every database error."""

    code = "database-error"


class ConfigurationError(DatabaseError):
    """A connection is not configured, or its configuration is unusable."""

    code = "database-config"


class DriverNotInstalled(DatabaseError):
    """The Python driver a connection needs is not installed."""

    code = "database-driver-missing"


class DatabaseConnectionError(DatabaseError):
    """The database server could not be reached or refused the login."""

    code = "database-connection"


class InvalidIdentifier(DatabaseError):
    """A table or column name does not match the safe identifier pattern."""

    code = "database-invalid-identifier"


class UnsupportedFeature(DatabaseError):
    """The connection's dialect does not support the requested operation."""

    code = "database-unsupported"


class TransactionError(DatabaseError):
    """A transaction was committed or rolled back when none was active."""

    code = "database-transaction"


class InvalidCursor(DatabaseError):
    """A pagination cursor could not be decoded."""

    code = "database-invalid-cursor"


class RecordsNotFound(DatabaseError):
    """``sole()`` expected exactly one row and found none."""

    code = "database-records-not-found"


class MultipleRecordsFound(DatabaseError):
    """``sole()`` expected exactly one row and found several."""

    code = "database-multiple-records"

    def __init__(self, count: int, message: str | None = None, *, hint: str | None = None) -> None:
        super().__init__(
            message or f"{count} records were found where exactly one was expected.", hint=hint
        )
        self.count = count


class QueryError(DatabaseError):
    """The database rejected a statement.

    Attributes:
        sql: The SQL as written (with ``?`` placeholders).
        bindings: The bound values.
        connection_name: The name of the connection that ran it.
    """

    code = "database-query"

    def __init__(
        self,
        message: str,
        *,
        sql: str = "",
        bindings: Sequence[Any] = (),
        connection_name: str = "",
        hint: str | None = None,
    ) -> None:
        full = (
            f"{message} (Connection: {connection_name}, SQL: {sql}, Bindings: {list(bindings)!r})"
        )
        super().__init__(full, hint=hint)
        self.driver_message = message
        self.sql = sql
        self.bindings = list(bindings)
        self.connection_name = connection_name


class UniqueConstraintViolation(QueryError):
    """An insert or update broke a unique index or primary key."""

    code = "database-unique-violation"


class LostConnectionError(QueryError):
    """The connection to the server was lost while running a statement."""

    code = "database-lost-connection"
