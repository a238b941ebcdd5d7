"""``optimize``, ``optimize:clear`` and ``env``: the cache commands together, the environment."""

from __future__ import annotations

from parvel.console.kernel import ConsoleKernel
from parvel.foundation.application import Application
from parvel.support.console import Output, command

_CACHE = ("config:cache", "route:cache", "view:cache")
_CLEAR = ("config:clear", "route:clear", "view:clear")


async def _run_each(names: tuple[str, ...], kernel: ConsoleKernel, out: Output) -> int:
    from parvel.console.artisan import Artisan

    failed = 0
    for name in names:
        if name not in kernel.specs:
            continue  # the component is not installed
        code = await Artisan.call(name, app=kernel.app)
        out.task(name, "DONE" if code == 0 else "FAIL", failed=code != 0)
        failed |= code
    return 1 if failed else 0


@command("optimize")
async def optimize(kernel: ConsoleKernel, out: Output) -> int:
    """Cache the framework bootstrap files (config, routes, views)."""
    out.info("   INFO  Caching framework bootstrap, configuration, and metadata.")
    return await _run_each(_CACHE, kernel, out)


@command("optimize:clear")
async def optimize_clear(kernel: ConsoleKernel, out: Output) -> int:
    """Remove the cached bootstrap files (config, routes, views)."""
    out.info("   INFO  Clearing cached bootstrap files.")
    return await _run_each(_CLEAR, kernel, out)


@command("env")
def env(app: Application, out: Output) -> int:
    """Display the current framework environment."""
    out.info(f"   INFO  The application environment is [{app.environment()}].")
    return 0
