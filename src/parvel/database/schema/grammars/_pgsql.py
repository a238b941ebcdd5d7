"""The PostgreSQL schema grammar."""

from __future__ import annotations

from parvel.database.schema.blueprint import Blueprint
from parvel.database.schema.columns import ColumnDefinition, Command
from parvel.database.schema.exceptions import UnsupportedSchemaFeature
from parvel.database.schema.grammars._base import SchemaGrammar


class PostgresSchemaGrammar(SchemaGrammar):
    """Compile blueprints to PostgreSQL DDL."""

    driver = "pgsql"

    # -- types ---------------------------------------------------------------------------------
    def type_big_integer(self, column: ColumnDefinition) -> str:
        return "bigserial" if column.auto_increment_ else "bigint"

    def type_integer(self, column: ColumnDefinition) -> str:
        return "serial" if column.auto_increment_ else "integer"

    type_medium_integer = type_integer

    def type_small_integer(self, column: ColumnDefinition) -> str:
        return "smallserial" if column.auto_increment_ else "smallint"

    type_tiny_integer = type_small_integer

    def type_string(self, column: ColumnDefinition) -> str:
        return f"varchar({column.params.get('length', 255)})"

    def type_char(self, column: ColumnDefinition) -> str:
        return f"char({column.params.get('length', 255)})"

    def type_text(self, column: ColumnDefinition) -> str:
        return "text"

    type_tiny_text = type_medium_text = type_long_text = type_text

    def type_boolean(self, column: ColumnDefinition) -> str:
        return "boolean"

    def type_decimal(self, column: ColumnDefinition) -> str:
        return f"decimal({column.params['total']}, {column.params['places']})"

    def type_float(self, column: ColumnDefinition) -> str:
        return f"float({column.params.get('precision', 53)})"

    def type_double(self, column: ColumnDefinition) -> str:
        return "double precision"

    def type_date(self, column: ColumnDefinition) -> str:
        return "date"

    def type_time(self, column: ColumnDefinition) -> str:
        return f"time({column.params.get('precision', 0)}) without time zone"

    def type_time_tz(self, column: ColumnDefinition) -> str:
        return f"time({column.params.get('precision', 0)}) with time zone"

    def type_timestamp(self, column: ColumnDefinition) -> str:
        return f"timestamp({column.params.get('precision', 0)}) without time zone"

    type_datetime = type_timestamp

    def type_timestamp_tz(self, column: ColumnDefinition) -> str:
        return f"timestamp({column.params.get('precision', 0)}) with time zone"

    type_datetime_tz = type_timestamp_tz

    def type_year(self, column: ColumnDefinition) -> str:
        return "integer"

    def type_json(self, column: ColumnDefinition) -> str:
        return "json"

    def type_jsonb(self, column: ColumnDefinition) -> str:
        return "jsonb"

    def type_uuid(self, column: ColumnDefinition) -> str:
        return "uuid"

    def type_enum(self, column: ColumnDefinition) -> str:
        return f"varchar(255) {self.enum_check(column)}"

    def type_geometry(self, column: ColumnDefinition) -> str:
        subtype, srid = column.params.get("subtype"), column.params.get("srid") or 0
        if subtype is None and not srid:
            return "geometry"
        return f"geometry({subtype or 'geometry'}" + (f", {int(srid)})" if srid else ")")

    def type_geography(self, column: ColumnDefinition) -> str:
        subtype = column.params.get("subtype") or "geography"
        return f"geography({subtype}, {int(column.params.get('srid') or 4326)})"

    def type_vector(self, column: ColumnDefinition) -> str:
        dimensions = column.params.get("dimensions")
        return f"vector({int(dimensions)})" if dimensions else "vector"

    def type_binary(self, column: ColumnDefinition) -> str:
        return "bytea"

    def type_ip_address(self, column: ColumnDefinition) -> str:
        return "inet"

    def type_mac_address(self, column: ColumnDefinition) -> str:
        return "macaddr"

    # -- modifiers -----------------------------------------------------------------------------
    def default_value(self, value: object) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        return super().default_value(value)

    def modifiers(self, column: ColumnDefinition, blueprint: Blueprint) -> list[str]:
        parts: list[str] = []
        if column.collation_:
            parts.append(f"collate {self.wrap(column.collation_)}")
        if column.virtual_as_ is not None:
            raise UnsupportedSchemaFeature(
                f"PostgreSQL has no virtual generated columns (column {column.name!r}).",
                hint="Use .stored_as(expression) instead.",
            )
        if generated := self.generated(column):
            parts.append(generated)
        if column.generated_as_ is not None:
            when = "always" if column.always_ else "by default"
            options = column.generated_as_ if isinstance(column.generated_as_, str) else ""
            parts.append(f"generated {when} as identity" + (f" ({options})" if options else ""))
        parts.append("null" if column.nullable_ else "not null")
        if column.use_current_:
            parts.append("default CURRENT_TIMESTAMP")
        elif column.has_default:
            parts.append(f"default {self.default_value(column.default_)}")
        if column.auto_increment_:
            parts.append("primary key")
        return parts

    def comment_statements(self, blueprint: Blueprint) -> list[str]:
        """``comment on`` statements for the table and its commented columns."""
        table = self.wrap_table(blueprint.table)
        statements = [
            f"comment on column {table}.{self.wrap(c.name)} is {self.quote_string(c.comment_)}"
            for c in blueprint.columns
            if c.comment_ is not None
        ]
        if blueprint.comment_ is not None:
            statements.append(
                f"comment on table {table} is {self.quote_string(blueprint.comment_)}"
            )
        return statements

    # -- create and alter -----------------------------------------------------------------------
    def compile_create(self, blueprint: Blueprint) -> list[str]:
        columns = ", ".join(self.column_sql(c, blueprint) for c in blueprint.columns)
        temporary = "temporary " if blueprint.temporary_ else ""
        statements = [f"create {temporary}table {self.wrap_table(blueprint.table)} ({columns})"]
        statements.extend(self.compile_commands(blueprint, blueprint.all_commands()))
        statements.extend(self.comment_statements(blueprint))
        return statements + self.starting_values(blueprint)

    def compile_starting_value(self, blueprint: Blueprint, column: str, value: int) -> str:
        table = self.quote_string(self.table_prefix + blueprint.table)
        return (
            f"select setval(pg_get_serial_sequence({table}, {self.quote_string(column)}), "
            f"{int(value)}, false)"
        )

    def compile_alter(self, blueprint: Blueprint) -> list[str]:
        table = self.wrap_table(blueprint.table)
        statements: list[str] = []
        added = blueprint.added_columns()
        if added:
            defs = ", ".join(f"add column {self.column_sql(c, blueprint)}" for c in added)
            statements.append(f"alter table {table} {defs}")
        for column in blueprint.changed_columns():
            statements.append(self.compile_change(blueprint, column))
        statements.extend(self.compile_commands(blueprint, blueprint.all_commands()))
        statements.extend(self.comment_statements(blueprint))
        return statements

    def compile_change(self, blueprint: Blueprint, column: ColumnDefinition) -> str:
        """``alter column`` clauses changing a column's type, nullability and default."""
        name = self.wrap(column.name)
        type_sql = self.type_sql(column)
        if column.auto_increment_:
            type_sql = type_sql.replace("bigserial", "bigint").replace("smallserial", "smallint")
            type_sql = type_sql.replace("serial", "integer")
        type_sql = cast = type_sql.split(" check")[0]
        collate = f" collate {self.wrap(column.collation_)}" if column.collation_ else ""
        clauses = [f"alter column {name} type {type_sql}{collate} using {name}::{cast}"]
        clauses.append(f"alter column {name} {'drop' if column.nullable_ else 'set'} not null")
        if column.use_current_:
            clauses.append(f"alter column {name} set default CURRENT_TIMESTAMP")
        elif column.has_default:
            clauses.append(f"alter column {name} set default {self.default_value(column.default_)}")
        else:
            clauses.append(f"alter column {name} drop default")
        return f"alter table {self.wrap_table(blueprint.table)} " + ", ".join(clauses)

    # -- commands ------------------------------------------------------------------------------
    def compile_primary(self, blueprint: Blueprint, command: Command) -> str:
        return (
            f"alter table {self.wrap_table(blueprint.table)} add primary key "
            f"({self.columnize(command.columns)})"
        )

    def compile_unique(self, blueprint: Blueprint, command: Command) -> str:
        return (
            f"alter table {self.wrap_table(blueprint.table)} add constraint "
            f"{self.wrap(command.index or '')} unique ({self.columnize(command.columns)})"
        )

    def compile_index(self, blueprint: Blueprint, command: Command) -> str:
        return (
            f"create index {self.wrap(command.index or '')} on "
            f"{self.wrap_table(blueprint.table)} ({self.columnize(command.columns)})"
        )

    def compile_fulltext(self, blueprint: Blueprint, command: Command) -> str:
        vectors = " || ".join(
            f"to_tsvector('english', {self.wrap(column)})" for column in command.columns
        )
        return (
            f"create index {self.wrap(command.index or '')} on "
            f"{self.wrap_table(blueprint.table)} using gin (({vectors}))"
        )

    def compile_spatial_index(self, blueprint: Blueprint, command: Command) -> str:
        return (
            f"create index {self.wrap(command.index or '')} on "
            f"{self.wrap_table(blueprint.table)} using gist ({self.columnize(command.columns)})"
        )

    def compile_foreign(self, blueprint: Blueprint, command: Command) -> str:
        fk = command.params["definition"]
        return (
            f"alter table {self.wrap_table(blueprint.table)} add constraint "
            f"{self.wrap(fk.name)} {self.foreign_sql(fk)}"
        )

    def compile_drop_column(self, blueprint: Blueprint, command: Command) -> str:
        drops = ", ".join(f"drop column {self.wrap(c)}" for c in command.columns)
        return f"alter table {self.wrap_table(blueprint.table)} {drops}"

    def compile_drop_primary(self, blueprint: Blueprint, command: Command) -> str:
        table = blueprint.table.rsplit(".", 1)[-1]
        return (
            f"alter table {self.wrap_table(blueprint.table)} drop constraint "
            f"{self.wrap(self.table_prefix + table + '_pkey')}"
        )

    def compile_drop_unique(self, blueprint: Blueprint, command: Command) -> str:
        return (
            f"alter table {self.wrap_table(blueprint.table)} drop constraint "
            f"{self.wrap(command.index or '')}"
        )

    compile_drop_foreign = compile_drop_unique

    def compile_drop_index(self, blueprint: Blueprint, command: Command) -> str:
        return f"drop index {self.wrap(command.index or '')}"

    compile_drop_fulltext = compile_drop_spatial_index = compile_drop_index

    def compile_rename_index(self, blueprint: Blueprint, command: Command) -> str:
        return f"alter index {self.wrap(command.index or '')} rename to {self.wrap(command.params['to'])}"

    def compile_drop_all_tables(self, tables: list[str]) -> list[str]:
        if not tables:
            return []
        return [f"drop table if exists {', '.join(self.wrap(t) for t in tables)} cascade"]

    # -- queries -------------------------------------------------------------------------------

    def compile_disable_foreign_keys(self) -> str:
        return "SET CONSTRAINTS ALL DEFERRED"

    def compile_enable_foreign_keys(self) -> str:
        return "SET CONSTRAINTS ALL IMMEDIATE"
