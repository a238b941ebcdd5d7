"""AssertableJson: fluent assertions on a JSON document.

``response.assert_json(lambda json: json.where("id", 1).has("tags", 2).etc())`` hands the
decoded body to the callback as an :class:`AssertableJson`. Every assertion returns the same
object, so they chain. When the callback returns, each key at that level must have been
touched by an assertion unless :meth:`AssertableJson.etc` was called: a response that grows a
field the test does not know about fails (inspired by Laravel's ``AssertableJson``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from parvel.testing._json import _MISSING, data_get

_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "double": (float,),
    "float": (float,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list, dict),
    "list": (list,),
    "object": (dict,),
    "null": (type(None),),
}


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    return "array"


def _is_type(value: Any, name: str) -> bool:
    if name not in _TYPES:
        raise ValueError(f"Unknown JSON type [{name}]; use one of {sorted(_TYPES)}.")
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    return isinstance(value, _TYPES[name])


class AssertableJson:
    """A JSON value (dict or list) with fluent assertions; scoped with a dotted ``path``.

    Args:
        data: The decoded JSON at this scope.
        path: The dotted path of this scope in the whole document (for messages).
    """

    __test__ = False

    def __init__(self, data: Any, path: str = "") -> None:
        self._data = data
        self._path = path
        self._interacted: set[str] = set()
        self._etc = False

    # -- helpers -------------------------------------------------------------------------

    def _full(self, key: str) -> str:
        return f"{self._path}.{key}" if self._path else key

    def _touch(self, key: str) -> None:
        self._interacted.add(str(key).split(".", 1)[0])

    def _get(self, key: str) -> Any:
        return data_get(self._data, key)

    def _require(self, key: str) -> Any:
        value = self._get(key)
        if value is _MISSING:
            raise AssertionError(f"Property [{self._full(key)}] does not exist.")
        return value

    def _scope(self, value: Any, path: str, callback: Callable[[AssertableJson], Any]) -> None:
        scoped = AssertableJson(value, path)
        callback(scoped)
        scoped.interacted()

    def _keys(self) -> list[str]:
        if isinstance(self._data, dict):
            return [str(key) for key in self._data]
        if isinstance(self._data, list):
            return [str(index) for index in range(len(self._data))]
        return []

    # -- presence ------------------------------------------------------------------------

    def has(
        self,
        key: str | int,
        length: int | Callable[[AssertableJson], Any] | None = None,
        callback: Callable[[AssertableJson], Any] | None = None,
    ) -> AssertableJson:
        """Assert ``key`` exists; with ``length``, that it holds that many items.

        ``has("data", 3, lambda item: ...)`` also scopes into the first item;
        ``has("meta", lambda meta: ...)`` scopes into the value.
        """
        if isinstance(key, int):  # has(3): this scope holds three items
            return self.count(key)
        if callable(length):
            callback, length = length, None
        value = self._require(key)
        self._touch(key)
        if length is not None:
            self._assert_count(value, length, self._full(key))
        if callback is not None:
            if length is not None:
                items = list(value.values()) if isinstance(value, dict) else list(value)
                if not items:
                    raise AssertionError(
                        f"Cannot scope directly onto the first element of "
                        f"property [{self._full(key)}] because it is empty."
                    )
                self._scope(items[0], self._full(key), callback)
            else:
                self._scope(value, self._full(key), callback)
        return self

    def has_all(self, *keys: str | Iterable[str] | dict[str, int]) -> AssertableJson:
        """Assert every key exists (``{key: count}`` also checks counts)."""
        for group in keys:
            if isinstance(group, dict):
                for key, length in group.items():
                    self.has(key, length)
            else:
                for key in [group] if isinstance(group, str) else group:
                    self.has(key)
        return self

    def has_any(self, *keys: str | Iterable[str]) -> AssertableJson:
        """Assert at least one of the keys exists."""
        flat = [k for group in keys for k in ([group] if isinstance(group, str) else group)]
        present = [key for key in flat if self._get(key) is not _MISSING]
        if not present:
            raise AssertionError(f"None of properties [{', '.join(flat)}] exist.")
        for key in present:
            self._touch(key)
        return self

    def missing(self, key: str) -> AssertableJson:
        """Assert ``key`` is absent."""
        if self._get(key) is not _MISSING:
            raise AssertionError(
                f"Property [{self._full(key)}] was found while it was expected to be missing."
            )
        return self

    def missing_all(self, *keys: str | Iterable[str]) -> AssertableJson:
        """Assert every key is absent."""
        for group in keys:
            for key in [group] if isinstance(group, str) else group:
                self.missing(key)
        return self

    # -- values --------------------------------------------------------------------------

    def where(self, key: str, expected: Any) -> AssertableJson:
        """Assert ``key`` equals ``expected`` (or ``expected(value)`` is true)."""
        value = self._require(key)
        self._touch(key)
        if callable(expected) and not isinstance(expected, type):
            if not expected(value):
                raise AssertionError(
                    f"Property [{self._full(key)}] was marked as invalid using a closure."
                )
        elif value != expected:
            raise AssertionError(
                f"Property [{self._full(key)}] does not match the expected value.\n"
                f"Expected: {expected!r}\nActual: {value!r}"
            )
        return self

    def where_not(self, key: str, expected: Any) -> AssertableJson:
        """Assert ``key`` does not equal ``expected`` (or ``expected(value)`` is false)."""
        value = self._require(key)
        self._touch(key)
        matched = expected(value) if callable(expected) else value == expected
        if matched:
            raise AssertionError(
                f"Property [{self._full(key)}] contains a value that should be missing: "
                f"{expected!r}"
            )
        return self

    def where_all(self, bindings: dict[str, Any]) -> AssertableJson:
        """:meth:`where` for each ``{key: expected}``."""
        for key, expected in bindings.items():
            self.where(key, expected)
        return self

    def where_null(self, key: str) -> AssertableJson:
        """Assert ``key`` is present and ``null``."""
        return self.where_type(key, "null")

    def where_not_null(self, key: str) -> AssertableJson:
        """Assert ``key`` is present and not ``null``."""
        if self._require(key) is None:
            raise AssertionError(f"Property [{self._full(key)}] should not be null.")
        self._touch(key)
        return self

    def where_type(self, key: str, expected: str | list[str]) -> AssertableJson:
        """Assert the JSON type of ``key``.

        Types: ``"string"``, ``"integer"``, ``"double"``, ``"boolean"``, ``"array"``,
        ``"null"``; ``"string|null"`` or a list accepts any of them.
        """
        value = self._require(key)
        self._touch(key)
        names = expected.split("|") if isinstance(expected, str) else list(expected)
        if not any(_is_type(value, name) for name in names):
            raise AssertionError(
                f"Property [{self._full(key)}] is not of expected type "
                f"[{'|'.join(names)}]; it is [{_type_name(value)}]."
            )
        return self

    def where_all_type(self, bindings: dict[str, str | list[str]]) -> AssertableJson:
        """:meth:`where_type` for each ``{key: type}``."""
        for key, expected in bindings.items():
            self.where_type(key, expected)
        return self

    def where_contains(self, key: str, expected: Any) -> AssertableJson:
        """Assert ``key`` (a list or string) contains ``expected`` (or each item of a list)."""
        value = self._require(key)
        self._touch(key)
        wanted = expected if isinstance(expected, list) else [expected]
        for item in wanted:
            found = (
                item(value)
                if callable(item)
                else (item in value if isinstance(value, list | str | dict) else value == item)
            )
            if not found:
                raise AssertionError(f"Property [{self._full(key)}] does not contain [{item!r}].")
        return self

    # -- counts and scopes ---------------------------------------------------------------

    @staticmethod
    def _assert_count(value: Any, length: int, path: str) -> None:
        if not isinstance(value, list | dict):
            raise AssertionError(f"Property [{path or 'root'}] is not a list or an object.")
        if len(value) != length:
            raise AssertionError(
                f"Property [{path or 'root'}] does not have the expected size.\n"
                f"Expected: {length}\nActual: {len(value)}"
            )

    def count(self, key: str | int, length: int | None = None) -> AssertableJson:
        """Assert how many items ``key`` holds (``count(3)``: this scope holds three)."""
        if isinstance(key, int):
            self._assert_count(self._data, key, self._path)
            return self
        if length is None:
            raise TypeError("count(key, length) needs the expected length.")
        value = self._require(key)
        self._touch(key)
        self._assert_count(value, length, self._full(key))
        return self

    def first(self, callback: Callable[[AssertableJson], Any]) -> AssertableJson:
        """Scope into the first item of this list (or object)."""
        items = self._items()
        if not items:
            raise AssertionError(
                f"Cannot scope directly onto the first element of "
                f"[{self._path or 'root'}] because it is empty."
            )
        key, value = items[0]
        self._touch(key)
        self._scope(value, self._full(key), callback)
        return self

    def each(self, callback: Callable[[AssertableJson], Any]) -> AssertableJson:
        """Scope into every item of this list (or object) in turn."""
        items = self._items()
        if not items:
            raise AssertionError(
                f"Cannot scope directly onto each element of "
                f"[{self._path or 'root'}] because it is empty."
            )
        for key, value in items:
            self._touch(key)
            self._scope(value, self._full(key), callback)
        return self

    def _items(self) -> list[tuple[str, Any]]:
        if isinstance(self._data, dict):
            return [(str(k), v) for k, v in self._data.items()]
        if isinstance(self._data, list):
            return [(str(i), v) for i, v in enumerate(self._data)]
        return []

    # -- interaction ---------------------------------------------------------------------

    def etc(self) -> AssertableJson:
        """Allow keys no assertion touched at this level."""
        self._etc = True
        return self

    def interacted(self) -> None:
        """Fail when a key at this level was not asserted on (unless :meth:`etc` was called)."""
        if self._etc or not isinstance(self._data, dict):
            return
        untouched = [key for key in self._keys() if key not in self._interacted]
        if untouched:
            where = f"[{self._path}]" if self._path else "on the root level"
            raise AssertionError(
                f"Unexpected properties were found {where}: {untouched}. Call etc() to allow them."
            )

    def to_dict(self) -> Any:
        """The JSON value at this scope."""
        return self._data

    def dump(self) -> AssertableJson:
        """Print the JSON at this scope."""
        print(self._data)
        return self
