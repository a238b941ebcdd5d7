"""The base of service fakes and the container swap/restore mechanism."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from parvel.support.facade import Facade

F = TypeVar("F", bound="Fake")

# (container, key, had a shared instance, that instance, facade whose cache to reset)
_SWAPS: list[tuple[Any, Any, bool, Any, Facade | None]] = []


def _key_of(target: Facade | str | type[Any]) -> tuple[Any, Facade | None]:
    if isinstance(target, Facade):
        return target._key, target
    return target, None


def swap(target: Facade | str | type[Any], instance: Any, *, app: Any = None) -> Any:
    """Bind ``instance`` in place of a facade's (or container key's) service until the test ends.

    Args:
        target: A facade (``DB``) or a container key (``"db"``).
        instance: The double to bind.
        app: The container (default: the application facades resolve from).

    Returns:
        ``instance``.
    """
    container: Any = app if app is not None else Facade.get_application()
    key, facade = _key_of(target)
    had = bool(container.resolved(key))  # only a built instance is replaced; bindings stay
    previous = container.make(key) if had else None
    _SWAPS.append((container, key, had, previous, facade))
    if facade is not None and app is None:
        facade.swap(instance)
    else:
        container.instance(key, instance)
        if facade is not None:
            facade.clear_resolved_instance()
    return instance


def restore_all() -> None:
    """Put back every service :func:`swap` replaced, newest first (the plugin does this)."""
    while _SWAPS:
        container, key, had, previous, facade = _SWAPS.pop()
        if had:
            container.instance(key, previous)
        else:
            container.forget_instance(key)
        if facade is not None:
            facade.clear_resolved_instance()


def swapped(target: Facade | str | type[Any], *, app: Any = None) -> bool:
    """Whether ``target`` is currently swapped by a fake."""
    key, _ = _key_of(target)
    container = app if app is not None else Facade._application
    return any(c is container and k == key for c, k, *_ in _SWAPS)


def require_fake(
    target: Facade | str, fake_class: type[F], assertion: str, *, app: Any = None
) -> F:
    """The fake behind ``target``, or a clear test failure when it was never faked.

    Facades call this in their ``assert_*`` helpers so that ``Event.assert_dispatched(...)``
    before ``Event.fake()`` fails with one message saying what to do.
    """
    key, facade = _key_of(target)
    container: Any = app if app is not None else Facade.get_application()
    service = facade.get_facade_root() if facade is not None and app is None else None
    if service is None and container.bound(key):
        service = container.make(key)
    if isinstance(service, fake_class):
        return service
    label = fake_class.facade_name or str(key)
    raise AssertionError(
        f"{label}.{assertion}() was called, but {label} is not faked: call {label}.fake() "
        "before the code under test runs, then assert."
    )


class Fake:
    """A recording double: subclasses call :meth:`record` and assert with :meth:`recorded`.

    Attributes:
        facade_name: The facade's name in messages (``"Event"``).
    """

    facade_name: str = ""

    def __init__(self) -> None:
        self._records: list[tuple[str, Any]] = []

    def record(self, kind: str, item: Any) -> None:
        """Remember that ``item`` happened as ``kind`` (``"dispatched"``, ``"pushed"`` ...)."""
        self._records.append((kind, item))

    def recorded(self, kind: str, where: Callable[[Any], bool] | None = None) -> list[Any]:
        """The items recorded as ``kind``, filtered by ``where``."""
        return [item for k, item in self._records if k == kind and (where is None or where(item))]

    def assert_recorded(
        self,
        kind: str,
        what: str,
        where: Callable[[Any], bool] | None = None,
        times: int | None = None,
    ) -> None:
        """Fail unless ``what`` was recorded as ``kind`` (exactly ``times`` times when given)."""
        found = self.recorded(kind, where)
        if times is None and not found:
            self._fail(f"The expected [{what}] was not {kind}.", kind)
        if times is not None and len(found) != times:
            self._fail(
                f"The expected [{what}] was {kind} {len(found)} times instead of {times} times.",
                kind,
            )

    def assert_not_recorded(
        self, kind: str, what: str, where: Callable[[Any], bool] | None = None
    ) -> None:
        """Fail when ``what`` was recorded as ``kind``."""
        if self.recorded(kind, where):
            self._fail(f"The unexpected [{what}] was {kind}.", kind)

    def assert_nothing_recorded(self, kind: str) -> None:
        """Fail when anything was recorded as ``kind``."""
        if self.recorded(kind):
            self._fail(f"Something was {kind} unexpectedly.", kind)

    def _fail(self, message: str, kind: str) -> None:
        seen: Iterable[Any] = self.recorded(kind)
        listing = ", ".join(repr(item) for item in seen) or "nothing"
        raise AssertionError(f"{message}\n{kind.capitalize()}: {listing}")
