"""The Blueprint: a description of a table to create or the changes to make to one.

A blueprint only records what you ask for; a schema grammar turns it into SQL for one
dialect. See ``docs/migrations.md`` for every column type and modifier.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from parvel.database.schema.columns import (
    ColumnDefinition,
    Command,
    ForeignIdColumnDefinition,
    ForeignKeyDefinition,
)


class Blueprint:
    """The columns and commands for one table.

    Attributes:
        table: The table name.
        creating: True when the blueprint describes a new table (``schema.create``).
        columns: Column definitions in the order they were declared.
        commands: Table-level commands (indexes, foreign keys, drops, renames).
    """

    default_string_length: ClassVar[int] = 255
    """The length of ``string()``/``char()`` columns when none is given
    (``SchemaBuilder.default_string_length(191)`` changes it)."""
    default_morph_key_type: ClassVar[str] = "int"
    """The ``{name}_id`` type of ``morphs()``: ``int``, ``uuid`` or ``ulid``."""

    def __init__(self, table: str, *, creating: bool = False, prefix: str = "") -> None:
        self.table = table
        self.prefix = prefix
        self.creating = creating
        self.columns: list[ColumnDefinition] = []
        self.commands: list[Command] = []
        self.foreign_keys: list[ForeignKeyDefinition] = []
        self.temporary_: bool = False
        self.engine_: str | None = None
        self.charset_: str | None = None
        self.collation_: str | None = None
        self.comment_: str | None = None

    # -- helpers ---------------------------------------------------------------------------
    def add_column(self, type_: str, name: str, **params: Any) -> ColumnDefinition:
        """Add a column of a grammar type (the typed helpers below call this)."""
        column = ColumnDefinition(self, type_, name, **params)
        self.columns.append(column)
        return column

    def _foreign_column(self, type_: str, name: str, **params: Any) -> ForeignIdColumnDefinition:
        column = ForeignIdColumnDefinition(self, type_, name, **params)
        self.columns.append(column)
        return column

    def after(self, column: str, callback: Callable[[Blueprint], Any]) -> None:
        """Add the columns ``callback(table)`` defines after ``column``, in order (MySQL/MariaDB).

        ``table.after("password", lambda t: (t.string("line1"), t.string("line2")))`` places
        ``line1`` after ``password`` and ``line2`` after ``line1``; elsewhere the columns are
        appended.
        """
        start = len(self.columns)
        callback(self)
        previous = column
        for definition in self.columns[start:]:
            if definition.after_ is None and not definition.first_:
                definition.after_ = previous
            previous = definition.name

    def temporary(self) -> None:
        """Create the table as a temporary table."""
        self.temporary_ = True

    def comment(self, text: str) -> None:
        """Attach a comment to the table (PostgreSQL and MySQL/MariaDB)."""
        self.comment_ = text

    def engine(self, name: str) -> None:
        """Set the storage engine (MySQL/MariaDB; default InnoDB)."""
        self.engine_ = name

    def charset(self, name: str) -> None:
        """Set the table's default character set (MySQL/MariaDB; default utf8mb4)."""
        self.charset_ = name

    def collation(self, name: str) -> None:
        """Set the table's default collation (MySQL/MariaDB; default utf8mb4_unicode_ci)."""
        self.collation_ = name

    # -- increments and integers -----------------------------------------------------------
    def id(self, name: str = "id") -> ColumnDefinition:
        """An auto-incrementing big integer primary key (alias of ``big_increments``)."""
        return self.big_increments(name)

    def increments(self, name: str) -> ColumnDefinition:
        """An auto-incrementing integer primary key."""
        return self.add_column("integer", name, auto_increment=True, unsigned=True)

    def tiny_increments(self, name: str) -> ColumnDefinition:
        """An auto-incrementing tiny integer primary key."""
        return self.add_column("tiny_integer", name, auto_increment=True, unsigned=True)

    def small_increments(self, name: str) -> ColumnDefinition:
        """An auto-incrementing small integer primary key."""
        return self.add_column("small_integer", name, auto_increment=True, unsigned=True)

    def medium_increments(self, name: str) -> ColumnDefinition:
        """An auto-incrementing medium integer primary key."""
        return self.add_column("medium_integer", name, auto_increment=True, unsigned=True)

    def big_increments(self, name: str) -> ColumnDefinition:
        """An auto-incrementing big integer primary key."""
        return self.add_column("big_integer", name, auto_increment=True, unsigned=True)

    def integer(
        self, name: str, auto_increment: bool = False, unsigned: bool = False
    ) -> ColumnDefinition:
        """An integer column."""
        return self.add_column("integer", name, auto_increment=auto_increment, unsigned=unsigned)

    def tiny_integer(
        self, name: str, auto_increment: bool = False, unsigned: bool = False
    ) -> ColumnDefinition:
        """A tiny (1 byte) integer column."""
        return self.add_column(
            "tiny_integer", name, auto_increment=auto_increment, unsigned=unsigned
        )

    def small_integer(
        self, name: str, auto_increment: bool = False, unsigned: bool = False
    ) -> ColumnDefinition:
        """A small (2 byte) integer column."""
        return self.add_column(
            "small_integer", name, auto_increment=auto_increment, unsigned=unsigned
        )

    def medium_integer(
        self, name: str, auto_increment: bool = False, unsigned: bool = False
    ) -> ColumnDefinition:
        """A medium (3 byte) integer column."""
        return self.add_column(
            "medium_integer", name, auto_increment=auto_increment, unsigned=unsigned
        )

    def big_integer(
        self, name: str, auto_increment: bool = False, unsigned: bool = False
    ) -> ColumnDefinition:
        """A big (8 byte) integer column."""
        return self.add_column(
            "big_integer", name, auto_increment=auto_increment, unsigned=unsigned
        )

    def unsigned_integer(self, name: str) -> ColumnDefinition:
        """An unsigned integer column."""
        return self.integer(name, unsigned=True)

    def unsigned_tiny_integer(self, name: str) -> ColumnDefinition:
        """An unsigned tiny integer column."""
        return self.tiny_integer(name, unsigned=True)

    def unsigned_small_integer(self, name: str) -> ColumnDefinition:
        """An unsigned small integer column."""
        return self.small_integer(name, unsigned=True)

    def unsigned_medium_integer(self, name: str) -> ColumnDefinition:
        """An unsigned medium integer column."""
        return self.medium_integer(name, unsigned=True)

    def unsigned_big_integer(self, name: str) -> ColumnDefinition:
        """An unsigned big integer column."""
        return self.big_integer(name, unsigned=True)

    # -- strings and text ------------------------------------------------------------------
    def string(self, name: str, length: int | None = None) -> ColumnDefinition:
        """A ``VARCHAR`` column of ``length`` characters (default 255)."""
        return self.add_column("string", name, length=length or self.default_string_length)

    def char(self, name: str, length: int | None = None) -> ColumnDefinition:
        """A fixed-length ``CHAR`` column (default length 255)."""
        return self.add_column("char", name, length=length or self.default_string_length)

    def text(self, name: str) -> ColumnDefinition:
        """A ``TEXT`` column."""
        return self.add_column("text", name)

    def tiny_text(self, name: str) -> ColumnDefinition:
        """A ``TINYTEXT`` column (``TEXT`` outside MySQL/MariaDB)."""
        return self.add_column("tiny_text", name)

    def medium_text(self, name: str) -> ColumnDefinition:
        """A ``MEDIUMTEXT`` column (``TEXT`` outside MySQL/MariaDB)."""
        return self.add_column("medium_text", name)

    def long_text(self, name: str) -> ColumnDefinition:
        """A ``LONGTEXT`` column (``TEXT`` outside MySQL/MariaDB)."""
        return self.add_column("long_text", name)

    # -- numbers -----------------------------------------------------------------------------
    def boolean(self, name: str) -> ColumnDefinition:
        """A boolean column."""
        return self.add_column("boolean", name)

    def decimal(self, name: str, total: int = 8, places: int = 2) -> ColumnDefinition:
        """A fixed-point ``DECIMAL(total, places)`` column."""
        return self.add_column("decimal", name, total=total, places=places)

    def float(self, name: str, precision: int = 53) -> ColumnDefinition:
        """A floating point column (``precision`` in bits; 53 gives a double)."""
        return self.add_column("float", name, precision=precision)

    def double(self, name: str) -> ColumnDefinition:
        """A double precision floating point column."""
        return self.add_column("double", name)

    # -- dates and times ---------------------------------------------------------------------
    def date(self, name: str) -> ColumnDefinition:
        """A ``DATE`` column."""
        return self.add_column("date", name)

    def time(self, name: str, precision: int = 0) -> ColumnDefinition:
        """A ``TIME`` column."""
        return self.add_column("time", name, precision=precision)

    def time_tz(self, name: str, precision: int = 0) -> ColumnDefinition:
        """A ``TIME`` column with time zone (PostgreSQL; plain ``TIME`` elsewhere)."""
        return self.add_column("time_tz", name, precision=precision)

    def datetime(self, name: str, precision: int = 0) -> ColumnDefinition:
        """A ``DATETIME`` column (``TIMESTAMP WITHOUT TIME ZONE`` on PostgreSQL)."""
        return self.add_column("datetime", name, precision=precision)

    def datetime_tz(self, name: str, precision: int = 0) -> ColumnDefinition:
        """A date-time column with time zone (PostgreSQL; plain ``DATETIME`` elsewhere)."""
        return self.add_column("datetime_tz", name, precision=precision)

    def timestamp(self, name: str, precision: int = 0) -> ColumnDefinition:
        """A ``TIMESTAMP`` column."""
        return self.add_column("timestamp", name, precision=precision)

    def timestamp_tz(self, name: str, precision: int = 0) -> ColumnDefinition:
        """A ``TIMESTAMP WITH TIME ZONE`` column (plain ``TIMESTAMP`` outside PostgreSQL)."""
        return self.add_column("timestamp_tz", name, precision=precision)

    def timestamps(self, precision: int = 0) -> None:
        """Nullable ``created_at`` and ``updated_at`` timestamp columns."""
        self.timestamp("created_at", precision).nullable()
        self.timestamp("updated_at", precision).nullable()

    def nullable_timestamps(self, precision: int = 0) -> None:
        """Alias of :meth:`timestamps`."""
        self.timestamps(precision)

    def timestamps_tz(self, precision: int = 0) -> None:
        """Nullable ``created_at`` and ``updated_at`` columns with time zone."""
        self.timestamp_tz("created_at", precision).nullable()
        self.timestamp_tz("updated_at", precision).nullable()

    def datetimes(self, precision: int = 0) -> None:
        """Nullable ``created_at`` and ``updated_at`` columns of type ``DATETIME``."""
        self.datetime("created_at", precision).nullable()
        self.datetime("updated_at", precision).nullable()

    def soft_deletes_datetime(
        self, column: str = "deleted_at", precision: int = 0
    ) -> ColumnDefinition:
        """A nullable ``deleted_at`` column of type ``DATETIME``."""
        return self.datetime(column, precision).nullable()

    def soft_deletes(self, column: str = "deleted_at", precision: int = 0) -> ColumnDefinition:
        """A nullable ``deleted_at`` timestamp for soft deletes."""
        return self.timestamp(column, precision).nullable()

    def soft_deletes_tz(self, column: str = "deleted_at", precision: int = 0) -> ColumnDefinition:
        """A nullable ``deleted_at`` timestamp with time zone."""
        return self.timestamp_tz(column, precision).nullable()

    def year(self, name: str) -> ColumnDefinition:
        """A ``YEAR`` column (an integer outside MySQL/MariaDB)."""
        return self.add_column("year", name)

    # -- other types -------------------------------------------------------------------------
    def json(self, name: str) -> ColumnDefinition:
        """A JSON column (``TEXT`` on SQLite)."""
        return self.add_column("json", name)

    def jsonb(self, name: str) -> ColumnDefinition:
        """A ``JSONB`` column on PostgreSQL (JSON elsewhere)."""
        return self.add_column("jsonb", name)

    def uuid(self, name: str = "uuid") -> ColumnDefinition:
        """A UUID column (native on PostgreSQL, ``CHAR(36)`` on MySQL/MariaDB)."""
        return self.add_column("uuid", name)

    def ulid(self, name: str = "ulid", length: int = 26) -> ColumnDefinition:
        """A ULID column (``CHAR(26)``)."""
        return self.add_column("char", name, length=length)

    def enum(self, name: str, allowed: list[str]) -> ColumnDefinition:
        """A column restricted to the ``allowed`` strings."""
        return self.add_column("enum", name, allowed=list(allowed))

    def set(self, name: str, allowed: list[str]) -> ColumnDefinition:
        """A MySQL/MariaDB ``SET`` column holding any combination of ``allowed``."""
        return self.add_column("set", name, allowed=list(allowed))

    def binary(self, name: str) -> ColumnDefinition:
        """A binary (``BLOB``/``BYTEA``) column."""
        return self.add_column("binary", name)

    def ip_address(self, name: str = "ip_address") -> ColumnDefinition:
        """An IP address column (``INET`` on PostgreSQL)."""
        return self.add_column("ip_address", name)

    def mac_address(self, name: str = "mac_address") -> ColumnDefinition:
        """A MAC address column (``MACADDR`` on PostgreSQL)."""
        return self.add_column("mac_address", name)

    def remember_token(self) -> ColumnDefinition:
        """A nullable ``remember_token`` string of 100 characters."""
        return self.string("remember_token", 100).nullable()

    # -- foreign keys and polymorphic columns ------------------------------------------------
    def foreign_id(self, name: str) -> ForeignIdColumnDefinition:
        """An unsigned big integer meant to reference another table's ``id``."""
        return self._foreign_column("big_integer", name, unsigned=True)

    def foreign_uuid(self, name: str) -> ForeignIdColumnDefinition:
        """A UUID column meant to reference another table."""
        return self._foreign_column("uuid", name)

    def foreign_ulid(self, name: str, length: int = 26) -> ForeignIdColumnDefinition:
        """A ULID column meant to reference another table."""
        return self._foreign_column("char", name, length=length)

    def geometry(self, name: str, subtype: str | None = None, srid: int = 0) -> ColumnDefinition:
        """A spatial ``geometry`` column (``subtype`` like ``"point"``; PostGIS on PostgreSQL)."""
        return self.add_column("geometry", name, subtype=_spatial_subtype(subtype), srid=int(srid))

    def geography(
        self, name: str, subtype: str | None = None, srid: int = 4326
    ) -> ColumnDefinition:
        """A spatial ``geography`` column (a ``geometry`` with an SRID on MySQL/MariaDB)."""
        return self.add_column("geography", name, subtype=_spatial_subtype(subtype), srid=int(srid))

    def vector(self, name: str, dimensions: int | None = None) -> ColumnDefinition:
        """A ``vector(dimensions)`` column (pgvector on PostgreSQL, MySQL 9, MariaDB 11.7)."""
        return self.add_column("vector", name, dimensions=dimensions)

    def foreign_id_for(self, model: Any, column: str | None = None) -> ForeignIdColumnDefinition:
        """A key column pointing at ``model`` (an ORM model class or instance).

        The column is named by ``model.get_foreign_key()`` (``user_id`` for ``User``) unless
        ``column`` is given. Its type follows the model's key: an unsigned big integer for
        incrementing integer keys, a ULID for models using ``HasUlids``, a UUID otherwise.
        ``.constrained()`` then references the model's table and key.
        """
        cls = model if isinstance(model, type) else type(model)
        name = column or model.get_foreign_key()
        if getattr(model, "key_type", "int") == "int" and getattr(model, "incrementing", True):
            definition = self.foreign_id(name)
        elif any(base.__name__ == "HasUlids" for base in cls.__mro__):
            definition = self.foreign_ulid(name)
        else:
            definition = self.foreign_uuid(name)
        definition.references_table = model.get_table()
        definition.references_column = model.get_key_name()
        return definition

    def _morph_id(self, name: str) -> ColumnDefinition:
        kind = self.default_morph_key_type
        if kind == "uuid":
            return self.uuid(name)
        if kind == "ulid":
            return self.ulid(name)
        return self.unsigned_big_integer(name)

    def morphs(self, name: str, index_name: str | None = None) -> None:
        """``{name}_type`` and ``{name}_id`` columns with an index, for polymorphic relations.

        ``{name}_id`` is an unsigned big integer, or a UUID/ULID after
        ``SchemaBuilder.morph_using_uuids()``/``morph_using_ulids()``.
        """
        self.string(f"{name}_type")
        self._morph_id(f"{name}_id")
        self.index([f"{name}_type", f"{name}_id"], index_name)

    def nullable_morphs(self, name: str, index_name: str | None = None) -> None:
        """Like :meth:`morphs` but both columns are nullable."""
        self.string(f"{name}_type").nullable()
        self._morph_id(f"{name}_id").nullable()
        self.index([f"{name}_type", f"{name}_id"], index_name)

    def uuid_morphs(self, name: str, index_name: str | None = None) -> None:
        """Like :meth:`morphs` with a UUID ``{name}_id``."""
        self.string(f"{name}_type")
        self.uuid(f"{name}_id")
        self.index([f"{name}_type", f"{name}_id"], index_name)

    def ulid_morphs(self, name: str, index_name: str | None = None) -> None:
        """Like :meth:`morphs` with a ULID ``{name}_id``."""
        self.string(f"{name}_type")
        self.ulid(f"{name}_id")
        self.index([f"{name}_type", f"{name}_id"], index_name)

    def nullable_uuid_morphs(self, name: str, index_name: str | None = None) -> None:
        """Like :meth:`uuid_morphs` but both columns are nullable."""
        self.string(f"{name}_type").nullable()
        self.uuid(f"{name}_id").nullable()
        self.index([f"{name}_type", f"{name}_id"], index_name)

    def nullable_ulid_morphs(self, name: str, index_name: str | None = None) -> None:
        """Like :meth:`ulid_morphs` but both columns are nullable."""
        self.string(f"{name}_type").nullable()
        self.ulid(f"{name}_id").nullable()
        self.index([f"{name}_type", f"{name}_id"], index_name)

    def foreign(self, columns: str | list[str], name: str | None = None) -> ForeignKeyDefinition:
        """Add a foreign key constraint; chain ``.references(...).on(...)``."""
        cols = [columns] if isinstance(columns, str) else list(columns)
        fk = ForeignKeyDefinition(self, cols, name or self.index_name("foreign", cols))
        self.foreign_keys.append(fk)
        self.commands.append(Command("foreign", cols, fk.name, {"definition": fk}))
        return fk

    # -- indexes -------------------------------------------------------------------------------
    def index_name(self, kind: str, columns: list[str]) -> str:
        """The default index name: ``{table}_{columns}_{kind}`` (``posts_title_unique``)."""
        table = self.prefix + self.table.rsplit(".", 1)[-1]
        raw = "_".join([table, *columns, kind]).lower()
        return raw.replace("-", "_").replace(".", "_")

    def _index(self, kind: str, columns: str | list[str], name: str | None) -> Command:
        cols = [columns] if isinstance(columns, str) else list(columns)
        command = Command(kind, cols, name or self.index_name(kind, cols))
        self.commands.append(command)
        return command

    def primary(self, columns: str | list[str], name: str | None = None) -> None:
        """Set the primary key (composite when given several columns)."""
        self._index("primary", columns, name)

    def unique(self, columns: str | list[str], name: str | None = None) -> None:
        """Add a unique index."""
        self._index("unique", columns, name)

    def index(self, columns: str | list[str], name: str | None = None) -> None:
        """Add a plain index."""
        self._index("index", columns, name)

    def spatial_index(self, columns: str | list[str], name: str | None = None) -> None:
        """Add a spatial index (MySQL/MariaDB ``spatial index``, PostgreSQL GiST; not SQLite).

        The default name ends in ``_spatialindex``, as in Laravel.
        """
        cols = [columns] if isinstance(columns, str) else list(columns)
        self.commands.append(
            Command("spatial_index", cols, name or self.index_name("spatialindex", cols))
        )

    def full_text(self, columns: str | list[str], name: str | None = None) -> None:
        """Add a full-text index (PostgreSQL and MySQL/MariaDB)."""
        self._index("fulltext", columns, name)

    # -- dropping and renaming ---------------------------------------------------------------
    def drop_column(self, *columns: str | list[str]) -> None:
        """Drop one or more columns (SQLite rebuilds the table)."""
        names: list[str] = []
        for column in columns:
            names.extend([column] if isinstance(column, str) else column)
        self.commands.append(Command("drop_column", names))

    def rename(self, to: str) -> None:
        """Rename the table (``schema.rename()`` is the usual way)."""
        self.commands.append(Command("rename_table", params={"to": to}))

    def drop(self) -> None:
        """Drop the table (``schema.drop()`` is the usual way)."""
        self.commands.append(Command("drop_table"))

    def drop_if_exists(self) -> None:
        """Drop the table if it exists."""
        self.commands.append(Command("drop_table_if_exists"))

    def rename_column(self, old: str, new: str) -> None:
        """Rename a column."""
        self.commands.append(Command("rename_column", [old], params={"to": new}))

    def _drop_index(self, kind: str, index: str | list[str]) -> None:
        name = index if isinstance(index, str) else self.index_name(kind, list(index))
        columns = [] if isinstance(index, str) else list(index)
        self.commands.append(Command(f"drop_{kind}", columns, name))

    def drop_primary(self, index: str | list[str] | None = None) -> None:
        """Drop the primary key."""
        self._drop_index("primary", index or self.index_name("primary", []))

    def drop_unique(self, index: str | list[str]) -> None:
        """Drop a unique index, by name or by its columns."""
        self._drop_index("unique", index)

    def drop_index(self, index: str | list[str]) -> None:
        """Drop a plain index, by name or by its columns."""
        self._drop_index("index", index)

    def drop_full_text(self, index: str | list[str]) -> None:
        """Drop a full-text index, by name or by its columns."""
        self._drop_index("fulltext", index)

    def drop_spatial_index(self, index: str | list[str]) -> None:
        """Drop a spatial index, by name or by its columns."""
        name = index if isinstance(index, str) else self.index_name("spatialindex", list(index))
        columns = [] if isinstance(index, str) else list(index)
        self.commands.append(Command("drop_spatial_index", columns, name))

    def drop_foreign(self, index: str | list[str]) -> None:
        """Drop a foreign key, by name or by its columns (SQLite rebuilds the table)."""
        self._drop_index("foreign", index)

    def drop_constrained_foreign_id(self, column: str) -> None:
        """Drop a ``foreign_id(...).constrained()`` column together with its foreign key."""
        self.drop_foreign([column])
        self.drop_column(column)

    def rename_index(self, old: str, new: str) -> None:
        """Rename an index."""
        self.commands.append(Command("rename_index", [], old, {"to": new}))

    def drop_timestamps(self) -> None:
        """Drop ``created_at`` and ``updated_at``."""
        self.drop_column("created_at", "updated_at")

    def drop_timestamps_tz(self) -> None:
        """Alias of :meth:`drop_timestamps`."""
        self.drop_timestamps()

    def drop_soft_deletes(self, column: str = "deleted_at") -> None:
        """Drop the soft-delete column."""
        self.drop_column(column)

    def drop_soft_deletes_tz(self, column: str = "deleted_at") -> None:
        """Alias of :meth:`drop_soft_deletes`."""
        self.drop_soft_deletes(column)

    def drop_remember_token(self) -> None:
        """Drop ``remember_token``."""
        self.drop_column("remember_token")

    def drop_morphs(self, name: str, index_name: str | None = None) -> None:
        """Drop the ``{name}_type``/``{name}_id`` pair and their index."""
        self.drop_index(index_name or self.index_name("index", [f"{name}_type", f"{name}_id"]))
        self.drop_column(f"{name}_type", f"{name}_id")

    # -- used by grammars ------------------------------------------------------------------------
    def added_columns(self) -> list[ColumnDefinition]:
        """Columns to add (not marked ``change()``)."""
        return [c for c in self.columns if not c.change_]

    def changed_columns(self) -> list[ColumnDefinition]:
        """Columns marked ``change()``."""
        return [c for c in self.columns if c.change_]

    def implied_commands(self) -> list[Command]:
        """Index commands implied by column modifiers (``.unique()``, ``.index()``, ...)."""
        implied: list[Command] = []
        for column in self.columns:
            for kind, flag in (
                ("primary", column.primary_),
                ("unique", column.unique_),
                ("index", column.index_),
                ("fulltext", column.fulltext_),
                ("spatial_index", column.spatial_index_),
            ):
                if flag:
                    suffix = "spatialindex" if kind == "spatial_index" else kind
                    name = flag if isinstance(flag, str) else self.index_name(suffix, [column.name])
                    implied.append(Command(kind, [column.name], name))
        return implied

    def all_commands(self) -> list[Command]:
        """Commands in execution order: implied index commands, then explicit ones."""
        return [*self.implied_commands(), *self.commands]


def _spatial_subtype(subtype: str | None) -> str | None:
    """Check a spatial subtype (``point``, ``polygon``...): letters only, lower-cased."""
    if subtype is None:
        return None
    if not subtype.isalpha():
        raise ValueError(f"Invalid spatial subtype {subtype!r}: use a name like 'point'.")
    return subtype.lower()
