"""Parvel's database layer: connections, the query builder, pagination.

See docs/database.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parvel.support.lazy import lazy_exports

if TYPE_CHECKING:
    from parvel.database.connection import Connection, QueryExecuted
    from parvel.database.contracts import ConnectionResolver
    from parvel.database.exceptions import (
        ConfigurationError,
        DatabaseConnectionError,
        DatabaseError,
        DriverNotInstalled,
        InvalidCursor,
        InvalidIdentifier,
        LostConnectionError,
        MultipleRecordsFound,
        QueryError,
        RecordsNotFound,
        TransactionError,
        UniqueConstraintViolation,
        UnsupportedFeature,
    )
    from parvel.database.manager import DatabaseManager
    from parvel.database.pagination import Cursor, CursorPaginator, LengthAwarePaginator, Paginator
    from parvel.database.query.builder import Builder
    from parvel.database.query.expression import Expression
    from parvel.database.query.join import JoinClause
    from parvel.database.url import parse_database_url


__all__ = [
    "Builder",
    "ConfigurationError",
    "Connection",
    "ConnectionResolver",
    "Cursor",
    "CursorPaginator",
    "DatabaseConnectionError",
    "DatabaseError",
    "DatabaseManager",
    "DriverNotInstalled",
    "Expression",
    "InvalidCursor",
    "InvalidIdentifier",
    "JoinClause",
    "LengthAwarePaginator",
    "LostConnectionError",
    "MultipleRecordsFound",
    "Paginator",
    "QueryError",
    "QueryExecuted",
    "RecordsNotFound",
    "TransactionError",
    "UniqueConstraintViolation",
    "UnsupportedFeature",
    "parse_database_url",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "Builder": "parvel.database.query.builder",
        "ConfigurationError": "parvel.database.exceptions",
        "Connection": "parvel.database.connection",
        "ConnectionResolver": "parvel.database.contracts",
        "Cursor": "parvel.database.pagination",
        "CursorPaginator": "parvel.database.pagination",
        "DatabaseConnectionError": "parvel.database.exceptions",
        "DatabaseError": "parvel.database.exceptions",
        "DatabaseManager": "parvel.database.manager",
        "DriverNotInstalled": "parvel.database.exceptions",
        "Expression": "parvel.database.query.expression",
        "InvalidCursor": "parvel.database.exceptions",
        "InvalidIdentifier": "parvel.database.exceptions",
        "JoinClause": "parvel.database.query.join",
        "LengthAwarePaginator": "parvel.database.pagination",
        "LostConnectionError": "parvel.database.exceptions",
        "MultipleRecordsFound": "parvel.database.exceptions",
        "Paginator": "parvel.database.pagination",
        "QueryError": "parvel.database.exceptions",
        "QueryExecuted": "parvel.database.connection",
        "RecordsNotFound": "parvel.database.exceptions",
        "TransactionError": "parvel.database.exceptions",
        "UniqueConstraintViolation": "parvel.database.exceptions",
        "UnsupportedFeature": "parvel.database.exceptions",
        "parse_database_url": "parvel.database.url",
    },
)
