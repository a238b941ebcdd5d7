"""Lazy package exports: ``from parvel.view import Blade`` imports ``parvel.view.blade`` on use.

A component's ``__init__`` maps each public name to the module defining it, so importing the
package (or one of its providers) costs nothing until a name is used::

    __getattr__, __dir__ = lazy_exports(__name__, {"Blade": "parvel.view.blade"})
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

_MACHINERY = frozenset(("TYPE_CHECKING", "lazy_exports"))


def lazy_exports(
    package: str, names: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of a package whose public names load on first use."""

    def __getattr__(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        own = {n for n in vars(sys.modules[package]) if n not in _MACHINERY}
        return sorted({*own, *names})

    return __getattr__, __dir__
