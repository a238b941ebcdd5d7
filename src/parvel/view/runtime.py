"""Render-cycle state: sections, stacks, ``@once`` keys and the component stack.

One :class:`Runtime` lives for one top-level ``render()``; every template rendered in that cycle
(layouts, includes, components) shares it. Generated code calls its methods as ``_b_r.<name>``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import FunctionType
from typing import TYPE_CHECKING, Any

from parvel.view._escape import escape_html as escape
from parvel.view.attributes import ComponentAttributeBag, ComponentSlot
from parvel.view.exceptions import TemplateError

if TYPE_CHECKING:
    from parvel.view.blade import Blade

PARENT_PLACEHOLDER = "##parent-placeholder-6f1c0e0a##"
"""What ``@parent`` writes; replaced by the parent section's content."""


@dataclass(slots=True)
class ComponentFrame:
    """A component whose tag is open: its name, passed data and named slots."""

    name: str
    data: dict[str, Any]
    slots: dict[str, ComponentSlot] = field(default_factory=dict)


class Runtime:
    """State shared by all templates rendered in one cycle."""

    __slots__ = ("blade", "fragments", "frames", "once_keys", "prepends", "sections", "stacks")

    def __init__(self, blade: Blade) -> None:
        self.blade = blade
        self.sections: dict[str, str] = {}
        self.stacks: dict[str, list[str]] = {}
        self.prepends: dict[str, list[str]] = {}
        self.once_keys: set[str] = set()
        self.frames: list[ComponentFrame] = []
        self.fragments: dict[str, str] = {}

    # ------------------------------------------------------------------ includes
    def include(
        self, name: str, g: dict[str, Any], locs: Mapping[str, Any], extra: Any = None
    ) -> str:
        """Render ``name`` with the caller's variables plus ``extra``."""
        data = dict(g)
        data.update(locs)
        if extra:
            data.update(extra)
        return self.blade._render_view(self, name, data)

    def include_if(
        self, name: str, g: dict[str, Any], locs: Mapping[str, Any], extra: Any = None
    ) -> str:
        """Render ``name`` like ``include`` when it exists, else nothing."""
        if not self.blade.exists(name):
            return ""
        return self.include(name, g, locs, extra)

    def include_first(
        self, names: Iterable[str], g: dict[str, Any], locs: Mapping[str, Any], extra: Any = None
    ) -> str:
        """Render the first existing view of ``names``."""
        names = [names] if isinstance(names, str) else list(names)
        for name in names:
            if self.blade.exists(name):
                return self.include(name, g, locs, extra)
        self.blade.finder.find(names[-1] if names else "")
        return ""

    def include_isolated(self, name: str, extra: Any = None) -> str:
        """Render ``name`` with only shared data and ``extra``."""
        return self.blade._render_view(self, name, self.blade._fresh_globals(extra or {}))

    def each(self, name: str, items: Any, var: str, empty: str | None = None) -> str:
        """Render ``name`` once per item (``var`` and ``key`` bound), or ``empty``."""
        pairs = list(items.items()) if isinstance(items, Mapping) else list(enumerate(items))
        if not pairs:
            if not empty:
                return ""
            if empty.startswith("raw|"):
                return empty[4:]
            return self.include_isolated(empty)
        return "".join(self.include_isolated(name, {"key": k, var: v}) for k, v in pairs)

    def first_existing(self, names: Iterable[str]) -> str:
        """The first existing view of ``names`` (``@extendsFirst``)."""
        names = [names] if isinstance(names, str) else list(names)
        for name in names:
            if self.blade.exists(name):
                return name
        self.blade.finder.find(names[-1] if names else "")
        return ""

    def extend(self, name: str, g: dict[str, Any], locs: Mapping[str, Any]) -> str:
        """Render the layout ``name`` after a child template filled the sections."""
        return self.include(name, g, locs)

    # ------------------------------------------------------------------ sections
    def end_section(self, name: str, content: str, mode: str = "extend") -> None:
        """Store a section: ``extend`` keeps the child's, ``append`` adds, ``overwrite`` replaces."""
        sections = self.sections
        if mode == "overwrite" or name not in sections:
            sections[name] = content
        elif mode == "append":
            sections[name] = sections[name] + content
        else:
            sections[name] = sections[name].replace(PARENT_PLACEHOLDER, content)

    def section_inline(self, name: str, value: Any) -> None:
        """``@section('title', value)``: an escaped one-line section."""
        self.end_section(name, str(escape("" if value is None else value)))

    def yield_(self, name: str, default: Any = "") -> str:
        """The content of section ``name``, or the escaped ``default``."""
        content = self.sections.get(name)
        if content is None:
            return str(escape("" if default is None else default))
        return content.replace(PARENT_PLACEHOLDER, "")

    def has_section(self, name: str) -> bool:
        """Whether section ``name`` has non-blank content."""
        return bool(self.yield_(name).strip())

    # ------------------------------------------------------------------ stacks
    def push(self, name: str, content: str, prepend: bool = False) -> None:
        """Add ``content`` to stack ``name``."""
        if prepend:
            self.prepends.setdefault(name, []).insert(0, content)
        else:
            self.stacks.setdefault(name, []).append(content)

    def stack(self, name: str, default: str = "") -> str:
        """Everything pushed to stack ``name`` (prepends first)."""
        parts = self.prepends.get(name, []) + self.stacks.get(name, [])
        return "".join(parts) if parts else default

    def has_stack(self, name: str) -> bool:
        """Whether stack ``name`` has content."""
        return bool(self.prepends.get(name) or self.stacks.get(name))

    def once(self, key: str) -> bool:
        """True the first time ``key`` is seen in this render cycle."""
        if key in self.once_keys:
            return False
        self.once_keys.add(key)
        return True

    def fragment(self, name: str, content: str) -> str:
        """Record fragment ``name`` and return its content."""
        self.fragments[name] = content
        return content

    # ------------------------------------------------------------------ components
    def component_begin(self, name: Any, data: dict[str, Any]) -> None:
        """A component tag opened."""
        self.frames.append(ComponentFrame(str(name), data))

    def slot(self, name: str, content: str, attributes: dict[str, Any]) -> None:
        """A named slot of the innermost open component ended."""
        self.frames[-1].slots[name] = ComponentSlot(
            content.strip(), ComponentAttributeBag(attributes)
        )

    def component_end(self, content: str) -> str:
        """The component tag closed: render it."""
        frame = self.frames.pop()
        return self.blade.components.render(self, frame, content.strip())

    def props(self, g: dict[str, Any], *names: Any, **defaults: Any) -> None:
        """``@props``: bind declared props (with defaults) and drop them from ``attributes``."""
        self.props_spec(g, props_spec(names, defaults))

    def props_spec(self, g: dict[str, Any], spec: tuple[tuple[str, str, bool, Any], ...]) -> None:
        """``@props`` with a spec prepared by :func:`props_spec` (at compile time if literal)."""
        bag = g.get("attributes")
        attrs: dict[str, Any] = bag._attributes if isinstance(bag, ComponentAttributeBag) else {}
        copied = False
        for key, kebab, has_default, default in spec:
            if kebab in attrs or key in attrs:
                if not copied:
                    attrs = dict(attrs)
                    copied = True
                value = attrs.pop(kebab) if kebab in attrs else attrs.pop(key)
                attrs.pop(key, None)
                g[key] = value
            elif has_default and g.get(key) is None:
                g[key] = default  # like Laravel's `$$key ?? default`: slots and data win
        if copied or not isinstance(bag, ComponentAttributeBag):
            g["attributes"] = ComponentAttributeBag(attrs)

    def aware(self, g: dict[str, Any], *names: Any, **defaults: Any) -> None:
        """``@aware``: read props passed to an enclosing component."""
        wanted: dict[str, Any] = {}
        for item in names:
            if isinstance(item, str):
                wanted[item] = None
            elif isinstance(item, Mapping):
                wanted.update(item)
            else:
                wanted.update(dict.fromkeys(item))
        wanted.update(defaults)
        for prop, default in wanted.items():
            key = prop.replace("-", "_")
            kebab = key.replace("_", "-")
            for frame in reversed(self.frames):
                if kebab in frame.data or key in frame.data:
                    g[key] = frame.data.get(kebab, frame.data.get(key))
                    break
            else:
                g.setdefault(key, default)

    # ------------------------------------------------------------------ hooks
    def csrf_token(self) -> str:
        """The CSRF token from ``blade.hooks.csrf_token``."""
        resolver = self.blade.hooks.csrf_token
        if resolver is None:
            raise TemplateError(
                "@csrf needs a CSRF token, but no resolver is registered.",
                hint="Set blade.hooks.csrf_token to a function returning the current token.",
            )
        return str(escape(resolver()))

    def error(self, field: str, bag: str = "default") -> str | None:
        """The first validation message for ``field``, or ``None``."""
        resolver = self.blade.hooks.errors
        errors = resolver(bag) if resolver is not None else None
        if errors is None or not errors.has(field):
            return None
        return errors.first(field)

    def auth(self, guard: str | None = None) -> bool:
        """Whether a user is logged in (on ``guard``)."""
        resolver = self.blade.hooks.user
        return resolver is not None and resolver(guard) is not None

    def can(self, ability: str, *args: Any) -> bool:
        """Whether the gate allows ``ability``."""
        gate = self.blade.hooks.gate
        return gate is not None and bool(gate(ability, *args))

    def canany(self, abilities: Iterable[str], *args: Any) -> bool:
        """Whether the gate allows any of ``abilities``."""
        return any(self.can(ability, *args) for ability in abilities)

    def environment(self, *names: Any) -> bool:
        """Whether the environment is one of ``names``."""
        resolver = self.blade.hooks.environment
        current = resolver() if resolver is not None else "production"
        flat: list[str] = []
        for name in names:
            flat.extend([name] if isinstance(name, str) else name)
        return current in flat

    def session(self, key: str) -> tuple[bool, Any]:
        """``(found, value)`` for session ``key``."""
        resolver = self.blade.hooks.session
        data = resolver() if resolver is not None else {}
        return (key in data, data.get(key))

    def context(self, key: str) -> tuple[bool, Any]:
        """``(found, value)`` for context ``key`` (``@context``)."""
        resolver = self.blade.hooks.context
        data = resolver() if resolver is not None else {}
        return (key in data, data.get(key))

    def condition(self, name: str, *args: Any) -> bool:
        """Run the custom condition registered with ``blade.if_(name, fn)``."""
        return bool(self.blade.conditions[name](*args))

    def translate(self, key: str, replace: Any = None, locale: str | None = None) -> str:
        """``@lang``: the translated line from ``hooks.translate``, else the key."""
        resolver = self.blade.hooks.translate
        return str(key) if resolver is None else resolver(key, replace, locale)

    def choice(self, key: str, number: Any, replace: Any = None, locale: str | None = None) -> str:
        """``@choice``: the pluralised line from ``hooks.choice``, else the key."""
        resolver = self.blade.hooks.choice
        return str(key) if resolver is None else resolver(key, number, replace, locale)

    def inject(self, target: str) -> Any:
        """The service for ``@inject``: ``hooks.resolve(target)``, else import and call it."""
        resolver = self.blade.hooks.resolve
        if resolver is not None:
            return resolver(target)
        found = self.use(target)
        return found() if callable(found) else found

    def use(self, path: str) -> Any:
        """Import ``module`` or ``module.attribute`` for ``@use``."""
        try:
            return importlib.import_module(path)
        except ImportError:
            module, _, attr = path.rpartition(".")
            if not module:
                raise
            try:
                return getattr(importlib.import_module(module), attr)
            except AttributeError:
                raise ImportError(f"@use cannot import {path!r}") from None

    def render(self, code: Any, g: dict[str, Any]) -> str:
        """Run a compiled render function with globals ``g``."""
        result: str = FunctionType(code, g)(self, g)
        return result


_UNSET: Any = object()


def props_spec(names: Any, defaults: Mapping[str, Any]) -> tuple[tuple[str, str, bool, Any], ...]:
    """Normalise ``@props`` arguments to ``(name, kebab-name, has_default, default)`` tuples."""
    declared: dict[str, Any] = {}
    for item in names:
        if isinstance(item, str):
            declared[item] = _UNSET
        elif isinstance(item, Mapping):
            declared.update(item)
        else:
            for sub in item:
                if isinstance(sub, Mapping):
                    declared.update(sub)
                else:
                    declared[str(sub)] = _UNSET
    declared.update(defaults)
    spec = []
    for prop, default in declared.items():
        key = str(prop).replace("-", "_")
        spec.append((key, key.replace("_", "-"), default is not _UNSET, default))
    return tuple(spec)


_LOOKUP_ERRORS = (NameError, AttributeError, KeyError, IndexError, TypeError)


def isset(*getters: Callable[[], Any]) -> bool:
    """``@isset``: every expression is defined and not ``None``."""
    for getter in getters:
        try:
            if getter() is None:
                return False
        except _LOOKUP_ERRORS:
            return False
    return True


def is_empty(*getters: Callable[[], Any]) -> bool:
    """``@empty``: the expression is undefined or falsy."""
    for getter in getters:
        try:
            if getter():
                return False
        except _LOOKUP_ERRORS:
            continue
    return True
