"""The SQLite dialect."""

from __future__ import annotations

from parvel.database.query.grammars.grammar import Grammar


class SQLiteGrammar(Grammar):
    """SQL for SQLite."""

    name = "sqlite"
