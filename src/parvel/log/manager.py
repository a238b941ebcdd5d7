"""The :class:`LogManager`: builds log channels from config/logging.py."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from parvel.log.drivers import BUILTIN_DRIVERS, DriverContext, LogDriver
from parvel.log.exceptions import LogConfigError, LogError
from parvel.log.formatters import JsonFormatter, TextFormatter
from parvel.log.levels import parse_level
from parvel.log.logger import Logger, LogListener

__all__ = ["DEFAULT_CONFIG", "LogManager"]

#: Used when no config is given: Laravel's default, a stack over one file.
DEFAULT_CONFIG: dict[str, Any] = {
    "default": "stack",
    "channels": {
        "stack": {"driver": "stack", "channels": ["single"], "ignore_exceptions": False},
        "single": {"driver": "single", "path": "storage/logs/parvel.log", "level": "debug"},
    },
}


def _timezone(value: str | tzinfo) -> tzinfo:
    if isinstance(value, tzinfo):
        return value
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise LogConfigError(
            f"Unknown timezone {value!r} for logging.",
            hint="Use an IANA name such as 'UTC' or 'Europe/Paris' (config/app.py timezone).",
        ) from None


class LogManager:
    """Builds and caches log channels, like Laravel's ``Log`` (Monolog) manager.

    Args:
        config: Like Laravel's config/logging.php: ``{"default": "stack", "channels": {name:
            {"driver": ..., ...}}}``. ``None`` uses :data:`DEFAULT_CONFIG`.
        base_path: The app root; relative file paths are resolved against it.
        environment: The app environment, shown in every line (``local.INFO``).
        timezone: Timezone of timestamps and daily file names (an IANA name or a tzinfo).
        clock: Returns the current time; tests pass a fixed clock.

    Raises:
        LogConfigError: ``channels`` is not a mapping, or the timezone is unknown.

    See ``docs/logging.md`` for every driver and option.
    """

    def __init__(
        self,
        config: Mapping[str, Any] | None = None,
        base_path: str | Path = ".",
        *,
        environment: str = "production",
        timezone: str | tzinfo = "UTC",
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._config = dict(config) if config is not None else dict(DEFAULT_CONFIG)
        channels = self._config.get("channels", {})
        if not isinstance(channels, Mapping):
            raise LogConfigError(
                f"config/logging.py: 'channels' must be a dict, got {type(channels).__name__}.",
                hint="Write 'channels': {'single': {'driver': 'single', ...}, ...}.",
            )
        self._channels_config: dict[str, Any] = dict(channels)
        self.base_path = Path(base_path)
        self.environment = environment
        self.timezone = _timezone(timezone)
        self._clock = clock
        self._drivers: dict[str, LogDriver] = dict(BUILTIN_DRIVERS)
        self._channels: dict[str, Logger] = {}
        self._shared: dict[str, Any] = {}
        self._listeners: list[LogListener] = []

    # -- channels ---------------------------------------------------------------------------

    @property
    def default_driver(self) -> str:
        """The name of the default channel (``config["default"]``, ``"stack"`` if unset)."""
        return str(self._config.get("default") or "stack")

    def set_default_driver(self, name: str) -> None:
        """Make ``name`` the default channel."""
        self._config["default"] = name

    def channel(self, name: str | None = None) -> Logger:
        """Return the channel called ``name`` (the default when ``None``), built once.

        Raises:
            LogConfigError: The channel is not configured or its config is invalid.
        """
        return self._resolve(name or self.default_driver, ())

    def driver(self, name: str | None = None) -> Logger:
        """Alias of :meth:`channel` (Laravel's ``Log::driver``)."""
        return self.channel(name)

    def stack(self, channels: Sequence[str | Logger], channel: str | None = None) -> Logger:
        """Return an on-demand stack writing to several channels (Laravel's ``Log::stack``).

        Args:
            channels: The channel names to write to, or channels (e.g. from :meth:`build`).
            channel: Unused name slot kept for Laravel parity; names the stack in errors.
        """
        config = {"driver": "stack", "channels": list(channels)}
        return self._create(channel or "ondemand-stack", config, ())

    def build(self, config: Mapping[str, Any]) -> Logger:
        """Return an on-demand channel from a config dict (Laravel's ``Log::build``).

        The channel is not cached; close it with :meth:`Logger.close` when done.
        """
        return self._create("ondemand", config, ())

    def extend(self, driver: str, factory: LogDriver) -> LogManager:
        """Register a driver; ``factory(config, context)`` returns a handler or a list of them."""
        self._drivers[driver] = factory
        return self

    def forget_channel(self, name: str | None = None) -> None:
        """Close and forget a cached channel, so the next use rebuilds it from config."""
        logger = self._channels.pop(name or self.default_driver, None)
        if logger is not None:
            logger.close()

    def close(self) -> None:
        """Close every cached channel's handlers."""
        for logger in self._channels.values():
            logger.close()
        self._channels.clear()

    def listen(self, listener: LogListener) -> LogManager:
        """Call ``listener`` with a :class:`MessageLogged` for every message on every channel.

        Listeners run after the line is written and also for messages below a channel's level
        (Laravel's ``Log::listen``).
        """
        self._listeners.append(listener)
        return self

    # -- context ----------------------------------------------------------------------------

    def share_context(self, context: Mapping[str, Any]) -> LogManager:
        """Add ``context`` to every line of every channel, existing and future."""
        self._shared.update(context)
        return self

    @property
    def shared_context(self) -> dict[str, Any]:
        """The context shared across channels (a copy)."""
        return dict(self._shared)

    def flush_shared_context(self) -> LogManager:
        """Remove all shared context."""
        self._shared.clear()
        return self

    def with_context(self, context: Mapping[str, Any]) -> Logger:
        """Add context to the default channel (Laravel's ``Log::withContext``)."""
        return self.channel().with_context(context)

    def without_context(self, keys: Sequence[str] | None = None) -> Logger:
        """Remove context from the default channel (Laravel's ``Log::withoutContext``)."""
        return self.channel().without_context(keys)

    # -- level methods on the default channel -------------------------------------------------

    def emergency(self, message: object, context: Mapping[str, Any] | None = None) -> None:
        """Log at ``emergency`` level on the default channel."""
        self.channel().emergency(message, context)

    def alert(self, message: object, context: Mapping[str, Any] | None = None) -> None:
        """Log at ``alert`` level on the default channel."""
        self.channel().alert(message, context)

    def critical(self, message: object, context: Mapping[str, Any] | None = None) -> None:
        """Log at ``critical`` level on the default channel."""
        self.channel().critical(message, context)

    def error(self, message: object, context: Mapping[str, Any] | None = None) -> None:
        """Log at ``error`` level on the default channel."""
        self.channel().error(message, context)

    def warning(self, message: object, context: Mapping[str, Any] | None = None) -> None:
        """Log at ``warning`` level on the default channel."""
        self.channel().warning(message, context)

    def notice(self, message: object, context: Mapping[str, Any] | None = None) -> None:
        """Log at ``notice`` level on the default channel."""
        self.channel().notice(message, context)

    def info(self, message: object, context: Mapping[str, Any] | None = None) -> None:
        """Log at ``info`` level on the default channel."""
        self.channel().info(message, context)

    def debug(self, message: object, context: Mapping[str, Any] | None = None) -> None:
        """Log at ``debug`` level on the default channel."""
        self.channel().debug(message, context)

    def log(
        self, level: str | int, message: object, context: Mapping[str, Any] | None = None
    ) -> None:
        """Log at ``level`` on the default channel."""
        self.channel().log(level, message, context)

    # -- building -----------------------------------------------------------------------------

    def _resolve(self, name: str, parents: tuple[str, ...]) -> Logger:
        if name in self._channels:
            return self._channels[name]
        if name in parents:
            chain = " -> ".join((*parents, name))
            raise LogConfigError(
                f"Log stack channels form a loop in config/logging.py: {chain}.",
                hint="Remove the stack from its own 'channels' list.",
            )
        config = self._channels_config.get(name)
        if config is None:
            where = f" (used by stack {parents[-1]!r})" if parents else ""
            known = ", ".join(sorted(self._channels_config)) or "none"
            raise LogConfigError(
                f"Log channel {name!r}{where} is not defined in config/logging.py.",
                hint=f"Add it under 'channels' or use one of: {known}.",
            )
        logger = self._create(name, config, parents)
        self._channels[name] = logger
        return logger

    def _create(self, name: str, config: Any, parents: tuple[str, ...]) -> Logger:
        if not isinstance(config, Mapping):
            raise LogConfigError(
                f"Log channel {name!r} must be a dict in config/logging.py, "
                f"got {type(config).__name__}.",
                hint="Write {'driver': 'single', 'path': 'storage/logs/parvel.log'}.",
            )
        driver = config.get("driver")
        if driver == "stack":
            handlers = self._stack_handlers(name, config, parents)
        else:
            handlers = self._driver_handlers(name, driver, config)
        logger = Logger(
            name,
            handlers,
            shared_context=self._shared,
            replace_placeholders=bool(config.get("replace_placeholders", True)),
            ignore_exceptions=bool(config.get("ignore_exceptions", False)),
            listeners=self._listeners,
            clock=self._timestamp,
        )
        for tap in config.get("tap") or ():
            tap(logger)
        return logger

    def _stack_handlers(
        self, name: str, config: Mapping[str, Any], parents: tuple[str, ...]
    ) -> list[logging.Handler]:
        members = config.get("channels")
        if isinstance(members, str):
            members = [part.strip() for part in members.split(",") if part.strip()]
        if not isinstance(members, Sequence) or not members:
            raise LogConfigError(
                f"Log stack {name!r} needs a non-empty 'channels' list in config/logging.py.",
                hint="For example 'channels': ['single'] (or LOG_STACK=single,stderr).",
            )
        handlers: list[logging.Handler] = []
        for member in members:
            logger = (
                member
                if isinstance(member, Logger)
                else self._resolve(str(member), (*parents, name))
            )
            for handler in logger.handlers:
                if handler not in handlers:
                    handlers.append(handler)
        return handlers

    def _driver_handlers(
        self, name: str, driver: object, config: Mapping[str, Any]
    ) -> list[logging.Handler]:
        if not isinstance(driver, str) or driver not in self._drivers:
            known = ", ".join(sorted([*self._drivers, "stack"]))
            raise LogConfigError(
                f"Log channel {name!r} uses unknown driver {driver!r} in config/logging.py.",
                hint=f"Use one of: {known} (or register one with LogManager.extend).",
            )
        level = self._level(name, config)
        formatter = self._formatter(name, driver, config)
        context = DriverContext(name, self.base_path, self.environment, self.timezone, self._now)
        made = self._drivers[driver](config, context)
        handlers = [made] if isinstance(made, logging.Handler) else list(made)
        for handler in handlers:
            if not isinstance(handler, logging.Handler):
                for other in handlers:
                    if isinstance(other, logging.Handler):
                        other.close()
                raise LogConfigError(
                    f"Log channel {name!r}: driver {driver!r} returned {handler!r}, "
                    "not a logging.Handler.",
                    hint="Return a logging.Handler (or a list of them) from the driver.",
                )
        for handler in handlers:
            if "level" in config or handler.level == logging.NOTSET:
                handler.setLevel(level)
            if formatter is not None and ("formatter" in config or handler.formatter is None):
                handler.setFormatter(formatter)
        return handlers

    def _level(self, name: str, config: Mapping[str, Any]) -> int:
        try:
            return parse_level(config.get("level", "debug"))
        except LogError as error:
            raise LogConfigError(
                f"Log channel {name!r} in config/logging.py: {error.message}", hint=error.hint
            ) from None

    def _formatter(
        self, name: str, driver: str, config: Mapping[str, Any]
    ) -> logging.Formatter | None:
        choice = config.get("formatter", "json" if driver == "json" else "text")
        label = str(config.get("name") or self.environment)
        if isinstance(choice, logging.Formatter):
            return choice
        if isinstance(choice, type) and issubclass(choice, logging.Formatter):
            try:
                return choice(**(config.get("formatter_with") or {}))
            except (TypeError, ValueError) as error:
                raise LogConfigError(
                    f"Log channel {name!r}: cannot create formatter {choice.__name__}: {error}.",
                    hint="Check 'formatter_with' in config/logging.py.",
                ) from None
        if choice == "text":
            return TextFormatter(label, self.timezone)
        if choice == "json":
            return JsonFormatter(label, self.timezone)
        raise LogConfigError(
            f"Log channel {name!r}: unknown formatter {choice!r} in config/logging.py.",
            hint="Use 'text', 'json', a logging.Formatter subclass or instance.",
        )

    def _now(self) -> datetime:
        return self._clock() if self._clock is not None else datetime.now(UTC)

    def _timestamp(self) -> float:
        return self._now().timestamp()
