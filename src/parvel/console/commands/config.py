"""``config:cache``, ``config:clear`` and ``config:show``."""

from __future__ import annotations

from typing import Annotated, Any

import orjson

from parvel.config import load_config_files, write_cache
from parvel.foundation.application import Application
from parvel.foundation.environment import load_environment
from parvel.support.console import Argument, Output, command


@command("config:cache")
def config_cache(app: Application, out: Output) -> int:
    """Create a cache file for faster configuration loading."""
    cache = app.cached_config_path()
    cache.unlink(missing_ok=True)
    out.info("   INFO  Configuration cache cleared successfully.")
    load_environment(app.base_path())
    write_cache(cache, load_config_files(app.config_path()))
    out.info("   INFO  Configuration cached successfully.")
    return 0


@command("config:clear")
def config_clear(app: Application, out: Output) -> int:
    """Remove the configuration cache file."""
    app.cached_config_path().unlink(missing_ok=True)
    out.info("   INFO  Configuration cache cleared successfully.")
    return 0


@command("config:show")
def config_show(
    config: Annotated[str, Argument(help="The configuration file or key to show")],
    *,
    app: Application,
    out: Output,
) -> int:
    """Display all of the values for a given configuration file or key."""
    value: Any = app.config.get(config)
    text = orjson.dumps(value, default=str, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
    out.line(text.decode())
    return 0
