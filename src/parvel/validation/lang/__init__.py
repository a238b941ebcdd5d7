"""Default validation messages per language; ``en`` is the built-in English set."""

from __future__ import annotations

from parvel.validation.lang.en import MESSAGES

__all__ = ["MESSAGES"]
