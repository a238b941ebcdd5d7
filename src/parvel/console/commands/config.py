"""``config:cache``, ``config:clear``, ``config:show`` and ``config:publish``."""

from __future__ import annotations

from typing import Annotated, Any

import orjson

from parvel.config import load_config_files, write_cache
from parvel.foundation.application import Application
from parvel.foundation.environment import load_environment
from parvel.support.console import Argument, Option, Output, command


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
    value: Any = app.config[config]  # an unknown key fails with the closest one as a hint
    text = orjson.dumps(value, default=str, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
    out.line(text.decode())
    return 0


@command("config:publish")
def config_publish(
    name: Annotated[str | None, Argument(help="The configuration file to publish")] = None,
    *,
    all: Annotated[bool, Option(help="Publish every configuration file")] = False,
    force: Annotated[bool, Option(help="Overwrite files that already exist")] = False,
    app: Application,
    out: Output,
) -> int:
    """Publish configuration files that the application does not have yet."""
    from parvel.console.commands.new import skeleton_path

    shipped = {p.stem: p for p in sorted((skeleton_path() / "config").glob("*.py"))}
    shipped.pop("__init__", None)
    if name is None and not all:
        name = out.choice("Which configuration file would you like to publish?", list(shipped))
        if name is None:
            out.error("   ERROR  Name a configuration file, or pass --all.")
            return 1
    chosen = list(shipped) if all else [str(name).removesuffix(".py")]
    unknown = [c for c in chosen if c not in shipped]
    if unknown:
        out.error(f"   ERROR  Unrecognized configuration file [{unknown[0]}].")
        return 1
    for stem in chosen:
        target = app.config_path(f"{stem}.py")
        if target.exists() and not force:
            out.warn(f"   WARN  File [config/{stem}.py] already exists (use --force).")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(shipped[stem].read_text(encoding="utf-8"), encoding="utf-8")
        out.info(f"   INFO  Published [config/{stem}.py] configuration file.")
    return 0
