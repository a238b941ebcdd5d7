"""Raw SQL expressions: the only way to put unquoted SQL into a query."""

from __future__ import annotations


class Expression:
    """A fragment of SQL used verbatim (``DB.raw("count(*) as total")``).

    Values never belong in an expression's text: pass them as bindings to
    ``select_raw``/``where_raw``/``order_by_raw`` instead.
    """

    __slots__ = ("value",)

    def __init__(self, value: str | int | float) -> None:
        self.value = value

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return f"Expression({self.value!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Expression) and other.value == self.value

    def __hash__(self) -> int:
        return hash(("Expression", self.value))


def raw(value: str | int | float) -> Expression:
    """Build a raw expression, like ``DB.raw()``."""
    return Expression(value)
