"""Data and rich output behind ``db:show``, ``db:table NAME`` and ``db:wipe``.

The CLI wires these coroutines to commands; each returns plain data (for ``--json``) and
prints rich tables when given a console.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from parvel.database import introspection
from parvel.database.connection import Connection
from parvel.database.exceptions import DatabaseError
from parvel.database.manager import DatabaseManager

PLATFORMS = {"sqlite": "SQLite", "pgsql": "PostgreSQL", "mysql": "MySQL", "mariadb": "MariaDB"}


def _size(value: int | None) -> str:
    if value is None:
        return "-"
    size = float(value)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.2f} {unit}"
        size /= 1024
    return f"{size:.2f} GB"  # pragma: no cover


async def _version(conn: Connection) -> str:
    dialect = conn.grammar.name
    if dialect == "sqlite":
        return str(await conn.scalar("select sqlite_version()"))
    return str(await conn.scalar("select version()"))


async def _open_connections(conn: Connection) -> int | None:
    dialect = conn.grammar.name
    if dialect == "pgsql":
        return int(
            await conn.scalar(
                "select count(*) from pg_stat_activity where datname = current_database()"
            )
            or 0
        )
    if dialect == "mysql":
        row = await conn.select_one("show status where variable_name = 'Threads_connected'")
        return int(list(row.values())[1]) if row else None
    return None


async def db_show(
    manager: DatabaseManager,
    database: str | None = None,
    *,
    counts: bool = False,
    console: Console | None = None,
) -> dict[str, Any]:
    """Overview of a connection: platform, version, open connections and every table."""
    conn = manager.connection(database)
    tables = await introspection.get_tables(conn)
    if counts:
        for table in tables:
            try:
                table["rows"] = await conn.table(_unprefixed(conn, table["name"])).count()
            except DatabaseError:  # dropped meanwhile, or a name the builder cannot quote
                table["rows"] = None
    data: dict[str, Any] = {
        "platform": {
            "name": PLATFORMS.get(conn.driver, conn.driver),
            "version": await _version(conn),
            "connection": conn.name,
            "database": conn.get_database_name(),
            "host": conn.config.get("host"),
            "port": conn.config.get("port"),
            "username": conn.config.get("username"),
            "open_connections": await _open_connections(conn),
        },
        "tables": tables,
        "total_size": sum(t["size"] or 0 for t in tables)
        if any(t["size"] is not None for t in tables)
        else None,
    }
    if console is not None:
        _render_show(console, data, counts)
    return data


def _unprefixed(conn: Connection, name: str) -> str:
    prefix = conn.get_table_prefix()
    return name[len(prefix) :] if prefix and name.startswith(prefix) else name


def _render_show(console: Console, data: dict[str, Any], counts: bool) -> None:
    platform = data["platform"]
    summary = Table(
        show_header=False,
        box=None,
        title=f"{platform['name']} {platform['version']}",
        title_justify="left",
    )
    summary.add_column(style="bold")
    summary.add_column()
    for key in ("connection", "database", "host", "port", "username", "open_connections"):
        if platform.get(key) is not None:
            summary.add_row(key.replace("_", " ").capitalize(), str(platform[key]))
    summary.add_row("Tables", str(len(data["tables"])))
    if data["total_size"] is not None:
        summary.add_row("Total size", _size(data["total_size"]))
    console.print(summary)
    tables = Table(title="Tables", title_justify="left")
    tables.add_column("Table")
    tables.add_column("Size", justify="right")
    if counts:
        tables.add_column("Rows", justify="right")
    for table in data["tables"]:
        row = [table["name"], _size(table["size"])]
        if counts:
            row.append(str(table.get("rows", "")))
        tables.add_row(*row)
    console.print(tables)


async def db_table(
    manager: DatabaseManager,
    table: str,
    database: str | None = None,
    *,
    console: Console | None = None,
) -> dict[str, Any]:
    """Columns, indexes, foreign keys, size and row count of one table."""
    conn = manager.connection(database)
    if not await introspection.has_table(conn, table):
        raise DatabaseError(
            f"Table [{table}] does not exist on the [{conn.name}] connection.",
            hint="Run `parvel db:show` to list the tables.",
        )
    info = next(
        t
        for t in await introspection.get_tables(conn)
        if t["name"] == conn.get_table_prefix() + table
    )
    data = {
        "table": {"name": table, "size": info["size"], "rows": await conn.table(table).count()},
        "columns": await introspection.get_columns(conn, table),
        "indexes": await introspection.get_indexes(conn, table),
        "foreign_keys": await introspection.get_foreign_keys(conn, table),
    }
    if console is not None:
        _render_table(console, data)
    return data


def _render_table(console: Console, data: dict[str, Any]) -> None:
    head = data["table"]
    console.print(f"[bold]{head['name']}[/bold]  rows: {head['rows']}  size: {_size(head['size'])}")
    columns = Table(title="Columns", title_justify="left")
    for name in ("Column", "Type", "Nullable", "Default", "Attributes"):
        columns.add_column(name)
    for c in data["columns"]:
        attributes = ", ".join(a for a in ("autoincrement" if c["auto_increment"] else "",) if a)
        columns.add_row(
            c["name"],
            str(c["type"]),
            "yes" if c["nullable"] else "no",
            "" if c["default"] is None else str(c["default"]),
            attributes,
        )
    console.print(columns)
    if data["indexes"]:
        indexes = Table(title="Indexes", title_justify="left")
        for name in ("Index", "Columns", "Type"):
            indexes.add_column(name)
        for i in data["indexes"]:
            kind = "primary" if i["primary"] else "unique" if i["unique"] else "index"
            indexes.add_row(str(i["name"]), ", ".join(i["columns"]), kind)
        console.print(indexes)
    if data["foreign_keys"]:
        fks = Table(title="Foreign keys", title_justify="left")
        for name in ("Foreign key", "Columns", "References", "On update", "On delete"):
            fks.add_column(name)
        for f in data["foreign_keys"]:
            fks.add_row(
                str(f["name"] or "-"),
                ", ".join(f["columns"]),
                f"{f['foreign_table']}({', '.join(f['foreign_columns'])})",
                f["on_update"],
                f["on_delete"],
            )
        console.print(fks)


async def db_wipe(
    manager: DatabaseManager,
    database: str | None = None,
    *,
    drop_views: bool = False,
    drop_types: bool = False,
    console: Console | None = None,
) -> list[str]:
    """Drop every table (and views with ``drop_views``); returns the dropped table names.

    ``drop_types`` also drops PostgreSQL's user-defined types (``UnsupportedSchemaFeature``
    elsewhere).
    """
    conn = manager.connection(database)
    names = await introspection.get_table_names(conn)
    grammar = conn.grammar
    dialect = grammar.name
    views: list[str] = []
    if drop_views:
        views = await _view_names(conn)
    quoted = [grammar.quote_identifier(name) for name in names]
    quoted_views = [grammar.quote_identifier(name) for name in views]
    if dialect == "sqlite":
        script = ["PRAGMA foreign_keys = OFF"]
        script += [f"drop view if exists {v}" for v in quoted_views]
        script += [f"drop table if exists {t}" for t in quoted]
        script.append("PRAGMA foreign_keys = ON")
        await conn.unprepared("; ".join(script))
    elif dialect == "pgsql":
        if quoted_views:
            await conn.statement(f"drop view if exists {', '.join(quoted_views)} cascade")
        if quoted:
            await conn.statement(f"drop table if exists {', '.join(quoted)} cascade")
    else:
        script = ["SET FOREIGN_KEY_CHECKS = 0"]
        if quoted_views:
            script.append(f"drop view if exists {', '.join(quoted_views)}")
        if quoted:
            script.append(f"drop table if exists {', '.join(quoted)}")
        script.append("SET FOREIGN_KEY_CHECKS = 1")
        await conn.unprepared("; ".join(script))
    if drop_types:
        from parvel.database.schema.builder import SchemaBuilder

        await SchemaBuilder(conn).drop_all_types()
    if console is not None:
        console.print(
            f"[green]Dropped all tables[/green] ({len(names)}) on [{conn.name}] successfully."
        )
    return names


async def _view_names(conn: Connection) -> list[str]:
    return await introspection.get_view_names(conn)
