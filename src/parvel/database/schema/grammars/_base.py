"""The shared part of the schema grammars: quoting, defaults and statement assembly.

A schema grammar turns a :class:`~parvel.database.schema.Blueprint` into SQL statements
for one dialect. It is pure: strings in, strings out; running them is the builder's job.
"""

from __future__ import annotations

import enum
from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import Any, ClassVar

from parvel.database.query.expression import Expression
from parvel.database.schema.blueprint import Blueprint
from parvel.database.schema.columns import ColumnDefinition, Command, ForeignKeyDefinition
from parvel.database.schema.exceptions import UnsupportedSchemaFeature


class SchemaGrammar(ABC):
    """Base class of the per-dialect schema grammars.

    Attributes:
        driver: The dialect name (``sqlite``, ``pgsql``, ``mysql``).
        quote: The identifier quote character.
        transactional_ddl: Whether DDL statements can run inside a transaction.
    """

    driver: ClassVar[str] = ""
    quote: ClassVar[str] = '"'
    transactional_ddl: ClassVar[bool] = True

    def __init__(self, table_prefix: str = "") -> None:
        self.table_prefix = table_prefix

    # -- quoting -----------------------------------------------------------------------------
    def wrap(self, identifier: str) -> str:
        """Quote an identifier; dotted names are quoted segment by segment."""
        q = self.quote
        return ".".join(
            part if part == "*" else q + part.replace(q, q + q) + q
            for part in identifier.split(".")
        )

    def wrap_table(self, table: str) -> str:
        """Quote a table name, adding the connection's table prefix."""
        schema, _, name = table.rpartition(".")
        prefixed = f"{schema}.{self.table_prefix}{name}" if schema else self.table_prefix + name
        return self.wrap(prefixed)

    def columnize(self, columns: Iterable[str]) -> str:
        """Quote and comma-join column names."""
        return ", ".join(self.wrap(column) for column in columns)

    def quote_string(self, value: str) -> str:
        """Quote a string literal."""
        return "'" + value.replace("'", "''") + "'"

    def default_value(self, value: Any) -> str:
        """Render a column default as SQL."""
        if isinstance(value, Expression):
            return str(value.value)
        if isinstance(value, enum.Enum):
            value = value.value
        if value is None:
            return "null"
        if isinstance(value, bool):
            return "'1'" if value else "'0'"
        if isinstance(value, int | float):
            return repr(value)
        return self.quote_string(str(value))

    # -- columns -----------------------------------------------------------------------------
    def type_sql(self, column: ColumnDefinition) -> str:
        """The SQL type for a column."""
        method = getattr(self, f"type_{column.type}", None)
        if method is None:
            raise UnsupportedSchemaFeature(
                f"The {self.driver} schema grammar has no column type {column.type!r} "
                f"(column {column.name!r} on table {column.blueprint.table!r}).",
                hint="Use one of the Blueprint column methods listed in docs/migrations.md.",
            )
        result: str = method(column)
        return result

    @abstractmethod
    def modifiers(self, column: ColumnDefinition, blueprint: Blueprint) -> list[str]:
        """Modifier clauses that follow the column type."""

    def column_sql(self, column: ColumnDefinition, blueprint: Blueprint) -> str:
        """The full definition of one column: name, type and modifiers."""
        parts = [self.wrap(column.name), self.type_sql(column), *self.modifiers(column, blueprint)]
        return " ".join(part for part in parts if part)

    def generated(self, column: ColumnDefinition, prefix: str = "generated always as") -> str:
        """``generated always as (expr) stored|virtual``, or ``""`` for a plain column."""
        if column.stored_as_ is not None:
            return f"{prefix} ({column.stored_as_}) stored"
        if column.virtual_as_ is not None:
            return f"{prefix} ({column.virtual_as_}) virtual"
        return ""

    def enum_check(self, column: ColumnDefinition) -> str:
        """A ``CHECK`` clause limiting a column to its allowed values."""
        allowed = ", ".join(self.quote_string(v) for v in column.params["allowed"])
        return f"check ({self.wrap(column.name)} in ({allowed}))"

    # -- shared compilation ------------------------------------------------------------------
    def foreign_sql(self, fk: ForeignKeyDefinition) -> str:
        """``foreign key (...) references ... on delete ...`` (without the leading keyword)."""
        if not fk.on_ or not fk.references_:
            raise UnsupportedSchemaFeature(
                f"The foreign key on {fk.blueprint.table}({', '.join(fk.columns)}) has no "
                "referenced table or column.",
                hint='Chain .references("id").on("users"), or use .constrained().',
            )
        sql = (
            f"foreign key ({self.columnize(fk.columns)}) references "
            f"{self.wrap_table(fk.on_)} ({self.columnize(fk.references_)})"
        )
        if fk.on_delete_:
            sql += f" on delete {fk.on_delete_}"
        if fk.on_update_:
            sql += f" on update {fk.on_update_}"
        return sql

    @abstractmethod
    def compile_create(self, blueprint: Blueprint) -> list[str]:
        """Statements creating the blueprint's table with its indexes and keys."""

    @abstractmethod
    def compile_alter(self, blueprint: Blueprint) -> list[str]:
        """Statements applying the blueprint's changes to an existing table."""

    def starting_values(self, blueprint: Blueprint) -> list[str]:
        """Statements setting auto-increment starting values (``starting_value()``)."""
        return [
            self.compile_starting_value(blueprint, column.name, column.starting_value_)
            for column in blueprint.columns
            if column.auto_increment_ and column.starting_value_ is not None
        ]

    @abstractmethod
    def compile_starting_value(self, blueprint: Blueprint, column: str, value: int) -> str:
        """Make the next auto-increment value ``value``."""

    def compile_commands(self, blueprint: Blueprint, commands: list[Command]) -> list[str]:
        """Compile table-level commands through ``compile_<name>`` methods."""
        statements: list[str] = []
        for command in commands:
            method = getattr(self, f"compile_{command.name}", None)
            if method is None:
                raise UnsupportedSchemaFeature(
                    f"{self.driver} cannot run {command.name.replace('_', ' ')} on table "
                    f"{blueprint.table!r}.",
                )
            compiled = method(blueprint, command)
            statements.extend([compiled] if isinstance(compiled, str) else compiled)
        return statements

    def compile_rename_column(self, blueprint: Blueprint, command: Command) -> str:
        """``table.rename_column(old, new)``: the same statement on every dialect."""
        return (
            f"alter table {self.wrap_table(blueprint.table)} rename column "
            f"{self.wrap(command.columns[0])} to {self.wrap(command.params['to'])}"
        )

    def compile_rename_table(self, blueprint: Blueprint, command: Command) -> str:
        """``table.rename(to)`` inside ``schema.table()``."""
        return self.compile_rename(blueprint.table, command.params["to"])

    def compile_drop_table(self, blueprint: Blueprint, command: Command) -> str:
        """``table.drop()`` inside ``schema.table()``."""
        return self.compile_drop(blueprint.table)

    def compile_drop_table_if_exists(self, blueprint: Blueprint, command: Command) -> str:
        """``table.drop_if_exists()`` inside ``schema.table()``."""
        return self.compile_drop_if_exists(blueprint.table)

    def compile_drop(self, table: str) -> str:
        """``drop table``."""
        return f"drop table {self.wrap_table(table)}"

    def compile_drop_if_exists(self, table: str) -> str:
        """``drop table if exists``."""
        return f"drop table if exists {self.wrap_table(table)}"

    def compile_rename(self, old: str, new: str) -> str:
        """Rename a table."""
        return f"alter table {self.wrap_table(old)} rename to {self.wrap_table(new)}"

    def compile_create_database(self, name: str) -> str:
        """``create database``."""
        return f"create database {self.wrap(name)}"

    def compile_drop_all_tables(self, tables: list[str]) -> list[str]:
        """Statements dropping every listed table, ignoring foreign keys between them."""
        return [f"drop table if exists {self.wrap(table)}" for table in tables]

    @abstractmethod
    def compile_disable_foreign_keys(self) -> str:
        """Turn foreign key checks off for the session."""

    @abstractmethod
    def compile_enable_foreign_keys(self) -> str:
        """Turn foreign key checks back on for the session."""
