"""SQL grammars: one per dialect, compiling query builders to SQL with ``?`` placeholders."""

from __future__ import annotations

from parvel.database.query.grammars.grammar import Grammar
from parvel.database.query.grammars.mysql import MySqlGrammar
from parvel.database.query.grammars.postgres import PostgresGrammar
from parvel.database.query.grammars.sqlite import SQLiteGrammar

__all__ = ["Grammar", "MySqlGrammar", "PostgresGrammar", "SQLiteGrammar"]
