"""Resolving middleware specs and compiling them into one chain of calls, at boot."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from starlette.responses import Response

from parvel.http.exceptions import HttpConfigurationError
from parvel.http.middleware._config import MiddlewareConfig

Handler = Callable[[Any], Awaitable[Response]]
Resolved = tuple[Any, tuple[str, ...]]
"""A middleware instance and its parameters (``throttle:60,1`` → ``("60", "1")``)."""


class MiddlewareResolver:
    """Turns specs (classes, aliases, groups, ``"alias:a,b"``) into shared instances."""

    def __init__(self, config: MiddlewareConfig, container: Any) -> None:
        self.config = config
        self.container = container
        self._instances: dict[Any, Any] = {}

    def target(self, spec: Any, where: str) -> list[tuple[Any, tuple[str, ...]]]:
        """Expand one spec into (class-or-instance, params) pairs."""
        if isinstance(spec, str):
            name, _, raw = spec.partition(":")
            params = tuple(p.strip() for p in raw.split(",")) if raw else ()
            if name in self.config.groups and not params:
                result: list[tuple[Any, tuple[str, ...]]] = []
                for inner in self.config.groups[name]:
                    result.extend(self.target(inner, where))
                return result
            if name in self.config.aliases:
                return [(self.config.aliases[name], params)]
            raise HttpConfigurationError(
                f"Unknown middleware '{name}' {where}.",
                hint="Register it with middleware.alias({...}) in bootstrap/app.py, or use "
                "the class itself.",
            )
        if isinstance(spec, tuple) and len(spec) > 1 and isinstance(spec[0], type):
            return [(spec[0], tuple(str(param) for param in spec[1:]))]  # (Class, "param")
        if isinstance(spec, type) or callable(getattr(spec, "handle", None)):
            return [(spec, ())]
        raise HttpConfigurationError(
            f"{spec!r} {where} is not middleware: pass a class with an async handle(), an "
            "alias or a group name."
        )

    def resolve(
        self, specs: Iterable[Any], where: str, excluded: Iterable[Any] = ()
    ) -> list[Resolved]:
        """Resolve, de-duplicate, drop ``excluded``, order by priority, instantiate."""
        pairs: list[tuple[Any, tuple[str, ...]]] = []
        for spec in specs:
            for pair in self.target(spec, where):
                if pair not in pairs:
                    pairs.append(pair)
        excluded_targets = {target for spec in excluded for target, _ in self.target(spec, where)}
        pairs = [p for p in pairs if p[0] not in excluded_targets]
        pairs = self._prioritize(pairs)
        return [(self._instance(target, where), params) for target, params in pairs]

    def _prioritize(
        self, pairs: list[tuple[Any, tuple[str, ...]]]
    ) -> list[tuple[Any, tuple[str, ...]]]:
        priority: list[Any] = []
        for spec in self.config.priority_list:
            if isinstance(spec, str) and spec in self.config.aliases:
                priority.append(self.config.aliases[spec])
            else:
                priority.append(spec)
        slots = [i for i, (target, _) in enumerate(pairs) if target in priority]
        ordered = sorted((pairs[i] for i in slots), key=lambda p: priority.index(p[0]))
        result = list(pairs)
        for slot, pair in zip(slots, ordered, strict=True):
            result[slot] = pair
        return result

    def _instance(self, target: Any, where: str) -> Any:
        if not isinstance(target, type):
            return target
        instance = self._instances.get(target)
        if instance is None:
            instance = self.container.make(target)
            if not callable(getattr(instance, "handle", None)):
                raise HttpConfigurationError(
                    f"Middleware {target.__qualname__} {where} has no handle(request, next) method."
                )
            self._instances[target] = instance
        return instance

    def instances(self) -> list[Any]:
        """Every middleware instance built so far."""
        return list(self._instances.values())


Renderer = Callable[[Any, Exception], Awaitable[Response]]


def chain(middleware: list[Resolved], core: Handler, render: Renderer | None = None) -> Handler:
    """Wrap ``core`` in the middleware, outermost first.

    Consecutive middleware offering synchronous ``before``/``after`` hooks (see
    :class:`~parvel.http.middleware.hooks.HookMiddleware`) are fused into one step, so a
    stack of cheap built-ins costs one coroutine instead of one per middleware.
    """
    handler = core
    pending: list[Any] = []
    for instance, params in reversed(middleware):
        if not params and _has_hooks(instance):
            pending.append(instance)
            continue
        if pending:
            handler = _fuse(list(reversed(pending)), handler, render)
            pending = []
        handler = _link(instance.handle, params, handler)
    if pending:
        handler = _fuse(list(reversed(pending)), handler, render)
    return handler


def _has_hooks(instance: Any) -> bool:
    return bool(getattr(instance, "fusable", False))


def _fuse(hooks: list[Any], inner: Handler, render: Renderer | None) -> Handler:
    from parvel.http.middleware.hooks import HookMiddleware

    befores = [
        (index, h.before)
        for index, h in enumerate(hooks)
        if getattr(type(h), "before", None) is not HookMiddleware.before
    ]
    afters = [
        (index, h.after)
        for index, h in enumerate(hooks)
        if getattr(type(h), "after", None) is not HookMiddleware.after
    ]
    afters.reverse()
    count = len(hooks)

    async def fused(request: Any) -> Response:
        ran = 0
        response: Response
        try:
            for index, before in befores:
                ran = index
                early = before(request)
                if early is not None:
                    response = early
                    break
            else:
                ran = count
                response = await inner(request)
        except Exception as exc:
            if render is None:
                raise
            response = await render(request, exc)
        for index, after in afters:
            if index < ran:
                response = after(request, response)
        return response

    return fused


def _link(
    handle: Callable[..., Awaitable[Response]], params: tuple[str, ...], next_: Handler
) -> Handler:
    if params:

        def step_with_params(request: Any) -> Awaitable[Response]:
            return handle(request, next_, *params)

        return step_with_params

    def step(request: Any) -> Awaitable[Response]:
        return handle(request, next_)

    return step
