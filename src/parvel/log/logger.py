"""The :class:`Logger` a channel returns: Laravel's level methods over stdlib handlers."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from parvel.log.context import current_log_context
from parvel.log.exceptions import LogError
from parvel.log.levels import ALERT, EMERGENCY, NOTICE, parse_level

__all__ = ["Logger", "MessageLogged"]

_PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_.]+)\}")


def _placeholder_text(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    if isinstance(value, dict | list):
        try:
            return orjson.dumps(value, default=str).decode("utf-8")
        except TypeError:
            return str(value)
    if isinstance(value, BaseException):
        return f"{type(value).__qualname__}: {value}"
    return str(value)


def interpolate(message: str, context: Mapping[str, Any]) -> str:
    """Replace ``{key}`` placeholders in ``message`` with values from ``context`` (PSR-3 style).

    Placeholders whose key is not in the context are left as they are.
    """
    if "{" not in message or not context:
        return message

    def replace(match: re.Match[str]) -> str:
        key = match[1]
        return _placeholder_text(context[key]) if key in context else match[0]

    return _PLACEHOLDER.sub(replace, message)


@dataclass(frozen=True)
class MessageLogged:
    """What a log listener receives for every message (Laravel's ``MessageLogged`` event).

    Attributes:
        level: The Laravel level name, e.g. ``"info"``.
        message: The message, placeholders filled in.
        context: The merged context (shared, channel and message context).
        channel: The name of the channel that logged it.
    """

    level: str
    message: str
    context: dict[str, Any]
    channel: str


#: A callable notified of every logged message (see :meth:`LogManager.listen`).
LogListener = Callable[[MessageLogged], object]


class Logger:
    """A log channel: writes records with context to its stdlib handlers.

    Obtain one from :meth:`LogManager.channel`, :meth:`LogManager.stack` or
    :meth:`LogManager.build`; the ``Log`` facade forwards to the default channel.

    Args:
        name: The channel name.
        handlers: The stdlib handlers every record goes to (each filters by its own level).
        shared_context: The manager's shared context (see :meth:`LogManager.share_context`);
            read at every call, so later additions apply.
        replace_placeholders: Replace ``{key}`` in messages with context values.
        ignore_exceptions: Swallow a failing handler's error and carry on with the others.
        listeners: The manager's listeners, called with a :class:`MessageLogged` for every
            message, whatever its level.
        clock: Returns the current time as a UNIX timestamp (tests pass a fixed clock).
    """

    def __init__(
        self,
        name: str,
        handlers: Sequence[logging.Handler],
        *,
        shared_context: Mapping[str, Any] | None = None,
        replace_placeholders: bool = True,
        ignore_exceptions: bool = False,
        listeners: Sequence[LogListener] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.name = name
        self.handlers: list[logging.Handler] = list(handlers)
        self.replace_placeholders = replace_placeholders
        self.ignore_exceptions = ignore_exceptions
        self._shared: Mapping[str, Any] = shared_context if shared_context is not None else {}
        self._context: dict[str, Any] = {}
        self._listeners: Sequence[LogListener] = listeners if listeners is not None else []
        self._clock = clock

    @property
    def context(self) -> dict[str, Any]:
        """The context added with :meth:`with_context` (a copy)."""
        return dict(self._context)

    def with_context(self, context: Mapping[str, Any]) -> Logger:
        """Add ``context`` to every later line of this channel; returns the logger."""
        self._context.update(context)
        return self

    def without_context(self, keys: Sequence[str] | None = None) -> Logger:
        """Remove the given keys (or all) from this channel's context; returns the logger."""
        if keys is None:
            self._context.clear()
        else:
            for key in keys:
                self._context.pop(key, None)
        return self

    def emergency(self, message: object, context: Mapping[str, Any] | None = None) -> None:
        """Log at ``emergency`` level: the system is unusable."""
        self.log(EMERGENCY, message, context)

    def alert(self, message: object, context: Mapping[str, Any] | None = None) -> None:
        """Log at ``alert`` level: action must be taken immediately."""
        self.log(ALERT, message, context)

    def critical(self, message: object, context: Mapping[str, Any] | None = None) -> None:
        """Log at ``critical`` level: critical conditions."""
        self.log(logging.CRITICAL, message, context)

    def error(self, message: object, context: Mapping[str, Any] | None = None) -> None:
        """Log at ``error`` level: runtime errors that need no immediate action."""
        self.log(logging.ERROR, message, context)

    def warning(self, message: object, context: Mapping[str, Any] | None = None) -> None:
        """Log at ``warning`` level: exceptional occurrences that are not errors."""
        self.log(logging.WARNING, message, context)

    def notice(self, message: object, context: Mapping[str, Any] | None = None) -> None:
        """Log at ``notice`` level: normal but significant events."""
        self.log(NOTICE, message, context)

    def info(self, message: object, context: Mapping[str, Any] | None = None) -> None:
        """Log at ``info`` level: interesting events."""
        self.log(logging.INFO, message, context)

    def debug(self, message: object, context: Mapping[str, Any] | None = None) -> None:
        """Log at ``debug`` level: detailed debug information."""
        self.log(logging.DEBUG, message, context)

    def log(
        self, level: str | int, message: object, context: Mapping[str, Any] | None = None
    ) -> None:
        """Log ``message`` at ``level`` (a Laravel level name or a number).

        Args:
            level: ``"debug"`` ... ``"emergency"`` or a numeric level.
            message: The message; ``{key}`` placeholders are filled from the context.
            context: Values written with the line. Pass an exception as
                ``{"exception": error}`` to log its traceback.

        Raises:
            LogError: The level is unknown or the context is not a mapping.
            LogWriteError: A handler failed to write (unless ``ignore_exceptions``).
        """
        levelno = parse_level(level)
        if context is not None and not isinstance(context, Mapping):
            raise LogError(
                f"The log context must be a dict, got {type(context).__name__}.",
                hint='Pass context as a dict, e.g. log.info("Saved", {"id": 1}).',
            )
        wanted = any(levelno >= handler.level for handler in self.handlers)
        if not wanted and not self._listeners:
            return
        merged = {**self._shared, **self._context, **(context or {})}
        text = str(message)
        if self.replace_placeholders:
            text = interpolate(text, merged)
        error = merged.get("exception")
        record = logging.getLogRecordFactory()(
            self.name,
            levelno,
            "",
            0,
            text,
            None,
            (type(error), error, error.__traceback__) if isinstance(error, BaseException) else None,
        )
        record.created = self._clock()
        record.msecs = (record.created - int(record.created)) * 1000
        record.parvel_context = merged
        record.parvel_extra = current_log_context()
        if wanted:
            self.handle(record)
        if self._listeners:
            event = MessageLogged(logging.getLevelName(levelno).lower(), text, merged, self.name)
            for listener in list(self._listeners):
                listener(event)

    def handle(self, record: logging.LogRecord) -> None:
        """Pass a ready record to every handler whose level it reaches."""
        for handler in self.handlers:
            if record.levelno < handler.level:
                continue
            if self.ignore_exceptions:
                try:
                    handler.handle(record)
                except Exception:
                    continue
            else:
                handler.handle(record)

    def close(self) -> None:
        """Flush and close every handler (files are reopened on the next write)."""
        for handler in self.handlers:
            try:
                handler.close()
            except (OSError, ValueError):
                continue
