"""Binds the app's encrypter (``"encrypter"``, :class:`Encrypter`) from config ``app.key``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parvel.container import Container, ServiceProvider

if TYPE_CHECKING:
    from parvel.encryption.encrypter import Encrypter


class EncryptionServiceProvider(ServiceProvider):
    """Registers the encrypter; the key is read and checked when it is first used."""

    def register(self) -> None:
        """Bind ``"encrypter"`` lazily so commands like key:generate work without a key."""
        self.app.singleton("encrypter", self._make)
        self.app.class_alias("encrypter", "parvel.encryption.encrypter:Encrypter")

    def _make(self, container: Container) -> Encrypter:
        from parvel.encryption.encrypter import Encrypter

        config: Any = container.make("config")
        previous = config.get("app.previous_keys", None)
        if isinstance(previous, list | tuple):
            previous = ",".join(previous)
        return Encrypter.from_app_key(
            config.get("app.key", None),
            previous or None,
            cipher=config.get("app.cipher", "aes-256-gcm"),
        )
