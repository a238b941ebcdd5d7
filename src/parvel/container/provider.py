"""Service providers: where components and apps register bindings and boot."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from parvel.foundation.application import Application


class ServiceProvider:
    """Registers bindings (``register``) and then boots them (``boot``).

    ``register`` only binds things into the container; ``boot`` runs after every provider
    registered, with its parameters injected by the container. A provider listing the keys it
    ``provides`` and setting ``defer = True`` is only registered when one of them is first made.

    Example::

        class BillingServiceProvider(ServiceProvider):
            def register(self) -> None:
                self.app.singleton(PaymentGateway, lambda app: StripeGateway(app.config["services.stripe"]))
    """

    defer: ClassVar[bool] = False
    provides: ClassVar[list[Any]] = []

    def __init__(self, app: Application) -> None:
        self.app = app

    def register(self) -> None:
        """Bind services into the container. Do not resolve other services here."""

    def boot(self) -> None:
        """Called once every provider registered; override with injected parameters."""

    def commands(self, commands: list[Any]) -> None:
        """Register console commands (functions decorated with ``@command``)."""
        self.app.settings.setdefault("commands_registered", []).extend(commands)

    def merge_config_from(self, key: str, defaults: dict[str, Any]) -> None:
        """Fill in ``config(key)`` with ``defaults`` where the app's config is silent."""
        current = self.app.config.get(key, {})
        self.app.config.set(key, {**defaults, **current})
