"""Parvel's database layer: connections, the query builder, pagination.

See docs/database.md.
"""

from __future__ import annotations

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
