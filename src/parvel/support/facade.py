"""Facades: module-level names that resolve a service from the running application.

A facade forwards attribute access to the service bound under its key, so ``DB.table("x")``
means ``app.make("db").table("x")``. Typing comes from a class declared for type checkers
(the service's own class plus :class:`FacadeMethods`), never from untyped magic::

    if TYPE_CHECKING:
        class _DB(DatabaseManager, FacadeMethods[DatabaseManager]): ...
        DB: _DB
    else:
        DB = Facade("db")
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, Protocol, TypeVar

from parvel.exceptions import ParvelError

T = TypeVar("T")


class _Resolver(Protocol):
    def make(self, abstract: Any, **parameters: Any) -> Any: ...

    def instance(self, abstract: Any, value: Any) -> Any: ...


class FacadeError(ParvelError):
    """A facade was used before an application existed."""

    code = "facade-no-app"


class FacadeMethods(Generic[T]):
    """The methods every facade adds to its service (for type checkers)."""

    def get_facade_root(self) -> T:
        """The service behind the facade."""
        raise NotImplementedError

    def swap(self, instance: T) -> None:
        """Replace the service in the container (tests: fakes, doubles)."""
        raise NotImplementedError

    def clear_resolved_instance(self) -> None:
        """Forget the cached service so the next call resolves it again."""
        raise NotImplementedError


class Facade:
    """A proxy resolving ``key`` from the current application on each use (cached)."""

    __slots__ = ("_generation", "_key", "_root")

    _application: ClassVar[_Resolver | None] = None
    _current_generation: ClassVar[int] = 0

    def __init__(self, key: Any) -> None:
        self._key = key
        self._root: Any = None
        self._generation = -1

    @classmethod
    def set_application(cls, app: _Resolver | None) -> None:
        """Point every facade at ``app`` (the Application does this when created)."""
        cls._application = app
        cls._current_generation += 1

    @classmethod
    def get_application(cls) -> _Resolver:
        """The application facades resolve from.

        Raises:
            FacadeError: no application was created yet.
        """
        if cls._application is None:
            raise FacadeError(
                "A facade was used before the application was created.",
                hint="Create it first (bootstrap/app.py) or, in tests, use the `app` fixture.",
            )
        return cls._application

    def get_facade_root(self) -> Any:
        """The service behind the facade."""
        if self._generation != Facade._current_generation:
            self._root = Facade.get_application().make(self._key)
            self._generation = Facade._current_generation
        return self._root

    def swap(self, instance: Any) -> None:
        """Replace the service in the container (tests: fakes, doubles)."""
        Facade.get_application().instance(self._key, instance)
        self._root = instance
        self._generation = Facade._current_generation

    def clear_resolved_instance(self) -> None:
        """Forget the cached service so the next call resolves it again."""
        self._generation = -1

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get_facade_root(), name)

    def __repr__(self) -> str:
        return f"<Facade {self._key!r}>"
