"""Convert ``?`` placeholders to each driver's style, skipping literals and comments."""

from __future__ import annotations

import re
from functools import lru_cache

_TOKENS = re.compile(
    r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|--[^\n]*|/\*.*?\*/|\?\?|\?|%""",
    re.DOTALL,
)


@lru_cache(maxsize=4096)
def to_numbered(sql: str) -> str:
    """``?`` → ``$1, $2, ...`` (asyncpg); ``??`` stays a literal ``?``."""
    if "?" not in sql:
        return sql
    counter = 0

    def repl(match: re.Match[str]) -> str:
        nonlocal counter
        token = match.group(0)
        if token == "?":
            counter += 1
            return f"${counter}"
        if token == "??":
            return "?"
        return token

    return _TOKENS.sub(repl, sql)


@lru_cache(maxsize=4096)
def to_format(sql: str) -> str:
    """``?`` → ``%s`` and ``%`` → ``%%`` (asyncmy with arguments); ``??`` → ``?``."""

    def repl(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        if token == "??":
            return "?"
        if token == "%":
            return "%%"
        return token.replace("%", "%%")

    return _TOKENS.sub(repl, sql)


@lru_cache(maxsize=1024)
def unescape(sql: str) -> str:
    """``??`` → ``?`` for SQL sent without arguments."""
    if "??" not in sql:
        return sql
    return _TOKENS.sub(lambda m: "?" if m.group(0) == "??" else m.group(0), sql)


_NAMED = re.compile(
    r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|--[^\n]*|/\*.*?\*/|::|(?<![\w:]):([A-Za-z_][A-Za-z0-9_]*)""",
    re.DOTALL,
)


@lru_cache(maxsize=1024)
def named_to_qmark(sql: str) -> tuple[str, tuple[str, ...]]:
    """``:name`` placeholders → ``?`` plus the names in order (``::`` casts stay put)."""
    names: list[str] = []

    def repl(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:
            return match.group(0)
        names.append(name)
        return "?"

    return _NAMED.sub(repl, sql), tuple(names)
