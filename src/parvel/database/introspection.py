"""Read a database's structure: tables, columns, indexes and foreign keys, per dialect.

Every function takes a :class:`~parvel.database.Connection` and returns plain dicts, so the
schema builder, ``db:show`` and ``db:table`` share one implementation.
"""

from __future__ import annotations

from typing import Any

from parvel.database.connection import Connection
from parvel.database.query.grammars._wrapping import check_segment


def _table_name(conn: Connection, table: str) -> str:
    check_segment(table, table)
    return conn.get_table_prefix() + table


def _dialect(conn: Connection) -> str:
    return conn.grammar.name


async def get_tables(conn: Connection) -> list[dict[str, Any]]:
    """Every base table: ``name``, ``schema``, ``size`` (bytes or None), ``comment``, ``engine``."""
    dialect = _dialect(conn)
    if dialect == "sqlite":
        rows = await conn.select(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' "
            "escape '\\' order by name"
        )
        return [
            {"name": r["name"], "schema": "main", "size": None, "comment": None, "engine": None}
            for r in rows
        ]
    if dialect == "pgsql":
        rows = await conn.select(
            "select c.relname as name, n.nspname as schema, pg_total_relation_size(c.oid) as size, "
            "obj_description(c.oid, 'pg_class') as comment from pg_class c "
            "join pg_namespace n on n.oid = c.relnamespace "
            "where c.relkind in ('r', 'p') and n.nspname = current_schema() order by c.relname"
        )
        return [{**r, "engine": None} for r in rows]
    rows = await conn.select(
        "select table_name as name, table_schema as `schema`, "
        "(data_length + index_length) as size, table_comment as comment, engine as engine "
        "from information_schema.tables where table_schema = database() "
        "and table_type = 'BASE TABLE' order by table_name"
    )
    return [{**r, "size": int(r["size"]) if r["size"] is not None else None} for r in rows]


async def get_views(conn: Connection) -> list[dict[str, Any]]:
    """Every view of the connection's database (or PostgreSQL schema).

    Each is a dict with ``name``, ``schema`` and ``definition`` (the view's SQL).
    """
    dialect = _dialect(conn)
    if dialect == "sqlite":
        rows = await conn.select(
            "select name, 'main' as schema, sql as definition from sqlite_master "
            "where type = 'view' order by name"
        )
    elif dialect == "pgsql":
        rows = await conn.select(
            "select viewname as name, schemaname as schema, definition from pg_views "
            "where schemaname = current_schema() order by viewname"
        )
    else:
        rows = await conn.select(
            "select table_name as name, table_schema as `schema`, view_definition as definition "
            "from information_schema.views where table_schema = database() order by table_name"
        )
    return [
        {"name": str(r["name"]), "schema": r["schema"], "definition": r["definition"]} for r in rows
    ]


async def get_view_names(conn: Connection) -> list[str]:
    """The names of every view of the connection's database (or PostgreSQL schema)."""
    return [view["name"] for view in await get_views(conn)]


async def get_types(conn: Connection) -> list[dict[str, Any]]:
    """User-defined types of the current PostgreSQL schema: ``name`` and ``kind``.

    ``kind`` is ``enum``, ``domain``, ``composite`` or ``range``. Other databases have none.
    """
    if _dialect(conn) != "pgsql":
        return []
    rows = await conn.select(
        "select t.typname as name, t.typtype as kind from pg_type t "
        "join pg_namespace n on n.oid = t.typnamespace "
        "left join pg_class c on c.oid = t.typrelid "
        "where n.nspname = current_schema() and t.typcategory <> 'A' and t.typtype <> 'm' "
        "and (t.typrelid = 0 or c.relkind = 'c') "
        "and not exists (select 1 from pg_depend d where d.objid = t.oid and d.deptype = 'e') "
        "order by t.typname"
    )
    kinds = {"e": "enum", "d": "domain", "c": "composite", "r": "range", "b": "base"}
    return [{"name": r["name"], "kind": kinds.get(str(r["kind"]), str(r["kind"]))} for r in rows]


async def get_table_names(conn: Connection) -> list[str]:
    """The names of every base table (with the connection's prefix, as stored)."""
    return [t["name"] for t in await get_tables(conn)]


async def has_table(conn: Connection, table: str) -> bool:
    """True when ``table`` (prefix added) exists."""
    return _table_name(conn, table) in await get_table_names(conn)


async def get_columns(conn: Connection, table: str) -> list[dict[str, Any]]:
    """The table's columns in order.

    Each is a dict with ``name``, ``type``, ``type_name``, ``nullable``, ``default``,
    ``auto_increment`` and ``comment``. ``type_name`` is the bare type (``varchar``, ``int8`` on PostgreSQL), ``type`` as the
    database describes it.
    """
    columns = await _columns(conn, table)
    for column in columns:
        if not column.get("type_name"):
            column["type_name"] = str(column["type"]).split("(", 1)[0].strip().lower()
    return columns


async def _columns(conn: Connection, table: str) -> list[dict[str, Any]]:
    name = _table_name(conn, table)
    dialect = _dialect(conn)
    if dialect == "sqlite":
        rows = await conn.select("select * from pragma_table_xinfo(?) order by cid", [name])
        sql_row = await conn.select_one(
            "select sql from sqlite_master where type = 'table' and name = ?", [name]
        )
        auto = "autoincrement" in str((sql_row or {}).get("sql") or "").lower()
        pk_count = sum(1 for r in rows if r["pk"])
        return [
            {
                "name": r["name"],
                "type": str(r["type"]).lower(),
                "nullable": not r["notnull"] and not r["pk"],
                "default": r["dflt_value"],
                "auto_increment": bool(r["pk"])
                and pk_count == 1
                and str(r["type"]).lower() == "integer"
                and auto,
                "comment": None,
            }
            for r in rows
        ]
    if dialect == "pgsql":
        rows = await conn.select(
            "select column_name as name, data_type as type, udt_name as type_name, "
            "is_nullable as nullable, "
            "column_default as default, is_identity as identity, "
            "col_description((quote_ident(table_schema) || '.' || quote_ident(table_name))::regclass, "
            "ordinal_position::int) as comment "
            "from information_schema.columns where table_schema = current_schema() and table_name = ? "
            "order by ordinal_position",
            [name],
        )
        return [
            {
                "name": r["name"],
                "type": r["type"],
                "type_name": r["type_name"],
                "nullable": r["nullable"] == "YES",
                "default": r["default"],
                "auto_increment": r["identity"] == "YES"
                or str(r["default"] or "").startswith("nextval("),
                "comment": r["comment"],
            }
            for r in rows
        ]
    rows = await conn.select(
        "select column_name as name, column_type as type, is_nullable as nullable, "
        "column_default as `default`, extra as extra, column_comment as comment "
        "from information_schema.columns where table_schema = database() and table_name = ? "
        "order by ordinal_position",
        [name],
    )
    return [
        {
            "name": r["name"],
            "type": r["type"],
            "nullable": r["nullable"] == "YES",
            "default": r["default"],
            "auto_increment": "auto_increment" in str(r["extra"]).lower(),
            "comment": r["comment"] or None,
        }
        for r in rows
    ]


async def get_column_names(conn: Connection, table: str) -> list[str]:
    """The column names of ``table`` in order."""
    return [c["name"] for c in await get_columns(conn, table)]


async def has_column(conn: Connection, table: str, column: str) -> bool:
    """True when ``table`` has ``column`` (case-insensitive, like Laravel)."""
    lowered = column.lower()
    return any(name.lower() == lowered for name in await get_column_names(conn, table))


async def get_indexes(conn: Connection, table: str) -> list[dict[str, Any]]:
    """Indexes: ``name``, ``columns`` (list), ``unique``, ``primary``."""
    name = _table_name(conn, table)
    dialect = _dialect(conn)
    if dialect == "sqlite":
        indexes: list[dict[str, Any]] = []
        for idx in await conn.select("select * from pragma_index_list(?) order by seq", [name]):
            cols = await conn.select(
                "select name from pragma_index_info(?) order by seqno", [idx["name"]]
            )
            primary = idx["origin"] == "pk"
            indexes.append(
                {
                    "name": "primary" if primary else idx["name"],
                    "columns": [c["name"] for c in cols],
                    "unique": bool(idx["unique"]),
                    "primary": primary,
                }
            )
        if not any(i["primary"] for i in indexes):
            pk = [
                r["name"]
                for r in sorted(
                    await conn.select(
                        "select name, pk from pragma_table_info(?) where pk > 0", [name]
                    ),
                    key=lambda r: r["pk"],
                )
            ]
            if pk:
                indexes.insert(
                    0, {"name": "primary", "columns": pk, "unique": True, "primary": True}
                )
        return indexes
    if dialect == "pgsql":
        rows = await conn.select(
            "select ic.relname as name, ix.indisunique as unique, ix.indisprimary as primary, "
            "array_agg(a.attname order by k.ord) as columns from pg_index ix "
            "join pg_class tc on tc.oid = ix.indrelid join pg_class ic on ic.oid = ix.indexrelid "
            "join pg_namespace n on n.oid = tc.relnamespace "
            "cross join lateral unnest(ix.indkey) with ordinality as k(attnum, ord) "
            "join pg_attribute a on a.attrelid = tc.oid and a.attnum = k.attnum "
            "where tc.relname = ? and n.nspname = current_schema() "
            "group by ic.relname, ix.indisunique, ix.indisprimary order by ic.relname",
            [name],
        )
        return [
            {
                "name": r["name"],
                "columns": list(r["columns"]),
                "unique": r["unique"],
                "primary": r["primary"],
            }
            for r in rows
        ]
    rows = await conn.select(
        "select index_name as name, column_name as col, non_unique as non_unique "
        "from information_schema.statistics where table_schema = database() and table_name = ? "
        "order by index_name, seq_in_index",
        [name],
    )
    grouped: dict[str, dict[str, Any]] = {}
    for r in rows:
        entry = grouped.setdefault(
            r["name"],
            {
                "name": "primary" if r["name"] == "PRIMARY" else r["name"],
                "columns": [],
                "unique": not int(r["non_unique"]),
                "primary": r["name"] == "PRIMARY",
            },
        )
        entry["columns"].append(r["col"])
    return list(grouped.values())


async def get_foreign_keys(conn: Connection, table: str) -> list[dict[str, Any]]:
    """Foreign keys: ``name``, ``columns``, ``foreign_table``, ``foreign_columns``, ``on_update``, ``on_delete``."""
    name = _table_name(conn, table)
    dialect = _dialect(conn)
    if dialect == "sqlite":
        grouped: dict[int, dict[str, Any]] = {}
        for r in await conn.select(
            "select * from pragma_foreign_key_list(?) order by id, seq", [name]
        ):
            entry = grouped.setdefault(
                r["id"],
                {
                    "name": None,
                    "columns": [],
                    "foreign_table": r["table"],
                    "foreign_columns": [],
                    "on_update": str(r["on_update"]).lower(),
                    "on_delete": str(r["on_delete"]).lower(),
                },
            )
            entry["columns"].append(r["from"])
            entry["foreign_columns"].append(r["to"])
        return list(grouped.values())
    if dialect == "pgsql":
        rows = await conn.select(
            "select c.conname as name, ft.relname as foreign_table, "
            "array(select a.attname from unnest(c.conkey) with ordinality k(n, o) "
            "join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.o) as columns, "
            "array(select a.attname from unnest(c.confkey) with ordinality k(n, o) "
            "join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.o) as foreign_columns, "
            "c.confupdtype::text as on_update, c.confdeltype::text as on_delete from pg_constraint c "
            "join pg_class t on t.oid = c.conrelid join pg_class ft on ft.oid = c.confrelid "
            "join pg_namespace n on n.oid = t.relnamespace "
            "where c.contype = 'f' and t.relname = ? and n.nspname = current_schema() order by c.conname",
            [name],
        )
        actions = {
            "a": "no action",
            "r": "restrict",
            "c": "cascade",
            "n": "set null",
            "d": "set default",
        }
        return [
            {
                "name": r["name"],
                "columns": list(r["columns"]),
                "foreign_table": r["foreign_table"],
                "foreign_columns": list(r["foreign_columns"]),
                "on_update": actions.get(str(r["on_update"]), str(r["on_update"])),
                "on_delete": actions.get(str(r["on_delete"]), str(r["on_delete"])),
            }
            for r in rows
        ]
    rows = await conn.select(
        "select kc.constraint_name as name, kc.column_name as col, "
        "kc.referenced_table_name as foreign_table, kc.referenced_column_name as foreign_col, "
        "rc.update_rule as on_update, rc.delete_rule as on_delete "
        "from information_schema.key_column_usage kc join information_schema.referential_constraints rc "
        "on rc.constraint_schema = kc.table_schema and rc.constraint_name = kc.constraint_name "
        "and rc.table_name = kc.table_name "
        "where kc.table_schema = database() and kc.table_name = ? and kc.referenced_table_name is not null "
        "order by kc.constraint_name, kc.ordinal_position",
        [name],
    )
    fks: dict[str, dict[str, Any]] = {}
    for r in rows:
        entry = fks.setdefault(
            r["name"],
            {
                "name": r["name"],
                "columns": [],
                "foreign_table": r["foreign_table"],
                "foreign_columns": [],
                "on_update": str(r["on_update"]).lower(),
                "on_delete": str(r["on_delete"]).lower(),
            },
        )
        entry["columns"].append(r["col"])
        entry["foreign_columns"].append(r["foreign_col"])
    return list(fks.values())
