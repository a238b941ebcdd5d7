"""The ``where`` family of the query builder (mixed into :class:`Builder`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Self

from parvel.database.exceptions import InvalidIdentifier
from parvel.database.query.expression import Expression

if TYPE_CHECKING:
    from parvel.database.query.builder import Builder
    from parvel.database.query.grammars.grammar import Grammar

MISSING: Any = object()


def invalid_operator(operator: Any) -> InvalidIdentifier:
    """The error for an operator outside the dialect's allow-list."""
    return InvalidIdentifier(
        f"Invalid SQL operator {operator!r}.",
        hint="Use a comparison operator such as =, <>, <, >, <=, >=, like or not like.",
    )


class WhereClauses:
    """Conditions: ``where``, ``or_where``, ``where_in``, ``where_null``, ``where_date`` ..."""

    wheres: list[dict[str, Any]]
    bindings: dict[str, list[Any]]
    grammar: Grammar

    if TYPE_CHECKING:

        def new_query(self) -> Builder: ...

        def _sub_query(self, query: Any) -> Builder: ...

    def _add_binding(self, value: Any, kind: str = "where") -> None:
        if isinstance(value, (list, tuple)):
            self.bindings[kind].extend(v for v in value if not isinstance(v, Expression))
        elif not isinstance(value, Expression):
            self.bindings[kind].append(value)

    def _operator(self, operator: Any) -> str:
        if not isinstance(operator, str):
            raise invalid_operator(operator)
        lowered = operator.lower()
        if lowered not in self.grammar.operators:
            raise invalid_operator(operator)
        return lowered

    def where(
        self,
        column: Any,
        operator: Any = MISSING,
        value: Any = MISSING,
        boolean: str = "and",
    ) -> Self:
        """Add a condition such as ``where("votes", ">", 100)``.

        ``where("name", "Ann")`` means ``=``; ``where({"a": 1, "b": 2})`` adds several;
        a closure groups conditions: ``where(lambda q: q.where(...).or_where(...))``.
        """
        if isinstance(column, dict):
            nested = self.new_query()
            for key, val in column.items():
                nested.where(key, "=", val)
            return self.add_nested_where_query(nested, boolean)
        if isinstance(column, (list, tuple)) and operator is MISSING:
            nested = self.new_query()
            for condition in column:
                nested.where(*condition)
            return self.add_nested_where_query(nested, boolean)
        if callable(column) and operator is MISSING:
            return self.where_nested(column, boolean)
        if value is MISSING:
            value, operator = (None if operator is MISSING else operator), "="
        operator = self._operator(operator)
        if callable(column) or _is_builder(column):
            left = self._sub_query(column)
            self.wheres.append(
                {
                    "type": "sub_left",
                    "query": left,
                    "operator": operator,
                    "value": value,
                    "boolean": boolean,
                }
            )
            self._add_binding(left.get_bindings())
            self._add_binding(value)
            return self
        if callable(value) or _is_builder(value):
            query = self._sub_query(value)
            self.wheres.append(
                {
                    "type": "sub",
                    "column": column,
                    "operator": operator,
                    "query": query,
                    "boolean": boolean,
                }
            )
            self._add_binding(query.get_bindings())
            return self
        if value is None:
            if operator in {"=", "is"}:
                return self.where_null(column, boolean)
            if operator in {"<>", "!=", "is not"}:
                return self.where_null(column, boolean, not_=True)
        if isinstance(value, bool) and isinstance(column, str) and "->" in column:
            self.wheres.append(
                {
                    "type": "json_boolean",
                    "column": column,
                    "operator": operator,
                    "value": value,
                    "boolean": boolean,
                }
            )
            return self
        self.wheres.append(
            {
                "type": "basic",
                "column": column,
                "operator": operator,
                "value": value,
                "boolean": boolean,
            }
        )
        self._add_binding(value)
        return self

    def or_where(self, column: Any, operator: Any = MISSING, value: Any = MISSING) -> Self:
        """``or`` condition; same forms as :meth:`where`."""
        return self.where(column, operator, value, "or")

    def where_not(
        self, column: Any, operator: Any = MISSING, value: Any = MISSING, boolean: str = "and"
    ) -> Self:
        """``and not (...)``: negate a condition or closure group."""
        nested = self.new_query().where(column, operator, value)
        return self.add_nested_where_query(nested, boolean + " not")

    def or_where_not(self, column: Any, operator: Any = MISSING, value: Any = MISSING) -> Self:
        """``or not (...)``."""
        return self.where_not(column, operator, value, "or")

    def where_any(
        self,
        columns: Sequence[Any],
        operator: Any = MISSING,
        value: Any = MISSING,
        boolean: str = "and",
    ) -> Self:
        """Any of ``columns`` matches: ``where_any(["name", "email"], "like", "%ann%")``."""
        return self._where_columns(columns, operator, value, "or", boolean)

    def or_where_any(
        self, columns: Sequence[Any], operator: Any = MISSING, value: Any = MISSING
    ) -> Self:
        """``or`` :meth:`where_any`."""
        return self._where_columns(columns, operator, value, "or", "or")

    def where_all(
        self,
        columns: Sequence[Any],
        operator: Any = MISSING,
        value: Any = MISSING,
        boolean: str = "and",
    ) -> Self:
        """Every one of ``columns`` matches."""
        return self._where_columns(columns, operator, value, "and", boolean)

    def or_where_all(
        self, columns: Sequence[Any], operator: Any = MISSING, value: Any = MISSING
    ) -> Self:
        """``or`` :meth:`where_all`."""
        return self._where_columns(columns, operator, value, "and", "or")

    def where_none(
        self,
        columns: Sequence[Any],
        operator: Any = MISSING,
        value: Any = MISSING,
        boolean: str = "and",
    ) -> Self:
        """None of ``columns`` matches."""
        return self._where_columns(columns, operator, value, "or", boolean + " not")

    def or_where_none(
        self, columns: Sequence[Any], operator: Any = MISSING, value: Any = MISSING
    ) -> Self:
        """``or`` :meth:`where_none`."""
        return self._where_columns(columns, operator, value, "or", "or not")

    def _where_columns(
        self, columns: Sequence[Any], operator: Any, value: Any, joiner: str, boolean: str
    ) -> Self:
        if value is MISSING:
            value, operator = operator, "="
        nested = self.new_query()
        for column in columns:
            nested.where(column, operator, value, joiner)
        return self.add_nested_where_query(nested, boolean)

    def where_nested(self, callback: Callable[[Builder], Any], boolean: str = "and") -> Self:
        """Group conditions built by ``callback`` in parentheses."""
        query = self.new_query()
        callback(query)
        return self.add_nested_where_query(query, boolean)

    def add_nested_where_query(self, query: Builder, boolean: str = "and") -> Self:
        """Add an already built group of conditions."""
        if query.wheres:
            self.wheres.append({"type": "nested", "query": query, "boolean": boolean})
            self._add_binding(query.bindings["where"])
        return self

    def where_column(
        self, first: Any, operator: Any = MISSING, second: Any = MISSING, boolean: str = "and"
    ) -> Self:
        """Compare two columns: ``where_column("updated_at", ">", "created_at")``."""
        if isinstance(first, (list, tuple)):
            for condition in first:
                if len(condition) == 2:
                    self.where_column(condition[0], "=", condition[1], boolean)
                else:
                    self.where_column(condition[0], condition[1], condition[2], boolean)
            return self
        if second is MISSING:
            second, operator = operator, "="
        self.wheres.append(
            {
                "type": "column",
                "first": first,
                "operator": self._operator(operator),
                "second": second,
                "boolean": boolean,
            }
        )
        return self

    def or_where_column(self, first: Any, operator: Any = MISSING, second: Any = MISSING) -> Self:
        """``or`` column comparison."""
        return self.where_column(first, operator, second, "or")

    def where_raw(self, sql: str, bindings: Sequence[Any] = (), boolean: str = "and") -> Self:
        """A raw condition with ``?`` placeholders for ``bindings``."""
        self.wheres.append({"type": "raw", "sql": sql, "boolean": boolean})
        self._add_binding(list(bindings))
        return self

    def or_where_raw(self, sql: str, bindings: Sequence[Any] = ()) -> Self:
        """``or`` raw condition."""
        return self.where_raw(sql, bindings, "or")

    def where_in(self, column: Any, values: Any, boolean: str = "and", not_: bool = False) -> Self:
        """``column in (...)`` from a list, a sub-query builder or a closure."""
        if callable(values) or _is_builder(values):
            query = self._sub_query(values)
            kind = "not_in_sub" if not_ else "in_sub"
            self.wheres.append({"type": kind, "column": column, "query": query, "boolean": boolean})
            self._add_binding(query.get_bindings())
            return self
        if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
            raise TypeError(
                f"where_in expects a list of values or a sub-query, got {type(values).__name__}."
            )
        values = list(values)
        kind = "not_in" if not_ else "in"
        self.wheres.append({"type": kind, "column": column, "values": values, "boolean": boolean})
        self._add_binding(values)
        return self

    def or_where_in(self, column: Any, values: Any) -> Self:
        """``or column in (...)``."""
        return self.where_in(column, values, "or")

    def where_not_in(self, column: Any, values: Any, boolean: str = "and") -> Self:
        """``column not in (...)``."""
        return self.where_in(column, values, boolean, not_=True)

    def or_where_not_in(self, column: Any, values: Any) -> Self:
        """``or column not in (...)``."""
        return self.where_in(column, values, "or", not_=True)

    def where_null(self, columns: Any, boolean: str = "and", not_: bool = False) -> Self:
        """``column is null`` (one column or a list)."""
        for column in columns if isinstance(columns, (list, tuple)) else [columns]:
            self.wheres.append(
                {"type": "not_null" if not_ else "null", "column": column, "boolean": boolean}
            )
        return self

    def or_where_null(self, column: Any) -> Self:
        """``or column is null``."""
        return self.where_null(column, "or")

    def where_not_null(self, columns: Any, boolean: str = "and") -> Self:
        """``column is not null``."""
        return self.where_null(columns, boolean, not_=True)

    def or_where_not_null(self, column: Any) -> Self:
        """``or column is not null``."""
        return self.where_null(column, "or", not_=True)

    def where_between(
        self, column: Any, values: Sequence[Any], boolean: str = "and", not_: bool = False
    ) -> Self:
        """``column between ? and ?``."""
        values = list(values)
        if len(values) != 2:
            raise ValueError(f"where_between needs exactly two values, got {len(values)}.")
        self.wheres.append(
            {"type": "between", "column": column, "values": values, "boolean": boolean, "not": not_}
        )
        self._add_binding(values)
        return self

    def where_between_columns(
        self, column: Any, columns: Sequence[Any], boolean: str = "and", not_: bool = False
    ) -> Self:
        """``column between other_a and other_b`` (two column names)."""
        first, second = list(columns)
        self.wheres.append(
            {
                "type": "between_columns",
                "column": column,
                "values": [first, second],
                "boolean": boolean,
                "not": not_,
            }
        )
        return self

    def or_where_between_columns(self, column: Any, columns: Sequence[Any]) -> Self:
        """``or`` :meth:`where_between_columns`."""
        return self.where_between_columns(column, columns, "or")

    def where_not_between_columns(
        self, column: Any, columns: Sequence[Any], boolean: str = "and"
    ) -> Self:
        """``column not between other_a and other_b``."""
        return self.where_between_columns(column, columns, boolean, not_=True)

    def _relative_time(self, columns: Any, operator: str, kind: str, boolean: str) -> Self:
        import datetime as dt

        cols = list(columns) if isinstance(columns, (list, tuple)) else [columns]
        nested = self.new_query()
        for column in cols:
            if kind == "date":
                nested.where_date(column, operator, dt.date.today(), boolean)
            else:
                nested.where(column, operator, dt.datetime.now().replace(microsecond=0), boolean)
        if len(cols) == 1:
            where = nested.wheres[0]
            where["boolean"] = boolean
            self.wheres.append(where)
            self._add_binding(nested.bindings["where"])
            return self
        return self.add_nested_where_query(nested, boolean)

    def where_past(self, columns: Any, boolean: str = "and") -> Self:
        """The date-time column is before now."""
        return self._relative_time(columns, "<", "now", boolean)

    def or_where_past(self, columns: Any) -> Self:
        """``or`` :meth:`where_past`."""
        return self._relative_time(columns, "<", "now", "or")

    def where_now_or_past(self, columns: Any, boolean: str = "and") -> Self:
        """The date-time column is now or before."""
        return self._relative_time(columns, "<=", "now", boolean)

    def where_future(self, columns: Any, boolean: str = "and") -> Self:
        """The date-time column is after now."""
        return self._relative_time(columns, ">", "now", boolean)

    def or_where_future(self, columns: Any) -> Self:
        """``or`` :meth:`where_future`."""
        return self._relative_time(columns, ">", "now", "or")

    def where_now_or_future(self, columns: Any, boolean: str = "and") -> Self:
        """The date-time column is now or later."""
        return self._relative_time(columns, ">=", "now", boolean)

    def where_today(self, columns: Any, boolean: str = "and") -> Self:
        """The date part is today."""
        return self._relative_time(columns, "=", "date", boolean)

    def or_where_today(self, columns: Any) -> Self:
        """``or`` :meth:`where_today`."""
        return self._relative_time(columns, "=", "date", "or")

    def where_before_today(self, columns: Any, boolean: str = "and") -> Self:
        """The date part is before today."""
        return self._relative_time(columns, "<", "date", boolean)

    def where_today_or_before(self, columns: Any, boolean: str = "and") -> Self:
        """The date part is today or earlier."""
        return self._relative_time(columns, "<=", "date", boolean)

    def where_after_today(self, columns: Any, boolean: str = "and") -> Self:
        """The date part is after today."""
        return self._relative_time(columns, ">", "date", boolean)

    def where_today_or_after(self, columns: Any, boolean: str = "and") -> Self:
        """The date part is today or later."""
        return self._relative_time(columns, ">=", "date", boolean)

    def or_where_between(self, column: Any, values: Sequence[Any]) -> Self:
        """``or column between ? and ?``."""
        return self.where_between(column, values, "or")

    def where_not_between(self, column: Any, values: Sequence[Any], boolean: str = "and") -> Self:
        """``column not between ? and ?``."""
        return self.where_between(column, values, boolean, not_=True)

    def or_where_not_between(self, column: Any, values: Sequence[Any]) -> Self:
        """``or column not between ? and ?``."""
        return self.where_between(column, values, "or", not_=True)

    def where_exists(self, query: Any, boolean: str = "and", not_: bool = False) -> Self:
        """``exists (select ...)`` from a closure or a builder."""
        sub = self._sub_query(query)
        self.wheres.append({"type": "exists", "query": sub, "boolean": boolean, "not": not_})
        self._add_binding(sub.get_bindings())
        return self

    def or_where_exists(self, query: Any) -> Self:
        """``or exists (...)``."""
        return self.where_exists(query, "or")

    def where_not_exists(self, query: Any, boolean: str = "and") -> Self:
        """``not exists (...)``."""
        return self.where_exists(query, boolean, not_=True)

    def or_where_not_exists(self, query: Any) -> Self:
        """``or not exists (...)``."""
        return self.where_exists(query, "or", not_=True)

    def _date_where(self, kind: str, column: Any, operator: Any, value: Any, boolean: str) -> Self:
        if value is MISSING:
            value, operator = operator, "="
        operator = self._operator(operator)
        if hasattr(value, "isoformat") and not isinstance(value, Expression):
            if kind == "date":
                value = value.isoformat()[:10]
            elif kind == "time":
                value = value.strftime("%H:%M:%S")
        if kind in {"day", "month"} and not isinstance(value, Expression) and value is not None:
            value = str(value).zfill(2) if self.grammar.name == "sqlite" else int(value)
        if kind == "year" and not isinstance(value, Expression) and self.grammar.name != "sqlite":
            value = int(value)
        self.wheres.append(
            {
                "type": kind,
                "column": column,
                "operator": operator,
                "value": value,
                "boolean": boolean,
            }
        )
        self._add_binding(value)
        return self

    def where_date(
        self, column: Any, operator: Any = MISSING, value: Any = MISSING, boolean: str = "and"
    ) -> Self:
        """Compare the date part: ``where_date("created_at", "2024-01-31")``."""
        return self._date_where("date", column, operator, value, boolean)

    def or_where_date(self, column: Any, operator: Any = MISSING, value: Any = MISSING) -> Self:
        """``or`` date comparison."""
        return self._date_where("date", column, operator, value, "or")

    def where_time(
        self, column: Any, operator: Any = MISSING, value: Any = MISSING, boolean: str = "and"
    ) -> Self:
        """Compare the time part (``"11:20:45"``)."""
        return self._date_where("time", column, operator, value, boolean)

    def or_where_time(self, column: Any, operator: Any = MISSING, value: Any = MISSING) -> Self:
        """``or`` time comparison."""
        return self._date_where("time", column, operator, value, "or")

    def where_day(
        self, column: Any, operator: Any = MISSING, value: Any = MISSING, boolean: str = "and"
    ) -> Self:
        """Compare the day of the month."""
        return self._date_where("day", column, operator, value, boolean)

    def or_where_day(self, column: Any, operator: Any = MISSING, value: Any = MISSING) -> Self:
        """``or`` day comparison."""
        return self._date_where("day", column, operator, value, "or")

    def where_month(
        self, column: Any, operator: Any = MISSING, value: Any = MISSING, boolean: str = "and"
    ) -> Self:
        """Compare the month."""
        return self._date_where("month", column, operator, value, boolean)

    def or_where_month(self, column: Any, operator: Any = MISSING, value: Any = MISSING) -> Self:
        """``or`` month comparison."""
        return self._date_where("month", column, operator, value, "or")

    def where_year(
        self, column: Any, operator: Any = MISSING, value: Any = MISSING, boolean: str = "and"
    ) -> Self:
        """Compare the year."""
        return self._date_where("year", column, operator, value, boolean)

    def or_where_year(self, column: Any, operator: Any = MISSING, value: Any = MISSING) -> Self:
        """``or`` year comparison."""
        return self._date_where("year", column, operator, value, "or")

    def where_like(
        self,
        column: Any,
        value: Any,
        case_sensitive: bool = False,
        boolean: str = "and",
        not_: bool = False,
    ) -> Self:
        """``column like ?`` (case-insensitive unless ``case_sensitive=True``)."""
        value = self.grammar.prepare_like_value(value, case_sensitive)
        self.wheres.append(
            {"type": "like", "column": column, "value": value, "case_sensitive": case_sensitive,
             "boolean": boolean, "not": not_}
        )  # fmt: skip
        self._add_binding(value)
        return self

    def or_where_like(self, column: Any, value: Any, case_sensitive: bool = False) -> Self:
        """``or column like ?``."""
        return self.where_like(column, value, case_sensitive, "or")

    def where_not_like(
        self, column: Any, value: Any, case_sensitive: bool = False, boolean: str = "and"
    ) -> Self:
        """``column not like ?``."""
        return self.where_like(column, value, case_sensitive, boolean, not_=True)

    def or_where_not_like(self, column: Any, value: Any, case_sensitive: bool = False) -> Self:
        """``or column not like ?``."""
        return self.where_like(column, value, case_sensitive, "or", not_=True)

    def where_json_contains(
        self, column: str, value: Any, boolean: str = "and", not_: bool = False
    ) -> Self:
        """The JSON column (or ``col->path``) contains ``value`` (a scalar or list)."""
        bindings = self.grammar.prepare_json_contains_value(value)
        self.wheres.append(
            {"type": "json_contains", "column": column, "value": bindings[0] if bindings else None,
             "bindings": bindings, "boolean": boolean, "not": not_}
        )  # fmt: skip
        self._add_binding(bindings)
        return self

    def or_where_json_contains(self, column: str, value: Any) -> Self:
        """``or`` JSON containment."""
        return self.where_json_contains(column, value, "or")

    def where_json_doesnt_contain(self, column: str, value: Any, boolean: str = "and") -> Self:
        """The JSON column does not contain ``value``."""
        return self.where_json_contains(column, value, boolean, not_=True)

    def or_where_json_doesnt_contain(self, column: str, value: Any) -> Self:
        """``or`` negated JSON containment."""
        return self.where_json_contains(column, value, "or", not_=True)

    def where_json_length(
        self, column: str, operator: Any, value: Any = MISSING, boolean: str = "and"
    ) -> Self:
        """Compare the length of a JSON array: ``where_json_length("meta->tags", ">", 1)``."""
        if value is MISSING:
            value, operator = operator, "="
        self.wheres.append(
            {"type": "json_length", "column": column, "operator": self._operator(operator), "value": value,
             "boolean": boolean}
        )  # fmt: skip
        self._add_binding(value)
        return self

    def where_fulltext(
        self,
        columns: str | Sequence[str],
        value: str,
        options: dict[str, Any] | None = None,
        boolean: str = "and",
    ) -> Self:
        """Full-text match (MySQL/MariaDB ``match ... against``, PostgreSQL ``tsvector``)."""
        cols = [columns] if isinstance(columns, str) else list(columns)
        self.wheres.append(
            {
                "type": "fulltext",
                "columns": cols,
                "value": value,
                "options": options or {},
                "boolean": boolean,
            }
        )
        self._add_binding(value)
        return self

    def or_where_fulltext(
        self, columns: str | Sequence[str], value: str, options: dict[str, Any] | None = None
    ) -> Self:
        """``or`` full-text match."""
        return self.where_fulltext(columns, value, options, "or")


def _is_builder(value: Any) -> bool:
    from parvel.database.query.builder import Builder

    return isinstance(value, Builder)
