"""The SQLite rebuild's pure parts: reading a CREATE TABLE and planning the statements."""

from __future__ import annotations

from parvel.database.schema._sqlite_batch import TableState, parse_create_table, rebuild_statements
from parvel.database.schema.grammars import SQLiteSchemaGrammar


def test_parse_create_table_keeps_definitions_and_checks() -> None:
    columns, checks = parse_create_table(
        'create table "t" ("id" integer primary key autoincrement not null, '
        "\"state\" varchar check (\"state\" in ('a, b', 'c')) not null default 'a, b', "
        "plain text, [odd name] int, "
        'constraint "t_x_foreign" foreign key ("x") references "u" ("id"), '
        'check (length("state") > 0), primary key ("id"))'
    )
    assert columns == {
        "id": "integer primary key autoincrement not null",
        "state": "varchar check (\"state\" in ('a, b', 'c')) not null default 'a, b'",
        "plain": "text",
        "odd name": "int",
    }
    assert checks == ['check (length("state") > 0)']


def test_rebuild_statements() -> None:
    state = TableState(
        "posts",
        columns={"id": "integer primary key autoincrement not null", "body": "text null"},
        origins={"id": "id", "body": "content"},
    )
    assert rebuild_statements(state, SQLiteSchemaGrammar()) == [
        'create table "__temp__posts" ("id" integer primary key autoincrement not null, '
        '"body" text null)',
        'insert into "__temp__posts" ("id", "body") select "id", "content" from "posts"',
        'drop table "posts"',
        'alter table "__temp__posts" rename to "posts"',
    ]
