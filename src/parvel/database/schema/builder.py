"""The schema builder: create, alter, rename and drop tables on one connection.

::

    schema = SchemaBuilder(connection)
    async with schema.create("posts") as table:
        table.id()
        table.string("title")

See ``docs/migrations.md`` for the guide.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Callable, Generator
from contextlib import asynccontextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from parvel.database import introspection
from parvel.database.connection import Connection
from parvel.database.schema._sqlite_batch import rebuild_table
from parvel.database.schema.blueprint import Blueprint
from parvel.database.schema.exceptions import UnsupportedSchemaFeature
from parvel.database.schema.grammars import SchemaGrammar, SQLiteSchemaGrammar, grammar_for

BlueprintCallback = Callable[[Blueprint], Any]


class BlueprintOperation:
    """What ``schema.create()`` and ``schema.table()`` return.

    Await it with a callback (``await schema.create("posts", build)``) or use it as an async
    context manager (``async with schema.create("posts") as table: ...``); the SQL runs when
    the callback returns or the block ends without an error.
    """

    def __init__(
        self, builder: SchemaBuilder, blueprint: Blueprint, callback: BlueprintCallback | None
    ) -> None:
        self._builder = builder
        self._blueprint = blueprint
        self._callback = callback

    async def __aenter__(self) -> Blueprint:
        return self._blueprint

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            await self._builder.build(self._blueprint)

    def __await__(self) -> Generator[Any, None, None]:
        return self._run().__await__()

    async def _run(self) -> None:
        if self._callback is not None:
            result = self._callback(self._blueprint)
            if inspect.isawaitable(result):
                await result
        await self._builder.build(self._blueprint)


class SchemaBuilder:
    """Run schema changes against one connection.

    Attributes:
        connection: The connection the DDL runs on.
        grammar: The schema grammar for the connection's dialect.
    """

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.grammar: SchemaGrammar = grammar_for(connection.driver)
        self.grammar.table_prefix = connection.get_table_prefix()

    def _blueprint(self, table: str, *, creating: bool) -> Blueprint:
        return Blueprint(table, creating=creating, prefix=self.grammar.table_prefix)

    # -- tables ----------------------------------------------------------------------------------
    def create(self, table: str, callback: BlueprintCallback | None = None) -> BlueprintOperation:
        """Create a table: ``async with schema.create("posts") as table: ...``."""
        return BlueprintOperation(self, self._blueprint(table, creating=True), callback)

    def table(self, table: str, callback: BlueprintCallback | None = None) -> BlueprintOperation:
        """Change an existing table: ``async with schema.table("posts") as table: ...``."""
        return BlueprintOperation(self, self._blueprint(table, creating=False), callback)

    async def build(self, blueprint: Blueprint) -> None:
        """Compile a blueprint and run its statements (SQLite may rebuild the table)."""
        grammar = self.grammar
        if blueprint.creating:
            statements = grammar.compile_create(blueprint)
        elif isinstance(grammar, SQLiteSchemaGrammar) and grammar.needs_rebuild(blueprint):
            await rebuild_table(self.connection, grammar, blueprint)
            return
        else:
            statements = grammar.compile_alter(blueprint)
        for sql in statements:
            await self.connection.statement(sql)

    async def drop(self, table: str) -> None:
        """Drop a table (an error when it does not exist)."""
        await self.connection.statement(self.grammar.compile_drop(table))

    async def drop_if_exists(self, table: str) -> None:
        """Drop a table if it exists."""
        await self.connection.statement(self.grammar.compile_drop_if_exists(table))

    async def drop_columns(self, table: str, columns: str | list[str]) -> None:
        """Drop one or more columns from a table."""
        async with self.table(table) as blueprint:
            blueprint.drop_column(columns)

    async def rename(self, old: str, new: str) -> None:
        """Rename a table."""
        await self.connection.statement(self.grammar.compile_rename(old, new))

    async def create_database(self, name: str) -> None:
        """Create a database (on SQLite: an empty database file at path ``name``)."""
        if self.connection.driver == "sqlite":
            await asyncio.to_thread(Path(name).touch, exist_ok=False)
            return
        await self.connection.statement(self.grammar.compile_create_database(name))

    async def drop_database_if_exists(self, name: str) -> None:
        """Drop a database if it exists (on SQLite: delete the file at path ``name``)."""
        if self.connection.driver == "sqlite":
            await asyncio.to_thread(Path(name).unlink, missing_ok=True)
            return
        await self.connection.statement(f"drop database if exists {self.grammar.wrap(name)}")

    async def drop_all_tables(self) -> None:
        """Drop every table of the connection's database (or PostgreSQL schema)."""
        tables = await self.get_tables()
        if not tables:
            return
        enforcing = False
        if self.connection.driver == "sqlite":
            enforcing = bool(await self.connection.scalar("pragma foreign_keys"))
            if enforcing:
                await self.disable_foreign_key_constraints()
        try:
            for sql in self.grammar.compile_drop_all_tables(tables):
                await self.connection.statement(sql)
        finally:
            if enforcing:
                await self.enable_foreign_key_constraints()

    # -- inspection -------------------------------------------------------------------------------
    async def has_table(self, table: str) -> bool:
        """True when the table exists."""
        return await introspection.has_table(self.connection, table)

    async def has_column(self, table: str, column: str) -> bool:
        """True when the table has the column (case-insensitive)."""
        return await introspection.has_column(self.connection, table, column)

    async def has_columns(self, table: str, columns: list[str]) -> bool:
        """True when the table has every listed column."""
        existing = {c.lower() for c in await self.get_column_listing(table)}
        return all(column.lower() in existing for column in columns)

    async def has_index(self, table: str, index: str | list[str], kind: str | None = None) -> bool:
        """True when the table has the index, given by name or by its columns.

        ``kind`` narrows the match to ``"primary"``, ``"unique"`` or ``"index"``.
        """
        for found in await self.get_indexes(table):
            if kind == "primary" and not found["primary"]:
                continue
            if kind == "unique" and not found["unique"]:
                continue
            if kind == "index" and (found["unique"] or found["primary"]):
                continue
            if found["name"] == index or list(found["columns"]) == index:
                return True
        return False

    async def get_column_listing(self, table: str) -> list[str]:
        """The table's column names in order."""
        return await introspection.get_column_names(self.connection, table)

    async def get_columns(self, table: str) -> list[dict[str, Any]]:
        """The table's columns (``name``, ``type``, ``nullable``, ``default``, ...)."""
        return await introspection.get_columns(self.connection, table)

    async def get_indexes(self, table: str) -> list[dict[str, Any]]:
        """The table's indexes (``name``, ``columns``, ``unique``, ``primary``)."""
        return await introspection.get_indexes(self.connection, table)

    async def get_foreign_keys(self, table: str) -> list[dict[str, Any]]:
        """The table's foreign keys."""
        return await introspection.get_foreign_keys(self.connection, table)

    async def get_tables(self) -> list[str]:
        """Names of the tables in the connection's database (or PostgreSQL schema)."""
        return await introspection.get_table_names(self.connection)

    async def get_table_listing(self) -> list[str]:
        """Names of the tables (Laravel's ``getTableListing``; same as :meth:`get_tables`)."""
        return await self.get_tables()

    @staticmethod
    def default_string_length(length: int) -> None:
        """Make ``string()`` columns ``length`` long by default (e.g. 191 for old MySQL)."""
        Blueprint.default_string_length = int(length)

    @staticmethod
    def default_morph_key_type(kind: str) -> None:
        """Make ``morphs()`` id columns ``"int"``, ``"uuid"`` or ``"ulid"``."""
        if kind not in {"int", "uuid", "ulid"}:
            raise ValueError(f"Morph key type must be 'int', 'uuid' or 'ulid', not {kind!r}.")
        Blueprint.default_morph_key_type = kind

    @staticmethod
    def morph_using_uuids() -> None:
        """Make ``morphs()`` id columns UUIDs."""
        SchemaBuilder.default_morph_key_type("uuid")

    @staticmethod
    def morph_using_ulids() -> None:
        """Make ``morphs()`` id columns ULIDs."""
        SchemaBuilder.default_morph_key_type("ulid")

    async def get_views(self) -> list[dict[str, Any]]:
        """The views of the connection's database (or PostgreSQL schema).

        Each is a dict with ``name``, ``schema`` and ``definition``, as Laravel's ``getViews``.
        """
        return await introspection.get_views(self.connection)

    async def has_view(self, view: str) -> bool:
        """True when the view exists."""
        prefixed = self.connection.get_table_prefix() + view
        return prefixed in await introspection.get_view_names(self.connection)

    async def drop_all_views(self) -> None:
        """Drop every view of the connection's database (``migrate:fresh --drop-views``)."""
        views = await introspection.get_view_names(self.connection)
        if not views:
            return
        quote = self.connection.grammar.quote_identifier
        cascade = " cascade" if self.connection.driver == "pgsql" else ""
        if self.connection.driver == "sqlite":
            for view in views:
                await self.connection.statement(f"drop view if exists {quote(view)}")
            return
        names = ", ".join(quote(view) for view in views)
        await self.connection.statement(f"drop view if exists {names}{cascade}")

    async def get_types(self) -> list[dict[str, Any]]:
        """User-defined types (``name``, ``kind``) of the PostgreSQL schema; ``[]`` elsewhere."""
        return await introspection.get_types(self.connection)

    async def drop_all_types(self) -> None:
        """Drop every user-defined type and domain (PostgreSQL; ``migrate:fresh --drop-types``)."""
        if self.connection.driver != "pgsql":
            raise UnsupportedSchemaFeature(
                f"{self.connection.driver} has no user-defined types to drop.",
                hint="--drop-types is for PostgreSQL connections.",
            )
        quote = self.connection.grammar.quote_identifier
        for found in await self.get_types():
            kind = "domain" if found["kind"] == "domain" else "type"
            await self.connection.statement(f"drop {kind} if exists {quote(found['name'])} cascade")

    async def get_column_type(self, table: str, column: str, full_definition: bool = False) -> str:
        """The column's bare type name (``varchar``, ``integer``; ``int8`` on PostgreSQL).

        With ``full_definition`` the type as the database describes it (``varchar(20)`` on
        MySQL/MariaDB). Raises ``LookupError`` when the column does not exist.
        """
        for found in await self.get_columns(table):
            if str(found["name"]).lower() == column.lower():
                return str(found["type"] if full_definition else found["type_name"])
        raise LookupError(f"Table {table!r} has no column {column!r}.")

    async def when_table_has_column(
        self, table: str, column: str, callback: BlueprintCallback
    ) -> None:
        """Alter ``table`` with ``callback`` only when it has ``column``."""
        if await self.has_column(table, column):
            await self.table(table, callback)

    async def when_table_doesnt_have_column(
        self, table: str, column: str, callback: BlueprintCallback
    ) -> None:
        """Alter ``table`` with ``callback`` only when it lacks ``column``."""
        if not await self.has_column(table, column):
            await self.table(table, callback)

    # -- foreign key checks -----------------------------------------------------------------------
    async def disable_foreign_key_constraints(self) -> None:
        """Stop enforcing foreign keys on this connection's session."""
        await self.connection.statement(self.grammar.compile_disable_foreign_keys())

    async def enable_foreign_key_constraints(self) -> None:
        """Enforce foreign keys again."""
        await self.connection.statement(self.grammar.compile_enable_foreign_keys())

    @asynccontextmanager
    async def without_foreign_key_constraints(self) -> AsyncIterator[None]:
        """``async with schema.without_foreign_key_constraints(): ...``.

        On SQLite the setting is left as it was found (and cannot change inside a
        transaction, where this is a no-op).
        """
        if self.connection.driver == "sqlite" and not await self.connection.scalar(
            "pragma foreign_keys"
        ):
            yield
            return
        await self.disable_foreign_key_constraints()
        try:
            yield
        finally:
            await self.enable_foreign_key_constraints()
