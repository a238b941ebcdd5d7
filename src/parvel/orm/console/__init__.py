"""The ORM's console commands: ``make:model``, ``make:factory``, ``model:show``, ``model:prune``."""

from __future__ import annotations

from parvel.orm.console.commands import make_factory, make_model, model_prune, model_show
from parvel.orm.console.paths import ModelPaths

__all__ = ["ModelPaths", "make_factory", "make_model", "model_prune", "model_show"]
