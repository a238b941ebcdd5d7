"""Rendering components: anonymous (a template) and class-based (a Python class)."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from parvel.view.attributes import ComponentAttributeBag, ComponentSlot
from parvel.view.exceptions import TemplateError

if TYPE_CHECKING:
    from parvel.view.blade import Blade
    from parvel.view.runtime import ComponentFrame, Runtime

_RESERVED = frozenset(
    {"data", "render", "resolve", "resolve_view", "should_render", "view", "with_attributes"}
)


class Component:
    """Base class for class-based components (optional: any class with ``render()`` works).

    Constructor parameters receive the matching tag attributes (``alert-type`` fills
    ``alert_type``); the other attributes land in :attr:`attributes`. Public attributes and
    methods are available in the component's template, except the names listed in
    ``except_``. ``render()`` returns a view name, inline Blade source, or a function that
    receives ``{"component_name", "attributes", "slot", <named slots>}`` and returns either.
    """

    except_: tuple[str, ...] = ()

    attributes: ComponentAttributeBag

    def render(self) -> str:
        """Return a view name (``"components.alert"``) or inline Blade source."""
        raise NotImplementedError(f"{type(self).__name__}.render() must return a view or markup")

    def should_render(self) -> bool:
        """Return False to skip rendering the component."""
        return True


_SNAKE: dict[str, str | None] = {}


def _snake(name: str) -> str:
    return name.replace("-", "_")


def _variable(name: str) -> str | None:
    """The template variable for attribute ``name`` (``alert-type`` -> ``alert_type``)."""
    try:
        return _SNAKE[name]
    except KeyError:
        snake = name.replace("-", "_")
        variable = snake if snake.isidentifier() else None
        if len(_SNAKE) < 4096:
            _SNAKE[name] = variable
        return variable


class ComponentRenderer:
    """Resolves component names and renders them at the end of a component tag."""

    def __init__(self, blade: Blade) -> None:
        self.blade = blade
        self.classes: dict[str, type[Any] | None] = {}
        self._views: dict[str, str] = {}
        self._signatures: dict[type[Any], set[str]] = {}
        self._anonymous: list[tuple[str | None, str]] = []
        self._modules: list[tuple[str | None, str]] = []

    def add_module(self, module: str, prefix: str | None) -> None:
        """Discover class components in ``module`` (``<x-forms.input>``: ``forms/input.py``)."""
        self._modules.append((prefix, module))
        self.classes = {k: v for k, v in self.classes.items() if v is not None}

    def class_for(self, name: str) -> type[Any] | None:
        """The class for ``<x-name>`` from the component modules, or ``None`` (cached)."""
        namespace, _, rest = name.rpartition("::")
        found: type[Any] | None = None
        for prefix, module in self._modules:
            if (prefix or "") != namespace:
                continue
            parts = [p.replace("-", "_") for p in rest.split(".")]
            if not all(p.isidentifier() for p in parts):
                break
            class_name = "".join(w[:1].upper() + w[1:] for w in parts[-1].split("_"))
            target = ".".join([module, *parts])
            try:
                loaded = importlib.import_module(target)
            except ModuleNotFoundError as error:
                if error.name and target.startswith(error.name):
                    continue  # no such component module
                raise  # the component module itself failed to import something
            candidate = getattr(loaded, class_name, None)
            if isinstance(candidate, type):
                found = candidate
                break
        self.classes[name] = found
        return found

    def add_anonymous_path(self, namespace: str, prefix: str | None) -> None:
        """Look up ``<x-name>`` (or ``<x-prefix::name>``) in the views of ``namespace``."""
        self._anonymous.append((prefix, namespace))
        self._views.clear()

    def register(self, name: str, cls: type[Any]) -> None:
        """Use ``cls`` for ``<x-name>``."""
        self.classes[name] = cls

    def view_for(self, name: str) -> str:
        """The view name rendering anonymous component ``name``."""
        cached = self._views.get(name)
        if cached is not None:
            return cached
        namespace, sep, rest = name.rpartition("::")
        last = rest.rsplit(".", 1)[-1]
        bases: list[str] = []
        if not sep or not any(p == namespace for p, _ in self._anonymous):
            bases.append(f"{namespace}::components.{rest}" if sep else f"components.{rest}")
        for prefix, hidden in self._anonymous:
            if (prefix or "") == namespace:
                bases.append(f"{hidden}::{rest}")
        options = [o for base in bases for o in (base, f"{base}.index", f"{base}.{last}")]
        for option in options:
            if self.blade.exists(option):
                self._views[name] = option
                return option
        searched: list[str] = []
        for option in options:
            try:
                searched.extend(str(p) for p in self.blade.finder.candidates(option))
            except TemplateError:
                pass
        raise TemplateError(
            f"Unable to locate a class or view for component [{name}]. "
            f"Searched: {', '.join(searched) or 'no view paths'}.",
            hint="Create the component template or register a class with blade.component().",
        )

    def render(self, runtime: Runtime, frame: ComponentFrame, content: str) -> str:
        """Render the component described by ``frame`` with default slot ``content``."""
        name = frame.name
        data = frame.data
        cls = self.classes.get(name) if name in self.classes else self.class_for(name)
        if cls is not None:
            return self._render_class(runtime, cls, frame, content)
        view = self.view_for(name)
        g = self.blade._fresh_globals({})
        for key, value in data.items():
            variable = _variable(key)
            if variable is not None:
                g[variable] = value
        g["attributes"] = ComponentAttributeBag(data)
        g["slot"] = ComponentSlot(content)
        for slot_name, slot in frame.slots.items():
            g[_snake(slot_name)] = slot
        return self.blade._render_view(runtime, view, g)

    def _params(self, cls: type[Any]) -> set[str]:
        params = self._signatures.get(cls)
        if params is None:
            signature = inspect.signature(cls)
            params = {
                p.name
                for p in signature.parameters.values()
                if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
            }
            self._signatures[cls] = params
        return params

    def _render_class(
        self, runtime: Runtime, cls: type[Any], frame: ComponentFrame, content: str
    ) -> str:
        params = self._params(cls)
        kwargs: dict[str, Any] = {}
        attributes: dict[str, Any] = {}
        for key, value in frame.data.items():
            snake = _snake(key)
            if snake in params:
                kwargs[snake] = value
            else:
                attributes[key] = value
        try:
            instance = cls(**kwargs)
        except TypeError as error:
            raise TemplateError(
                f"Cannot create component [{frame.name}] ({cls.__qualname__}): {error}.",
                hint="Pass every required constructor argument as a tag attribute.",
            ) from error
        instance.attributes = ComponentAttributeBag(attributes)
        should: Callable[[], bool] | None = getattr(instance, "should_render", None)
        if should is not None and not should():
            return ""
        g = self.blade._fresh_globals({})
        hidden = set(getattr(instance, "except_", ()))
        for attr in dir(instance):
            if attr.startswith("_") or attr in _RESERVED or attr in hidden or attr == "except_":
                continue
            g[attr] = getattr(instance, attr)
        g["attributes"] = instance.attributes
        g["component"] = instance
        g["slot"] = ComponentSlot(content)
        for slot_name, slot in frame.slots.items():
            g[_snake(slot_name)] = slot
        rendered = instance.render()
        if callable(rendered):  # render() may return fn(data) -> str, like Laravel's closure
            data = {
                "component_name": frame.name,
                "attributes": instance.attributes,
                "slot": g["slot"],
                **{_snake(k): v for k, v in frame.slots.items()},
            }
            rendered = rendered(data)
        if not isinstance(rendered, str):
            raise TemplateError(
                f"{cls.__qualname__}.render() returned {type(rendered).__name__}, not str.",
                hint="Return a view name or inline Blade source.",
            )
        if self.blade.exists(rendered) if _looks_like_view(rendered) else False:
            return self.blade._render_view(runtime, rendered, g)
        return self.blade._render_source(runtime, rendered, g)


def _looks_like_view(text: str) -> bool:
    return bool(text) and all(ch.isalnum() or ch in "._-:" for ch in text)
