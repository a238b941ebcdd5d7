"""The view component's console commands: ``view:cache`` and ``view:clear``."""

from __future__ import annotations

from parvel.support.console import Output, command
from parvel.view.blade import Blade


@command("view:cache")
def view_cache(view: Blade, out: Output) -> int:
    """Compile all of the application's Blade templates."""
    count = view.precompile()
    out.info(f"   INFO  Blade templates cached successfully ({count} compiled).")
    return 0


@command("view:clear")
def view_clear(view: Blade, out: Output) -> int:
    """Clear all compiled view files."""
    view.clear_cache()
    out.info("   INFO  Compiled views cleared successfully.")
    return 0
