"""Errors raised by seeders.

::

    DatabaseError
    └── SeederError
        └── SeederNotFound        ``db:seed --class`` names a class that cannot be found
"""

from __future__ import annotations

from parvel.database.exceptions import DatabaseError


class SeederError(DatabaseError):
    """A seeder cannot be created, loaded or run."""

    code = "seeder-error"


class SeederNotFound(SeederError):
    """No seeder class with the requested name exists."""

    code = "seeder-not-found"
