"""The MySQL/MariaDB schema grammar.

MySQL commits implicitly around DDL, so migrations on it do not run in a transaction.
"""

from __future__ import annotations

from parvel.database.schema.blueprint import Blueprint
from parvel.database.schema.columns import ColumnDefinition, Command
from parvel.database.schema.grammars._base import SchemaGrammar


class MySqlSchemaGrammar(SchemaGrammar):
    """Compile blueprints to MySQL/MariaDB DDL."""

    driver = "mysql"
    quote = "`"
    transactional_ddl = False
    default_charset = "utf8mb4"
    default_collation = "utf8mb4_unicode_ci"
    default_engine = "InnoDB"
    mariadb = False
    """True for the ``mariadb`` driver (spatial SRIDs use MariaDB's ``ref_system_id``)."""

    def quote_string(self, value: str) -> str:
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'"

    # -- types ---------------------------------------------------------------------------------
    def type_big_integer(self, column: ColumnDefinition) -> str:
        return "bigint"

    def type_integer(self, column: ColumnDefinition) -> str:
        return "int"

    def type_medium_integer(self, column: ColumnDefinition) -> str:
        return "mediumint"

    def type_small_integer(self, column: ColumnDefinition) -> str:
        return "smallint"

    def type_tiny_integer(self, column: ColumnDefinition) -> str:
        return "tinyint"

    def type_string(self, column: ColumnDefinition) -> str:
        return f"varchar({column.params.get('length', 255)})"

    def type_char(self, column: ColumnDefinition) -> str:
        return f"char({column.params.get('length', 255)})"

    def type_text(self, column: ColumnDefinition) -> str:
        return "text"

    def type_tiny_text(self, column: ColumnDefinition) -> str:
        return "tinytext"

    def type_medium_text(self, column: ColumnDefinition) -> str:
        return "mediumtext"

    def type_long_text(self, column: ColumnDefinition) -> str:
        return "longtext"

    def type_boolean(self, column: ColumnDefinition) -> str:
        return "tinyint(1)"

    def type_decimal(self, column: ColumnDefinition) -> str:
        return f"decimal({column.params['total']}, {column.params['places']})"

    def type_float(self, column: ColumnDefinition) -> str:
        return f"float({column.params.get('precision', 53)})"

    def type_double(self, column: ColumnDefinition) -> str:
        return "double"

    def type_date(self, column: ColumnDefinition) -> str:
        return "date"

    def _precise(self, name: str, column: ColumnDefinition) -> str:
        precision = column.params.get("precision", 0)
        return f"{name}({precision})" if precision else name

    def type_time(self, column: ColumnDefinition) -> str:
        return self._precise("time", column)

    type_time_tz = type_time

    def type_datetime(self, column: ColumnDefinition) -> str:
        return self._precise("datetime", column)

    type_datetime_tz = type_datetime

    def type_timestamp(self, column: ColumnDefinition) -> str:
        return self._precise("timestamp", column)

    type_timestamp_tz = type_timestamp

    def type_year(self, column: ColumnDefinition) -> str:
        return "year"

    def type_json(self, column: ColumnDefinition) -> str:
        return "json"

    type_jsonb = type_json

    def type_uuid(self, column: ColumnDefinition) -> str:
        return "char(36)"

    def type_enum(self, column: ColumnDefinition) -> str:
        return f"enum({', '.join(self.quote_string(v) for v in column.params['allowed'])})"

    def type_set(self, column: ColumnDefinition) -> str:
        return f"set({', '.join(self.quote_string(v) for v in column.params['allowed'])})"

    def _srid(self, srid: int) -> str:
        if self.mariadb:
            return f" ref_system_id={srid}"
        return f" srid {srid}"

    def type_geometry(self, column: ColumnDefinition) -> str:
        srid = column.params.get("srid") or 0
        type_ = column.params.get("subtype") or "geometry"
        return type_ + (self._srid(srid) if srid else "")

    def type_geography(self, column: ColumnDefinition) -> str:
        type_ = column.params.get("subtype") or "geometry"
        return type_ + self._srid(column.params.get("srid") or 4326)

    def type_vector(self, column: ColumnDefinition) -> str:
        dimensions = column.params.get("dimensions")
        return f"vector({int(dimensions)})" if dimensions else "vector"

    def type_binary(self, column: ColumnDefinition) -> str:
        return "blob"

    def type_ip_address(self, column: ColumnDefinition) -> str:
        return "varchar(45)"

    def type_mac_address(self, column: ColumnDefinition) -> str:
        return "varchar(17)"

    # -- modifiers -----------------------------------------------------------------------------
    def _current(self, column: ColumnDefinition) -> str:
        precision = column.params.get("precision", 0)
        return f"CURRENT_TIMESTAMP({precision})" if precision else "CURRENT_TIMESTAMP"

    def modifiers(self, column: ColumnDefinition, blueprint: Blueprint) -> list[str]:
        parts: list[str] = []
        if column.unsigned_:
            parts.append("unsigned")
        if column.charset_:
            parts.append(f"character set {column.charset_}")
        if column.collation_:
            parts.append(f"collate {self.quote_string(column.collation_)}")
        if generated := self.generated(column, "as"):
            parts.append(generated)  # MariaDB rejects NULL/NOT NULL on generated columns
        else:
            parts.append("null" if column.nullable_ else "not null")
        if column.use_current_:
            parts.append(f"default {self._current(column)}")
        elif column.has_default:
            parts.append(f"default {self.default_value(column.default_)}")
        if column.use_current_on_update_:
            parts.append(f"on update {self._current(column)}")
        if column.invisible_:
            parts.append("invisible")
        if column.auto_increment_:
            parts.append("auto_increment" if column.change_ else "auto_increment primary key")
        if column.comment_ is not None:
            parts.append(f"comment {self.quote_string(column.comment_)}")
        if not blueprint.creating:
            if column.first_:
                parts.append("first")
            elif column.after_:
                parts.append(f"after {self.wrap(column.after_)}")
        return parts

    # -- create and alter -----------------------------------------------------------------------
    def compile_create(self, blueprint: Blueprint) -> list[str]:
        columns = ", ".join(self.column_sql(c, blueprint) for c in blueprint.columns)
        temporary = "temporary " if blueprint.temporary_ else ""
        sql = f"create {temporary}table {self.wrap_table(blueprint.table)} ({columns})"
        sql += f" default character set {blueprint.charset_ or self.default_charset}"
        sql += f" collate {self.quote_string(blueprint.collation_ or self.default_collation)}"
        sql += f" engine = {blueprint.engine_ or self.default_engine}"
        if blueprint.comment_ is not None:
            sql += f" comment = {self.quote_string(blueprint.comment_)}"
        commands = self.compile_commands(blueprint, blueprint.all_commands())
        return [sql, *commands, *self.starting_values(blueprint)]

    def compile_starting_value(self, blueprint: Blueprint, column: str, value: int) -> str:
        return f"alter table {self.wrap_table(blueprint.table)} auto_increment = {int(value)}"

    def compile_alter(self, blueprint: Blueprint) -> list[str]:
        table = self.wrap_table(blueprint.table)
        clauses = [f"add {self.column_sql(c, blueprint)}" for c in blueprint.added_columns()]
        clauses += [f"modify {self.column_sql(c, blueprint)}" for c in blueprint.changed_columns()]
        statements = [f"alter table {table} {', '.join(clauses)}"] if clauses else []
        statements.extend(self.compile_commands(blueprint, blueprint.all_commands()))
        if blueprint.comment_ is not None:
            statements.append(
                f"alter table {table} comment = {self.quote_string(blueprint.comment_)}"
            )
        return statements

    # -- commands ------------------------------------------------------------------------------
    def _add_index(self, kind: str, blueprint: Blueprint, command: Command) -> str:
        return (
            f"alter table {self.wrap_table(blueprint.table)} add {kind} "
            f"{self.wrap(command.index or '')}({self.columnize(command.columns)})"
        )

    def compile_primary(self, blueprint: Blueprint, command: Command) -> str:
        return (
            f"alter table {self.wrap_table(blueprint.table)} add primary key "
            f"({self.columnize(command.columns)})"
        )

    def compile_unique(self, blueprint: Blueprint, command: Command) -> str:
        return self._add_index("unique", blueprint, command)

    def compile_index(self, blueprint: Blueprint, command: Command) -> str:
        return self._add_index("index", blueprint, command)

    def compile_fulltext(self, blueprint: Blueprint, command: Command) -> str:
        return self._add_index("fulltext", blueprint, command)

    def compile_spatial_index(self, blueprint: Blueprint, command: Command) -> str:
        return self._add_index("spatial index", blueprint, command)

    def compile_foreign(self, blueprint: Blueprint, command: Command) -> str:
        fk = command.params["definition"]
        return (
            f"alter table {self.wrap_table(blueprint.table)} add constraint "
            f"{self.wrap(fk.name)} {self.foreign_sql(fk)}"
        )

    def compile_drop_column(self, blueprint: Blueprint, command: Command) -> str:
        drops = ", ".join(f"drop {self.wrap(c)}" for c in command.columns)
        return f"alter table {self.wrap_table(blueprint.table)} {drops}"

    def compile_drop_primary(self, blueprint: Blueprint, command: Command) -> str:
        return f"alter table {self.wrap_table(blueprint.table)} drop primary key"

    def compile_drop_index(self, blueprint: Blueprint, command: Command) -> str:
        return f"alter table {self.wrap_table(blueprint.table)} drop index {self.wrap(command.index or '')}"

    compile_drop_unique = compile_drop_fulltext = compile_drop_spatial_index = compile_drop_index

    def compile_drop_foreign(self, blueprint: Blueprint, command: Command) -> str:
        return (
            f"alter table {self.wrap_table(blueprint.table)} drop foreign key "
            f"{self.wrap(command.index or '')}"
        )

    def compile_rename_index(self, blueprint: Blueprint, command: Command) -> str:
        return (
            f"alter table {self.wrap_table(blueprint.table)} rename index "
            f"{self.wrap(command.index or '')} to {self.wrap(command.params['to'])}"
        )

    def compile_create_database(self, name: str) -> str:
        return (
            f"create database {self.wrap(name)} default character set {self.default_charset} "
            f"default collate {self.default_collation}"
        )

    def compile_drop_all_tables(self, tables: list[str]) -> list[str]:
        if not tables:
            return []
        return [
            "set foreign_key_checks = 0",
            f"drop table if exists {', '.join(self.wrap(t) for t in tables)}",
            "set foreign_key_checks = 1",
        ]

    # -- queries -------------------------------------------------------------------------------

    def compile_disable_foreign_keys(self) -> str:
        return "set foreign_key_checks = 0"

    def compile_enable_foreign_keys(self) -> str:
        return "set foreign_key_checks = 1"
