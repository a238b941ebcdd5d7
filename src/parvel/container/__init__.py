"""The service container: bind, singleton, scoped, instance, auto-wiring, method injection."""

from parvel.container.container import Container, ContextualBindingBuilder, Factory
from parvel.container.exceptions import (
    BindingResolutionError,
    CircularDependencyError,
    ContainerError,
)
from parvel.container.provider import ServiceProvider

__all__ = [
    "BindingResolutionError",
    "CircularDependencyError",
    "Container",
    "ContainerError",
    "ContextualBindingBuilder",
    "Factory",
    "ServiceProvider",
]
