"""Errors raised while loading or reading configuration."""

from __future__ import annotations

from parvel.exceptions import ParvelError


class ConfigError(ParvelError):
    """Configuration is missing, malformed or asked for a key that does not exist."""

    code = "config-error"


class UnknownConfigKey(ConfigError, KeyError):
    """``config()["x.y"]`` (or a typed getter) was asked for a key that does not exist."""

    code = "config-unknown-key"

    def __str__(self) -> str:
        return ParvelError.__str__(self)
