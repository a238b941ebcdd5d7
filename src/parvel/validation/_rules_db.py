"""Rules needing I/O (async): unique, exists, current_password."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parvel.validation._values import php_str

if TYPE_CHECKING:
    from parvel.validation.contracts import WhereClause
    from parvel.validation.validator import Validator

P = tuple[Any, ...]


def split_table(table: str) -> tuple[str | None, str]:
    """Split ``"connection.table"`` into its parts (no dot: default connection)."""
    connection, dot, name = table.rpartition(".")
    return (connection or None, name) if dot else (None, table)


def guess_column(attribute: str) -> str:
    """The column for ``unique:users`` on ``attribute`` (the last non-index segment)."""
    segments = [s for s in attribute.split(".") if not s.isdecimal()]
    return segments[-1] if segments else attribute


def extra_wheres(params: P) -> list[WhereClause]:
    """Turn ``col,value`` pairs into where clauses (``NULL``, ``NOT_NULL``, ``!value``)."""
    out: list[WhereClause] = []
    pending = list(params)
    while pending:
        head = pending.pop(0)
        if isinstance(head, tuple) and len(head) == 3:
            out.append((str(head[0]), str(head[1]), head[2]))
            continue
        if not pending:
            break
        column, value = str(head), pending.pop(0)
        text = php_str(value)
        if text == "NULL":
            out.append((column, "null", None))
        elif text == "NOT_NULL":
            out.append((column, "not_null", None))
        elif text.startswith("!"):
            out.append((column, "!=", text[1:]))
        else:
            out.append((column, "=", value))
    return out


def _scalar_ok(value: Any) -> bool:
    return (isinstance(value, str | int | float) and not isinstance(value, bool)) or value is None


async def unique(v: Validator, a: str, value: Any, p: P) -> bool:
    if not _scalar_ok(value):
        return False
    connection, table = split_table(str(p[0]))
    column = str(p[1]) if len(p) > 1 and p[1] not in ("", "NULL") else guess_column(a)
    excluded: Any = p[2] if len(p) > 2 and p[2] not in ("", "NULL", None) else None
    id_column = str(p[3]) if len(p) > 3 and p[3] not in ("", "NULL") else None
    extra = extra_wheres(p[4:])
    count = await v.presence_verifier().get_count(
        table, column, value, excluded, id_column, extra, connection
    )
    return count == 0


async def exists(v: Validator, a: str, value: Any, p: P) -> bool:
    connection, table = split_table(str(p[0]))
    column = str(p[1]) if len(p) > 1 and p[1] not in ("", "NULL") else guess_column(a)
    extra = extra_wheres(p[2:])
    verifier = v.presence_verifier()
    if isinstance(value, list | tuple):
        if not all(_scalar_ok(x) and x is not None for x in value):
            return False
        values = list(dict.fromkeys(value))
        if not values:
            return True
        return await verifier.get_multi_count(table, column, values, extra, connection) >= len(
            values
        )
    if not _scalar_ok(value):
        return False
    return await verifier.get_count(table, column, value, None, None, extra, connection) > 0


async def current_password(v: Validator, a: str, value: Any, p: P) -> bool:
    if not isinstance(value, str):
        return False
    guard = str(p[0]) if p else None
    return bool(await v.password_checker()(value, guard))
