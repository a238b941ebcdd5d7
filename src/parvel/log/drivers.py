"""The built-in channel drivers: each turns a channel's config into stdlib handlers.

A driver is ``factory(config, context) -> Handler | list[Handler]``; register your own with
:meth:`LogManager.extend`. The manager then applies the channel's ``level`` and ``formatter``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from parvel.log.exceptions import LogConfigError
from parvel.log.handlers import DailyFileHandler, FileHandler, StreamHandler

__all__ = ["BUILTIN_DRIVERS", "DriverContext", "LogDriver"]


@dataclass(frozen=True)
class DriverContext:
    """What a driver needs besides its config.

    Attributes:
        channel: The channel being built (for error messages).
        base_path: The app's root; relative ``path`` values are resolved against it.
        environment: The app environment, shown in every line.
        timezone: The timezone of timestamps and daily file names.
        now: Returns the current time (a fixed clock in tests).
    """

    channel: str
    base_path: Path
    environment: str
    timezone: tzinfo
    now: Callable[[], datetime]

    def path(self, config: Mapping[str, Any], driver: str) -> Path:
        """Return the channel's ``path`` resolved against ``base_path``.

        Raises:
            LogConfigError: ``path`` is missing or not a string.
        """
        value = config.get("path")
        if not isinstance(value, str | Path) or not str(value).strip():
            raise LogConfigError(
                f"Log channel {self.channel!r} (driver {driver!r}) has no 'path' in "
                "config/logging.py.",
                hint="Add 'path': 'storage/logs/parvel.log' to the channel.",
            )
        path = Path(value)
        return path if path.is_absolute() else self.base_path / path

    def option(self, config: Mapping[str, Any], key: str, default: int | None) -> int | None:
        """Return an optional non-negative integer option of the channel.

        Raises:
            LogConfigError: The option is present but not a non-negative integer.
        """
        value = config.get(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise LogConfigError(
                f"Log channel {self.channel!r}: {key!r} must be a non-negative integer, got "
                f"{value!r} in config/logging.py.",
                hint=f"Write for example {key!r}: {default if default is not None else 0}.",
            )
        return value


#: A driver factory: config and context in, one handler or a list of handlers out.
LogDriver = Callable[
    [Mapping[str, Any], DriverContext], "logging.Handler | Sequence[logging.Handler]"
]


def _single(config: Mapping[str, Any], ctx: DriverContext) -> logging.Handler:
    return FileHandler(
        ctx.path(config, "single"), ctx.channel, ctx.option(config, "permission", None)
    )


def _daily(config: Mapping[str, Any], ctx: DriverContext) -> logging.Handler:
    return DailyFileHandler(
        ctx.path(config, "daily"),
        days=ctx.option(config, "days", 14) or 0,
        timezone=ctx.timezone,
        today=ctx.now().astimezone(ctx.timezone).date(),
        channel=ctx.channel,
        permission=ctx.option(config, "permission", None),
    )


def _stream(config: Mapping[str, Any], ctx: DriverContext) -> logging.Handler:
    name = config.get("stream", "stderr")
    if name not in ("stderr", "stdout"):
        raise LogConfigError(
            f"Log channel {ctx.channel!r}: 'stream' must be 'stderr' or 'stdout', got {name!r}.",
            hint="Fix 'stream' in config/logging.py.",
        )
    return StreamHandler(name)


def _json(config: Mapping[str, Any], ctx: DriverContext) -> logging.Handler:
    if config.get("path"):
        return _single(config, ctx)
    return _stream(config, ctx)


def _null(config: Mapping[str, Any], ctx: DriverContext) -> logging.Handler:
    return logging.NullHandler()


def _handler(config: Mapping[str, Any], ctx: DriverContext) -> logging.Handler:
    cls = config.get("handler")
    if not (isinstance(cls, type) and issubclass(cls, logging.Handler)):
        raise LogConfigError(
            f"Log channel {ctx.channel!r} (driver 'handler') needs 'handler': a logging.Handler "
            f"subclass, got {cls!r}.",
            hint="For example 'handler': logging.handlers.SysLogHandler, 'with': {...}.",
        )
    options = config.get("with") or {}
    try:
        return cls(**options)
    except (TypeError, ValueError, OSError) as error:
        raise LogConfigError(
            f"Log channel {ctx.channel!r}: cannot create {cls.__name__}: {error}.",
            hint="Check the 'with' options in config/logging.py.",
        ) from None


def _custom(
    config: Mapping[str, Any], ctx: DriverContext
) -> logging.Handler | Sequence[logging.Handler]:
    via = config.get("via")
    if not callable(via):
        raise LogConfigError(
            f"Log channel {ctx.channel!r} (driver 'custom') needs 'via': a callable taking the "
            f"channel config and returning a logging.Handler, got {via!r}.",
            hint="Set 'via' in config/logging.py.",
        )
    result: logging.Handler | Sequence[logging.Handler] = via(config)
    return result


BUILTIN_DRIVERS: dict[str, LogDriver] = {
    "custom": _custom,
    "daily": _daily,
    "handler": _handler,
    "json": _json,
    "null": _null,
    "single": _single,
    "stderr": _stream,
}
