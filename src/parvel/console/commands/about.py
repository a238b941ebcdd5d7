"""``about``: versions, drivers, paths and cache state."""

from __future__ import annotations

import platform
from typing import Annotated, Any

import orjson

from parvel.__about__ import __version__
from parvel.foundation.application import Application
from parvel.support import Str
from parvel.support.console import Option, Output, command


def gather(app: Application) -> dict[str, dict[str, Any]]:
    """The sections ``about`` shows: Environment, Cache, Drivers, Paths."""
    config = app.config

    def driver(key: str, default: str = "—") -> str:
        return str(config.get(key, default))

    def cached(path: Any) -> str:
        return "CACHED" if path.exists() else "NOT CACHED"

    views = app.storage_path("framework/views")
    return {
        "Environment": {
            "Application Name": config.get("app.name", "Parvel"),
            "Parvel Version": __version__,
            "Python Version": platform.python_version(),
            "Environment": app.environment(),
            "Debug Mode": "ENABLED" if app.debug else "OFF",
            "URL": config.get("app.url", ""),
            "Maintenance Mode": "ENABLED" if app.is_down_for_maintenance() else "OFF",
            "Timezone": config.get("app.timezone", "UTC"),
            "Locale": config.get("app.locale", "en"),
        },
        "Cache": {
            "Config": cached(app.cached_config_path()),
            "Routes": cached(app.bootstrap_path("cache/routes.json")),
            "Views": "CACHED" if views.is_dir() and any(views.glob("*.py")) else "NOT CACHED",
        },
        "Drivers": {
            "Broadcasting": driver("broadcasting.default", "null"),
            "Cache": driver("cache.default"),
            "Database": driver("database.default"),
            "Logs": _logs(config.get("logging.default", "stack"), config),
            "Mail": driver("mail.default"),
            "Queue": driver("queue.default"),
            "Session": driver("session.driver"),
        },
        "Paths": {
            "Base": str(app.base_path()),
            "Config": str(app.config_path()),
            "Database": str(app.database_path()),
            "Resources": str(app.resources_path()),
            "Storage": str(app.storage_path()),
        },
    }


def _logs(default: str, config: Any) -> str:
    if default == "stack":
        channels = config.get("logging.channels.stack.channels", [])
        return f"stack / {', '.join(channels)}" if channels else "stack"
    return str(default)


@command("about")
def about(
    *,
    only: Annotated[str | None, Option(help="The section to display")] = None,
    json: Annotated[bool, Option(help="Display the information as JSON")] = False,
    app: Application,
    out: Output,
) -> int:
    """Display basic information about your application."""
    sections = gather(app)
    if only:
        wanted = {s.strip().lower() for s in only.split(",")}
        sections = {k: v for k, v in sections.items() if k.lower() in wanted}
    if json:
        data = {
            Str.snake(k): {Str.snake(i): v for i, v in items.items()}
            for k, items in sections.items()
        }
        out.line(orjson.dumps(data, default=str).decode())
        return 0
    from rich.table import Table

    for title, items in sections.items():
        table = Table(
            title=title, title_justify="left", title_style="bold green", show_header=False, box=None
        )
        table.add_column(style="bold")
        table.add_column(justify="right")
        for key, value in items.items():
            table.add_row(key, str(value))
        out.console.print(table)
        out.new_line()
    return 0
