"""Injection plans: what a callable needs, computed once per callable and cached."""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

EMPTY = inspect.Parameter.empty


@dataclass(frozen=True, slots=True)
class Dependency:
    """One parameter of a callable, as the container sees it."""

    name: str
    annotation: Any
    has_default: bool
    default: Any
    kind: inspect._ParameterKind

    @property
    def type_name(self) -> str:
        """A readable name of the parameter's type for error messages."""
        if self.annotation is EMPTY:
            return "no type hint"
        return getattr(self.annotation, "__qualname__", None) or repr(self.annotation)


_plans: dict[Any, tuple[Dependency, ...]] = {}

_SKIPPED_KINDS = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)


def _unwrap_optional(annotation: Any) -> Any:
    """``Foo | None`` and ``Optional[Foo]`` resolve as ``Foo``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _plan_key(target: Any) -> Any:
    return getattr(target, "__func__", target)


def plan_for(target: Callable[..., Any]) -> tuple[Dependency, ...]:
    """Return the dependencies of ``target`` (a class or any callable), cached per callable."""
    key = _plan_key(target)
    plan = _plans.get(key)
    if plan is None:
        plan = _build_plan(target)
        _plans[key] = plan
    return plan


def _build_plan(target: Callable[..., Any]) -> tuple[Dependency, ...]:
    function: Any = target.__init__ if isinstance(target, type) else target  # type: ignore[misc]
    if isinstance(target, type) and function is object.__init__:
        return ()
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):  # builtins without signatures
        return ()
    try:
        hints = typing.get_type_hints(function)
    except Exception:  # unresolvable forward references: fall back to raw annotations
        hints = {}
    parameters = list(signature.parameters.values())
    if isinstance(target, type) or inspect.ismethod(target):
        parameters = [p for p in parameters if p.name not in ("self", "cls")]
    plan = []
    for parameter in parameters:
        if parameter.kind in _SKIPPED_KINDS:
            continue
        annotation = hints.get(parameter.name, parameter.annotation)
        plan.append(
            Dependency(
                parameter.name,
                _unwrap_optional(annotation),
                parameter.default is not EMPTY,
                parameter.default,
                parameter.kind,
            )
        )
    return tuple(plan)


def clear_plans() -> None:
    """Forget every cached plan (tests only)."""
    _plans.clear()
