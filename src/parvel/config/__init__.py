"""Configuration: a dot-notation repository over config/*.py modules, with a cache."""

from parvel.config.exceptions import ConfigError, UnknownConfigKey
from parvel.config.loader import load_config_files, read_cache, resolve_reference, write_cache
from parvel.config.repository import Repository

__all__ = [
    "ConfigError",
    "Repository",
    "UnknownConfigKey",
    "load_config_files",
    "read_cache",
    "resolve_reference",
    "write_cache",
]
