"""Parvel's schema builder: create and change tables with a Blueprint.

See ``docs/migrations.md`` for the guide.
"""

from __future__ import annotations

from parvel.database.schema.blueprint import Blueprint
from parvel.database.schema.builder import BlueprintOperation, SchemaBuilder
from parvel.database.schema.columns import (
    ColumnDefinition,
    ForeignIdColumnDefinition,
    ForeignKeyDefinition,
)
from parvel.database.schema.exceptions import SchemaError, UnsupportedSchemaFeature
from parvel.database.schema.grammars import SchemaGrammar, grammar_for

__all__ = [
    "Blueprint",
    "BlueprintOperation",
    "ColumnDefinition",
    "ForeignIdColumnDefinition",
    "ForeignKeyDefinition",
    "SchemaBuilder",
    "SchemaError",
    "SchemaGrammar",
    "UnsupportedSchemaFeature",
    "grammar_for",
]
