"""Parvel's database layer: connections, the query builder, pagination.

See docs/database.md.
"""

from __future__ import annotations

from parvel.database.connection import Connection, QueryExecuted
from parvel.database.exceptions import (
    ConfigurationError,
    DatabaseConnectionError,
    DatabaseError,
    DriverNotInstalled,
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
from parvel.database.query.expression import Expression
from parvel.database.url import parse_database_url

__all__ = [
    "ConfigurationError",
    "Connection",
    "DatabaseConnectionError",
    "DatabaseError",
    "DatabaseManager",
    "DriverNotInstalled",
    "Expression",
    "InvalidIdentifier",
    "LostConnectionError",
    "MultipleRecordsFound",
    "QueryError",
    "QueryExecuted",
    "RecordsNotFound",
    "TransactionError",
    "UniqueConstraintViolation",
    "UnsupportedFeature",
    "parse_database_url",
]
