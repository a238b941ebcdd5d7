"""``schema:dump``: write the database's schema and the migrations table to one SQL file.

When the migrations table does not exist yet, ``migrate`` loads the dump first and then runs
only the migrations that are newer than it, like Laravel's squashed migrations. SQLite and
MySQL/MariaDB are dumped through SQL; PostgreSQL through ``pg_dump`` (which must be on PATH).
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
from pathlib import Path

from parvel.database.connection import Connection
from parvel.database.migrations.exceptions import MigrationError
from parvel.database.migrations.repository import MigrationRepository
from parvel.database.schema import SchemaBuilder, grammar_for

SEPARATOR = ";\n\n"


async def dump_schema(connection: Connection, repository: MigrationRepository) -> str:
    """The SQL that recreates the schema and the migrations table's rows."""
    if connection.driver == "sqlite":
        body = await _sqlite_schema(connection)
    elif connection.driver == "pgsql":
        body = await _pgsql_schema(connection)
    else:
        body = await _mysql_schema(connection)
    grammar = grammar_for(connection.driver)
    table = grammar.wrap(connection.get_table_prefix() + repository.table)
    rows = []
    for row in await connection.table(repository.table).order_by("id").get():
        name = grammar.quote_string(str(row["migration"]))
        rows.append(
            f"insert into {table} ({grammar.columnize(['migration', 'batch'])}) "
            f"values ({name}, {int(row['batch'])})"
        )
    return body + "".join(statement + SEPARATOR for statement in rows)


async def load_schema(connection: Connection, path: Path) -> None:
    """Run a schema dump written by :func:`dump_schema`."""
    sql = await asyncio.to_thread(path.read_text, encoding="utf-8")
    if connection.driver == "mysql" or connection.driver == "mariadb":
        for statement in sql.split(SEPARATOR):
            if statement.strip():
                await connection.statement(statement)
        return
    async with connection.transaction():
        await connection.unprepared(sql)


async def _sqlite_schema(connection: Connection) -> str:
    rows = await connection.select(
        "select type, sql from sqlite_master where sql is not null "
        "and name not like 'sqlite_%' order by case type when 'table' then 0 "
        "when 'index' then 1 else 2 end, rowid"
    )
    return "".join(str(row["sql"]) + SEPARATOR for row in rows)


async def _mysql_schema(connection: Connection) -> str:
    statements = ["set foreign_key_checks = 0"]
    for table in await SchemaBuilder(connection).get_tables():
        row = await connection.select_one(f"show create table {grammar_for('mysql').wrap(table)}")
        if row is not None:
            statements.append(str(row["Create Table"]))
    statements.append("set foreign_key_checks = 1")
    return "".join(statement + SEPARATOR for statement in statements)


async def _pgsql_schema(connection: Connection) -> str:
    binary = shutil.which("pg_dump")
    if binary is None:
        raise MigrationError(
            "schema:dump needs the pg_dump program for PostgreSQL, and it is not on PATH.",
            hint="Install the PostgreSQL client tools (the same major version as the server).",
        )
    config = connection.config
    schema = await connection.scalar("select current_schema()")
    args = [
        binary,
        "--schema-only",
        "--no-owner",
        "--no-acl",
        f"--schema={schema}",
        f"--host={config.get('host', '127.0.0.1')}",
        f"--port={config.get('port', 5432)}",
        f"--username={config.get('username', 'postgres')}",
        str(config.get("database", "")),
    ]
    env = {**os.environ, "PGPASSWORD": str(config.get("password") or "")}
    process = await asyncio.create_subprocess_exec(
        *args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, env=env
    )
    out, err = await process.communicate()
    if process.returncode != 0:
        raise MigrationError(
            f"pg_dump failed: {err.decode(errors='replace').strip()}",
            hint="Check the connection settings and that pg_dump matches the server version.",
        )
    text = out.decode()
    session = ("\\", "SET ", "SELECT pg_catalog.set_config(")
    text = "\n".join(line for line in text.splitlines() if not line.startswith(session))
    text = re.sub(r"(?im)^CREATE SCHEMA (?!IF NOT EXISTS)", "CREATE SCHEMA IF NOT EXISTS ", text)
    return text.rstrip() + "\n\n"
