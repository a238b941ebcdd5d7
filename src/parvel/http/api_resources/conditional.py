"""Conditional attributes of a resource (``when``, ``when_loaded`` ...) and the output filter."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from parvel.http.api_resources.values import MISSING, MergeValue, MissingValue
from parvel.orm._base import serialize_value
from parvel.orm._callbacks import arity
from parvel.orm.collection import Collection
from parvel.support import Str

_NOT_GIVEN: Any = object()
_PLAIN = frozenset({str, int, float, bool, type(None)})


def _value(value: Any, *args: Any) -> Any:
    """Call a callback (with as many of ``args`` as it takes); return anything else as is."""
    if callable(value) and not isinstance(value, type):
        return value(*args[: arity(value)])
    return value


def _attributes(resource: Any) -> Mapping[str, Any] | None:
    """The stored attributes of a model (or a mapping resource), else None."""
    if isinstance(resource, Mapping):
        return resource
    getter = getattr(type(resource), "get_attributes", None)
    if getter is None:
        return None
    attributes: Mapping[str, Any] = getter(resource)
    return attributes


def _finish(value: str, suffix: str) -> str:
    return value if value.endswith(suffix) else value + suffix


def _read(resource: Any, key: str) -> Any:
    return resource[key] if isinstance(resource, Mapping) else getattr(resource, key)


class ConditionallyLoadsAttributes:
    """``when``, ``merge_when``, ``when_loaded`` ...: values that may be left out."""

    resource: Any
    preserve_keys: bool = False
    _request: Any = None

    # -- plain conditions --------------------------------------------------------------------
    def when(self, condition: Any, value: Any, default: Any = _NOT_GIVEN) -> Any:
        """``value`` (called if callable) when ``condition`` holds, else ``default`` or missing.

        Missing values are removed from the output, key and all.
        """
        if condition:
            return _value(value)
        return MISSING if default is _NOT_GIVEN else _value(default)

    def unless(self, condition: Any, value: Any, default: Any = _NOT_GIVEN) -> Any:
        """The opposite of :meth:`when`."""
        return self.when(not condition, value, default)

    def merge(self, value: Any) -> MergeValue:
        """Merge ``value`` (a dict, or a callable returning one) into the surrounding dict."""
        return self.merge_when(True, value)

    def merge_when(self, condition: Any, value: Any, default: Any = _NOT_GIVEN) -> MergeValue:
        """Merge ``value`` into the surrounding dict when ``condition`` is truthy.

        Spread it, ``{"id": self.id, **self.merge_when(cond, {...})}``, or give it any key.
        """
        if condition:
            return MergeValue(_value(value))
        return MergeValue() if default is _NOT_GIVEN else MergeValue(_value(default))

    def merge_unless(self, condition: Any, value: Any, default: Any = _NOT_GIVEN) -> MergeValue:
        """The opposite of :meth:`merge_when`."""
        return self.merge_when(not condition, value, default)

    def when_null(self, value: Any, default: Any = _NOT_GIVEN) -> Any:
        """``value`` when it is None, else ``default`` or missing."""
        return self.when(value is None, value, default)

    def when_not_null(self, value: Any, default: Any = _NOT_GIVEN) -> Any:
        """``value`` unless it is None (then ``default`` or missing)."""
        return self.when(value is not None, value, default)

    # -- the wrapped model's state -----------------------------------------------------------
    def when_has(self, attribute: str, value: Any = None, default: Any = _NOT_GIVEN) -> Any:
        """The attribute when the model holds it (it was selected), else ``default`` or missing.

        With ``value``: ``value`` itself, or ``value(attribute_value)`` when callable.
        """
        attributes = _attributes(self.resource)
        present = (
            attribute in attributes if attributes is not None else hasattr(self.resource, attribute)
        )
        if not present:
            return MISSING if default is _NOT_GIVEN else _value(default)
        current = _read(self.resource, attribute)
        return current if value is None else _value(value, current)

    def when_appended(self, attribute: str, value: Any = None, default: Any = _NOT_GIVEN) -> Any:
        """The appended attribute when the model appends it (``model.append(...)``)."""
        has_appended = getattr(type(self.resource), "has_appended", None)
        if has_appended is None or not has_appended(self.resource, attribute):
            return MISSING if default is _NOT_GIVEN else _value(default)
        current = getattr(self.resource, attribute)
        return current if value is None else _value(value, current)

    def when_loaded(
        self, relationship: str, value: Any = _NOT_GIVEN, default: Any = _NOT_GIVEN
    ) -> Any:
        """The relation when it is loaded (``with_`` / ``load``), else ``default`` or missing.

        With ``value``: ``value(related)`` when callable, else ``value``; a loaded relation
        holding None gives None. A relation that was never loaded (or does not exist) is
        missing, as in Laravel: no query runs.
        """
        loaded = getattr(type(self.resource), "relation_loaded", None)
        if loaded is None or not loaded(self.resource, relationship):
            return MISSING if default is _NOT_GIVEN else _value(default)
        related = self.resource.get_relation(relationship)
        if value is _NOT_GIVEN:
            return related
        if related is None:
            return None
        return related if value is None else _value(value, related)

    def _aggregate(self, attribute: str, given: bool, value: Any, default: Any) -> Any:
        attributes = _attributes(self.resource)
        if attributes is None or attribute not in attributes:
            return MISSING if default is _NOT_GIVEN else _value(default)
        current = _read(self.resource, attribute)
        if not given:
            return current
        if current is None:
            return None
        return current if value is None else _value(value, current)

    def when_counted(
        self, relationship: str, value: Any = _NOT_GIVEN, default: Any = _NOT_GIVEN
    ) -> Any:
        """``{relationship}_count`` when the query added it (``with_count``), else missing."""
        attribute = _finish(Str.snake(relationship), "_count")
        return self._aggregate(attribute, value is not _NOT_GIVEN, value, default)

    def when_aggregated(
        self,
        relationship: str,
        column: str,
        aggregate: str,
        value: Any = _NOT_GIVEN,
        default: Any = _NOT_GIVEN,
    ) -> Any:
        """``{relationship}_{aggregate}_{column}`` when the query added it (``with_sum`` ...)."""
        attribute = _finish(f"{Str.snake(relationship)}_{aggregate}_", column)
        return self._aggregate(attribute, value is not _NOT_GIVEN, value, default)

    def when_exists_loaded(
        self, relationship: str, value: Any = _NOT_GIVEN, default: Any = _NOT_GIVEN
    ) -> Any:
        """``{relationship}_exists`` when the query added it (``with_exists``), else missing."""
        attribute = _finish(Str.snake(relationship), "_exists")
        result = self._aggregate(attribute, value is not _NOT_GIVEN, value, default)
        return bool(result) if type(result) is int else result

    def when_pivot_loaded(self, table: Any, value: Any, default: Any = _NOT_GIVEN) -> Any:
        """``value`` when the model came through a many-to-many relation on ``table``.

        ``table`` is the pivot table's name or a pivot class; otherwise ``default`` or missing.
        """
        return self.when_pivot_loaded_as("pivot", table, value, default)

    def when_pivot_loaded_as(
        self, accessor: str, table: Any, value: Any, default: Any = _NOT_GIVEN
    ) -> Any:
        """:meth:`when_pivot_loaded` for a pivot renamed with ``as_(accessor)``."""
        holder = getattr(self.resource, "__dict__", {})
        pivot = holder.get(accessor) if isinstance(holder, dict) else None
        loaded = pivot is not None and (
            (isinstance(table, type) and isinstance(pivot, table))
            or getattr(pivot, "table", None) == table
        )
        return self.when(loaded, value, default)

    # -- the output filter -------------------------------------------------------------------
    def filter(self, data: Any) -> Any:
        """Remove missing values, splice merged values, resolve nested resources."""
        if isinstance(data, dict):
            return self._filter_dict(data)
        if isinstance(data, list | tuple):
            return self._filter_list(data)
        return data

    def _item(self, value: Any) -> Any:
        kind = type(value)
        if kind in _PLAIN:
            return value
        if kind is dict:
            return self._filter_dict(value)
        if kind is list or kind is tuple:
            return self._filter_list(value)
        if isinstance(value, MissingValue):
            return MISSING
        if kind is Collection:
            return self._filter_list(value.items)
        if getattr(kind, "_parvel_resource", False):  # a nested resource
            if value.is_missing():
                return MISSING
            if value.resource is None and not getattr(kind, "_parvel_collection", False):
                return None
            return value.resolve(self._request)
        return serialize_value(value)  # dates as models serialize them, Decimal, Enum ...

    def _filter_dict(self, data: Mapping[Any, Any]) -> Any:
        out: dict[Any, Any] = {}
        numeric = True
        for key, value in data.items():
            if isinstance(value, MergeValue):
                merged = value.data if isinstance(value.data, Mapping) else value
                for mkey, mvalue in merged.items():
                    item = self._item(mvalue)
                    if item is not MISSING:
                        out[mkey] = item
                        numeric = numeric and type(mkey) is int
                continue
            item = self._item(value)
            if item is MISSING:
                continue
            out[key] = item
            numeric = numeric and type(key) is int
        if numeric and out and not self.preserve_keys:
            return list(out.values())
        return out

    def _filter_list(self, data: Any) -> list[Any]:
        out: list[Any] = []
        for value in data:
            if isinstance(value, MergeValue):
                items = value.data if isinstance(value.data, list | tuple) else [value.data]
                out.extend(i for i in (self._item(v) for v in items) if i is not MISSING)
                continue
            item = self._item(value)
            if item is not MISSING:
                out.append(item)
        return out


__all__ = ["ConditionallyLoadsAttributes"]
