"""Fluent column, index and foreign-key definitions collected by a :class:`Blueprint`.

Each method returns the definition itself so modifiers chain, as in
``table.string("email").nullable().unique()``. See ``docs/migrations.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from parvel.database.schema.blueprint import Blueprint


class ColumnDefinition:
    """One column of a blueprint: its type, parameters and modifiers."""

    def __init__(self, blueprint: Blueprint, type_: str, name: str, **params: Any) -> None:
        self.blueprint = blueprint
        self.type = type_
        self.name = name
        self.params: dict[str, Any] = params
        self.nullable_: bool = False
        self.default_: Any = None
        self.has_default: bool = False
        self.use_current_: bool = False
        self.use_current_on_update_: bool = False
        self.unsigned_: bool = bool(params.pop("unsigned", False))
        self.auto_increment_: bool = bool(params.pop("auto_increment", False))
        self.comment_: str | None = None
        self.after_: str | None = None
        self.first_: bool = False
        self.charset_: str | None = None
        self.collation_: str | None = None
        self.change_: bool = False
        self.stored_as_: str | None = None
        self.starting_value_: int | None = None
        self.virtual_as_: str | None = None
        self.primary_: bool = False
        self.unique_: bool | str = False
        self.index_: bool | str = False
        self.fulltext_: bool | str = False
        self.spatial_index_: bool | str = False
        self.invisible_: bool = False
        self.generated_as_: str | bool | None = None
        self.always_: bool = False

    def nullable(self, value: bool = True) -> Self:
        """Allow NULL values in the column."""
        self.nullable_ = value
        return self

    def default(self, value: Any) -> Self:
        """Set the column's default: a Python value, or ``Expression("...")`` for raw SQL."""
        self.default_ = value
        self.has_default = True
        return self

    def use_current(self) -> Self:
        """Default a date/time column to ``CURRENT_TIMESTAMP``."""
        self.use_current_ = True
        return self

    def use_current_on_update(self) -> Self:
        """Set the column to ``CURRENT_TIMESTAMP`` on every update (MySQL/MariaDB only)."""
        self.use_current_on_update_ = True
        return self

    def unsigned(self) -> Self:
        """Make an integer column unsigned (MySQL/MariaDB; ignored elsewhere)."""
        self.unsigned_ = True
        return self

    def auto_increment(self) -> Self:
        """Make an integer column an auto-incrementing primary key."""
        self.auto_increment_ = True
        return self

    def starting_value(self, value: int) -> Self:
        """Start an auto-increment column at ``value`` (Laravel's ``startingValue()``)."""
        self.starting_value_ = value
        return self

    def from_(self, value: int) -> Self:
        """Laravel's ``from()`` (``from`` is a Python keyword): the same as :meth:`starting_value`."""
        return self.starting_value(value)

    def comment(self, text: str) -> Self:
        """Attach a comment to the column (PostgreSQL and MySQL/MariaDB)."""
        self.comment_ = text
        return self

    def after(self, column: str) -> Self:
        """Place a new column after another one (MySQL/MariaDB only; ignored elsewhere)."""
        self.after_ = column
        return self

    def first(self) -> Self:
        """Place a new column first in the table (MySQL/MariaDB only; ignored elsewhere)."""
        self.first_ = True
        return self

    def charset(self, name: str) -> Self:
        """Set the column's character set (MySQL/MariaDB only)."""
        self.charset_ = name
        return self

    def collation(self, name: str) -> Self:
        """Set the column's collation."""
        self.collation_ = name
        return self

    def stored_as(self, expression: str) -> Self:
        """Make this a generated column computed from ``expression`` and stored on write."""
        self.stored_as_ = expression
        return self

    def virtual_as(self, expression: str) -> Self:
        """Make this a generated column computed from ``expression`` on read (not PostgreSQL)."""
        self.virtual_as_ = expression
        return self

    def primary(self) -> Self:
        """Make this column the table's primary key."""
        self.primary_ = True
        return self

    def unique(self, name: str | None = None) -> Self:
        """Add a unique index on this column (named ``{table}_{column}_unique`` by default)."""
        self.unique_ = name or True
        return self

    def index(self, name: str | None = None) -> Self:
        """Add a plain index on this column (named ``{table}_{column}_index`` by default)."""
        self.index_ = name or True
        return self

    def spatial_index(self, name: str | None = None) -> Self:
        """Add a spatial index on this column (MySQL/MariaDB; GiST on PostgreSQL)."""
        self.spatial_index_ = name or True
        return self

    def generated_as(self, expression: str | None = None) -> Self:
        """Make an integer column a PostgreSQL identity column (ignored elsewhere).

        ``expression`` holds raw sequence options, e.g. ``"start with 100 increment by 10"``.
        """
        self.generated_as_ = expression if expression else True
        return self

    def always(self, value: bool = True) -> Self:
        """With :meth:`generated_as`: ``generated always`` (values cannot be inserted)."""
        self.always_ = value
        return self

    def invisible(self) -> Self:
        """Hide the column from ``select *`` (MySQL/MariaDB; ignored elsewhere)."""
        self.invisible_ = True
        return self

    def full_text(self, name: str | None = None) -> Self:
        """Add a full-text index on this column (PostgreSQL and MySQL/MariaDB)."""
        self.fulltext_ = name or True
        return self

    def change(self) -> Self:
        """Modify an existing column instead of adding a new one (inside ``schema.table``)."""
        self.change_ = True
        return self


class ForeignKeyDefinition:
    """A foreign key constraint: ``table.foreign("user_id").references("id").on("users")``."""

    def __init__(self, blueprint: Blueprint, columns: list[str], name: str | None = None) -> None:
        self.blueprint = blueprint
        self.columns = columns
        self.name = name
        self.references_: list[str] = []
        self.on_: str | None = None
        self.on_delete_: str | None = None
        self.on_update_: str | None = None

    def references(self, *columns: str) -> Self:
        """Name the referenced column(s)."""
        self.references_ = list(columns)
        return self

    def on(self, table: str) -> Self:
        """Name the referenced table."""
        self.on_ = table
        return self

    def on_delete(self, action: str) -> Self:
        """Set the ``ON DELETE`` action (``cascade``, ``restrict``, ``set null``, ``no action``)."""
        self.on_delete_ = action
        return self

    def on_update(self, action: str) -> Self:
        """Set the ``ON UPDATE`` action."""
        self.on_update_ = action
        return self

    def cascade_on_delete(self) -> Self:
        """Delete child rows when the parent row is deleted."""
        return self.on_delete("cascade")

    def restrict_on_delete(self) -> Self:
        """Refuse to delete a parent row that still has children."""
        return self.on_delete("restrict")

    def null_on_delete(self) -> Self:
        """Set the child column to NULL when the parent row is deleted."""
        return self.on_delete("set null")

    def no_action_on_delete(self) -> Self:
        """Use ``ON DELETE NO ACTION``."""
        return self.on_delete("no action")

    def cascade_on_update(self) -> Self:
        """Update child rows when the parent key changes."""
        return self.on_update("cascade")

    def restrict_on_update(self) -> Self:
        """Refuse to change a parent key that still has children."""
        return self.on_update("restrict")

    def null_on_update(self) -> Self:
        """Set the child column to NULL when the parent key changes."""
        return self.on_update("set null")

    def no_action_on_update(self) -> Self:
        """Use ``ON UPDATE NO ACTION``."""
        return self.on_update("no action")


class ForeignIdColumnDefinition(ColumnDefinition):
    """A ``foreign_id``/``foreign_uuid`` column that can add its own constraint."""

    references_table: str | None = None
    """The table ``constrained()`` uses by default (set by ``foreign_id_for``)."""
    references_column: str | None = None
    """The key ``constrained()`` uses by default (set by ``foreign_id_for``)."""

    def constrained(
        self,
        table: str | None = None,
        column: str | None = None,
        index_name: str | None = None,
    ) -> ForeignKeyDefinition:
        """Reference ``column`` (``id``) on ``table``.

        The table is guessed from the column name (``user_id`` → ``users``), or is the model's
        table for a column made by ``foreign_id_for(Model)``.
        """
        if column is None:
            column = self.references_column or "id"
        if table is None and self.references_table is not None:
            table = self.references_table
        if table is None:
            base = self.name[:-3] if self.name.endswith("_id") else self.name
            table = _pluralize(base)
        return self.references(column, index_name).on(table)

    def references(self, column: str, index_name: str | None = None) -> ForeignKeyDefinition:
        """Start a foreign key on this column referencing ``column``; finish it with ``.on()``."""
        return self.blueprint.foreign(self.name, index_name).references(column)


@dataclass
class Command:
    """A table-level operation recorded by a blueprint (index, drop, rename, ...)."""

    name: str
    columns: list[str] = field(default_factory=list)
    index: str | None = None
    params: dict[str, Any] = field(default_factory=dict)


def _pluralize(word: str) -> str:
    """English plural good enough for table names guessed from ``*_id`` columns."""
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"
