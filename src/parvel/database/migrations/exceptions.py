"""Errors raised while loading and running migrations.

::

    DatabaseError
    └── MigrationError
        ├── MigrationLoadError        a migration file cannot be imported or has no Migration class
        ├── MigrationFailed           a migration's up()/down() raised (file:line and the SQL error)
        └── ProductionGuard           a destructive command in production without --force
"""

from __future__ import annotations

from parvel.database.exceptions import DatabaseError


class MigrationError(DatabaseError):
    """Base class of migration errors."""

    code = "migration-error"


class MigrationLoadError(MigrationError):
    """A migration file has a syntax error, fails on import, or defines no Migration class."""

    code = "migration-load"


class MigrationFailed(MigrationError):
    """A migration raised while running; it was not recorded and will be retried next time.

    Attributes:
        migration: The migration's name (its file name without ``.py``).
        path: The migration file.
        line: The line in the migration file that was running, when known.
    """

    code = "migration-failed"

    def __init__(
        self,
        message: str,
        *,
        migration: str,
        path: str,
        line: int | None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.migration = migration
        self.path = path
        self.line = line


class ProductionGuard(MigrationError):
    """A command that changes the database was run in production without ``--force``."""

    code = "migration-production"
