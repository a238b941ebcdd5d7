"""Model events: ``creating``, ``created``, ``updating`` ... with observers and ``without_events``.

A small in-ORM dispatcher: listeners are plain or async callables receiving the model; a
listener of a "before" event (``creating``, ``updating``, ``saving``, ``deleting``,
``restoring``) returning ``False`` cancels the operation. See docs/orm.md.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from parvel.orm._base import ModelBase as Model

EVENTS = (
    "retrieved",
    "creating",
    "created",
    "updating",
    "updated",
    "saving",
    "saved",
    "deleting",
    "deleted",
    "trashed",
    "force_deleting",
    "force_deleted",
    "restoring",
    "restored",
    "replicating",
)
"""Every model event name, in Laravel's vocabulary."""

_muted: ContextVar[bool] = ContextVar("parvel_orm_events_muted", default=False)


def _registry(cls: type[Model]) -> dict[str, list[Callable[..., Any]]]:
    registry = cls.__dict__.get("_parvel_listeners")
    if registry is None:
        registry = {}
        cls._parvel_listeners = registry  # type: ignore[attr-defined]
    return registry


def listen(cls: type[Model], event: str, callback: Callable[..., Any]) -> None:
    """Call ``callback(model)`` when ``event`` fires on ``cls`` (or its subclasses)."""
    if event not in EVENTS:
        raise ValueError(f"Unknown model event {event!r}; use one of {', '.join(EVENTS)}.")
    _registry(cls).setdefault(event, []).append(callback)


def observe(cls: type[Model], observer: Any) -> None:
    """Register every method of ``observer`` named after an event (class or instance)."""
    instance = observer() if isinstance(observer, type) else observer
    found = False
    for event in EVENTS:
        method = getattr(instance, event, None)
        if method is not None and callable(method):
            listen(cls, event, method)
            found = True
    if not found:
        raise ValueError(
            f"{type(instance).__name__} has no event methods; define e.g. created(self, model)."
        )


def forget_listeners(cls: type[Model]) -> None:
    """Remove every listener registered on ``cls``."""
    _registry(cls).clear()


def _listeners(cls: type[Model], event: str) -> list[Callable[..., Any]]:
    found: list[Callable[..., Any]] = []
    for klass in cls.__mro__:
        registry = klass.__dict__.get("_parvel_listeners")
        if registry:
            found.extend(registry.get(event, ()))
    return found


def has_listeners(cls: type[Model], event: str) -> bool:
    """Whether anything listens to ``event`` on ``cls`` (and events are not muted)."""
    return not _muted.get() and bool(_listeners(cls, event))


async def dispatch(model: Model, event: str, halt: bool = True) -> bool:
    """Fire ``event``; False when a listener returned False for a halting event."""
    if _muted.get():
        return True
    for callback in _listeners(type(model), event):
        result = callback(model)
        if inspect.isawaitable(result):
            result = await result
        if halt and result is False:
            return False
    return True


@contextmanager
def _muted_block() -> Iterator[None]:
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


@overload
def without_events() -> AbstractContextManager[None]: ...
@overload
def without_events(callback: Callable[[], Any]) -> Coroutine[Any, Any, Any]: ...
def without_events(callback: Callable[[], Any] | None = None) -> Any:
    """Mute every model event in the current task, as a block or around one call.

    ``with without_events(): ...`` mutes the block; ``await without_events(fn)`` runs
    ``fn()`` (awaited if async) muted and returns its result, as Laravel's
    ``Model::withoutEvents(fn)``.
    """
    if callback is None:
        return _muted_block()
    return _run_muted(callback)


async def _run_muted(callback: Callable[[], Any]) -> Any:
    with _muted_block():
        result = callback()
        if inspect.isawaitable(result):
            result = await result
        return result


def observed_by(*observers: Any) -> Callable[[type[Any]], type[Any]]:
    """Class decorator registering observers (Laravel's ``#[ObservedBy([...])]``).

    ``@observed_by(UserObserver)`` on a model is ``User.observe(UserObserver)``.
    """

    def decorate(cls: type[Any]) -> type[Any]:
        for item in observers:
            for one in item if isinstance(item, (list, tuple)) else [item]:
                cls.observe(one)
        return cls

    return decorate
