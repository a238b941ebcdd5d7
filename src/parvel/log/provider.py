"""Binds the log manager (``"log"``, :class:`LogManager`) from config/logging.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parvel.container import Container, ServiceProvider

if TYPE_CHECKING:
    from parvel.foundation.application import Application
    from parvel.log.manager import LogManager


class LogServiceProvider(ServiceProvider):
    """Registers the log manager and closes its files when the app terminates."""

    def register(self) -> None:
        """Bind ``"log"`` to a :class:`LogManager` over ``config("logging")``."""
        self.app.singleton("log", self._make)
        self.app.class_alias("log", "parvel.log.manager:LogManager")

    def _make(self, container: Container) -> LogManager:
        from parvel.log.manager import LogManager

        app: Application = self.app
        config: Any = app.config
        manager = LogManager(
            config.get("logging", None),
            app.base_path(),
            environment=str(app.environment()),
            timezone=config.get("app.timezone", "UTC"),
        )
        app.terminating(manager.close)
        return manager
