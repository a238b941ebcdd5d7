"""The base query grammar: compiles a query builder to SQL with ``?`` placeholders."""

from __future__ import annotations

from parvel.database.query.grammars._wrapping import Wrapper


class Grammar(Wrapper):
    """SQL shared by every dialect; subclasses override what differs."""

    name = "base"

    def compile_savepoint(self, name: str) -> str:
        """SQL creating a savepoint."""
        return f"SAVEPOINT {name}"

    def compile_savepoint_rollback(self, name: str) -> str:
        """SQL rolling back to a savepoint."""
        return f"ROLLBACK TO SAVEPOINT {name}"
