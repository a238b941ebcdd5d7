"""Parvel: an async-first Python web framework inspired by Laravel.

The names an application imports every day are re-exported here. They load lazily, so that
``parvel --version`` and ``parvel list`` stay fast; type checkers see the real imports.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from parvel.__about__ import __version__
from parvel.exceptions import ParvelError

if TYPE_CHECKING:
    from parvel.config import Repository
    from parvel.container import Container, ServiceProvider
    from parvel.foundation import Application
    from parvel.support import Str, env
    from parvel.support.console import Argument, Option, Output, command

_LAZY: dict[str, str] = {
    "Application": "parvel.foundation",
    "Argument": "parvel.support.console",
    "Container": "parvel.container",
    "Option": "parvel.support.console",
    "Output": "parvel.support.console",
    "Repository": "parvel.config",
    "ServiceProvider": "parvel.container",
    "Str": "parvel.support",
    "command": "parvel.support.console",
    "env": "parvel.support",
}

__all__ = [
    "Application",
    "Argument",
    "Container",
    "Option",
    "Output",
    "ParvelError",
    "Repository",
    "ServiceProvider",
    "Str",
    "__version__",
    "command",
    "env",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'parvel' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
