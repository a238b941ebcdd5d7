"""The view component's console commands: ``view:cache`` and ``view:clear``."""

from __future__ import annotations

from parvel.container import Container
from parvel.support.console import Output, command


@command("view:cache")
def view_cache(app: Container, out: Output) -> int:
    """Compile all of the application's Blade templates."""
    count = app.make("view").precompile()
    out.info(f"   INFO  Blade templates cached successfully ({count} compiled).")
    return 0


@command("view:clear")
def view_clear(app: Container, out: Output) -> int:
    """Clear all compiled view files."""
    app.make("view").clear_cache()
    out.info("   INFO  Compiled views cleared successfully.")
    return 0
