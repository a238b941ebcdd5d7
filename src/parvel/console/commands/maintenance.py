"""``down`` and ``up``: maintenance mode (the HTTP layer answers 503 while down)."""

from __future__ import annotations

import time
from typing import Annotated

import orjson

from parvel.foundation.application import Application
from parvel.foundation.exceptions import ApplicationError
from parvel.support import Str
from parvel.support.console import Option, Output, command


@command("down")
def down(
    *,
    redirect: Annotated[str | None, Option(help="The path users are redirected to")] = None,
    render: Annotated[str | None, Option(help="The view rendered as the maintenance page")] = None,
    retry: Annotated[
        int | None, Option(help="Seconds after which the request may be retried")
    ] = None,
    refresh: Annotated[
        int | None, Option(help="Seconds after which the browser may refresh")
    ] = None,
    secret: Annotated[
        str | None, Option(help="The secret phrase that bypasses maintenance mode")
    ] = None,
    with_secret: Annotated[bool, Option(help="Generate a random bypass secret")] = False,
    status: Annotated[int, Option(help="The status code of the maintenance response")] = 503,
    app: Application,
    out: Output,
) -> int:
    """Put the application into maintenance / demo mode."""
    if secret is not None and (not secret or "/" in secret):
        raise ApplicationError("--secret must be a non-empty phrase without '/'.")
    if with_secret:
        secret = Str.random(32)
    payload = {
        "redirect": redirect,
        "retry": retry,
        "refresh": refresh,
        "secret": secret,
        "status": status,
        "template": render,
        "time": int(time.time()),
    }
    down_file = app.storage_path("framework/down")
    down_file.parent.mkdir(parents=True, exist_ok=True)
    down_file.write_bytes(orjson.dumps(payload, option=orjson.OPT_INDENT_2))
    out.info("   INFO  Application is now in maintenance mode.")
    if secret:
        url = str(app.config.get("app.url", "http://127.0.0.1:8000")).rstrip("/")
        out.info(f"   INFO  You may bypass maintenance mode via [{url}/{secret}].")
    return 0


@command("up")
def up(app: Application, out: Output) -> int:
    """Bring the application out of maintenance mode."""
    down_file = app.storage_path("framework/down")
    if not down_file.is_file():
        out.info("   INFO  Application is already up.")
        return 0
    down_file.unlink()
    out.info("   INFO  Application is now live.")
    return 0
