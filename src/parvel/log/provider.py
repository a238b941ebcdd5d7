"""Binds the log manager (``"log"``, :class:`LogManager`) from config/logging.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parvel.container import Container, ServiceProvider
from parvel.log.manager import LogManager

if TYPE_CHECKING:
    from parvel.foundation.application import Application


class LogServiceProvider(ServiceProvider):
    """Registers the log manager and closes its files when the app terminates."""

    def register(self) -> None:
        """Bind ``"log"`` to a :class:`LogManager` over ``config("logging")``."""
        self.app.singleton("log", self._make)
        self.app.alias("log", LogManager)

    def _make(self, container: Container) -> LogManager:
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
