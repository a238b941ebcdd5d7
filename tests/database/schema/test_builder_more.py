"""Schema builder additions: foreign_id_for, datetimes, column-type and view helpers."""

from __future__ import annotations

import pytest

from parvel.database import DatabaseManager
from parvel.database.schema import Blueprint, SchemaBuilder


class User:
    """Stands in for an ORM model with an incrementing integer key."""

    key_type = "int"
    incrementing = True

    @classmethod
    def get_foreign_key(cls) -> str:
        return "user_id"

    @classmethod
    def get_table(cls) -> str:
        return "sb_people"

    @classmethod
    def get_key_name(cls) -> str:
        return "id"


class HasUlids:
    """Named like the ORM mixin that gives models ULID keys."""

    incrementing = False
    key_type = "str"


class Token(HasUlids):
    @classmethod
    def get_foreign_key(cls) -> str:
        return "token_id"

    @classmethod
    def get_table(cls) -> str:
        return "sb_tokens"

    @classmethod
    def get_key_name(cls) -> str:
        return "id"


async def test_foreign_id_for_uses_the_model(schema: SchemaBuilder) -> None:
    async with schema.create("sb_people") as table:
        table.id()
    async with schema.create("sb_tokens") as table:
        table.ulid("id").primary()
    async with schema.create("sb_visits") as table:
        table.id()
        table.foreign_id_for(User).constrained().cascade_on_delete()
        table.foreign_id_for(Token).nullable().constrained()
        table.foreign_id_for(User, "host_id").nullable()
    keys = sorted(await schema.get_foreign_keys("sb_visits"), key=lambda k: k["columns"])
    assert [(k["columns"], k["foreign_table"]) for k in keys] == [
        (["token_id"], "sb_tokens"),
        (["user_id"], "sb_people"),
    ]
    assert await schema.has_columns("sb_visits", ["user_id", "token_id", "host_id"])
    blueprint = Blueprint("x")
    assert blueprint.foreign_id_for(Token).type == "char"
    assert blueprint.foreign_id_for(User).unsigned_


async def test_datetimes_and_column_helpers(schema: SchemaBuilder) -> None:
    async with schema.create("sb_logs") as table:
        table.id()
        table.string("level", 20)
        table.datetimes()
        table.soft_deletes_datetime()
    assert await schema.has_columns("sb_logs", ["created_at", "updated_at", "deleted_at"])
    assert await schema.get_column_type("sb_logs", "level") == "varchar"
    full = await schema.get_column_type("sb_logs", "level", full_definition=True)
    assert (
        full
        == {"sqlite": "varchar", "pgsql": "character varying", "mysql": "varchar(20)"}[
            schema.connection.driver
        ]
    )
    columns = {c["name"]: c for c in await schema.get_columns("sb_logs")}
    assert columns["level"]["type_name"] == "varchar"

    def add_note(table: Blueprint) -> None:
        table.string("note").nullable()

    await schema.when_table_doesnt_have_column("sb_logs", "note", add_note)
    await schema.when_table_doesnt_have_column("sb_logs", "note", add_note)  # no second add
    assert await schema.has_column("sb_logs", "note")
    await schema.when_table_has_column("sb_logs", "note", lambda t: t.drop_column("note"))
    assert not await schema.has_column("sb_logs", "note")


async def test_views(schema: SchemaBuilder) -> None:
    async with schema.create("sb_items") as table:
        table.id()
    await schema.connection.statement("create view sb_items_view as select id from sb_items")
    assert await schema.has_view("sb_items_view")
    [view] = [v for v in await schema.get_views() if v["name"] == "sb_items_view"]
    assert "sb_items" in str(view["definition"])
    await schema.drop_all_views()
    assert await schema.get_views() == []


async def test_geometry_columns_spatial_index_and_invisible(schema: SchemaBuilder) -> None:
    driver = schema.connection.driver
    if driver == "pgsql":
        pytest.skip("geometry needs the PostGIS extension (compiled SQL: test_grammars.py)")
    async with schema.create("sb_places") as table:
        table.id()
        table.geometry("spot")
        if driver == "mysql":
            table.spatial_index("spot")
        table.string("secret").nullable().invisible()
    assert await schema.has_columns("sb_places", ["spot", "secret"])
    if driver == "mysql":
        assert await schema.has_index("sb_places", "sb_places_spot_spatialindex")
        conn = schema.connection
        await conn.statement("insert into sb_places (spot, secret) values (point(1, 2), 's')")
        row = await conn.table("sb_places").first()
        assert row is not None
        assert "secret" not in row  # invisible to select *


async def test_blueprint_rename_and_drop(schema: SchemaBuilder) -> None:
    async with schema.create("sb_old") as table:
        table.id()
    async with schema.table("sb_old") as table:
        table.rename("sb_new")
    assert await schema.has_table("sb_new")
    assert not await schema.has_table("sb_old")
    async with schema.table("sb_new") as table:
        table.drop()
    assert not await schema.has_table("sb_new")
    async with schema.table("sb_new") as table:
        table.drop_if_exists()


async def test_get_schema_builder(schema: SchemaBuilder) -> None:
    other = schema.connection.get_schema_builder()
    assert isinstance(other, SchemaBuilder)
    assert other.connection is schema.connection
    manager = DatabaseManager({"default": "s", "connections": {"s": {"driver": "sqlite"}}})
    assert manager.get_schema_builder().connection is manager.connection()


async def test_from_starts_auto_increment(schema: SchemaBuilder) -> None:
    async with schema.create("sb_tickets") as table:
        table.id().from_(500)
        table.string("ref")
    await schema.connection.table("sb_tickets").insert({"ref": "a"})
    assert await schema.connection.table("sb_tickets").value("id") == 500


async def test_generated_as_identity(schema: SchemaBuilder) -> None:
    async with schema.create("sb_counters") as table:
        table.integer("n").generated_as("start with 100").always()
        table.string("label")
    conn = schema.connection
    if conn.driver != "pgsql":
        return  # ignored elsewhere: a plain integer column
    await conn.table("sb_counters").insert({"label": "a"})
    assert await conn.table("sb_counters").value("n") == 100
