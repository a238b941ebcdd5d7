"""``config()``: read the running application's configuration from anywhere."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from parvel.config.exceptions import ConfigError
from parvel.config.repository import Repository

_current: list[Repository | None] = [None]


def set_current(repository: Repository | None) -> None:
    """Make ``repository`` the one :func:`config` reads (the Application does this)."""
    _current[0] = repository


def config(key: str | Mapping[str, Any] | None = None, default: Any = None) -> Any:
    """Laravel's ``config()``: ``config("app.name")``, ``config("x", default)``, ``config({...})``.

    With no argument it returns the whole :class:`Repository`; with a mapping it sets values
    for the rest of the process. A missing key gives ``default`` (None), as in Laravel;
    ``config()["app.nmae"]`` raises :class:`~parvel.config.UnknownConfigKey` with a hint.

    Raises:
        ConfigError: no application has been created yet.
    """
    repository = _current[0]
    if repository is None:
        raise ConfigError(
            "config() was called before an application was created.",
            hint="Create the app first (bootstrap/app.py), or use a Repository directly.",
        )
    if key is None:
        return repository
    if isinstance(key, Mapping):
        repository.set(key)
        return None
    return repository.get(key, default)
