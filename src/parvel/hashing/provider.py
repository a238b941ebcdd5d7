"""Binds the hash manager (``"hash"``, :class:`HashManager`) from config/hashing.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parvel.container import Container, ServiceProvider

if TYPE_CHECKING:
    from parvel.hashing.manager import HashManager


class HashServiceProvider(ServiceProvider):
    """Registers the hash manager."""

    def register(self) -> None:
        """Bind ``"hash"`` to a :class:`HashManager` over ``config("hashing")``."""
        self.app.singleton("hash", self._make)
        self.app.class_alias("hash", "parvel.hashing.manager:HashManager")

    def _make(self, container: Container) -> HashManager:
        from parvel.hashing.manager import HashManager

        config: Any = container.make("config")
        return HashManager(config.get("hashing", None))
