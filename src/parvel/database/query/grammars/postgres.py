"""The PostgreSQL dialect."""

from __future__ import annotations

from parvel.database.query.grammars.grammar import Grammar


class PostgresGrammar(Grammar):
    """SQL for PostgreSQL."""

    name = "pgsql"

    def compile_json_selector(self, field: str, keys: list[str]) -> str:
        """``"meta"->'a'->>'b'`` (text of the last key)."""
        parts = [k if k.isdigit() else self.quote_string(k) for k in keys]
        path = "->".join([field, *parts[:-1]])
        return f"{path}->>{parts[-1]}"
