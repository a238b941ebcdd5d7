"""Configuration: a dot-notation repository over config/*.py modules, with a cache.

The package is also the ``config()`` helper: ``from parvel import config`` then
``config("app.name")`` reads the running application's configuration.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Mapping
from typing import Any

from parvel.config.current import config, set_current
from parvel.config.exceptions import ConfigError, UnknownConfigKey
from parvel.config.loader import load_config_files, read_cache, resolve_reference, write_cache
from parvel.config.repository import Repository

__all__ = [
    "ConfigError",
    "Repository",
    "UnknownConfigKey",
    "config",
    "load_config_files",
    "read_cache",
    "resolve_reference",
    "set_current",
    "write_cache",
]


class _CallableConfigModule(types.ModuleType):
    """``parvel.config`` is both this package and the ``config()`` helper (see parvel.view)."""

    def __call__(self, key: str | Mapping[str, Any] | None = None, *args: Any) -> Any:
        return config(key, *args)


sys.modules[__name__].__class__ = _CallableConfigModule
