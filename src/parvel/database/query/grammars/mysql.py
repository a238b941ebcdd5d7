"""The MySQL / MariaDB dialect."""

from __future__ import annotations

from parvel.database.query.grammars.grammar import Grammar


class MySqlGrammar(Grammar):
    """SQL for MySQL and MariaDB."""

    name = "mysql"
    quote_open = "`"
    quote_close = "`"

    def compile_json_selector(self, field: str, keys: list[str]) -> str:
        """``json_unquote(json_extract(`meta`, '$."a"."b"'))``."""
        return f"json_unquote(json_extract({field}, {self.json_path(keys)}))"
