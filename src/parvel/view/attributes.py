"""Component attribute bags and slots."""

from __future__ import annotations

import re
from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, Mapping
from typing import Any

from markupsafe import Markup

from parvel.view._escape import escape_html as escape
from parvel.view.html import class_list, style_list

_MISSING: Any = object()


def _names(keys: tuple[str | Iterable[str], ...]) -> list[str]:
    out: list[str] = []
    for key in keys:
        out.extend([key] if isinstance(key, str) else key)
    return out


def _render_value(key: str, value: Any) -> str | None:
    if value is None or value is False:
        return None
    if value is True:
        value = key
    return f'{key}="{escape(value)}"'


class AppendableValue:
    """A default attribute value that ``merge`` appends passed values to."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class ComponentAttributeBag:
    """The attributes passed to a component that are not props (``attributes`` in templates).

    Rendering it (``{{ attributes }}``) writes ``key="value"`` pairs with escaped values;
    ``True`` renders as ``key="key"``, ``False`` and ``None`` are left out.
    """

    __slots__ = ("_attributes",)

    def __init__(self, attributes: Mapping[str, Any] | None = None) -> None:
        self._attributes: dict[str, Any] = dict(attributes or {})

    # -- mapping-like access
    def get(self, key: str, default: Any = None) -> Any:
        """Return one attribute's value, or ``default``."""
        return self._attributes.get(key, default)

    def has(self, *keys: str | Iterable[str]) -> bool:
        """Whether every one of ``keys`` (names, or lists of names) is present."""
        return all(key in self._attributes for key in _names(keys))

    def has_any(self, *keys: str | Iterable[str]) -> bool:
        """Whether at least one of ``keys`` (names, or lists of names) is present."""
        return any(key in self._attributes for key in _names(keys))

    def missing(self, key: str) -> bool:
        """Whether ``key`` is absent."""
        return key not in self._attributes

    def all(self) -> dict[str, Any]:
        """Return a copy of every attribute."""
        return dict(self._attributes)

    def __getitem__(self, key: str) -> Any:
        return self._attributes[key]

    def __contains__(self, key: object) -> bool:
        return key in self._attributes

    def __iter__(self) -> Iterator[str]:
        return iter(self._attributes)

    def __len__(self) -> int:
        return len(self._attributes)

    def keys(self) -> KeysView[str]:
        """Attribute names (lets ``dict(bag)`` and ``**bag`` work)."""
        return self._attributes.keys()

    def items(self) -> ItemsView[str, Any]:
        """``(name, value)`` pairs."""
        return self._attributes.items()

    def is_empty(self) -> bool:
        """Whether the bag holds no attributes."""
        return not self._attributes

    def is_not_empty(self) -> bool:
        """Whether the bag holds at least one attribute."""
        return bool(self._attributes)

    # -- filtering
    def only(self, keys: str | Iterable[str]) -> ComponentAttributeBag:
        """A bag with just ``keys``."""
        wanted = {keys} if isinstance(keys, str) else set(keys)
        return ComponentAttributeBag({k: v for k, v in self._attributes.items() if k in wanted})

    def except_(self, keys: str | Iterable[str]) -> ComponentAttributeBag:
        """A bag without ``keys`` (``except`` is a Python keyword)."""
        unwanted = {keys} if isinstance(keys, str) else set(keys)
        return ComponentAttributeBag(
            {k: v for k, v in self._attributes.items() if k not in unwanted}
        )

    def filter(self, fn: Callable[[Any, str], bool]) -> ComponentAttributeBag:
        """A bag with the attributes for which ``fn(value, key)`` is true."""
        return ComponentAttributeBag({k: v for k, v in self._attributes.items() if fn(v, k)})

    def where_starts_with(self, prefix: str) -> ComponentAttributeBag:
        """A bag with the attributes whose name starts with ``prefix``."""
        return self.filter(lambda _v, k: k.startswith(prefix))

    def where_doesnt_start_with(self, prefix: str) -> ComponentAttributeBag:
        """A bag with the attributes whose name does not start with ``prefix``."""
        return self.filter(lambda _v, k: not k.startswith(prefix))

    def first(self, default: Any = None) -> Any:
        """The first attribute's value, or ``default``."""
        return next(iter(self._attributes.values()), default)

    # -- merging
    def merge(
        self, defaults: Mapping[str, Any] | None = None, **more: Any
    ) -> ComponentAttributeBag:
        """Merge default attributes: ``class`` and ``style`` are appended, others replaced."""
        merged: dict[str, Any] = dict(defaults or {})
        merged.update({k.rstrip("_"): v for k, v in more.items()})
        appendable = {k for k, v in merged.items() if isinstance(v, AppendableValue)}
        for key in appendable:
            merged[key] = merged[key].value
        for key, value in self._attributes.items():
            appends = key in ("class", "style") or key in appendable
            if appends and merged.get(key) not in (None, ""):
                default = str(merged[key])
                if key == "style" and not default.rstrip().endswith(";"):
                    default = default.rstrip() + ";"
                if value in (None, "", False):
                    continue
                merged[key] = Markup(escape(default)) + Markup(" ") + value
            else:
                merged[key] = value
        return ComponentAttributeBag(merged)

    def prepends(self, value: Any) -> AppendableValue:
        """A default for ``merge`` that passed values are appended to (like ``class``)."""
        return AppendableValue(value)

    def class_(self, classes: Any) -> ComponentAttributeBag:
        """Merge conditional classes: ``attributes.class_(['p-4', {'bold': active}])``."""
        return self.merge({"class": class_list(classes)})

    def style(self, styles: Any) -> ComponentAttributeBag:
        """Merge conditional inline styles."""
        return self.merge({"style": style_list(styles)})

    # -- rendering
    def to_html(self) -> str:
        """The rendered ``key="value"`` pairs (what ``{{ attributes }}`` prints)."""
        return self.__html__()

    def __html__(self) -> str:
        parts = (_render_value(k, v) for k, v in self._attributes.items())
        return " ".join(p for p in parts if p is not None)

    def __str__(self) -> str:
        return self.__html__()

    def __repr__(self) -> str:
        return f"ComponentAttributeBag({self._attributes!r})"


class ComponentSlot:
    """Slot content passed to a component (``slot`` and named slots); renders unescaped."""

    __slots__ = ("attributes", "contents")

    def __init__(self, contents: str = "", attributes: ComponentAttributeBag | None = None) -> None:
        self.contents = contents
        self.attributes = attributes or ComponentAttributeBag()

    def is_empty(self) -> bool:
        """Whether the slot has no content."""
        return self.contents == ""

    def is_not_empty(self) -> bool:
        """Whether the slot has content."""
        return self.contents != ""

    def has_actual_content(self) -> bool:
        """Whether the slot has content other than whitespace and HTML comments."""
        return bool(re.sub(r"<!--.*?-->", "", self.contents, flags=re.S).strip())

    def to_html(self) -> str:
        """The slot's HTML."""
        return self.contents

    def __html__(self) -> str:
        return self.contents

    def __str__(self) -> str:
        return self.contents

    def __bool__(self) -> bool:
        return self.contents != ""

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ComponentSlot):
            return self.contents == other.contents
        return self.contents == other

    def __hash__(self) -> int:
        return hash(self.contents)
