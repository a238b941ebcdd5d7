"""Built-in directives, one module per family, registered through ``Blade.directive``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parvel.view.directives import (
    components,
    conditionals,
    forms,
    helpers,
    includes,
    layouts,
    loops,
    request,
    stacks,
)

if TYPE_CHECKING:
    from parvel.view.blade import Blade

FAMILIES = (conditionals, loops, layouts, includes, stacks, components, helpers, forms, request)
"""Every built-in directive family, in registration order."""


def register_all(blade: Blade) -> None:
    """Register every built-in directive on ``blade``."""
    for family in FAMILIES:
        family.register(blade)
