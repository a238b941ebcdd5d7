"""The ORM's console commands: ``make:model``, ``make:factory``, ``make:policy``, ``model:*``."""

from __future__ import annotations

from parvel.orm.console.commands import (
    make_cast,
    make_factory,
    make_model,
    make_observer,
    make_policy,
    model_prune,
    model_show,
)
from parvel.orm.console.paths import ModelPaths

__all__ = [
    "ModelPaths",
    "make_cast",
    "make_factory",
    "make_model",
    "make_observer",
    "make_policy",
    "model_prune",
    "model_show",
]
