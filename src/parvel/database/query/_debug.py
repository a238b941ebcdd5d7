"""Inline bindings into SQL for display (``to_raw_sql``/``dump``); never executed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parvel.database.query.grammars.grammar import Grammar

_TOKENS = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\?\?|\?""")


def literal(value: Any, grammar: Grammar) -> str:
    """A value as an SQL literal, for reading."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (datetime, date, time)):
        return grammar.quote_string(
            value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
        )
    if isinstance(value, bytes):
        return "x'" + value.hex() + "'"
    return grammar.quote_string(str(value))


def interpolate(sql: str, bindings: Sequence[Any], grammar: Grammar) -> str:
    """Replace each ``?`` placeholder (outside literals) with its quoted value."""
    values = iter(bindings)

    def repl(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            return literal(next(values, None), grammar)
        if token == "??":
            return "?"
        return token

    return _TOKENS.sub(repl, sql)
