"""Controllers: plain classes or :class:`Controller`, with middleware declared on the class."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ControllerMiddleware:
    """Middleware for some of a controller's methods: ``ControllerMiddleware("auth", only=["store"])``."""

    middleware: Any
    only: list[str] = field(default_factory=list)
    except_: list[str] = field(default_factory=list)

    def applies_to(self, method: str) -> bool:
        """Whether the middleware runs for ``method``."""
        if self.only and method not in self.only:
            return False
        return method not in self.except_


class Controller:
    """Optional base class for controllers.

    Declare middleware by overriding :meth:`middleware` (Laravel 11's ``HasMiddleware``)::

        class PostController(Controller):
            @classmethod
            def middleware(cls):
                return ["auth", ControllerMiddleware("log", only=["index"])]

    Constructor and method parameters are injected by the container; route parameters and
    the request are matched by name and type.
    """

    @classmethod
    def middleware(cls) -> Iterable[Any]:
        """Middleware for this controller's routes (strings, classes, ControllerMiddleware)."""
        return []


def controller_middleware(controller: Any, method: str) -> list[Any]:
    """The middleware ``controller`` declares for ``method``."""
    declare = getattr(controller, "middleware", None)
    if not callable(declare):
        return []
    result: list[Any] = []
    for item in declare():
        if isinstance(item, ControllerMiddleware):
            if item.applies_to(method):
                result.append(item.middleware)
        else:
            result.append(item)
    return result
