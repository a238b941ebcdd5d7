"""SQLite "batch mode": apply changes ALTER TABLE cannot make by rebuilding the table.

The table is read back (columns, primary key, indexes, foreign keys), the blueprint's
changes are applied to that description, and then, in one transaction: create
``__temp__<table>``, copy the rows, drop the old table, rename the new one and recreate
the indexes. Foreign key enforcement is switched off around the rebuild when no
transaction is open and checked with ``pragma foreign_key_check`` before committing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parvel.database.connection import Connection
from parvel.database.schema.blueprint import Blueprint
from parvel.database.schema.columns import Command
from parvel.database.schema.exceptions import SchemaError
from parvel.database.schema.grammars._sqlite import SQLiteSchemaGrammar

_CONSTRAINT = re.compile(r'constraint\s+"((?:[^"]|"")+)"\s+foreign\s+key\s*\(([^)]*)\)', re.I)


@dataclass
class _Index:
    name: str
    columns: list[str]
    unique: bool


@dataclass
class _Foreign:
    name: str
    columns: list[str]
    table: str
    references: list[str]
    on_delete: str
    on_update: str


_TABLE_CONSTRAINT = re.compile(r"^(constraint|primary|unique|check|foreign)\b", re.I)
_INLINE_ONLY = re.compile(r"\b(references|unique)\b", re.I)


def _split_top_level(body: str) -> list[str]:
    """Split a CREATE TABLE body at commas outside parentheses and quotes."""
    parts: list[str] = []
    depth, quote, start = 0, "", 0
    for i, ch in enumerate(body):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"`[":
            quote = "]" if ch == "[" else ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(body[start:i].strip())
            start = i + 1
    parts.append(body[start:].strip())
    return [p for p in parts if p]


def parse_create_table(sql: str) -> tuple[dict[str, str], list[str]]:
    """Column definitions (name -> text after the name) and CHECK constraints of a table."""
    open_at, close_at = sql.find("("), sql.rfind(")")
    if open_at < 0 or close_at < open_at:
        return {}, []
    columns: dict[str, str] = {}
    checks: list[str] = []
    for part in _split_top_level(sql[open_at + 1 : close_at]):
        if _TABLE_CONSTRAINT.match(part):
            if part.lower().startswith("check"):
                checks.append(part)
            continue
        match = re.match(r'^("(?:[^"]|"")+"|`[^`]+`|\[[^\]]+\]|\S+)\s*(.*)$', part, re.S)
        if match:
            raw = match.group(1)
            name = raw[1:-1].replace('""', '"') if raw[0] in '"`[' else raw
            columns[name] = match.group(2).strip()
    return columns, checks


@dataclass
class TableState:
    """The parts of a SQLite table a rebuild must carry over."""

    name: str
    columns: dict[str, str] = field(default_factory=dict)
    origins: dict[str, str | None] = field(default_factory=dict)
    primary: list[str] = field(default_factory=list)
    indexes: list[_Index] = field(default_factory=list)
    foreigns: list[_Foreign] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)


async def read_table(conn: Connection, grammar: SQLiteSchemaGrammar, table: str) -> TableState:
    """Read a table's columns, primary key, indexes and foreign keys."""
    name = grammar.table_prefix + table
    master = await conn.select(
        "select sql from sqlite_master where type = 'table' and name = ?", [name]
    )
    if not master:
        raise SchemaError(
            f"Cannot alter table {name!r}: it does not exist.",
            hint="Create it first with schema.create(), or check the table name.",
        )
    create_sql = str(master[0]["sql"] or "")
    autoincrement = "autoincrement" in create_sql.lower()
    state = TableState(name)
    columns = await conn.select("select * from pragma_table_xinfo(?) order by cid", [name])
    pk = sorted((int(c["pk"]), str(c["name"])) for c in columns if int(c["pk"]))
    state.primary = [n for _, n in pk]
    written, state.checks = parse_create_table(create_sql)
    for col in columns:
        col_name = str(col["name"])
        state.origins[col_name] = None if int(col["hidden"] or 0) in (2, 3) else col_name
        verbatim = written.get(col_name)
        if verbatim is not None and not _INLINE_ONLY.search(verbatim):
            state.columns[col_name] = verbatim  # keeps CHECK, COLLATE, GENERATED, ...
            continue
        parts = [str(col["type"] or "")]
        if state.primary == [col_name] and str(col["type"]).lower() == "integer":
            parts.append("primary key autoincrement" if autoincrement else "primary key")
        parts.append("not null" if int(col["notnull"]) else "null")
        if col["dflt_value"] is not None:
            parts.append(f"default {col['dflt_value']}")
        state.columns[col_name] = " ".join(p for p in parts if p)
    for index in await conn.select("select * from pragma_index_list(?)", [name]):
        if index["origin"] == "pk":
            continue
        info = await conn.select(
            "select name from pragma_index_info(?) order by seqno", [index["name"]]
        )
        cols = [str(r["name"]) for r in info]
        index_name = str(index["name"])
        if index_name.startswith("sqlite_autoindex_"):
            index_name = "_".join([name, *cols, "unique"]).lower()
        state.indexes.append(_Index(index_name, cols, bool(index["unique"])))
    names = {
        tuple(c.strip().strip('"') for c in cols.split(",")): n.replace('""', '"')
        for n, cols in _CONSTRAINT.findall(create_sql)
    }
    groups: dict[int, list[dict[str, object]]] = {}
    for row in await conn.select("select * from pragma_foreign_key_list(?)", [name]):
        groups.setdefault(int(str(row["id"])), []).append(row)
    for rows in groups.values():
        rows.sort(key=lambda r: int(str(r["seq"])))
        cols = [str(r["from"]) for r in rows]
        state.foreigns.append(
            _Foreign(
                names.get(tuple(cols), "_".join([name, *cols, "foreign"]).lower()),
                cols,
                str(rows[0]["table"]),
                [str(r["to"]) for r in rows],
                str(rows[0]["on_delete"]).lower(),
                str(rows[0]["on_update"]).lower(),
            )
        )
    return state


def _missing(kind: str, name: str, table: str) -> SchemaError:
    return SchemaError(
        f"Cannot drop {kind} {name!r} on table {table!r}: it does not exist.",
        hint="Check the name (Parvel names them {table}_{columns}_{type}) or pass the columns.",
    )


def apply_blueprint(state: TableState, grammar: SQLiteSchemaGrammar, blueprint: Blueprint) -> None:
    """Apply the blueprint's column changes and commands to the table description."""
    for column in blueprint.changed_columns():
        if column.name not in state.columns:
            raise SchemaError(
                f"Cannot change column {column.name!r}: table {state.name!r} has no such column."
            )
        state.columns[column.name] = " ".join(
            [grammar.type_sql(column), *grammar.modifiers(column, blueprint)]
        )
    for column in blueprint.added_columns():
        state.columns[column.name] = " ".join(
            [grammar.type_sql(column), *grammar.modifiers(column, blueprint)]
        )
        state.origins[column.name] = None
    for command in blueprint.all_commands():
        _apply_command(state, command)
    if any("primary key" in d for d in state.columns.values()):
        state.primary = []


def _apply_command(state: TableState, command: Command) -> None:
    name = command.name
    if name == "drop_column":
        for col in command.columns:
            if col not in state.columns:
                raise _missing("column", col, state.name)
            del state.columns[col]
            state.origins.pop(col, None)
        dropped = set(command.columns)
        state.checks = [
            c for c in state.checks if not any(_mentions(c, column) for column in dropped)
        ]
        state.indexes = [i for i in state.indexes if not dropped & set(i.columns)]
        state.foreigns = [f for f in state.foreigns if not dropped & set(f.columns)]
        state.primary = [c for c in state.primary if c not in dropped]
    elif name == "rename_column":
        old, new = command.columns[0], str(command.params["to"])
        if old not in state.columns:
            raise _missing("column", old, state.name)
        state.columns = {
            (new if k == old else k): _rename_in(v, old, new) for k, v in state.columns.items()
        }
        state.checks = [_rename_in(c, old, new) for c in state.checks]
        state.origins = {(new if k == old else k): v for k, v in state.origins.items()}

        def swap(cols: list[str]) -> list[str]:
            return [new if c == old else c for c in cols]

        state.primary = swap(state.primary)
        for index in state.indexes:
            index.columns = swap(index.columns)
        for fk in state.foreigns:
            fk.columns = swap(fk.columns)
    elif name == "foreign":
        fk = command.params["definition"]
        state.foreigns.append(
            _Foreign(
                str(fk.name),
                list(fk.columns),
                fk.blueprint.prefix + str(fk.on_),
                list(fk.references_),
                fk.on_delete_ or "no action",
                fk.on_update_ or "no action",
            )
        )
    elif name == "drop_foreign":
        keep = [
            f
            for f in state.foreigns
            if f.name != command.index and not (command.columns and f.columns == command.columns)
        ]
        if len(keep) == len(state.foreigns):
            raise _missing("foreign key", str(command.index), state.name)
        state.foreigns = keep
    elif name == "primary":
        state.primary = list(command.columns)
        for col in command.columns:
            state.columns[col] = re.sub(
                r"\s*primary key( autoincrement)?", "", state.columns[col], flags=re.I
            )
    elif name == "drop_primary":
        state.primary = []
        state.columns = {
            k: re.sub(r"\s*primary key( autoincrement)?", "", v, flags=re.I)
            for k, v in state.columns.items()
        }
    elif name in {"index", "unique"}:
        state.indexes.append(_Index(str(command.index), list(command.columns), name == "unique"))
    elif name in {"drop_index", "drop_unique"}:
        keep_idx = [i for i in state.indexes if i.name != command.index]
        if len(keep_idx) == len(state.indexes):
            raise _missing("index", str(command.index), state.name)
        state.indexes = keep_idx
    elif name == "rename_index":
        matches = [i for i in state.indexes if i.name == command.index]
        if not matches:
            raise _missing("index", str(command.index), state.name)
        matches[0].name = str(command.params["to"])
    else:
        raise SchemaError(f"SQLite cannot apply {name.replace('_', ' ')} to {state.name!r}.")


def _mentions(sql: str, column: str) -> bool:
    return (
        re.search(rf'(?<![\w"]){re.escape(column)}(?![\w"])|"{re.escape(column)}"', sql) is not None
    )


def _rename_in(sql: str, old: str, new: str) -> str:
    """Rewrite quoted references to a renamed column (Parvel always quotes identifiers)."""
    quoted_old = '"' + old.replace('"', '""') + '"'
    return sql.replace(quoted_old, '"' + new.replace('"', '""') + '"')


def rebuild_statements(state: TableState, grammar: SQLiteSchemaGrammar) -> list[str]:
    """The statements that rebuild the table into ``state``."""
    temp = grammar.wrap(f"__temp__{state.name}")
    table = grammar.wrap(state.name)
    parts = [f"{grammar.wrap(col)} {definition}" for col, definition in state.columns.items()]
    for fk in state.foreigns:
        sql = (
            f"constraint {grammar.wrap(fk.name)} foreign key ({grammar.columnize(fk.columns)}) "
            f"references {grammar.wrap(fk.table)} ({grammar.columnize(fk.references)})"
        )
        if fk.on_delete and fk.on_delete != "no action":
            sql += f" on delete {fk.on_delete}"
        if fk.on_update and fk.on_update != "no action":
            sql += f" on update {fk.on_update}"
        parts.append(sql)
    if state.primary:
        parts.append(f"primary key ({grammar.columnize(state.primary)})")
    parts.extend(state.checks)
    copied = [(new, old) for new, old in state.origins.items() if old is not None]
    statements = [f"create table {temp} ({', '.join(parts)})"]
    if copied:
        statements.append(
            f"insert into {temp} ({grammar.columnize(n for n, _ in copied)}) "
            f"select {grammar.columnize(o for _, o in copied)} from {table}"
        )
    statements += [f"drop table {table}", f"alter table {temp} rename to {table}"]
    for index in state.indexes:
        unique = "unique " if index.unique else ""
        statements.append(
            f"create {unique}index {grammar.wrap(index.name)} on {table} "
            f"({grammar.columnize(index.columns)})"
        )
    return statements


async def _referenced(conn: Connection, table: str) -> bool:
    """Whether another table has a foreign key to ``table``."""
    rows = await conn.select(
        "select 1 from sqlite_master m, pragma_foreign_key_list(m.name) f "
        "where m.type = 'table' and m.name != ? and f.\"table\" = ?",
        [table, table],
    )
    return bool(rows)


async def rebuild_table(
    conn: Connection, grammar: SQLiteSchemaGrammar, blueprint: Blueprint
) -> None:
    """Apply ``blueprint`` to its SQLite table by rebuilding it (see the module docs)."""
    if conn.pretending():
        await conn.statement(
            f"-- rebuild {grammar.wrap_table(blueprint.table)}: create a new table with the "
            "changes, copy the rows, drop the old table, rename, recreate indexes"
        )
        return
    state = await read_table(conn, grammar, blueprint.table)
    apply_blueprint(state, grammar, blueprint)
    statements = rebuild_statements(state, grammar)
    fk_rows = await conn.select("pragma foreign_keys")
    enforcing = bool(fk_rows and next(iter(fk_rows[0].values())))
    if conn.transaction_level() == 0:
        if enforcing:
            await conn.statement("pragma foreign_keys = off")
        try:
            async with conn.transaction():
                for sql in statements:
                    await conn.statement(sql)
                await _check_foreign_keys(conn, state.name)
        finally:
            if enforcing:
                await conn.statement("pragma foreign_keys = on")
        return
    if enforcing and await _referenced(conn, state.name):
        raise SchemaError(
            f"Cannot rebuild SQLite table {state.name!r} inside a transaction while foreign "
            "keys are enforced: other tables reference it and dropping it would fire their "
            "ON DELETE actions.",
            hint="Run the change outside a transaction (migrations do this for you), or "
            "disable foreign keys before the transaction starts.",
        )
    for sql in statements:
        await conn.statement(sql)
    await _check_foreign_keys(conn, state.name)


async def _check_foreign_keys(conn: Connection, table: str) -> None:
    rows = await conn.select(f"pragma foreign_key_check({SQLiteSchemaGrammar().wrap(table)})")
    if rows:
        raise SchemaError(
            f"Rebuilding SQLite table {table!r} left {len(rows)} row(s) violating its foreign "
            "keys; the change was rolled back.",
            hint="Fix or delete the rows whose referenced parent does not exist.",
        )
