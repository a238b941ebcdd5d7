"""The schema builder against real SQLite, PostgreSQL and MariaDB databases."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from parvel.database import QueryError
from parvel.database.schema import Blueprint, SchemaBuilder, SchemaError


async def test_every_column_type_round_trips(schema: SchemaBuilder) -> None:
    async with schema.create("sb_types") as table:
        table.id()
        table.string("name", 100)
        table.char("code", 3)
        table.text("body")
        table.medium_text("mid")
        table.long_text("long")
        table.tiny_integer("tiny")
        table.small_integer("small")
        table.integer("num")
        table.big_integer("big")
        table.unsigned_integer("positive")
        table.boolean("flag")
        table.decimal("price", 8, 2)
        table.float("ratio")
        table.double("precise")
        table.date("day")
        table.datetime("at")
        table.timestamp("stamp").nullable()
        table.time("clock")
        table.year("year")
        table.json("meta")
        table.uuid("uuid")
        table.ulid("ulid")
        table.enum("status", ["draft", "live"])
        table.binary("blob")
        table.soft_deletes()
        table.remember_token()
        table.timestamps()
    row = {
        "name": "Ada",
        "code": "ABC",
        "body": "text",
        "mid": "mid",
        "long": "long",
        "tiny": 7,
        "small": 300,
        "num": 70000,
        "big": 2**40,
        "positive": 5,
        "flag": True,
        "price": "12.34",
        "ratio": 0.5,
        "precise": 1.25,
        "day": dt.date(2024, 5, 6),
        "at": dt.datetime(2024, 5, 6, 7, 8, 9),
        "clock": dt.time(7, 8, 9),
        "year": 2024,
        "meta": {"a": 1},
        "uuid": "0b9e2f4c-1d2e-4f3a-9b8c-7d6e5f4a3b2c",
        "ulid": "01HZX3Q5W8K9M2N4P6R8T0V2X4",
        "status": "live",
        "blob": b"\x00\x01binary",
    }
    conn = schema.connection
    await conn.table("sb_types").insert(row)
    back = await conn.table("sb_types").first()
    assert back is not None
    assert back["id"] == 1
    for key in ("name", "code", "body", "mid", "long", "tiny", "small", "num", "big", "positive"):
        assert back[key] == row[key], key
    assert bool(back["flag"]) is True
    assert Decimal(str(back["price"])) == Decimal("12.34")
    assert float(back["ratio"]) == 0.5
    assert float(back["precise"]) == 1.25
    assert str(back["day"]).startswith("2024-05-06")
    assert str(back["at"]).startswith("2024-05-06")
    assert str(back["clock"]).endswith("7:08:09")
    assert int(back["year"]) == 2024
    assert "a" in str(back["meta"])
    assert str(back["uuid"]) == row["uuid"]
    assert back["ulid"] == row["ulid"]
    assert back["status"] == "live"
    assert bytes(back["blob"]) == b"\x00\x01binary"
    assert back["deleted_at"] is None
    assert back["remember_token"] is None
    assert await schema.has_column("sb_types", "remember_token")


async def test_enum_rejects_other_values(schema: SchemaBuilder) -> None:
    async with schema.create("sb_enum") as table:
        table.enum("status", ["draft", "live"])
    if schema.connection.driver == "mysql":
        await schema.connection.statement("set session sql_mode = 'STRICT_ALL_TABLES'")
    with pytest.raises(QueryError):
        await schema.connection.table("sb_enum").insert({"status": "gone"})


async def test_create_with_a_function_and_modifiers(schema: SchemaBuilder) -> None:
    def build(table: Blueprint) -> None:
        table.increments("id")
        table.string("email").unique()
        table.string("nick").nullable().default("anon").comment("shown name")
        table.integer("votes").default(0).index()
        table.timestamp("seen_at").use_current()

    await schema.create("sb_users", build)
    assert await schema.has_table("sb_users")
    assert not await schema.has_table("sb_missing")
    conn = schema.connection
    await conn.table("sb_users").insert({"email": "a@example.com"})
    row = await conn.table("sb_users").first()
    assert row is not None
    assert (row["nick"], row["votes"]) == ("anon", 0)
    assert row["seen_at"] is not None
    indexes = {i["name"]: i for i in await schema.get_indexes("sb_users")}
    assert indexes["sb_users_email_unique"]["unique"]
    assert indexes["sb_users_votes_index"]["columns"] == ["votes"]
    assert await schema.has_index("sb_users", ["email"], "unique")
    with pytest.raises(QueryError):
        await conn.table("sb_users").insert({"email": "a@example.com"})
    columns = {c["name"]: c for c in await schema.get_columns("sb_users")}
    assert columns["nick"]["nullable"]
    assert not columns["email"]["nullable"]
    if conn.driver != "sqlite":
        assert columns["nick"]["comment"] == "shown name"


async def test_foreign_keys_cascade_and_introspect(schema: SchemaBuilder) -> None:
    async with schema.create("sb_authors") as table:
        table.id()
        table.string("name")
    async with schema.create("sb_books") as table:
        table.id()
        table.foreign_id("author_id").constrained("sb_authors").cascade_on_delete()
        table.string("title")
    fks = await schema.get_foreign_keys("sb_books")
    assert len(fks) == 1
    assert fks[0]["columns"] == ["author_id"]
    assert fks[0]["foreign_table"] == "sb_authors"
    assert fks[0]["on_delete"] == "cascade"
    conn = schema.connection
    await conn.table("sb_authors").insert({"name": "Ann"})
    await conn.table("sb_books").insert({"author_id": 1, "title": "One"})
    with pytest.raises(QueryError):
        await conn.table("sb_books").insert({"author_id": 99, "title": "Orphan"})
    await conn.table("sb_authors").where("id", 1).delete()
    assert await conn.table("sb_books").count() == 0


async def test_alter_add_rename_change_drop_keeps_rows(schema: SchemaBuilder) -> None:
    async with schema.create("sb_posts") as table:
        table.id()
        table.string("title")
        table.string("slug").unique()
        table.integer("views").default(0)
    conn = schema.connection
    await conn.table("sb_posts").insert({"title": "Hello", "slug": "hello", "views": 3})
    async with schema.table("sb_posts") as table:
        table.text("body").nullable()
        table.rename_column("title", "heading")
    async with schema.table("sb_posts") as table:
        table.string("heading", 50).nullable().change()
        table.big_integer("views").default(1).change()
        table.drop_column("body")
    assert await schema.get_column_listing("sb_posts") == ["id", "heading", "slug", "views"]
    assert await conn.table("sb_posts").first() == {
        "id": 1,
        "heading": "Hello",
        "slug": "hello",
        "views": 3,
    }
    columns = {c["name"]: c for c in await schema.get_columns("sb_posts")}
    assert columns["heading"]["nullable"]
    await conn.table("sb_posts").insert({"slug": "second"})
    second = await conn.table("sb_posts").where("slug", "second").first()
    assert second is not None
    assert second["views"] == 1
    assert second["heading"] is None
    # the unique index on slug survived the SQLite rebuild
    assert await schema.has_index("sb_posts", "sb_posts_slug_unique")
    with pytest.raises(QueryError):
        await conn.table("sb_posts").insert({"slug": "hello"})


async def test_indexes_add_rename_drop(schema: SchemaBuilder) -> None:
    async with schema.create("sb_tags") as table:
        table.id()
        table.string("name")
        table.string("kind")
    async with schema.table("sb_tags") as table:
        table.index(["kind", "name"])
        table.unique("name")
    assert await schema.has_index("sb_tags", "sb_tags_kind_name_index")
    async with schema.table("sb_tags") as table:
        table.rename_index("sb_tags_kind_name_index", "sb_tags_lookup")
    assert await schema.has_index("sb_tags", "sb_tags_lookup")
    assert not await schema.has_index("sb_tags", "sb_tags_kind_name_index")
    async with schema.table("sb_tags") as table:
        table.drop_index("sb_tags_lookup")
        table.drop_unique(["name"])
    names = [i["name"] for i in await schema.get_indexes("sb_tags") if not i["primary"]]
    assert names == []


async def test_foreign_keys_added_and_dropped_later(schema: SchemaBuilder) -> None:
    async with schema.create("sb_teams") as table:
        table.id()
    async with schema.create("sb_members") as table:
        table.id()
        table.string("name")
    conn = schema.connection
    await conn.table("sb_teams").insert({})
    await conn.table("sb_members").insert({"name": "a"})
    async with schema.table("sb_members") as table:
        table.foreign_id("team_id").nullable().constrained("sb_teams").null_on_delete()
    assert [fk["columns"] for fk in await schema.get_foreign_keys("sb_members")] == [["team_id"]]
    await conn.table("sb_members").update({"team_id": 1})
    async with schema.table("sb_members") as table:
        table.drop_constrained_foreign_id("team_id")
    assert await schema.get_foreign_keys("sb_members") == []
    assert await schema.get_column_listing("sb_members") == ["id", "name"]
    assert await conn.table("sb_members").count() == 1


async def test_sqlite_rebuild_keeps_children_of_a_referenced_table(schema: SchemaBuilder) -> None:
    async with schema.create("sb_parents") as table:
        table.id()
        table.string("name")
        table.string("junk").nullable()
    async with schema.create("sb_children") as table:
        table.id()
        table.foreign_id("parent_id").constrained("sb_parents").cascade_on_delete()
    conn = schema.connection
    await conn.table("sb_parents").insert({"name": "p"})
    await conn.table("sb_children").insert({"parent_id": 1})
    async with schema.table("sb_parents") as table:
        table.drop_column("junk")
    assert await conn.table("sb_children").count() == 1


async def test_rename_and_drop_tables(schema: SchemaBuilder) -> None:
    async with schema.create("sb_old") as table:
        table.id()
    await schema.rename("sb_old", "sb_new")
    assert await schema.has_table("sb_new")
    assert not await schema.has_table("sb_old")
    await schema.drop("sb_new")
    assert not await schema.has_table("sb_new")
    await schema.drop_if_exists("sb_new")
    with pytest.raises(QueryError):
        await schema.drop("sb_new")


async def test_dropping_a_missing_index_is_a_clear_error(schema: SchemaBuilder) -> None:
    async with schema.create("sb_plain") as table:
        table.id()
        table.string("a")
    expected = SchemaError if schema.connection.driver == "sqlite" else QueryError
    with pytest.raises(expected):
        async with schema.table("sb_plain") as table:
            table.drop_column("nope")


async def test_fulltext_where_supported(schema: SchemaBuilder) -> None:
    if schema.connection.driver == "sqlite":
        with pytest.raises(SchemaError, match="full-text"):
            async with schema.create("sb_articles") as table:
                table.text("body").full_text()
        return
    async with schema.create("sb_articles") as table:
        table.id()
        table.text("body")
        table.full_text("body")
    if schema.connection.driver == "pgsql":  # an expression index: read pg_indexes directly
        rows = await schema.connection.select(
            "select indexdef from pg_indexes where indexname = 'sb_articles_body_fulltext'"
        )
        assert "gin" in rows[0]["indexdef"]
        return
    assert await schema.has_index("sb_articles", "sb_articles_body_fulltext")
    await schema.connection.table("sb_articles").insert({"body": "the quick brown fox"})
    rows = await schema.connection.select(
        "select id from sb_articles where match(body) against (? in boolean mode)", ["quick"]
    )
    assert len(rows) == 1


async def test_composite_primary_key(schema: SchemaBuilder) -> None:
    async with schema.create("sb_pivot") as table:
        table.unsigned_big_integer("a_id")
        table.unsigned_big_integer("b_id")
        table.primary(["a_id", "b_id"])
    indexes = await schema.get_indexes("sb_pivot")
    primary = [i for i in indexes if i["primary"]]
    assert primary
    assert primary[0]["columns"] == ["a_id", "b_id"]


async def test_a_failing_block_runs_nothing(schema: SchemaBuilder) -> None:
    async def build() -> None:
        async with schema.create("sb_never") as table:
            table.id()
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await build()
    assert not await schema.has_table("sb_never")


async def test_mysql_only_modifiers(schema: SchemaBuilder) -> None:
    async with schema.create("sb_placed") as table:
        table.id()
        table.string("a")
        table.string("c")
        table.timestamp("touched_at").nullable().use_current().use_current_on_update()
    async with schema.table("sb_placed") as table:
        table.string("b").nullable().after("a")
        table.string("zero").nullable().first()
    columns = await schema.get_column_listing("sb_placed")
    if schema.connection.driver == "mysql":
        assert columns == ["zero", "id", "a", "b", "c", "touched_at"]
        conn = schema.connection
        await conn.table("sb_placed").insert({"a": "x", "c": "y"})
        await conn.statement("update sb_placed set touched_at = '2000-01-01 00:00:00'")
        await conn.table("sb_placed").update({"c": "z"})
        touched = await conn.table("sb_placed").value("touched_at")
        assert str(touched)[:4] != "2000"
    else:  # ignored elsewhere: new columns go last
        assert columns == ["id", "a", "c", "touched_at", "b", "zero"]


async def test_drop_columns_and_foreign_key_toggle(schema: SchemaBuilder) -> None:
    async with schema.create("sb_wide") as table:
        table.id()
        table.string("a").nullable()
        table.string("b").nullable()
        table.string("c").nullable()
    await schema.drop_columns("sb_wide", ["a", "b"])
    assert await schema.get_column_listing("sb_wide") == ["id", "c"]
    async with schema.create("sb_kids") as table:
        table.id()
        table.foreign_id("wide_id").constrained("sb_wide")
    conn = schema.connection
    with pytest.raises(QueryError):
        await conn.table("sb_kids").insert({"wide_id": 42})
    if conn.driver == "pgsql":  # constraints can only be deferred, not switched off
        return
    async with schema.without_foreign_key_constraints():
        await conn.table("sb_kids").insert({"wide_id": 42})
    assert await conn.table("sb_kids").count() == 1
    with pytest.raises(QueryError):
        await conn.table("sb_kids").insert({"wide_id": 43})


async def test_sqlite_rebuild_keeps_checks_and_defaults(schema: SchemaBuilder) -> None:
    async with schema.create("sb_states") as table:
        table.id()
        table.enum("state", ["draft", "live"]).default("draft")
        table.string("note").nullable()
        table.string("gone").nullable()
    async with schema.table("sb_states") as table:
        table.drop_column("gone")
        table.rename_column("note", "remark")
    async with schema.table("sb_states") as table:
        table.string("remark", 20).nullable().default("n/a").change()
    conn = schema.connection
    await conn.table("sb_states").insert({})
    assert await conn.table("sb_states").first() == {"id": 1, "state": "draft", "remark": "n/a"}
    if conn.driver == "mysql":
        await conn.statement("set session sql_mode = 'STRICT_ALL_TABLES'")
    with pytest.raises(QueryError):
        await conn.table("sb_states").insert({"state": "deleted"})


async def test_generated_columns(schema: SchemaBuilder) -> None:
    driver = schema.connection.driver
    quote = "`" if driver == "mysql" else '"'
    async with schema.create("sb_boxes") as table:
        table.id()
        table.integer("width")
        table.integer("height")
        table.integer("area").stored_as(f"{quote}width{quote} * {quote}height{quote}")
        if driver != "pgsql":
            table.integer("perimeter").virtual_as(
                f"2 * ({quote}width{quote} + {quote}height{quote})"
            )
    conn = schema.connection
    await conn.table("sb_boxes").insert({"width": 3, "height": 4})
    row = await conn.table("sb_boxes").first()
    assert row is not None
    assert row["area"] == 12
    if driver != "pgsql":
        assert row["perimeter"] == 14
        async with schema.table("sb_boxes") as table:  # SQLite rebuild skips computed columns
            table.integer("height").default(1).change()
        assert await conn.table("sb_boxes").value("area") == 12
    else:
        with pytest.raises(SchemaError, match="no virtual generated columns"):
            async with schema.table("sb_boxes") as table:
                table.integer("volume").virtual_as("1")


async def test_remaining_column_types_round_trip(schema: SchemaBuilder) -> None:
    async with schema.create("sb_more") as table:
        table.small_increments("id")
        table.tiny_text("tiny")
        table.medium_integer("medium")
        table.unsigned_big_integer("ubig")
        table.jsonb("doc")
        table.datetime_tz("at_tz")
        table.timestamp_tz("stamp_tz").nullable()
        table.time_tz("clock_tz")
        table.ip_address()
        table.mac_address()
        table.foreign_uuid("owner_uuid")
        table.foreign_ulid("owner_ulid")
        table.nullable_morphs("taggable")
        table.uuid_morphs("ownable")
        table.ulid_morphs("likeable")
        table.soft_deletes_tz()
        table.timestamps_tz()
    conn = schema.connection
    when = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
    await conn.table("sb_more").insert(
        {
            "tiny": "t",
            "medium": 8_000_000,
            "ubig": 2**62,
            "doc": {"k": [1, 2]},
            "at_tz": when if conn.driver == "pgsql" else "2024-05-06 07:08:09",
            "clock_tz": dt.time(7, 8, 9, tzinfo=dt.UTC if conn.driver == "pgsql" else None),
            "ip_address": "192.168.0.1",
            "mac_address": "08:00:2b:01:02:03",
            "owner_uuid": "0b9e2f4c-1d2e-4f3a-9b8c-7d6e5f4a3b2c",
            "owner_ulid": "01HZX3Q5W8K9M2N4P6R8T0V2X4",
            "ownable_type": "user",
            "ownable_id": "1b9e2f4c-1d2e-4f3a-9b8c-7d6e5f4a3b2c",
            "likeable_type": "post",
            "likeable_id": "01HZX3Q5W8K9M2N4P6R8T0V2X5",
        }
    )
    row = await conn.table("sb_more").first()
    assert row is not None
    assert row["id"] == 1
    assert (row["tiny"], row["medium"], row["ubig"]) == ("t", 8_000_000, 2**62)
    assert "192.168.0.1" in str(row["ip_address"])
    assert str(row["mac_address"]) == "08:00:2b:01:02:03"
    assert str(row["owner_uuid"]) == "0b9e2f4c-1d2e-4f3a-9b8c-7d6e5f4a3b2c"
    assert row["taggable_type"] is None
    assert row["deleted_at"] is None
    assert await schema.has_index("sb_more", ["ownable_type", "ownable_id"])


async def test_foreign_key_update_actions(schema: SchemaBuilder) -> None:
    async with schema.create("sb_codes") as table:
        table.string("code", 10).primary()
    async with schema.create("sb_uses") as table:
        table.id()
        table.string("code", 10)
        table.foreign("code").references("code").on("sb_codes").cascade_on_update()
    conn = schema.connection
    await conn.table("sb_codes").insert({"code": "A"})
    await conn.table("sb_uses").insert({"code": "A"})
    await conn.table("sb_codes").where("code", "A").update({"code": "B"})
    assert await conn.table("sb_uses").value("code") == "B"
    [fk] = await schema.get_foreign_keys("sb_uses")
    assert fk["on_update"] == "cascade"


async def test_auto_increment_starting_value(schema: SchemaBuilder) -> None:
    async with schema.create("sb_orders") as table:
        table.id().starting_value(1000)
        table.string("ref")
    conn = schema.connection
    await conn.table("sb_orders").insert({"ref": "a"})
    await conn.table("sb_orders").insert({"ref": "b"})
    assert [r["id"] for r in await conn.table("sb_orders").order_by("id").get()] == [1000, 1001]


async def test_create_and_drop_database(schema: SchemaBuilder, tmp_path: Path) -> None:
    name = (
        str(tmp_path / "extra.sqlite")
        if schema.connection.driver == "sqlite"
        else f"sb_extra_db_{os.getpid()}"
    )
    await schema.drop_database_if_exists(name)
    await schema.create_database(name)
    with pytest.raises((QueryError, FileExistsError)):
        await schema.create_database(name)
    await schema.drop_database_if_exists(name)
    await schema.drop_database_if_exists(name)
    await schema.create_database(name)  # it was really gone
    await schema.drop_database_if_exists(name)


async def test_sqlite_rebuild_errors_name_the_problem(schema: SchemaBuilder) -> None:
    if schema.connection.driver != "sqlite":
        pytest.skip("SQLite-only: other databases report these through their own errors")
    async with schema.create("sb_solo") as table:
        table.id()
        table.string("a")

    async def alter(change: Callable[[Blueprint], None], table: str = "sb_solo") -> None:
        await schema.table(table, change)

    with pytest.raises(SchemaError, match="'sb_nowhere': it does not exist"):
        await alter(lambda t: t.drop_column("a"), "sb_nowhere")
    with pytest.raises(SchemaError, match="Cannot change column 'zzz'"):
        await alter(lambda t: t.string("zzz").change())
    with pytest.raises(SchemaError, match="foreign key 'sb_solo_a_foreign'"):
        await alter(lambda t: t.drop_foreign(["a"]))
    with pytest.raises(SchemaError, match="index 'nope'"):
        await alter(lambda t: t.rename_index("nope", "other"))
    assert await schema.get_column_listing("sb_solo") == ["id", "a"]
