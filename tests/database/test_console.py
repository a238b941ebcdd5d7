import io

import pytest
from rich.console import Console

from parvel.database import Connection, DatabaseError, DatabaseManager, QueryError
from parvel.database import introspection as inspect
from parvel.database.console import db_show, db_table, db_wipe


def console() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=160, color_system=None), out


async def test_db_show_lists_tables(manager: DatabaseManager, connection: Connection) -> None:
    await connection.table("users").insert({"name": "Ann"})
    rich, out = console()
    data = await db_show(manager, counts=True, console=rich)
    assert data["platform"]["connection"] == connection.name
    assert data["platform"]["name"] in {"SQLite", "PostgreSQL", "MySQL", "MariaDB"}
    users = next(t for t in data["tables"] if t["name"] == "users")
    assert users["rows"] == 1
    text = out.getvalue()
    assert "users" in text
    assert "posts" in text


async def test_db_table_describes_columns(manager: DatabaseManager, connection: Connection) -> None:
    rich, out = console()
    data = await db_table(manager, "users", console=rich)
    assert [c["name"] for c in data["columns"]][:2] == ["id", "name"]
    assert data["table"]["rows"] == 0
    text = out.getvalue()
    assert "email" in text
    assert "primary" in text
    with pytest.raises(DatabaseError, match=r"Table \[missing\] does not exist"):
        await db_table(manager, "missing")


async def test_db_wipe_drops_everything(manager: DatabaseManager, connection: Connection) -> None:
    # Wipe an isolated schema/database so other suites' tables in the shared test database survive.
    config = dict(manager.configuration(connection.name))
    if connection.driver == "pgsql":
        await connection.statement("create schema if not exists parvel_wipe")
        config["search_path"] = "parvel_wipe"
    elif connection.driver != "sqlite":
        await connection.statement("create database if not exists parvel_wipe")
        config["database"] = "parvel_wipe"
    isolated = DatabaseManager({"default": "wipe", "connections": {"wipe": config}})
    conn = isolated.connection()
    try:
        await conn.statement("drop view if exists user_names")
        await conn.statement(
            "create table if not exists users (id integer primary key, name varchar(20))"
        )
        await conn.statement(
            "create table if not exists posts (id integer primary key, user_id integer)"
        )
        await conn.statement("create view user_names as select name from users")
        if connection.driver == "pgsql":
            await conn.statement("drop type if exists wipe_mood")
            await conn.statement("create type wipe_mood as enum ('a', 'b')")
        dropped = await db_wipe(isolated, drop_views=True, drop_types=connection.driver == "pgsql")
        assert {"users", "posts"} <= set(dropped)
        assert await inspect.get_table_names(conn) == []
        assert await inspect.get_types(conn) == []
        with pytest.raises(QueryError, match="user_names"):
            await conn.scalar("select count(*) from user_names")
    finally:
        await isolated.disconnect_all()
