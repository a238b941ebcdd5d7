"""Errors raised by the service container."""

from __future__ import annotations

from parvel.exceptions import ParvelError


class ContainerError(ParvelError):
    """Base class for service container errors."""

    code = "container-error"


class BindingResolutionError(ContainerError):
    """The container could not build what was asked of it.

    Raised when a parameter has no binding, no usable type hint and no default, or when the
    target is abstract (a Protocol or ABC) and nothing is bound to it.
    """

    code = "binding-resolution"


class CircularDependencyError(BindingResolutionError):
    """Building a class required building itself again."""

    code = "circular-dependency"
