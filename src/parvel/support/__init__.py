"""Framework-independent helpers: ``env()``, ``Str``, pluralisation."""

from parvel.support.env import EnvError, env
from parvel.support.strings import Str

__all__ = ["EnvError", "Str", "env"]
