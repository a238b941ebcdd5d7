"""Seeders: fill the database with data (``db:seed``, ``migrate:fresh --seed``).

See ``docs/migrations.md`` for the guide.
"""

from __future__ import annotations

from parvel.database.seeding.creator import create_seeder
from parvel.database.seeding.exceptions import SeederError, SeederNotFound
from parvel.database.seeding.loader import SeederLoader
from parvel.database.seeding.seeder import Seeder, WithoutModelEvents

__all__ = [
    "Seeder",
    "SeederError",
    "SeederLoader",
    "SeederNotFound",
    "WithoutModelEvents",
    "create_seeder",
]
