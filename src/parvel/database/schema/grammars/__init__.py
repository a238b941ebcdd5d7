"""Schema grammars: one per SQL dialect, each compiling a Blueprint to DDL strings."""

from __future__ import annotations

from parvel.database.schema.exceptions import UnsupportedSchemaFeature
from parvel.database.schema.grammars._base import SchemaGrammar
from parvel.database.schema.grammars._mysql import MySqlSchemaGrammar
from parvel.database.schema.grammars._pgsql import PostgresSchemaGrammar
from parvel.database.schema.grammars._sqlite import SQLiteSchemaGrammar

GRAMMARS: dict[str, type[SchemaGrammar]] = {
    "sqlite": SQLiteSchemaGrammar,
    "pgsql": PostgresSchemaGrammar,
    "postgres": PostgresSchemaGrammar,
    "mysql": MySqlSchemaGrammar,
    "mariadb": MySqlSchemaGrammar,
}


def grammar_for(driver: str) -> SchemaGrammar:
    """Return the schema grammar for a driver name (``sqlite``, ``pgsql``, ``mysql``, ``mariadb``)."""
    try:
        grammar = GRAMMARS[driver]()
    except KeyError:
        raise UnsupportedSchemaFeature(
            f"There is no schema grammar for the database driver {driver!r}.",
            hint=f"Use one of: {', '.join(sorted(GRAMMARS))}.",
        ) from None
    if driver == "mariadb" and isinstance(grammar, MySqlSchemaGrammar):
        grammar.mariadb = True
    return grammar


__all__ = [
    "GRAMMARS",
    "MySqlSchemaGrammar",
    "PostgresSchemaGrammar",
    "SQLiteSchemaGrammar",
    "SchemaGrammar",
    "grammar_for",
]
