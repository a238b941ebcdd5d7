"""The SQLite schema grammar.

SQLite's ``ALTER TABLE`` only adds and renames columns; dropping or changing columns and
adding or dropping foreign keys rebuild the table (see :mod:`parvel.database.schema._sqlite_batch`).
"""

from __future__ import annotations

from parvel.database.schema.blueprint import Blueprint
from parvel.database.schema.columns import ColumnDefinition, Command
from parvel.database.schema.exceptions import UnsupportedSchemaFeature
from parvel.database.schema.grammars._base import SchemaGrammar

#: Blueprint commands that SQLite can only apply by rebuilding the table.
REBUILD_COMMANDS = frozenset(
    {"drop_column", "foreign", "drop_foreign", "primary", "drop_primary", "rename_index"}
)


class SQLiteSchemaGrammar(SchemaGrammar):
    """Compile blueprints to SQLite DDL."""

    driver = "sqlite"

    # -- types ---------------------------------------------------------------------------------
    def type_integer(self, column: ColumnDefinition) -> str:
        return "integer"

    type_tiny_integer = type_small_integer = type_medium_integer = type_integer
    type_big_integer = type_year = type_integer

    def type_string(self, column: ColumnDefinition) -> str:
        return "varchar"

    type_char = type_uuid = type_ip_address = type_mac_address = type_string

    def type_text(self, column: ColumnDefinition) -> str:
        return "text"

    type_tiny_text = type_medium_text = type_long_text = type_json = type_jsonb = type_text

    def type_boolean(self, column: ColumnDefinition) -> str:
        return "tinyint(1)"

    def type_decimal(self, column: ColumnDefinition) -> str:
        return "numeric"

    def type_float(self, column: ColumnDefinition) -> str:
        return "float"

    def type_double(self, column: ColumnDefinition) -> str:
        return "double"

    def type_date(self, column: ColumnDefinition) -> str:
        return "date"

    def type_time(self, column: ColumnDefinition) -> str:
        return "time"

    type_time_tz = type_time

    def type_datetime(self, column: ColumnDefinition) -> str:
        return "datetime"

    type_datetime_tz = type_timestamp = type_timestamp_tz = type_datetime

    def type_enum(self, column: ColumnDefinition) -> str:
        return f"varchar {self.enum_check(column)}"

    def type_geometry(self, column: ColumnDefinition) -> str:
        return "geometry"

    type_geography = type_geometry

    def type_binary(self, column: ColumnDefinition) -> str:
        return "blob"

    # -- modifiers -----------------------------------------------------------------------------
    def modifiers(self, column: ColumnDefinition, blueprint: Blueprint) -> list[str]:
        parts: list[str] = []
        if column.auto_increment_:
            parts.append("primary key autoincrement")
        if column.collation_:
            parts.append(f"collate {self.quote_string(column.collation_)}")
        if generated := self.generated(column):
            parts.append(generated)
        parts.append("null" if column.nullable_ else "not null")
        if column.use_current_:
            parts.append("default CURRENT_TIMESTAMP")
        elif column.has_default:
            parts.append(f"default {self.default_value(column.default_)}")
        return parts

    # -- create --------------------------------------------------------------------------------
    def table_body(self, blueprint: Blueprint, columns: list[str]) -> str:
        """The parenthesised body of ``create table``: columns, foreign keys, primary key."""
        parts = list(columns)
        for fk in blueprint.foreign_keys:
            parts.append(f"constraint {self.wrap(fk.name or '')} {self.foreign_sql(fk)}")
        primary = [c for c in blueprint.all_commands() if c.name == "primary"]
        if primary:
            parts.append(f"primary key ({self.columnize(primary[-1].columns)})")
        return ", ".join(parts)

    def compile_create(self, blueprint: Blueprint) -> list[str]:
        columns = [self.column_sql(c, blueprint) for c in blueprint.columns]
        temporary = "temporary " if blueprint.temporary_ else ""
        statements = [
            f"create {temporary}table {self.wrap_table(blueprint.table)} "
            f"({self.table_body(blueprint, columns)})"
        ]
        others = [c for c in blueprint.all_commands() if c.name not in {"primary", "foreign"}]
        statements.extend(self.compile_commands(blueprint, others))
        return statements + self.starting_values(blueprint)

    def compile_starting_value(self, blueprint: Blueprint, column: str, value: int) -> str:
        table = self.quote_string(self.table_prefix + blueprint.table)
        return f"insert into sqlite_sequence (name, seq) values ({table}, {int(value) - 1})"

    # -- alter (the parts SQLite does natively) ------------------------------------------------
    def needs_rebuild(self, blueprint: Blueprint) -> bool:
        """Whether the blueprint's changes require rebuilding the table."""
        if blueprint.changed_columns():
            return True
        if any(c.auto_increment_ or c.primary_ for c in blueprint.added_columns()):
            return True
        return any(c.name in REBUILD_COMMANDS for c in blueprint.all_commands())

    def compile_alter(self, blueprint: Blueprint) -> list[str]:
        if self.needs_rebuild(blueprint):
            raise UnsupportedSchemaFeature(
                f"Altering {blueprint.table!r} on SQLite needs a table rebuild, which requires "
                "a connection.",
                hint="Run the change through SchemaBuilder.table(), which rebuilds the table.",
            )
        table = self.wrap_table(blueprint.table)
        statements = [
            f"alter table {table} add column {self.column_sql(c, blueprint)}"
            for c in blueprint.added_columns()
        ]
        statements.extend(self.compile_commands(blueprint, blueprint.all_commands()))
        return statements

    # -- commands ------------------------------------------------------------------------------
    def compile_index(self, blueprint: Blueprint, command: Command) -> str:
        return (
            f"create index {self.wrap(command.index or '')} on "
            f"{self.wrap_table(blueprint.table)} ({self.columnize(command.columns)})"
        )

    def compile_unique(self, blueprint: Blueprint, command: Command) -> str:
        return (
            f"create unique index {self.wrap(command.index or '')} on "
            f"{self.wrap_table(blueprint.table)} ({self.columnize(command.columns)})"
        )

    def compile_fulltext(self, blueprint: Blueprint, command: Command) -> str:
        raise UnsupportedSchemaFeature(
            f"SQLite has no full-text indexes (table {blueprint.table!r}, "
            f"columns {', '.join(command.columns)}).",
            hint="Use an FTS5 virtual table through a raw statement, or a plain index.",
        )

    def compile_drop_index(self, blueprint: Blueprint, command: Command) -> str:
        return f"drop index {self.wrap(command.index or '')}"

    compile_drop_unique = compile_drop_index

    def compile_drop_fulltext(self, blueprint: Blueprint, command: Command) -> str:
        return self.compile_fulltext(blueprint, command)

    def compile_spatial_index(self, blueprint: Blueprint, command: Command) -> str:
        raise UnsupportedSchemaFeature(
            f"SQLite has no spatial indexes (table {blueprint.table!r}, "
            f"columns {', '.join(command.columns)}).",
            hint="Use a plain index, or the SpatiaLite extension through raw statements.",
        )

    compile_drop_spatial_index = compile_spatial_index

    # -- queries -------------------------------------------------------------------------------

    def compile_disable_foreign_keys(self) -> str:
        return "pragma foreign_keys = off"

    def compile_enable_foreign_keys(self) -> str:
        return "pragma foreign_keys = on"
