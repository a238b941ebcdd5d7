"""The service container: bindings, auto-wiring and method injection.

See docs/container.md for the guide.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar, cast, overload

from parvel.container._plans import Dependency, plan_for
from parvel.container.exceptions import BindingResolutionError, CircularDependencyError

T = TypeVar("T")

Factory = Callable[["Container"], Any]
"""A factory receives the container and returns the built service."""

_BUILTIN_TYPES = (str, int, float, bool, bytes, list, dict, tuple, set, frozenset, type(None))


@dataclass(slots=True)
class _Binding:
    concrete: Any
    shared: bool
    scoped: bool


class ContextualBindingBuilder:
    """The fluent ``container.when(A).needs(B).give(C)`` builder."""

    def __init__(self, container: Container, concretes: tuple[Any, ...]) -> None:
        self._container = container
        self._concretes = concretes
        self._needs: Any = None

    def needs(self, abstract: Any) -> ContextualBindingBuilder:
        """Name the dependency: a type, a container key, or ``"$param"`` for a parameter name."""
        self._needs = abstract
        return self

    def give(self, implementation: Any) -> None:
        """What to inject instead: a class, a factory ``fn(container)`` or a value."""
        for concrete in self._concretes:
            self._container._contextual.setdefault(concrete, {})[self._needs] = implementation

    def give_value(self, value: Any) -> None:
        """Inject ``value`` itself, even when it is callable."""
        self.give(_Value(value))


@dataclass(frozen=True, slots=True)
class _Value:
    value: Any


class Container:
    """A service container in the spirit of Laravel's, with type-hint auto-wiring.

    Keys are classes (``container.make(Mailer)``) or strings (``container.make("config")``).
    Classes nobody bound are built by reading their constructor's type hints; the plan of
    what a callable needs is computed once and cached.
    """

    def __init__(self) -> None:
        self._bindings: dict[Any, _Binding] = {}
        self._instances: dict[Any, Any] = {}
        self._aliases: dict[Any, Any] = {}
        self._class_aliases: dict[str, Any] = {}
        self._contextual: dict[Any, dict[Any, Any]] = {}
        self._resolving: dict[Any, list[Callable[[Any, Container], None]]] = {}
        self._tags: dict[str, list[Any]] = {}
        self._root_scope: dict[Any, Any] = {}
        self._scope: ContextVar[dict[Any, Any] | None] = ContextVar(
            f"parvel_scope_{id(self)}", default=None
        )
        self._building: ContextVar[tuple[Any, ...]] = ContextVar(
            f"parvel_building_{id(self)}", default=()
        )
        self.instance(Container, self)

    # -- registering -----------------------------------------------------------------

    def bind(self, abstract: Any, concrete: Any = None, *, shared: bool = False) -> None:
        """Register how to build ``abstract``: a class, a factory ``fn(container)``, or itself."""
        abstract = self._aliases.get(abstract, abstract)
        self._instances.pop(abstract, None)
        self._bindings[abstract] = _Binding(
            abstract if concrete is None else concrete, shared, False
        )

    def singleton(self, abstract: Any, concrete: Any = None) -> None:
        """Register a binding built once and shared for the container's life."""
        self.bind(abstract, concrete, shared=True)

    def scoped(self, abstract: Any, concrete: Any = None) -> None:
        """Register a binding built once per scope (one HTTP request, one queued job)."""
        abstract = self._aliases.get(abstract, abstract)
        self._instances.pop(abstract, None)
        self._bindings[abstract] = _Binding(abstract if concrete is None else concrete, True, True)

    def bind_if(self, abstract: Any, concrete: Any = None, *, shared: bool = False) -> None:
        """:meth:`bind` unless ``abstract`` is bound already."""
        if not self.bound(abstract):
            self.bind(abstract, concrete, shared=shared)

    def singleton_if(self, abstract: Any, concrete: Any = None) -> None:
        """:meth:`singleton` unless ``abstract`` is bound already."""
        if not self.bound(abstract):
            self.singleton(abstract, concrete)

    def scoped_if(self, abstract: Any, concrete: Any = None) -> None:
        """:meth:`scoped` unless ``abstract`` is bound already."""
        if not self.bound(abstract):
            self.scoped(abstract, concrete)

    def tag(self, abstracts: Any, *tags: str) -> None:
        """File ``abstracts`` (one or a list) under each of ``tags`` for :meth:`tagged`."""
        items = list(abstracts) if isinstance(abstracts, (list, tuple)) else [abstracts]
        for tag in tags:
            self._tags.setdefault(tag, []).extend(items)

    def tagged(self, tag: str) -> list[Any]:
        """Every service filed under ``tag``, resolved, in the order they were tagged."""
        return [self.make(abstract) for abstract in self._tags.get(tag, ())]

    def factory(self, abstract: Any) -> Callable[[], Any]:
        """A function that resolves ``abstract`` each time it is called."""
        return lambda: self.make(abstract)

    def instance(self, abstract: Any, value: T) -> T:
        """Register an existing object as the shared instance of ``abstract``."""
        abstract = self._aliases.get(abstract, abstract)
        self._instances[abstract] = value
        return value

    def alias(self, abstract: Any, alias: Any) -> None:
        """Let ``alias`` resolve to whatever ``abstract`` resolves to."""
        if alias == abstract:
            raise BindingResolutionError(f"[{_name(abstract)}] cannot be an alias of itself.")
        self._aliases[alias] = abstract

    def class_alias(self, abstract: Any, path: str) -> None:
        """Let the class at ``path`` (``"package.module:Class"``) resolve to ``abstract``.

        Like :meth:`alias`, without importing the class: providers use it so that booting an
        app does not import every component it could serve.
        """
        module, _, qualname = path.partition(":")
        self._class_aliases[f"{module}.{qualname}"] = abstract

    def _lazy_alias(self, abstract: Any) -> Any:
        if self._class_aliases and isinstance(abstract, type):
            key = f"{abstract.__module__}.{abstract.__qualname__}"
            return self._class_aliases.get(key, abstract)
        return abstract

    def when(self, *concretes: Any) -> ContextualBindingBuilder:
        """Start a contextual binding: what to inject when building one of ``concretes``."""
        return ContextualBindingBuilder(self, concretes)

    def resolving(self, abstract: Any, callback: Callable[[Any, Container], None]) -> None:
        """Call ``callback(obj, container)`` each time ``abstract`` is built."""
        self._resolving.setdefault(self._aliases.get(abstract, abstract), []).append(callback)

    def after_resolving(self, abstract: Any, callback: Callable[[Any, Container], None]) -> None:
        """Alias of :meth:`resolving` (Laravel runs both after the object is built)."""
        self.resolving(abstract, callback)

    def extend(self, abstract: Any, extender: Callable[[Any, Container], Any]) -> None:
        """Decorate the service: ``extender(service, container)`` returns its replacement."""
        abstract = self._aliases.get(abstract, abstract)
        if abstract in self._instances:
            self._instances[abstract] = extender(self._instances[abstract], self)
            return
        binding = self._bindings.get(abstract)
        inner = binding.concrete if binding else abstract

        def factory(container: Container) -> Any:
            built = container._autowire(inner) if inner is abstract else container.build(inner)
            return extender(built, container)

        self._bindings[abstract] = _Binding(
            factory, binding.shared if binding else False, binding.scoped if binding else False
        )

    # -- querying --------------------------------------------------------------------

    def bound(self, abstract: Any) -> bool:
        """Whether ``abstract`` has a binding, an instance or an alias."""
        return (
            abstract in self._aliases
            or abstract in self._bindings
            or abstract in self._instances
            or self._lazy_alias(abstract) is not abstract
        )

    def has(self, abstract: Any) -> bool:
        """Alias of :meth:`bound`."""
        return self.bound(abstract)

    def resolved(self, abstract: Any) -> bool:
        """Whether a shared instance of ``abstract`` exists already."""
        abstract = self._aliases.get(abstract, abstract)
        scope = self._scope.get()
        return abstract in self._instances or (scope is not None and abstract in scope)

    def forget_instance(self, abstract: Any) -> None:
        """Drop the shared instance so the next ``make`` builds a new one."""
        self._instances.pop(self._aliases.get(abstract, abstract), None)

    def forget_instances(self) -> None:
        """Drop every singleton built so far; each is built again by the next ``make``.

        Objects registered with :meth:`instance` (the app, its config) have no binding to
        rebuild them from, so they stay.
        """
        self._instances = {k: v for k, v in self._instances.items() if k not in self._bindings}

    def is_shared(self, abstract: Any) -> bool:
        """Whether ``abstract`` is a singleton, a scoped binding or a registered instance."""
        abstract = self._aliases.get(abstract, abstract)
        binding = self._bindings.get(abstract)
        return abstract in self._instances or (binding is not None and binding.shared)

    def is_alias(self, name: Any) -> bool:
        """Whether ``name`` is an alias of another key."""
        return name in self._aliases

    def get(self, abstract: Any) -> Any:
        """Resolve ``abstract`` (the PSR-11 spelling of :meth:`make`)."""
        return self.make(abstract)

    # -- scopes ----------------------------------------------------------------------

    @contextmanager
    def scope(self) -> Iterator[dict[Any, Any]]:
        """Open a scope: ``scoped`` bindings get one fresh instance inside it.

        The HTTP kernel opens one per request and the queue worker one per job. Scopes
        follow :mod:`contextvars`, so concurrent requests never share scoped instances.
        """
        instances: dict[Any, Any] = {}
        token = self._scope.set(instances)
        try:
            yield instances
        finally:
            self._scope.reset(token)

    # -- resolving -------------------------------------------------------------------

    @overload
    def make(self, abstract: type[T], **parameters: Any) -> T: ...

    @overload
    def make(self, abstract: str, **parameters: Any) -> Any: ...

    def make(self, abstract: Any, **parameters: Any) -> Any:
        """Resolve ``abstract``: a shared instance, a binding, or an auto-wired class.

        Keyword ``parameters`` override constructor arguments by name.

        Raises:
            BindingResolutionError: nothing is bound and the class cannot be auto-wired.
        """
        abstract = self._aliases.get(abstract, abstract)
        if abstract not in self._instances and abstract not in self._bindings:
            abstract = self._lazy_alias(abstract)
        instance = self._instances.get(abstract, _MISSING)
        if instance is not _MISSING and not parameters:
            return instance
        binding = self._bindings.get(abstract)
        if binding is not None and binding.scoped and not parameters:
            scope = self._scope.get()
            store = self._root_scope if scope is None else scope
            if abstract in store:
                return store[abstract]
        concrete = abstract if binding is None else binding.concrete
        built = self.build(concrete, parameters, key=abstract)
        for callback in self._resolving.get(abstract, ()):
            callback(built, self)
        if binding is not None and binding.shared and not parameters:
            if binding.scoped:
                scope = self._scope.get()
                (self._root_scope if scope is None else scope)[abstract] = built
            else:
                self._instances[abstract] = built
        return built

    def build(
        self, concrete: Any, parameters: dict[str, Any] | None = None, *, key: Any = None
    ) -> Any:
        """Build ``concrete`` now, ignoring shared instances of it."""
        if isinstance(concrete, _Value):
            return concrete.value
        if isinstance(concrete, type):
            return self._autowire(concrete, parameters or {})
        if callable(concrete):
            return concrete(self)
        if isinstance(concrete, str):
            if concrete == key:
                raise BindingResolutionError(
                    f"Nothing is bound to [{concrete}] in the container.",
                    hint=f'Register it in a service provider: app.singleton("{concrete}", ...).',
                )
            return self.make(concrete)
        return concrete

    def _autowire(self, cls: type[T], parameters: dict[str, Any] | None = None) -> T:
        if _is_abstract(cls):
            raise BindingResolutionError(
                f"Target [{_name(cls)}] is abstract and nothing is bound to it.",
                hint=f"Bind an implementation: app.bind({cls.__name__}, Implementation).",
            )
        building = self._building.get()
        if cls in building:
            chain = " -> ".join(_name(c) for c in (*building, cls))
            raise CircularDependencyError(f"Circular dependency while building {chain}.")
        token = self._building.set((*building, cls))
        try:
            args, kwargs = self._resolve_dependencies(plan_for(cls), parameters or {}, cls)
        finally:
            self._building.reset(token)
        return cls(*args, **kwargs)

    def call(self, callback: Callable[..., T], parameters: dict[str, Any] | None = None) -> T:
        """Call ``callback``, injecting its parameters from ``parameters`` and the container.

        For an ``async def`` callback this returns the coroutine: ``await container.call(fn)``.
        """
        owner = getattr(callback, "__self__", None)
        args, kwargs = self._resolve_dependencies(
            plan_for(callback), parameters or {}, type(owner) if owner is not None else callback
        )
        return callback(*args, **kwargs)

    def _resolve_dependencies(
        self, plan: tuple[Dependency, ...], parameters: dict[str, Any], owner: Any
    ) -> tuple[list[Any], dict[str, Any]]:
        args: list[Any] = []
        kwargs: dict[str, Any] = {}
        contextual = self._contextual.get(owner)
        for dependency in plan:
            value = self._resolve_dependency(dependency, parameters, contextual, owner)
            if value is _MISSING:
                continue
            if dependency.kind is inspect.Parameter.POSITIONAL_ONLY:
                args.append(value)
            else:
                kwargs[dependency.name] = value
        return args, kwargs

    def _resolve_dependency(
        self,
        dependency: Dependency,
        parameters: dict[str, Any],
        contextual: dict[Any, Any] | None,
        owner: Any,
    ) -> Any:
        if dependency.name in parameters:
            return parameters[dependency.name]
        annotation = dependency.annotation
        if contextual is not None:
            for need in (f"${dependency.name}", annotation):
                if need in contextual:
                    return self.build(contextual[need])
        if annotation is not inspect.Parameter.empty and self._can_inject(annotation):
            try:
                return self.make(annotation)
            except BindingResolutionError:
                if dependency.has_default:
                    return _MISSING
                raise
        if dependency.has_default:
            return _MISSING
        raise BindingResolutionError(
            f"Unresolvable dependency resolving [{dependency.name}: {dependency.type_name}] "
            f"in {_name(owner)}.",
            hint="Give the parameter a default, bind its type in a service provider, "
            "or pass it explicitly.",
        )

    def _can_inject(self, annotation: Any) -> bool:
        if self.bound(annotation):
            return True
        return (
            isinstance(annotation, type)
            and annotation not in _BUILTIN_TYPES
            and not _is_abstract(annotation)
        )

    def __getitem__(self, abstract: Any) -> Any:
        return self.make(abstract)

    def __contains__(self, abstract: object) -> bool:
        return self.bound(abstract)


_MISSING: Any = object()


def _is_abstract(cls: type) -> bool:
    return inspect.isabstract(cls) or bool(getattr(cls, "_is_protocol", False))


def _name(target: Any) -> str:
    return cast(str, getattr(target, "__qualname__", None) or repr(target))
