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
    from parvel.config import Repository, config
    from parvel.console.artisan import Artisan
    from parvel.container import Container, ServiceProvider
    from parvel.facades import DB, Config, Crypt, Hash, Log, Schema, Session, View
    from parvel.foundation import Application
    from parvel.foundation.helpers import app, decrypt, encrypt, resolve
    from parvel.http import (
        Controller,
        JsonResource,
        Request,
        ResourceCollection,
        abort,
        abort_if,
        abort_unless,
        back,
        redirect,
        response,
        route,
        to_route,
        url,
    )
    from parvel.orm import (
        Collection,
        Factory,
        Model,
        ModelNotFound,
        SoftDeletes,
        belongs_to,
        belongs_to_many,
        has_many,
        has_one,
        scope,
    )
    from parvel.routing import Route
    from parvel.session import session
    from parvel.support import Str, env
    from parvel.support.clock import now
    from parvel.support.console import Argument, Option, Output, command
    from parvel.support.console_command import Command
    from parvel.validation import Rule, ValidationError, Validator
    from parvel.view import view

_LAZY: dict[str, str] = {
    "Model": "parvel.orm",
    "Collection": "parvel.orm",
    "Command": "parvel.support.console_command",
    "Factory": "parvel.orm",
    "ModelNotFound": "parvel.orm",
    "SoftDeletes": "parvel.orm",
    "scope": "parvel.orm",
    "has_many": "parvel.orm",
    "has_one": "parvel.orm",
    "belongs_to": "parvel.orm",
    "belongs_to_many": "parvel.orm",
    "Application": "parvel.foundation",
    "Argument": "parvel.support.console",
    "Artisan": "parvel.console.artisan",
    "Container": "parvel.container",
    "Controller": "parvel.http",
    "JsonResource": "parvel.http",
    "Crypt": "parvel.facades",
    "DB": "parvel.facades",
    "Hash": "parvel.facades",
    "Log": "parvel.facades",
    "Option": "parvel.support.console",
    "Output": "parvel.support.console",
    "Repository": "parvel.config",
    "Request": "parvel.http",
    "ResourceCollection": "parvel.http",
    "Route": "parvel.routing",
    "Rule": "parvel.validation",
    "Schema": "parvel.facades",
    "ServiceProvider": "parvel.container",
    "Str": "parvel.support",
    "ValidationError": "parvel.validation",
    "Validator": "parvel.validation",
    "View": "parvel.facades",
    "abort": "parvel.http",
    "abort_if": "parvel.http",
    "abort_unless": "parvel.http",
    "back": "parvel.http",
    "command": "parvel.support.console",
    "config": "parvel.config",
    "env": "parvel.support",
    "redirect": "parvel.http",
    "response": "parvel.http",
    "route": "parvel.http",
    "to_route": "parvel.http",
    "url": "parvel.http",
    "view": "parvel.view",
    "session": "parvel.session",
    "app": "parvel.foundation.helpers",
    "resolve": "parvel.foundation.helpers",
    "encrypt": "parvel.foundation.helpers",
    "decrypt": "parvel.foundation.helpers",
    "now": "parvel.support.clock",
    "Config": "parvel.facades",
    "Session": "parvel.facades",
}

__all__ = [
    "DB",
    "Application",
    "Argument",
    "Artisan",
    "Collection",
    "Command",
    "Config",
    "Container",
    "Controller",
    "Crypt",
    "Factory",
    "Hash",
    "JsonResource",
    "Log",
    "Model",
    "ModelNotFound",
    "Option",
    "Output",
    "ParvelError",
    "Repository",
    "Request",
    "ResourceCollection",
    "Route",
    "Rule",
    "Schema",
    "ServiceProvider",
    "Session",
    "SoftDeletes",
    "Str",
    "ValidationError",
    "Validator",
    "View",
    "__version__",
    "abort",
    "abort_if",
    "abort_unless",
    "app",
    "back",
    "belongs_to",
    "belongs_to_many",
    "command",
    "config",
    "decrypt",
    "encrypt",
    "env",
    "has_many",
    "has_one",
    "now",
    "redirect",
    "resolve",
    "response",
    "route",
    "scope",
    "session",
    "to_route",
    "url",
    "view",
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
