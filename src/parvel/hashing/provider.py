"""Binds the hash manager (``"hash"``, :class:`HashManager`) from config/hashing.py."""

from __future__ import annotations

from typing import Any

from parvel.container import Container, ServiceProvider
from parvel.hashing.manager import HashManager


class HashServiceProvider(ServiceProvider):
    """Registers the hash manager."""

    def register(self) -> None:
        """Bind ``"hash"`` to a :class:`HashManager` over ``config("hashing")``."""
        self.app.singleton("hash", self._make)
        self.app.alias("hash", HashManager)

    def _make(self, container: Container) -> HashManager:
        config: Any = container.make("config")
        return HashManager(config.get("hashing", None))
