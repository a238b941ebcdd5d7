"""Migrations: versioned schema changes with ``up()``/``down()``, run in batches.

See ``docs/migrations.md`` for the guide.
"""

from __future__ import annotations

from parvel.database.migrations.creator import create_migration
from parvel.database.migrations.exceptions import (
    MigrationError,
    MigrationFailed,
    MigrationLoadError,
    ProductionGuard,
)
from parvel.database.migrations.loader import MigrationFile, find_migrations, load_migration_class
from parvel.database.migrations.migration import Migration
from parvel.database.migrations.migrator import MigrationEvent, MigrationStatus, Migrator
from parvel.database.migrations.repository import MigrationRepository

__all__ = [
    "Migration",
    "MigrationError",
    "MigrationEvent",
    "MigrationFailed",
    "MigrationFile",
    "MigrationLoadError",
    "MigrationRepository",
    "MigrationStatus",
    "Migrator",
    "ProductionGuard",
    "create_migration",
    "find_migrations",
    "load_migration_class",
]
